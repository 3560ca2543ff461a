package dev.starling.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.formation.ShowTargets;
import dev.starling.plan.ShowPlanner;
import dev.starling.plan.TransitionStats;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code "transition": {"duration": 6, "style": "morph"}} flies the move into a scene at that
 * pace, exactly as {@code "transition": 6}; an unknown style or a missing duration is refused
 * with the field named.
 */
class TransitionStyleTest {
    private static Show hello(String transition) throws Exception {
        String json = Files.readString(Path.of("../shows/hello/show.json"));
        json = json.replace("\"color\": \"#FF3355\",", "\"color\": \"#FF3355\", \"transition\": " + transition + ",");
        return ShowLoader.parse(json, Path.of("../shows/hello"), "hello.json");
    }

    @Test
    void aMorphFliesAtTheGivenPaceLikeASecondsValue() throws Exception {
        Show morph = hello("{\"duration\": 9, \"style\": \"morph\"}");
        assertEquals(9.0, morph.scenes().get(1).transition());
        ShowPlanner.Assembled a = ShowPlanner.choreograph(morph, ShowTargets.sampleAll(morph),
                ShowPlanner.Progress.NONE).assemble();
        TransitionStats heart = a.transitions().stream().filter(t -> t.name().equals("→ Heart")).findFirst().orElseThrow();
        assertEquals(9.0, heart.duration(), 1e-9);
        assertTrue(heart.lowerBound() < 9, "slower than the fastest: " + heart.lowerBound());
        assertEquals(9.0, hello("9").scenes().get(1).transition());
    }

    @Test
    void anUnknownStyleOrNoDurationIsRefusedWithTheField() {
        InputException e = assertThrows(InputException.class, () -> hello("{\"duration\": 6, \"style\": \"warp\"}"));
        assertEquals("scenes[1].transition.style", e.path(), e.describe());
        InputException d = assertThrows(InputException.class, () -> hello("{\"style\": \"morph\"}"));
        assertEquals("scenes[1].transition", d.path(), d.describe());
    }
}
