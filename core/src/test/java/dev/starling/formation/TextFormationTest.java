package dev.starling.formation;

import static dev.starling.formation.Fixtures.assertValid;
import static dev.starling.formation.Fixtures.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.formation.Fixtures.Spec;
import java.awt.geom.Area;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFormationTest {
    /** Points may sit anywhere in a lit raster pixel: a pixel's diagonal (step = ideal/4) and then some. */
    static final double INSIDE_TOLERANCE_OF_IDEAL = 0.4;

    @TempDir
    Path dir;

    @Test
    void latinTextGivesExactlyKPointsSpacedAndInsideTheGlyphs() {
        int k = 400;
        Shape shape = Formations.shapeOf(Spec.of("text").text("AI+").height(20).build(), dir);
        LocalPoints p = shape.sample(k, 7);
        assertEquals(k, p.size());
        assertEquals(p.minSpacing(), Spacing.min(p.u(), p.v(), p.w(), k), 1e-12, "reported spacing is exact");
        assertInsideGlyphs((VectorRegion) shape, p, INSIDE_TOLERANCE_OF_IDEAL * shape.idealSpacing(k));
        double[] b = shape.bounds();
        assertEquals(20, b[4] - b[1], 1e-6, "the ink is height metres tall");
        assertEquals(0, (b[1] + b[4]) / 2, 1e-6, "centred on the origin");
    }

    @Test
    void chineseTextWorksWithTheBundledFont() {
        int k = 700;
        Targets t = sample(Spec.of("text").text("两江四岸").height(60).count(k).build(), k, 2.12, dir);
        assertValid(t, k, k, 2.12);
        Shape shape = Formations.shapeOf(Spec.of("text").text("两江四岸").height(60).build(), dir);
        assertInsideGlyphs((VectorRegion) shape, shape.sample(k, Formations.DEFAULT_SEED),
                INSIDE_TOLERANCE_OF_IDEAL * shape.idealSpacing(k));
    }

    @Test
    void spacingIsCloseToTheIdealForTheArea() {
        int k = 1500;
        Shape shape = Formations.shapeOf(Spec.of("text").text("AI+车").height(40).build(), dir);
        LocalPoints p = shape.sample(k, 3);
        double ratio = p.minSpacing() / shape.idealSpacing(k);
        // Hexagonal packing (1.07) is the unreachable optimum; a plain random Poisson-disk set
        // reaches about 0.75, with holes. The sampler must be far better than that.
        assertTrue(ratio > 0.9, "min spacing / sqrt(area / k) = " + ratio);
    }

    @Test
    void strokeModePutsPointsOnTheOutlines() {
        int k = 300;
        Shape shape = Formations.shapeOf(Spec.of("text").text("O车").height(30).mode("stroke").build(), dir);
        CurveShape curves = assertInstanceOf(CurveShape.class, shape);
        LocalPoints p = shape.sample(k, 5);
        assertEquals(k, p.size());
        assertTrue(p.minSpacing() > 0.8 * shape.idealSpacing(k), "spread along the outline length");
        for (int i = 0; i < k; i++) {
            double d = distanceToPolylines(curves, p.u()[i], p.v()[i]);
            assertTrue(d < 1e-6, "point " + i + " is " + d + " m off the outline");
        }
    }

    @Test
    void linesStackUnderEachOther() {
        double[] one = Formations.shapeOf(Spec.of("text").text("AB").height(10).build(), dir).bounds();
        double[] two = Formations.shapeOf(Spec.of("text").text("A\nB").height(10).build(), dir).bounds();
        assertTrue(one[3] - one[0] > one[4] - one[1], "one line is wider than tall");
        assertTrue(two[3] - two[0] < two[4] - two[1], "two stacked letters are taller than wide");
    }

    @Test
    void aFontFileNextToTheShowWorks() throws IOException {
        try (InputStream in = TextSource.class.getResourceAsStream(TextSource.BUNDLED_FONT)) {
            Files.copy(in, dir.resolve("my.otf"));
        }
        Targets t = sample(Spec.of("text").text("Hi").font("my.otf").height(20).count(50).build(), 50, 1.5, dir);
        assertValid(t, 50, 50, 1.5);
    }

    @Test
    void aMissingGlyphNamesTheCharacterAndCodePoint() {
        InputException e = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("text").text("AI🚀").height(20).build(), dir));
        assertEquals("text", e.path());
        assertTrue(e.getMessage().contains("U+1F680"), e.getMessage());
        assertTrue(e.getMessage().contains("character 3"), e.getMessage());
        assertTrue(e.hint().contains("name a font that has it"), e.hint());
    }

    @Test
    void unknownFontsAndMissingFontFilesAreInputErrors() {
        InputException family = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("text").text("A").font("No Such Family 4711").height(20).build(), dir));
        assertEquals("font", family.path());
        assertTrue(family.hint().contains("installed family"), family.hint());
        InputException file = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("text").text("A").font("fonts/missing.ttf").height(20).build(), dir));
        assertEquals("font", file.path());
        assertTrue(file.getMessage().contains("no such font file"), file.getMessage());
    }

    @Test
    void emptyOrBlankTextIsAnInputError() {
        InputException empty = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("text").text("").height(20).build(), dir));
        assertEquals("text", empty.path());
        InputException blank = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("text").text("   ").height(20).build(), dir));
        assertTrue(blank.getMessage().contains("no visible glyphs"), blank.getMessage());
        InputException noHeight = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("text").text("A").build(), dir));
        assertEquals("height", noHeight.path());
    }

    @Test
    void tooSmallTextSaysByHowMuchToScaleAndThatScaleFits() {
        var spec = Spec.of("text").text("AI+车").height(40).count(600);
        InputException e = assertThrows(InputException.class, () -> sample(spec.build(), 600, 2.12, dir));
        assertEquals("height", e.path());
        assertTrue(e.getMessage().contains("cannot hold 600 points 2.12 m apart; it holds about"), e.getMessage());
        double height = Fixtures.suggestedValue(e, "height");
        assertEquals(40 * Fixtures.suggestedScale(e), height, 0.011);
        Targets t = sample(spec.height(height).build(), 600, 2.12, dir);
        assertValid(t, 600, 600, 2.12);
    }

    static void assertInsideGlyphs(VectorRegion region, LocalPoints p, double tolerance) {
        Area ink = new Area();
        for (VectorRegion.Painted it : region.items()) {
            ink.add(new Area(it.shape()));
        }
        for (int i = 0; i < p.size(); i++) {
            double u = p.u()[i], v = p.v()[i];
            assertTrue(ink.intersects(u - tolerance, v - tolerance, 2 * tolerance, 2 * tolerance),
                    "point (" + u + ", " + v + ") lies outside the glyphs");
        }
    }

    static double distanceToPolylines(CurveShape shape, double u, double v) {
        double best = Double.POSITIVE_INFINITY;
        for (CurveShape.Polyline l : shape.lines()) {
            double[] a = l.xyz();
            int n = a.length / 3;
            int segs = l.closed() ? n : n - 1;
            for (int s = 0; s < segs; s++) {
                int b = (s + 1) % n;
                best = Math.min(best, Line2D.ptSegDist(a[3 * s], a[3 * s + 1], a[3 * b], a[3 * b + 1], u, v));
            }
        }
        return best;
    }
}
