package dev.starling.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.plan.Plan;
import dev.starling.site.Viewpoint;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LegibilityAnalysisTest {
    private static final double ARCMIN_TOL = 1e-6;
    private static final LegibilityOptions OPTS = LegibilityOptions.DEFAULT;

    /** A 40 × 20 grid, 2.5 m apart, in the xz plane at y = 0, centred 60 m up: the audience's picture. */
    private static Plan faceOnFormation() {
        return TestPlans.holding(0, 20, TestPlans.gridXZ(40, 20, 2.5, 0, 0, 60));
    }

    private static Viewpoint eye(String name, double x, double y, double z) {
        return new Viewpoint(name, name, x, y, z, 0, 0, 60, 45);
    }

    @Test
    void faceOnFormationReadsWell() {
        LegibilityReport r = LegibilityAnalysis.analyze(faceOnFormation(), List.of(eye("front", 0, -300, 2)), OPTS);
        LegibilityReport.SceneView v = r.views().get(0);
        assertTrue(v.legible(), v.reasons().toString());
        assertEquals(800, v.litDrones());
        // 2.5 m at about 306 m is about 28 arc-minutes.
        assertEquals(2.5 / 306 / Math.toRadians(1.0 / 60), v.medianSpacingArcmin(), 2.0);
        assertTrue(v.planar());
        assertTrue(v.planeAngleDeg() > 75, "plane angle " + v.planeAngleDeg());
        assertEquals(0, v.overlapFraction());
        assertEquals(0, r.poorCount());
    }

    @Test
    void edgeOnFormationReadsAsIllegible() {
        // The same picture seen from the side: the eye on the formation's plane, 300 m to the right.
        LegibilityReport r = LegibilityAnalysis.analyze(faceOnFormation(), List.of(eye("side", 300, 0, 2)), OPTS);
        LegibilityReport.SceneView v = r.views().get(0);
        assertFalse(v.legible());
        assertTrue(v.planeAngleDeg() < 1, "plane angle " + v.planeAngleDeg());
        assertTrue(v.reasons().stream().anyMatch(s -> s.contains("edge-on")), v.reasons().toString());
        assertEquals(1, r.poorCount());
        assertTrue(r.summary().contains("POOR"), r.summary());
    }

    @Test
    void farTinyDenseFormationIsFlaggedForSpacingOverlapAndSize() {
        // 0.4 m spacing seen from 2 km: 0.7 arc-minutes apart, glows overlap, under a degree wide.
        Plan plan = TestPlans.holding(0, 20, TestPlans.gridXZ(20, 10, 0.4, 0, 0, 60));
        LegibilityReport.SceneView v = LegibilityAnalysis.analyze(plan, List.of(eye("far", 0, -2000, 2)), OPTS).views().get(0);
        assertFalse(v.legible());
        assertTrue(v.medianSpacingArcmin() < OPTS.minMedianSpacingArcmin());
        assertTrue(v.overlapFraction() > 0.9);
        assertTrue(Math.max(v.widthDeg(), v.heightDeg()) < OPTS.minApparentSizeDeg());
        assertEquals(3, v.reasons().size(), v.reasons().toString());
    }

    @Test
    void withoutViewpointsTheDefaultStandsInFrontOfTheShow() {
        LegibilityReport r = LegibilityAnalysis.analyze(faceOnFormation(), (dev.starling.site.Site) null, OPTS);
        assertEquals(1, r.viewpoints().size());
        LegibilityReport.Eye e = r.viewpoints().get(0);
        assertEquals("default", e.source());
        assertEquals(0, e.x(), 1e-9);
        assertEquals(-300, e.y(), 1e-9);
        assertEquals(2, e.z(), 1e-9);
        assertTrue(r.views().get(0).legible());
    }

    @Test
    void darkDronesDoNotCount() {
        Plan plan = TestPlans.holding(0, 20, TestPlans.gridXZ(10, 10, 2.5, 0, 0, 60));
        List<dev.starling.light.LightProgram> lights = new java.util.ArrayList<>(plan.lights());
        for (int i = 1; i < lights.size(); i += 2) {
            lights.set(i, dev.starling.light.LightProgram.dark());
        }
        Plan half = new Plan(plan.name(), plan.limits(), plan.trajectories(), lights, plan.scenes());
        assertEquals(50, LegibilityAnalysis.analyze(half, List.of(eye("front", 0, -300, 2)), OPTS).views().get(0).litDrones());
    }

    /** The sweep's nearest-neighbour angles equal an O(n²) computation on random point sets. */
    @Property(tries = 30)
    void nearestNeighbourAnglesMatchBruteForce(@ForAll @IntRange(min = 2, max = 300) int n,
                                               @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n], y = new double[n], z = new double[n];
        boolean flat = rnd.nextBoolean();
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble(-50, 50);
            y[i] = flat ? 0 : rnd.nextDouble(-50, 50);
            z[i] = rnd.nextDouble(20, 120);
        }
        LegibilityReport.Eye eye = new LegibilityReport.Eye("e", rnd.nextDouble(-400, 400), -300, 2, "default");
        LegibilityReport.SceneView v = LegibilityAnalysis.view("s", 0, eye, x, y, z, n, OPTS);
        double[] nn = new double[n];
        boolean[] overlap = new boolean[n];
        for (int i = 0; i < n; i++) {
            nn[i] = Double.POSITIVE_INFINITY;
            double[] di = dir(eye, x[i], y[i], z[i]);
            double hi = Math.atan(0.5 * OPTS.glowDiameter() / dist(eye, x[i], y[i], z[i]));
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double[] dj = dir(eye, x[j], y[j], z[j]);
                double dot = Math.max(-1, Math.min(1, di[0] * dj[0] + di[1] * dj[1] + di[2] * dj[2]));
                double cross = Math.sqrt(Math.pow(di[1] * dj[2] - di[2] * dj[1], 2) + Math.pow(di[2] * dj[0] - di[0] * dj[2], 2)
                        + Math.pow(di[0] * dj[1] - di[1] * dj[0], 2));
                double ang = Math.atan2(cross, dot);
                nn[i] = Math.min(nn[i], ang);
                double hj = Math.atan(0.5 * OPTS.glowDiameter() / dist(eye, x[j], y[j], z[j]));
                if (ang < hi + hj) {
                    overlap[i] = true;
                }
            }
            nn[i] /= Math.toRadians(1.0 / 60);
        }
        Arrays.sort(nn);
        double median = n % 2 == 1 ? nn[n / 2] : 0.5 * (nn[n / 2 - 1] + nn[n / 2]);
        int overlapping = 0;
        for (boolean b : overlap) {
            overlapping += b ? 1 : 0;
        }
        assertEquals(nn[0], v.minSpacingArcmin(), ARCMIN_TOL + 1e-9 * nn[0]);
        assertEquals(median, v.medianSpacingArcmin(), ARCMIN_TOL + 1e-9 * median);
        assertEquals((double) overlapping / n, v.overlapFraction(), 1e-12);
    }

    private static double dist(LegibilityReport.Eye e, double x, double y, double z) {
        return Math.sqrt(Math.pow(x - e.x(), 2) + Math.pow(y - e.y(), 2) + Math.pow(z - e.z(), 2));
    }

    private static double[] dir(LegibilityReport.Eye e, double x, double y, double z) {
        double d = dist(e, x, y, z);
        return new double[] {(x - e.x()) / d, (y - e.y()) / d, (z - e.z()) / d};
    }
}
