package dev.starling.formation;

import static dev.starling.formation.Fixtures.assertValid;
import static dev.starling.formation.Fixtures.sample;
import static dev.starling.formation.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.formation.Fixtures.Spec;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SvgFormationTest {
    static final double TOL = 1e-9;

    @TempDir
    Path dir;

    static final String TWO_SHAPES = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">
              <g transform="translate(100 0)">
                <rect x="-100" y="0" width="100" height="100" fill="#ff0000"/>
                <circle cx="50" cy="50" r="50" style="fill: rgb(0, 0, 255); stroke: none"/>
              </g>
            </svg>""";

    @Test
    void fillColoursBecomeDroneColoursInTheRightPlaces() throws IOException {
        write(dir, "two.svg", TWO_SHAPES);
        int k = 400;
        Targets t = sample(Spec.of("svg").file("two.svg").width(80).count(k).build(), k, 1.5, dir);
        assertValid(t, k, k, 1.5);
        int red = 0;
        for (int i = 0; i < k; i++) {
            // drawing 200 × 100 units → 80 × 40 m, centred at x = 0, z = 60; rect on the left
            int rgb = t.rgb()[i];
            if (rgb == 0xFF0000) {
                red++;
                assertTrue(t.x()[i] <= 0.5, "red points on the left: x = " + t.x()[i]);
            } else {
                assertEquals(0x0000FF, rgb);
                double dx = t.x()[i] - 20, dz = t.z()[i] - 60;
                assertTrue(Math.hypot(dx, dz) <= 20 + 0.5, "blue points inside the circle");
            }
        }
        double redShare = 1 / (1 + Math.PI / 4);
        assertEquals(redShare * k, red, 0.06 * k, "points in proportion to the areas");
    }

    @Test
    void transformsApplyToElementsAndGroups() throws IOException {
        write(dir, "t.svg", """
                <svg xmlns="http://www.w3.org/2000/svg">
                  <g transform="rotate(90) scale(2, 1)">
                    <rect width="10" height="10" transform="matrix(1 0 0 3 5 0)"/>
                  </g>
                </svg>""");
        double[] b = Formations.shapeOf(Spec.of("svg").file("t.svg").height(60).build(), dir).bounds();
        // rect 10 × 10 → matrix: 10 × 30 → scale: 20 × 30 → rotate 90°: 30 wide, 20 tall
        assertEquals(60.0 * 30 / 20, b[3] - b[0], 1e-6);
        assertEquals(60.0, b[4] - b[1], 1e-6);
    }

    @Test
    void everyBasicShapeDraws() throws IOException {
        write(dir, "all.svg", """
                <svg xmlns="http://www.w3.org/2000/svg">
                  <rect x="0" y="0" width="10" height="10" rx="2"/>
                  <circle cx="20" cy="5" r="5"/>
                  <ellipse cx="35" cy="5" rx="8" ry="4"/>
                  <polygon points="50,0 60,0 55,10"/>
                  <polyline points="65 0 75 0 75 10" fill="#00ff00"/>
                  <line x1="80" y1="0" x2="90" y2="10" stroke="#ffffff" stroke-width="2"/>
                  <path d="m95 0 h10 v10 h-10 z"/>
                </svg>""");
        VectorRegion region = assertInstanceOf(VectorRegion.class,
                Formations.shapeOf(Spec.of("svg").file("all.svg").width(105).build(), dir));
        assertEquals(7, region.items().size(), "one painted shape per element (the line by its stroke)");
        double expected = 100 - (4 - Math.PI) * 4 + 25 * Math.PI + 32 * Math.PI + 50 + 50 + 2 * Math.hypot(10, 10) + 100;
        assertEquals(expected, region.measure(), 0.03 * expected, "painted area");
    }

    @Test
    void strokeModePutsPointsOnTheOutline() throws IOException {
        write(dir, "c.svg", "<svg xmlns='http://www.w3.org/2000/svg'><circle cx='0' cy='0' r='10' fill='none' stroke='#ffcc00'/></svg>");
        int k = 100;
        Shape shape = Formations.shapeOf(Spec.of("svg").file("c.svg").width(40).mode("stroke").build(), dir);
        LocalPoints p = shape.sample(k, 1);
        for (int i = 0; i < k; i++) {
            assertEquals(20, Math.hypot(p.u()[i], p.v()[i]), 0.05, "on the circle of radius 20 m (within the flattening)");
            assertEquals(0xFFCC00, p.rgb()[i], "stroke colour");
        }
        assertTrue(p.minSpacing() > 0.95 * 2 * Math.PI * 20 / k, "evenly spaced: " + p.minSpacing());
    }

    @Test
    void unspecifiedFillTakesTheSceneColour() throws IOException {
        write(dir, "plain.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect width='10' height='10'/></svg>");
        Targets t = Formations.sample(Spec.of("svg").file("plain.svg").width(20).count(20).build(),
                Fixtures.FRONT, 0x123456, 20, 1.5, dir);
        for (int i = 0; i < 20; i++) {
            assertEquals(0x123456, t.rgb()[i]);
        }
    }

    @Test
    void pathDataCoversEveryCommand() throws Exception {
        // absolute and relative lines, implicit repeats, compact numbers
        assertBounds("M0,0L10-5.5.5.5l-1e1 0z", -9.5, -5.5, 10, 0.5); // 10 -5.5 | .5 .5 | -10 0
        assertBounds("m 0 0 10 0 0 10", 0, 0, 10, 10); // implicit lineto after moveto
        assertBounds("M0 0 H 10 V 10 h -5 v -2", 0, 0, 10, 10);
        // cubic and smooth cubic: the reflected control point
        Path2D.Double s = SvgPathParser.parse("M0 0 C 0 10 10 10 10 0 S 20 -10 20 0");
        double[] seg = lastSegment(s);
        assertEquals(20, seg[4], TOL);
        assertEquals(0, seg[5], TOL);
        double[] firstCtrl = segment(s, 2);
        assertEquals(10, firstCtrl[0], TOL, "S reflects the previous second control point");
        assertEquals(-10, firstCtrl[1], TOL);
        Path2D.Double q = SvgPathParser.parse("M0 0 Q 5 10 10 0 T 20 0");
        double[] t = segment(q, 2);
        assertEquals(15, t[0], TOL, "T reflects the previous control point");
        assertEquals(-10, t[1], TOL);
    }

    @Test
    void arcsFollowTheSvgRules() throws Exception {
        // sweep 1 from (0,0) to (20,0), r = 10: the upper half in SVG's y-down frame
        Rectangle2D up = SvgPathParser.parse("M0 0 A10 10 0 0 1 20 0").getBounds2D();
        assertEquals(-10, up.getMinY(), 0.05);
        assertEquals(0, up.getMaxY(), 0.05);
        Rectangle2D down = SvgPathParser.parse("M0 0 a10 10 0 0 0 20 0").getBounds2D();
        assertEquals(10, down.getMaxY(), 0.05);
        // radii too small are scaled up to reach; flags without separators
        Rectangle2D scaled = SvgPathParser.parse("M0 0 A1 1 0 0120 0").getBounds2D();
        assertEquals(20, scaled.getWidth(), 1e-6);
        assertEquals(10, scaled.getHeight(), 0.05);
        // large arc: more than half the ellipse
        Rectangle2D large = SvgPathParser.parse("M0 0 A10 10 0 1 1 10 10").getBounds2D();
        assertTrue(large.getWidth() > 19, "large-arc flag takes the long way: " + large);
        // rotated ellipse
        Rectangle2D rotated = SvgPathParser.parse("M-10 0 A10 5 90 1 1 10 0 A10 5 90 1 1 -10 0").getBounds2D();
        assertTrue(rotated.getHeight() > 15, "rx = 10 rotated by 90° runs vertically: " + rotated);
    }

    @Test
    void malformedPathDataIsAnInputErrorWithThePlace() throws IOException {
        write(dir, "bad.svg", "<svg xmlns='http://www.w3.org/2000/svg'><path id='wing' d='M 0 0 L 10 x'/></svg>");
        InputException e = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("svg").file("bad.svg").width(10).build(), dir));
        assertEquals("file", e.path());
        assertTrue(e.getMessage().contains("id=\"wing\"") && e.getMessage().contains("character 12"), e.getMessage());
    }

    @Test
    void anSvgWithNoGeometryIsAnInputError() throws IOException {
        write(dir, "empty.svg", "<svg xmlns='http://www.w3.org/2000/svg'><defs><rect width='5' height='5'/></defs></svg>");
        InputException e = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("svg").file("empty.svg").width(10).build(), dir));
        assertTrue(e.getMessage().contains("no drawable geometry"), e.getMessage());
        write(dir, "text.svg", "<svg xmlns='http://www.w3.org/2000/svg'><text x='0' y='10'>Hi</text></svg>");
        InputException t = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("svg").file("text.svg").width(10).build(), dir));
        assertTrue(t.hint().contains("convert text to paths"), t.hint());
        write(dir, "lines.svg", "<svg xmlns='http://www.w3.org/2000/svg'><line x1='0' y1='0' x2='10' y2='10'/></svg>");
        InputException l = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("svg").file("lines.svg").width(10).build(), dir));
        assertTrue(l.hint().contains("stroke"), l.hint());
    }

    @Test
    void dtdsAndExternalEntitiesAreRefused() throws IOException {
        Path secret = write(dir, "secret.txt", "classified");
        write(dir, "xxe.svg", "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM '" + secret.toUri()
                + "'>]><svg xmlns='http://www.w3.org/2000/svg'><text>&x;</text><rect width='1' height='1'/></svg>");
        InputException e = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("svg").file("xxe.svg").width(10).build(), dir));
        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        assertFalse(e.getMessage().contains("classified"));
        write(dir, "bomb.svg", "<!DOCTYPE svg [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>"
                + "<svg xmlns='http://www.w3.org/2000/svg'><title>&b;</title></svg>");
        assertThrows(InputException.class, () -> Formations.shapeOf(Spec.of("svg").file("bomb.svg").width(10).build(), dir));
    }

    @Test
    void absurdNestingIsAnInputErrorNotACrash() throws IOException {
        String deep = "<g>".repeat(50_000) + "<rect width='1' height='1'/>" + "</g>".repeat(50_000);
        write(dir, "deep.svg", "<svg xmlns='http://www.w3.org/2000/svg'>" + deep + "</svg>");
        InputException e = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("svg").file("deep.svg").width(10).build(), dir));
        assertTrue(e.getMessage().contains("levels deep"), e.getMessage());
    }

    @Test
    void badAttributesAreInputErrors() throws IOException {
        write(dir, "c.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect width='10' height='10' fill='sparkly'/></svg>");
        assertTrue(assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("svg").file("c.svg").width(10).build(), dir)).getMessage().contains("sparkly"));
        write(dir, "t.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect width='10' height='10' transform='wobble(3)'/></svg>");
        assertTrue(assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("svg").file("t.svg").width(10).build(), dir)).getMessage().contains("wobble"));
        write(dir, "x.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect width='10' height='10'");
        assertEquals("file", assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("svg").file("x.svg").width(10).build(), dir)).path());
        write(dir, "h.svg", "<html/>");
        assertTrue(assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("svg").file("h.svg").width(10).build(), dir)).getMessage().contains("not an SVG"));
    }

    private static void assertBounds(String d, double x0, double y0, double x1, double y1) throws Exception {
        Rectangle2D b = SvgPathParser.parse(d).getBounds2D();
        assertEquals(x0, b.getMinX(), TOL, d);
        assertEquals(y0, b.getMinY(), TOL, d);
        assertEquals(x1, b.getMaxX(), TOL, d);
        assertEquals(y1, b.getMaxY(), TOL, d);
    }

    private static double[] segment(Path2D p, int index) {
        PathIterator it = p.getPathIterator(null);
        double[] c = new double[6];
        for (int i = 0; i < index; i++) {
            it.next();
        }
        it.currentSegment(c);
        return c;
    }

    private static double[] lastSegment(Path2D p) {
        PathIterator it = p.getPathIterator(null);
        double[] c = new double[6];
        while (!it.isDone()) {
            it.currentSegment(c);
            it.next();
        }
        return c;
    }
}
