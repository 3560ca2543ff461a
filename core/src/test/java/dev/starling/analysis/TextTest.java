package dev.starling.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void chineseTakesTwoCellsPerCharacter() {
        assertEquals(8, Text.width("新韵重庆"));
        assertEquals(5, Text.width("AI+车"));
        assertEquals(17, Text.width("来福士 · 朝天扬帆"));
    }

    @Test
    void padsAndCutsToExactCells() {
        assertEquals(18, Text.width(Text.pad("来福士 · 朝天扬帆", 18)));
        assertEquals("AI+车     ", Text.pad("AI+车", 10));
        String cut = Text.pad("来福士 · 朝天扬帆", 10);
        assertEquals(10, Text.width(cut));
        assertEquals('…', cut.strip().charAt(cut.strip().length() - 1));
        assertEquals("south-ban…", Text.pad("south-bank-long", 10));
    }
}
