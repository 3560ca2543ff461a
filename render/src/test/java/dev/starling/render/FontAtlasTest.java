package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FontAtlasTest {
    @Test
    void atlasHoldsAsciiAndTheSceneNamesCjk() {
        FontAtlas a = FontAtlas.build("AI+车 两江四岸", 16);
        int car = a.glyph('车');
        assertNotEquals(a.glyph('?'), car, "车 has its own glyph");
        assertTrue(inkIn(a, car) > 10, "and it has ink");
        assertTrue(inkIn(a, a.glyph('A')) > 10);
        assertEquals(0, inkIn(a, a.glyph(' ')), "a space has none");
        assertEquals(a.glyph('?'), a.glyph('Ω'), "missing characters fall back to '?'");
        assertTrue(a.measure("AI+车") > a.measure("AI+"));
    }

    private static int inkIn(FontAtlas a, int g) {
        int ink = 0;
        for (int y = a.cellY(g); y < a.cellY(g) + a.cellHeight(); y++) {
            for (int x = a.cellX(g); x < a.cellX(g) + a.cellWidth(g); x++) {
                if ((a.pixels[y * a.width + x] & 255) > 128) {
                    ink++;
                }
            }
        }
        return ink;
    }
}
