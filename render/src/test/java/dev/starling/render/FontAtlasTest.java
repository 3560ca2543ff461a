package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
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
        for (int cp : new int[] {' ', 'A', '车', '?', '.'}) {
            assertEquals(inkIn(a, a.glyph(cp)) == 0, a.blank(a.glyph(cp)), "blank, which the HUD skips, means no ink: " + (char) cp);
        }
        assertEquals(a.glyph('?'), a.glyph('Ω'), "missing characters fall back to '?'");
        assertTrue(a.measure("AI+车") > a.measure("AI+"));
    }

    /**
     * The flagship's title and scene names mix CJK with characters the bundled subset lacks
     * (the title's '·'); every CJK glyph must still come from the bundled font, drawn exactly as
     * that font draws it, whatever fonts this machine has (CI has none with CJK).
     */
    @Test
    void everyChineseGlyphOfTheFlagshipHudIsDrawnFromTheBundledFont() throws IOException {
        JsonNode show = new ObjectMapper().readTree(Path.of("..", "shows", "chongqing", "show.json").toFile());
        StringBuilder hud = new StringBuilder(show.get("name").asText());
        for (JsonNode scene : show.get("scenes")) {
            hud.append(' ').append(scene.get("name").asText());
        }
        Font bundled;
        try (InputStream in = FontAtlas.class.getResourceAsStream(FontAtlas.BUNDLED_FONT)) {
            bundled = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(Font.PLAIN, 18f);
        } catch (java.awt.FontFormatException e) {
            throw new AssertionError(e);
        }
        FontAtlas a = FontAtlas.build(hud, 18);
        int[] cjk = hud.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).distinct().toArray();
        assertTrue(cjk.length >= 20, "the flagship HUD has many Chinese characters: " + cjk.length);
        for (int cp : cjk) {
            String ch = new String(Character.toChars(cp));
            assertTrue(a.fromBundledFont(cp), ch + " comes from the bundled font");
            int g = a.glyph(cp);
            assertNotEquals(a.glyph('?'), g, ch + " has its own cell");
            byte[] want = reference(bundled, cp, a);
            int differ = 0, ink = 0;
            for (int y = 0; y < a.cellHeight(); y++) {
                for (int x = 0; x < a.cellWidth(g); x++) {
                    int got = a.pixels[(a.cellY(g) + y) * a.width + a.cellX(g) + x] & 255;
                    int exp = want[y * a.cellWidth(g) + x] & 255;
                    differ += Math.abs(got - exp) > 8 ? 1 : 0;
                    ink += got > 128 ? 1 : 0;
                }
            }
            assertEquals(0, differ, ch + ": the atlas cell equals the bundled font's own rendering");
            assertTrue(ink > 15, ch + " has ink: " + ink);
        }
    }

    @Test
    void oneMissingCharacterDoesNotTakeTheBundledFontFromTheOthers() {
        FontAtlas a = FontAtlas.build("\u2603 车", 16); // a snowman: not in the Noto SC subset
        assertTrue(a.fromBundledFont('车'));
        assertTrue(a.fromBundledFont('A'));
        assertTrue(!a.fromBundledFont(0x2603), "the snowman comes from the fallback");
    }

    /** {@code cp} drawn alone with {@code font} into a cell the size of its atlas cell, as the atlas draws it. */
    private static byte[] reference(Font font, int cp, FontAtlas a) {
        int g = a.glyph(cp);
        BufferedImage img = new BufferedImage(a.cellWidth(g), a.cellHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = img.createGraphics();
        gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        gr.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        gr.setColor(Color.WHITE);
        gr.setFont(font);
        gr.drawString(new String(Character.toChars(cp)), 1, 1 + a.ascent);
        gr.dispose();
        return ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
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
