package dev.starling.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * A bitmap of the glyphs the HUD needs (grey coverage, one byte per pixel), rasterised once with
 * java.awt from the CJK font bundled in core (Noto Sans SC subset), glyph by glyph falling back to
 * the logical SansSerif font for the few characters the subset lacks. Each glyph occupies a cell as wide as its advance; a small solid block serves
 * for panels. No GL here.
 */
final class FontAtlas {
    /** The CJK font that core bundles for text formations; the HUD shows scene names like "AI+车". */
    static final String BUNDLED_FONT = "/dev/starling/formation/fonts/StarlingNotoSansSC-Regular.otf";
    private static final int WIDTH = 1024;
    private static final int PAD = 1;
    private static final int SOLID = 4;

    final int width;
    final int height;
    /** Coverage 0..255, row-major from the top row. */
    final byte[] pixels;
    /** Baseline-to-baseline distance, pixels. */
    final int lineHeight;
    final int ascent;
    private final int[] codePoints;
    /** Per glyph: x, y, cell width, advance. */
    private final int[] cells;
    private final int cellHeight;
    /** Per glyph: drawn from the bundled font (else from the logical SansSerif fallback). */
    private final boolean[] fromBundled;
    /** Per glyph: no coverage anywhere in its cell (a space), so there is nothing to draw. */
    private final boolean[] blank;

    private FontAtlas(int width, int height, byte[] pixels, int lineHeight, int ascent, int[] codePoints, int[] cells,
                      int cellHeight, boolean[] fromBundled) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.lineHeight = lineHeight;
        this.ascent = ascent;
        this.codePoints = codePoints;
        this.cells = cells;
        this.cellHeight = cellHeight;
        this.fromBundled = fromBundled;
        blank = new boolean[codePoints.length];
        for (int g = 0; g < codePoints.length; g++) {
            blank[g] = true;
            for (int y = cellY(g); y < cellY(g) + cellHeight && blank[g]; y++) {
                for (int x = cellX(g); x < cellX(g) + cellWidth(g); x++) {
                    if (pixels[y * width + x] != 0) {
                        blank[g] = false;
                        break;
                    }
                }
            }
        }
    }

    /**
     * Rasterises printable ASCII plus every character of {@code extra} at {@code pixelSize}: each
     * glyph from the bundled font when it has it, else from the logical SansSerif font (whatever
     * the JDK maps it to on this machine), so one missing character never costs the others their
     * font.
     */
    static FontAtlas build(CharSequence extra, float pixelSize) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int c = 32; c < 127; c++) {
            set.add(c);
        }
        extra.codePoints().filter(c -> c >= 32).forEach(set::add);
        int[] cps = set.stream().mapToInt(Integer::intValue).toArray();
        Font bundled = bundled();
        Font primary = (bundled != null ? bundled : new Font(Font.SANS_SERIF, Font.PLAIN, 12))
                .deriveFont(Font.PLAIN, pixelSize);
        Font fallback = new Font(Font.SANS_SERIF, Font.PLAIN, 12).deriveFont(Font.PLAIN, pixelSize);
        boolean[] fromBundled = new boolean[cps.length];
        Font[] fonts = new Font[cps.length];
        for (int i = 0; i < cps.length; i++) {
            fromBundled[i] = bundled != null && primary.canDisplay(cps[i]);
            fonts[i] = fromBundled[i] ? primary : fallback;
        }

        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(primary);
        FontMetrics fb = pg.getFontMetrics(fallback);
        int ascent = Math.max(fm.getAscent(), fb.getAscent());
        int descent = Math.max(fm.getDescent(), fb.getDescent());
        int cellH = ascent + descent + 2 * PAD;
        int[] cells = new int[cps.length * 4];
        int x = SOLID + PAD, y = 0;
        for (int i = 0; i < cps.length; i++) {
            int adv = Math.max(1, (fromBundled[i] ? fm : fb).charWidth(cps[i]));
            int w = adv + 2 * PAD;
            if (x + w > WIDTH) {
                x = 0;
                y += cellH;
            }
            cells[4 * i] = x;
            cells[4 * i + 1] = y;
            cells[4 * i + 2] = w;
            cells[4 * i + 3] = adv;
            x += w;
        }
        pg.dispose();
        BufferedImage img = new BufferedImage(WIDTH, Math.max(y + cellH, SOLID), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SOLID, SOLID);
        for (int i = 0; i < cps.length; i++) {
            g.setFont(fonts[i]);
            g.drawString(new String(Character.toChars(cps[i])), cells[4 * i] + PAD, cells[4 * i + 1] + PAD + ascent);
        }
        g.dispose();
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int lineHeight = Math.max(fm.getHeight(), fb.getHeight());
        return new FontAtlas(img.getWidth(), img.getHeight(), px, lineHeight, ascent, cps, cells, cellH, fromBundled);
    }

    /** The bundled CJK font, or {@code null} when the resource is missing or unreadable. */
    private static Font bundled() {
        try (InputStream in = FontAtlas.class.getResourceAsStream(BUNDLED_FONT)) {
            return in == null ? null : Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            return null; // every glyph then comes from the logical font, with the JDK's fallbacks
        }
    }

    /** Whether the glyph of {@code cp} was drawn from the bundled font (false: the logical fallback, or absent). */
    boolean fromBundledFont(int cp) {
        int i = Arrays.binarySearch(codePoints, cp);
        return i >= 0 && fromBundled[i];
    }

    /** Index of the glyph for {@code cp}, or of '?' when the atlas lacks it. */
    int glyph(int cp) {
        int i = Arrays.binarySearch(codePoints, cp);
        return i >= 0 ? i : Arrays.binarySearch(codePoints, '?');
    }

    int cellX(int glyph) {
        return cells[4 * glyph];
    }

    int cellY(int glyph) {
        return cells[4 * glyph + 1];
    }

    int cellWidth(int glyph) {
        return cells[4 * glyph + 2];
    }

    int advance(int glyph) {
        return cells[4 * glyph + 3];
    }

    /** Whether {@code glyph}'s cell has no coverage at all (a space): drawing it changes nothing. */
    boolean blank(int glyph) {
        return blank[glyph];
    }

    int cellHeight() {
        return cellHeight;
    }

    /** Offset from the pen's baseline to the top of a cell, pixels (negative: above). */
    int cellTop() {
        return -ascent - PAD;
    }

    /** Centre of the solid block, in atlas pixels. */
    float solidCentre() {
        return SOLID / 2f;
    }

    /** Width of {@code text} in pixels. */
    int measure(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += advance(glyph(cp));
            i += Character.charCount(cp);
        }
        return w;
    }
}
