package dev.starling.show;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void levenshteinDistance() {
        assertEquals(0, Suggestions.distance("hold", "hold"));
        assertEquals(1, Suggestions.distance("hold", "holdd"));
        assertEquals(2, Suggestions.distance("heigth", "height"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(4, Suggestions.distance("", "text"));
    }

    @Test
    void closestNamesAreSuggestedAndFarOnesAreNot() {
        List<String> fields = List.of("minSeparation", "maxSpeedXY", "maxSpeedUp", "maxSpeedDown");
        assertEquals(List.of("maxSpeedXY"), Suggestions.closest("maxspeedxy", fields));
        assertEquals(List.of("maxSpeedUp"), Suggestions.closest("maxSpedUp", fields));
        assertEquals(List.of(), Suggestions.closest("colour", fields));
        assertEquals(List.of("minSeparation"), Suggestions.closest("separation", fields), "a name it contains");
    }

    @Test
    void hintListsEveryValidName() {
        assertEquals("did you mean \"ring\"? shapes: sphere, ring", Suggestions.hint("rings", List.of("sphere", "ring"), "shapes"));
        assertEquals("shapes: sphere, ring", Suggestions.hint("cube", List.of("sphere", "ring"), "shapes"));
    }
}
