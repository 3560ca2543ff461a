package dev.starling.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PolygonTest {
    private static final double EPS = 1e-9;

    /** An L-shaped (concave) outline, clockwise as given. */
    private static final double[][] L_SHAPE = {{0, 0}, {0, 20}, {10, 20}, {10, 10}, {30, 10}, {30, 0}};

    @Test
    void verticesAreStoredCounterClockwiseWithPositiveArea() {
        Polygon p = Polygon.of(L_SHAPE);
        assertEquals(20 * 10 + 20 * 10, p.area(), EPS);
        double signed = 0;
        for (int i = 0, j = p.size() - 1; i < p.size(); j = i++) {
            signed += p.x(j) * p.y(i) - p.x(i) * p.y(j);
        }
        assertTrue(signed > 0);
    }

    @Test
    void containsFollowsTheConcaveOutline() {
        Polygon p = Polygon.of(L_SHAPE);
        assertTrue(p.contains(5, 15));
        assertTrue(p.contains(25, 5));
        assertFalse(p.contains(20, 15), "the notch of the L is outside");
        assertTrue(p.contains(0, 10), "the outline itself counts as inside");
        assertEquals(5, p.distanceTo(20, 15), EPS);
        assertEquals(0, p.distanceTo(5, 5), EPS);
    }

    @Test
    void rejectsDegenerateAndSelfCrossingOutlines() {
        assertThrows(IllegalArgumentException.class, () -> Polygon.of(new double[][] {{0, 0}, {1, 1}}));
        assertThrows(IllegalArgumentException.class, () -> Polygon.of(new double[][] {{0, 0}, {1, 1}, {2, 2}}));
        IllegalArgumentException bowtie = assertThrows(IllegalArgumentException.class,
                () -> Polygon.of(new double[][] {{0, 0}, {10, 10}, {10, 0}, {0, 5}}));
        assertTrue(bowtie.getMessage().contains("crosses itself"), bowtie.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Polygon.of(new double[][] {{0, 0}, {1, Double.NaN}, {2, 0}}));
    }

    @Test
    void rectangleIsRotatedAboutItsCentre() {
        Polygon r = Polygon.rectangle(100, 50, 40, 20, 90);
        double[] b = new double[4];
        r.bounds(b);
        assertEquals(90, b[0], 1e-9);
        assertEquals(110, b[1], 1e-9);
        assertEquals(30, b[2], 1e-9);
        assertEquals(70, b[3], 1e-9);
        assertEquals(800, r.area(), 1e-9);
    }

    @Test
    void polygonDistanceIsZeroWhenOverlappingOrNested() {
        Polygon big = Polygon.rectangle(0, 0, 100, 100, 0);
        Polygon inner = Polygon.rectangle(0, 0, 10, 10, 30);
        Polygon apart = Polygon.rectangle(80, 0, 20, 20, 0);
        assertEquals(0, big.distanceTo(inner), EPS);
        assertEquals(0, inner.distanceTo(big), EPS);
        assertEquals(20, big.distanceTo(apart), EPS);
        assertTrue(big.encloses(inner));
        assertFalse(inner.encloses(big));
        assertFalse(Polygon.of(L_SHAPE).encloses(Polygon.rectangle(15, 12, 8, 8, 0)), "reaches into the notch");
    }

    @Test
    void triangulationOfTheSiteOutlinesCoversTheirArea() {
        Polygon p = Polygon.of(L_SHAPE);
        assertEquals(p.area(), triangleArea(p, p.triangulate()), 1e-6);
    }

    /**
     * Random star-shaped polygons (concave in general): every triangle is counter-clockwise, and
     * every sample point inside the polygon is covered by exactly one triangle, outside by none.
     */
    @Property(tries = 200)
    void trianglesTileTheArea(@ForAll @IntRange(min = 3, max = 60) int n, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] v = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = 10 + 90 * rnd.nextDouble();
            v[i] = new double[] {r * Math.cos(a), r * Math.sin(a)};
        }
        assertTiles(Polygon.of(v), rnd);
    }

    @Test
    void aVertexOnALaterDiagonalDoesNotBreakTheTiling() {
        // (0, -1650) lies exactly on the line from (-3500, -1700) to (3500, -1600): the Nanshan hills of the flagship site
        Polygon p = Polygon.of(new double[][] {{-3500, -1700}, {-1500, -1550}, {0, -1650}, {1500, -1500},
            {3500, -1600}, {3500, -3500}, {-3500, -3500}});
        assertTiles(p, new SplittableRandom(3));
    }

    /** Every triangle counter-clockwise; every sample point inside covered exactly once, outside never. */
    private static void assertTiles(Polygon p, SplittableRandom rnd) {
        int n = p.size();
        int[] t = p.triangulate();
        assertEquals(3 * (n - 2), t.length);
        for (int k = 0; k < t.length; k += 3) {
            assertTrue(cross(p, t[k], t[k + 1], t[k + 2]) >= -1e-9, "triangle " + k / 3 + " is clockwise");
        }
        assertEquals(p.area(), triangleArea(p, t), 1e-6 * p.area());
        double[] b = new double[4];
        p.bounds(b);
        for (int s = 0; s < 300; s++) {
            double x = b[0] + (b[1] - b[0]) * rnd.nextDouble(), y = b[2] + (b[3] - b[2]) * rnd.nextDouble();
            if (p.distanceToOutline(x, y) < 1e-6) {
                continue;
            }
            int covered = 0;
            for (int k = 0; k < t.length; k += 3) {
                if (inside(p, t[k], t[k + 1], t[k + 2], x, y)) {
                    covered++;
                }
            }
            assertEquals(p.contains(x, y) ? 1 : 0, covered, "point (" + x + ", " + y + ")");
        }
    }

    private static boolean inside(Polygon p, int a, int b, int c, double x, double y) {
        double d1 = (p.x(b) - p.x(a)) * (y - p.y(a)) - (p.y(b) - p.y(a)) * (x - p.x(a));
        double d2 = (p.x(c) - p.x(b)) * (y - p.y(b)) - (p.y(c) - p.y(b)) * (x - p.x(b));
        double d3 = (p.x(a) - p.x(c)) * (y - p.y(c)) - (p.y(a) - p.y(c)) * (x - p.x(c));
        return d1 >= 0 && d2 >= 0 && d3 >= 0;
    }

    private static double triangleArea(Polygon p, int[] t) {
        double sum = 0;
        for (int k = 0; k < t.length; k += 3) {
            sum += Math.abs(cross(p, t[k], t[k + 1], t[k + 2])) / 2;
        }
        return sum;
    }

    private static double cross(Polygon p, int a, int b, int c) {
        return (p.x(b) - p.x(a)) * (p.y(c) - p.y(a)) - (p.y(b) - p.y(a)) * (p.x(c) - p.x(a));
    }
}
