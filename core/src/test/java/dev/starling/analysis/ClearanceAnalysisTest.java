package dev.starling.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.plan.Plan;
import dev.starling.site.Bank;
import dev.starling.site.Bridge;
import dev.starling.site.Polygon;
import dev.starling.site.Pylon;
import dev.starling.site.ShowBox;
import dev.starling.site.Site;
import dev.starling.site.Tower;
import dev.starling.trajectory.Trajectory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClearanceAnalysisTest {
    /** Two towers beside the show, a bridge behind it and a bank to the left. */
    private static Site site() {
        Tower a = new Tower("Tower A", Polygon.rectangle(200, 0, 30, 30, 0), 0, 150, 0xFFFFFF);
        Tower b = new Tower("Tower B", Polygon.rectangle(-200, 50, 20, 20, 10), 0, 100, 0xFFFFFF);
        Bridge br = new Bridge("Bridge C", new double[][] {{-300, 300}, {300, 320}}, 40, 20, 4,
                List.of(new Pylon(0, 310, 0, 120)), 0xFFFFFF);
        Bank bank = new Bank("Bank D", Polygon.of(new double[][] {{-600, -200}, {-400, -200}, {-400, 200}, {-600, 200}}),
                25, 0);
        return new Site("test site", "", -2, new ShowBox(-150, -100, 0, 150, 100, 200), List.of(), List.of(bank),
                List.of(a, b), List.of(br), List.of());
    }

    @Test
    void droneFlownThroughATowerIsReportedWithThatTower() {
        // drone 1 flies from the show area straight through Tower A (x 185..215) at 60 m.
        Plan plan = TestPlans.of(List.of(
                Trajectory.stationary(0, 60, 0, 0, 60),
                Trajectory.startingAt(0, 0, -10, 60).lineTo(60, 400, -10, 60).build()));
        ClearanceReport r = ClearanceAnalysis.analyze(plan, site(), ClearanceOptions.DEFAULT, 2);
        assertFalse(r.ok());
        assertEquals(1, r.violationCount());
        ClearanceReport.Approach c = r.closest();
        assertEquals(1, c.drone());
        assertEquals("Tower A", c.structure());
        assertEquals("tower", c.kind());
        assertEquals(0, c.distanceM(), 1e-9);
        assertTrue(c.time() > 185 / 400.0 * 60 && c.time() < 215 / 400.0 * 60, "inside the tower at t=" + c.time());
        assertTrue(r.summary().contains("Tower A"), r.summary());
    }

    @Test
    void closestApproachIsWithinTheSoundMarginOfTheTruth() {
        // Passes Tower A's west face (x = 185) at 15 m: closest 15 m, at t where x = 170.
        double v = 10;
        Plan plan = TestPlans.of(List.of(Trajectory.startingAt(0, 170, -300, 60).lineTo(60, 170, -300 + 60 * v, 60).build()));
        ClearanceOptions o = ClearanceOptions.DEFAULT;
        ClearanceReport r = ClearanceAnalysis.analyze(plan, site(), o, 1);
        assertTrue(r.ok(), r.summary());
        ClearanceReport.Approach c = r.closest();
        assertEquals("Tower A", c.structure());
        assertTrue(c.distanceM() >= 15 - 1e-9 && c.distanceM() <= 15 + v * o.step() / 2, "closest " + c.distanceM());
        assertTrue(c.lowerBoundM() <= 15 + 1e-9, "lower bound " + c.lowerBoundM());
        assertTrue(c.lowerBoundM() >= 15 - v * o.step() / 2 - 1e-9, "lower bound " + c.lowerBoundM());
    }

    @Test
    void curvedPathsAgreeWithFineSampling() {
        // A cubic swing past the bridge pylon and Tower B; compare with 1 ms brute-force sampling.
        Trajectory tr = Trajectory.startingAt(0, -150, 100, 30)
                .cubicTo(40, -250, 200, 90, 50, 350, 130, 60, 250, 80).build();
        Plan plan = TestPlans.of(List.of(tr));
        Site s = site();
        ClearanceReport r = ClearanceAnalysis.analyze(plan, s, ClearanceOptions.DEFAULT, 1);
        ClearanceAnalysis.Structures st = new ClearanceAnalysis.Structures(s);
        double best = Double.POSITIVE_INFINITY;
        double[] p = new double[3];
        int[] k = new int[1];
        for (int i = 0; i <= 40_000; i++) {
            tr.position(i * 1e-3, p, 0);
            best = Math.min(best, st.nearest(p[0], p[1], p[2], k));
        }
        ClearanceReport.Approach c = r.closest();
        assertNotNull(c);
        assertTrue(c.lowerBoundM() <= best + 1e-9, c.lowerBoundM() + " vs " + best);
        assertTrue(c.distanceM() >= best - 1e-9, c.distanceM() + " vs " + best);
        double v = Kinematics.speedBound(tr);
        assertTrue(c.distanceM() - best <= v * ClearanceOptions.DEFAULT.step() / 2 + 1e-9);
    }

    @Test
    void bankTerrainCountsAsAStructure() {
        // Flying 5 m above the 25 m bank.
        Plan plan = TestPlans.of(List.of(Trajectory.stationary(0, 10, -500, 0, 30)));
        ClearanceReport r = ClearanceAnalysis.analyze(plan, site(), ClearanceOptions.DEFAULT, 1);
        assertEquals("bank", r.closest().kind());
        assertEquals(5, r.closest().distanceM(), 1e-9);
        assertEquals(1, r.violationCount());
    }

    @Test
    void nearestStructureMatchesALinearScan() {
        Site s = site();
        ClearanceAnalysis.Structures st = new ClearanceAnalysis.Structures(s);
        int[] k = new int[1];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            double x = rnd.nextDouble(-700, 700), y = rnd.nextDouble(-400, 400), z = rnd.nextDouble(-5, 250);
            double d = st.nearest(x, y, z, k);
            double scan = Double.POSITIVE_INFINITY;
            for (int q = 0; q < st.size(); q++) {
                scan = Math.min(scan, st.distance(q, x, y, z));
            }
            assertEquals(scan, d, 0);
            // The site's own scan covers towers and bridges; banks can only bring the nearest closer.
            assertTrue(d <= s.distanceToStructures(x, y, z) + 1e-9);
        }
    }

    /** A leaning tower, an arched bridge, a concave bank and a straight tower, close together. */
    static Site crowdedSite() {
        Tower lean = new Tower("Leaning", Polygon.rectangle(60, 0, 20, 20, 5), 0, 200, 0xFFFFFF, -30, 4, Tower.WINDOWS);
        Tower straight = new Tower("Straight", Polygon.rectangle(-40, 60, 15, 25, 0), 0, 80, 0xFFFFFF);
        Bridge arch = new Bridge("Arch", new double[][] {{-200, -60}, {0, -70}, {200, -60}}, 30, 20, 3, List.of(),
                0xFFFFFF, new Bridge.Arch(0.2, 0.8, 90));
        Bank bank = new Bank("Concave", Polygon.of(new double[][] {{-300, 100}, {300, 100}, {300, 250}, {0, 140},
                {-300, 250}}), 20, 0);
        return new Site("crowded", "", -2, new ShowBox(-100, -50, 0, 100, 50, 200), List.of(), List.of(bank),
                List.of(lean, straight), List.of(arch), List.of());
    }

    @Test
    void indexedNearestEqualsTheScanOfEveryStructureBitForBit() {
        // Near a leaning tower's roof and an arch's crown a box of the unleaned footprint or of the
        // deck alone would undercut nothing: the nearest must equal the scan of all, exactly.
        for (Site s : List.of(site(), crowdedSite())) {
            ClearanceAnalysis.Structures plain = new ClearanceAnalysis.Structures(s);
            ClearanceAnalysis.Structures grid = new ClearanceAnalysis.Structures(s, -250, 250, -150, 200);
            int[] k = new int[1], g = new int[1];
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
            for (int i = 0; i < 20_000; i++) {
                // anywhere (some outside the grid), around the leaning roof, around the arch's crown
                double x, y, z;
                if (i % 3 == 0) {
                    x = rnd.nextDouble(-300, 300);
                    y = rnd.nextDouble(-200, 260);
                    z = rnd.nextDouble(-5, 260);
                } else if (i % 3 == 1) {
                    x = rnd.nextDouble(0, 100);
                    y = rnd.nextDouble(-30, 30);
                    z = rnd.nextDouble(140, 230);
                } else {
                    x = rnd.nextDouble(-120, 120);
                    y = rnd.nextDouble(-100, -30);
                    z = rnd.nextDouble(60, 140);
                }
                double scan = Double.POSITIVE_INFINITY;
                int arg = -1;
                for (int q = 0; q < plain.size(); q++) {
                    double d = plain.distance(q, x, y, z);
                    if (d < scan) {
                        scan = d;
                        arg = q;
                    }
                }
                if (rnd.nextInt(4) == 0) {
                    g[0] = rnd.nextInt(-1, plain.size()); // any hint, even a poor one
                }
                assertEquals(scan, grid.nearest(x, y, z, g), 0, "indexed at " + x + ", " + y + ", " + z);
                assertEquals(arg, g[0]);
                assertEquals(scan, plain.nearest(x, y, z, k), 0, "boxes at " + x + ", " + y + ", " + z);
                assertEquals(arg, k[0]);
            }
        }
    }

    @Test
    void everySampleIsTheNearestStructureAtItsTime() {
        // Pass 1 reuses a segment's end sample for the next segment's start; every sample must
        // still be exactly what a fresh query (no hint) gives at its time.
        Site s = crowdedSite();
        ClearanceAnalysis.Structures grid = new ClearanceAnalysis.Structures(s, -250, 250, -150, 200);
        ClearanceAnalysis.Samples sm = new ClearanceAnalysis.Samples();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        double[] pos = new double[3];
        int[] idx = new int[1], fresh = new int[1];
        int samples = 0;
        for (int drone = 0; drone < 50; drone++) {
            double t = 0, x = rnd.nextDouble(-200, 200), y = rnd.nextDouble(-100, 150), z = rnd.nextDouble(20, 200);
            Trajectory.Builder b = Trajectory.startingAt(t, x, y, z);
            for (int sg = 0; sg < 12; sg++) {
                t += rnd.nextDouble(0.5, 15);
                double nx = rnd.nextDouble(-200, 200), ny = rnd.nextDouble(-100, 150), nz = rnd.nextDouble(20, 200);
                switch (rnd.nextInt(4)) {
                    case 0 -> b.holdUntil(t);
                    case 1 -> b.lineTo(t, nx, ny, nz);
                    case 2 -> b.quadTo(t, (x + nx) / 2 + 20, (y + ny) / 2, z, nx, ny, nz);
                    default -> b.cubicTo(t, x, y + 30, nz, nx - 30, ny, z, nx, ny, nz);
                }
                x = nx;
                y = ny;
                z = nz;
            }
            Trajectory tr = b.build();
            ClearanceAnalysis.sample(tr, grid, 0.25, 10, sm, pos, idx);
            for (int q = 0; q < sm.n; q++) {
                tr.position(sm.t[q], pos, 0);
                fresh[0] = -1;
                assertEquals(grid.nearest(pos[0], pos[1], pos[2], fresh), sm.d[q], 0, "drone " + drone + " t=" + sm.t[q]);
                assertEquals(fresh[0], sm.k[q]);
            }
            samples += sm.n;
        }
        assertTrue(samples > 50 * 12 * 2, "samples " + samples);
    }
}
