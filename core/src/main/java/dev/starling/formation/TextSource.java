package dev.starling.formation;

import dev.starling.InputException;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text formations: glyph outlines from java.awt fonts ({@code Font.createGlyphVector(...)
 * .getOutline()}), lines centred under each other, scaled so the ink of the whole block is
 * {@code height} metres tall. Fill mode spreads points over the glyphs' area, stroke mode along
 * their outlines.
 */
final class TextSource {
    /** The bundled default font: a GB2312 + Latin subset of Noto Sans CJK SC (see fonts/README.md). */
    static final String BUNDLED_FONT = "fonts/StarlingNotoSansSC-Regular.otf";
    /** Point size glyphs are laid out at before scaling to metres (precision only). */
    private static final float LAYOUT_SIZE = 200f;

    private static volatile Font bundled;

    private TextSource() {
    }

    static Shape shape(String text, String fontName, Double heightField, String mode, Path baseDir) {
        if (text == null || text.isEmpty()) {
            throw new InputException(null, "text", "the text is empty", "give the words to draw, e.g. \"text\": \"AI+车\"");
        }
        double height = Fields.positive(heightField, "height", "40");
        boolean stroke = Modes.stroke(mode);
        Font font = resolve(fontName, baseDir).deriveFont(Font.PLAIN, LAYOUT_SIZE);
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = normalized.split("\n", -1);
        int offset = 0;
        for (String line : lines) {
            int bad = font.canDisplayUpTo(line);
            if (bad >= 0) {
                int cp = line.codePointAt(bad);
                String where = fontName == null ? "the bundled font (Noto Sans SC subset)" : "font '" + fontName + "'";
                throw new InputException(null, fontName == null ? "text" : "font",
                        where + " has no glyph for '" + new String(Character.toChars(cp)) + "' ("
                                + String.format(Locale.ROOT, "U+%04X", cp) + "), character "
                                + (normalized.codePointCount(0, offset + bad) + 1) + " of the text",
                        "name a font that has it: an installed family or a .ttf/.otf file next to the show file"
                                + (fontName == null ? " (the bundled font covers ASCII, Latin-1 and the 6763 GB2312 hanzi)" : ""));
            }
            offset += line.length() + 1;
        }

        FontRenderContext frc = new FontRenderContext(null, true, true);
        float lineHeight = font.getLineMetrics("Ag国", frc).getHeight();
        Path2D.Double outline = new Path2D.Double(Path2D.WIND_NON_ZERO);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            GlyphVector gv = font.createGlyphVector(frc, lines[i]);
            java.awt.Shape glyphs = gv.getOutline(0, i * lineHeight);
            Rectangle2D b = glyphs.getBounds2D();
            outline.append(AffineTransform.getTranslateInstance(-b.getCenterX(), 0).createTransformedShape(glyphs), false);
        }
        Rectangle2D ink = outline.getBounds2D();
        if (ink.isEmpty() || ink.getHeight() <= 0) {
            throw new InputException(null, "text", "the text \"" + text + "\" has no visible glyphs",
                    "give letters or characters to draw, not only spaces");
        }
        double s = height / ink.getHeight();
        // Java2D's y runs down; the formation's v runs up: flip, and centre the ink on the origin.
        AffineTransform toMetres = new AffineTransform(s, 0, 0, -s, -ink.getCenterX() * s, ink.getCenterY() * s);
        java.awt.Shape metres = toMetres.createTransformedShape(outline);
        String fontLabel = fontName == null ? "bundled Noto Sans SC" : fontName;
        String shown = text.replace("\n", "\\n");
        if (!stroke) {
            return VectorRegion.of(List.of(new VectorRegion.Painted(metres, Raster.DEFAULT)), "the text",
                    "text \"" + shown + "\" (fill, " + fontLabel + "), %s");
        }
        return new CurveShape(outlines(metres, height * 1e-3, Raster.DEFAULT), "the text outline",
                "text \"" + shown + "\" (stroke, " + fontLabel + "), %s");
    }

    /** Flattened subpaths of a shape as polylines in w = 0 (flatness in the shape's units). */
    static List<CurveShape.Polyline> outlines(java.awt.Shape shape, double flatness, int label) {
        List<CurveShape.Polyline> out = new ArrayList<>();
        PathIterator it = shape.getPathIterator(null, flatness);
        double[] c = new double[6];
        double[] pts = new double[64];
        int n = 0;
        while (!it.isDone()) {
            int type = it.currentSegment(c);
            if (type == PathIterator.SEG_MOVETO) {
                if (n >= 2) {
                    out.add(new CurveShape.Polyline(to3d(pts, n), false, label));
                }
                n = 0;
                pts = add(pts, n++, c[0], c[1]);
            } else if (type == PathIterator.SEG_LINETO) {
                pts = add(pts, n++, c[0], c[1]);
            } else if (type == PathIterator.SEG_CLOSE) {
                if (n >= 2) {
                    out.add(new CurveShape.Polyline(to3d(pts, n), true, label));
                }
                double x0 = pts[0], y0 = pts[1];
                n = 0;
                pts = add(pts, n++, x0, y0); // a following LINETO continues from the start point
            }
            it.next();
        }
        if (n >= 2) {
            out.add(new CurveShape.Polyline(to3d(pts, n), false, label));
        }
        return out;
    }

    private static double[] add(double[] pts, int i, double x, double y) {
        if (2 * i + 2 > pts.length) {
            pts = Arrays.copyOf(pts, pts.length * 2);
        }
        pts[2 * i] = x;
        pts[2 * i + 1] = y;
        return pts;
    }

    private static double[] to3d(double[] pts, int n) {
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = pts[2 * i];
            xyz[3 * i + 1] = pts[2 * i + 1];
        }
        return xyz;
    }

    /**
     * The font named by a show file: null → the bundled font; an existing file (relative to
     * {@code baseDir}) → that font file; otherwise an installed family, case-insensitively.
     */
    static Font resolve(String name, Path baseDir) {
        if (name == null) {
            return bundled();
        }
        if (name.isBlank()) {
            throw new InputException(null, "font", "font is empty", "leave font out to use the bundled font, or name a font");
        }
        Path base = baseDir == null ? Path.of("") : baseDir;
        Path file = null;
        try {
            file = base.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException notAPath) {
            // a family name with characters a path cannot hold
        }
        if (file != null && Files.isRegularFile(file)) {
            try {
                Font[] fonts = Font.createFonts(file.toFile());
                if (fonts.length == 0) {
                    throw new FontFormatException("no font in the file");
                }
                return fonts[0];
            } catch (FontFormatException | IOException e) {
                throw new InputException(null, "font", "cannot read font file " + file + ": " + e.getMessage(),
                        "use a TrueType or OpenType font file (.ttf, .otf, .ttc)");
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
        for (String f : families) {
            if (f.toLowerCase(Locale.ROOT).equals(lower)) {
                return new Font(f, Font.PLAIN, 1);
            }
        }
        boolean looksLikeFile = lower.endsWith(".ttf") || lower.endsWith(".otf") || lower.endsWith(".ttc")
                || name.contains("/") || name.contains("\\");
        if (looksLikeFile) {
            throw new InputException(null, "font", "no such font file: " + file,
                    "font files are found relative to the show file's folder (" + base.toAbsolutePath().normalize() + ")");
        }
        List<String> some = new ArrayList<>(Arrays.asList(families));
        String list = String.join(", ", some.subList(0, Math.min(10, some.size())));
        throw new InputException(null, "font", "no font file or installed font family named '" + name + "'",
                "leave font out for the bundled Noto Sans SC, name a .ttf/.otf file, or an installed family: "
                        + list + (some.size() > 10 ? ", ..." : ""));
    }

    static Font bundled() {
        Font f = bundled;
        if (f == null) {
            synchronized (TextSource.class) {
                f = bundled;
                if (f == null) {
                    try (InputStream in = TextSource.class.getResourceAsStream(BUNDLED_FONT)) {
                        if (in == null) {
                            throw new IllegalStateException("bundled font missing from the classpath: " + BUNDLED_FONT);
                        }
                        f = Font.createFont(Font.TRUETYPE_FONT, in);
                    } catch (IOException | FontFormatException e) {
                        throw new IllegalStateException("bundled font unreadable: " + BUNDLED_FONT, e);
                    }
                    bundled = f;
                }
            }
        }
        return f;
    }
}
