package dev.starling.show;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PolygonsTest {
    static final double[][] SQUARE = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    /** An L shape: the notch (5..10, 5..10) is outside. */
    static final double[][] ELL = {{0, 0}, {10, 0}, {10, 5}, {5, 5}, {5, 10}, {0, 10}};

    @Test
    void containsInsideOutsideAndBoundary() {
        assertTrue(Polygons.contains(SQUARE, 5, 5));
        assertTrue(Polygons.contains(SQUARE, 0, 5), "boundary counts as inside");
        assertTrue(Polygons.contains(SQUARE, 10, 10), "vertex counts as inside");
        assertFalse(Polygons.contains(SQUARE, 10.001, 5));
        assertFalse(Polygons.contains(SQUARE, -1, -1));
        assertTrue(Polygons.contains(ELL, 2, 8));
        assertFalse(Polygons.contains(ELL, 8, 8), "the notch of a non-convex polygon is outside");
    }

    @Test
    void simplePolygonsHaveNoSelfIntersection() {
        assertNull(Polygons.firstSelfIntersection(SQUARE));
        assertNull(Polygons.firstSelfIntersection(ELL));
        assertNull(Polygons.firstSelfIntersection(new double[][] {{0, 0}, {1, 0}, {0, 1}}));
    }

    @Test
    void crossingsTouchesAndFoldsAreFound() {
        double[][] bowTie = {{0, 0}, {10, 10}, {10, 0}, {0, 10}};
        assertArrayEquals(new int[] {0, 2}, Polygons.firstSelfIntersection(bowTie));
        double[][] touching = {{0, 0}, {10, 0}, {10, 10}, {5, 0.0}, {0, 10}};
        assertNotNull(Polygons.firstSelfIntersection(touching), "a vertex on another edge");
        double[][] spike = {{0, 0}, {10, 0}, {5, 0}, {5, 10}};
        assertNotNull(Polygons.firstSelfIntersection(spike), "an edge folding back onto the previous one");
        double[][] closingSpike = {{5, 0}, {0, 5}, {0, 0}, {10, 0}};
        assertNotNull(Polygons.firstSelfIntersection(closingSpike), "folding across the closing vertex");
    }

    @Test
    void areaIsSignedByWinding() {
        assertEquals(200, Polygons.doubleArea(SQUARE));
        double[][] cw = SQUARE.clone();
        java.util.Collections.reverse(Arrays.asList(cw));
        assertEquals(-200, Polygons.doubleArea(cw));
        assertEquals(0, Polygons.doubleArea(new double[][] {{0, 0}, {1, 1}, {2, 2}}));
    }

    /** A star-shaped polygon around the origin: sorted angles, radii 1..10. */
    static double[][] star(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] angles = new double[n];
        for (int i = 0; i < n; i++) {
            angles[i] = r.nextDouble(0, 2 * Math.PI);
        }
        Arrays.sort(angles);
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            double rad = r.nextDouble(1, 10);
            p[i] = new double[] {rad * Math.cos(angles[i]), rad * Math.sin(angles[i])};
        }
        return p;
    }

    @Property(tries = 200, seed = "20261125")
    void starShapedPolygonsAreSimpleAndHoldTheirCentre(@ForAll @LongRange(min = 1) long seed,
                                                       @ForAll @IntRange(min = 3, max = 40) int n) {
        double[][] p = star(seed, n);
        // with angles strictly increasing and all gaps below π, the polygon winds once around the origin
        double maxGap = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.atan2(p[i][1], p[i][0]);
            double b = Math.atan2(p[(i + 1) % n][1], p[(i + 1) % n][0]);
            double gap = b - a;
            while (gap < 0) {
                gap += 2 * Math.PI;
            }
            maxGap = Math.max(maxGap, gap);
        }
        if (maxGap >= Math.PI - 1e-9) {
            return;
        }
        assertNull(Polygons.firstSelfIntersection(p), () -> Arrays.deepToString(p));
        assertTrue(Polygons.contains(p, 0, 0));
        assertTrue(Polygons.doubleArea(p) > 0);
    }

    @Property(tries = 200, seed = "20261125")
    void containsDoesNotDependOnWindingOrStart(@ForAll @LongRange(min = 1) long seed,
                                               @ForAll @IntRange(min = 3, max = 20) int n,
                                               @ForAll @IntRange(min = 0, max = 19) int shift) {
        double[][] p = star(seed, n);
        double[][] q = new double[n][];
        for (int i = 0; i < n; i++) {
            q[i] = p[(n - 1 - i + shift) % n];
        }
        SplittableRandom r = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        for (int k = 0; k < 50; k++) {
            double x = r.nextDouble(-12, 12), y = r.nextDouble(-12, 12);
            assertEquals(Polygons.contains(p, x, y), Polygons.contains(q, x, y));
        }
    }
}
