package dev.starling.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.site.Site;
import dev.starling.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Battery and clearance analyses with an {@link AnalysisMemo} of an earlier version of the plan
 * must report exactly what they report without it, while taking over the segments the edit left
 * alone. The edits here are what a one-scene edit does to a plan: drones renumbered, a stretch
 * of some drones' paths flown another way (the rest of each path bit for bit as before), and the
 * lights of some drones changed over a stretch of time while their paths stay the same.
 */
class AnalysisMemoTest {
    /** A drone whose battery holds almost nothing: every drone is listed below the reserve, with its energy. */
    private static final DroneProfile TINY = new DroneProfile(0.38, 4, 0.127, 0.6, 0.85, 0.012, 2.0, 3.0,
            0.001, 0.8, 0.2, 1.225, 0.05);
    /** A buffer wide enough that every drone is listed with its closest approach and certified bound. */
    private static final ClearanceOptions WIDE = new ClearanceOptions(1000, 0.1);

    @Property(tries = 25, seed = "20261208")
    void editedPlanWithMemoReportsWhatFreshAnalysesReport(@ForAll @IntRange(min = 2, max = 40) int n,
                                                          @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Site site = ClearanceAnalysisTest.crowdedSite();
        Plan a = randomPlan(rnd, n);
        Plan b = edited(rnd, a);
        Plan c = edited(rnd, b);
        AnalysisMemo memo = new AnalysisMemo();
        for (Plan p : List.of(a, b, c)) {
            BatteryReport withMemo = BatteryAnalysis.analyze(p, TINY, Wind.DEFAULT, 2, memo);
            ClearanceReport clearWithMemo = ClearanceAnalysis.analyze(p, site, WIDE, 2, memo);
            assertSameBattery(BatteryAnalysis.analyze(p, TINY, Wind.DEFAULT, 2), withMemo);
            assertSameClearance(ClearanceAnalysis.analyze(p, site, WIDE, 2), clearWithMemo);
            if (p != a) {
                // the edit left most segments alone and changed some: both kinds are exercised
                assertTrue(memo.matchedSegments() > 0, "nothing taken over");
                assertTrue(memo.matchedSegments() < memo.segmentCount(), "the edit changed nothing");
            }
        }
    }

    @Property(tries = 10, seed = "20261208")
    void anotherModelOrSiteTakesNothingOver(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Plan a = randomPlan(rnd, 12);
        Plan b = edited(rnd, a);
        AnalysisMemo memo = new AnalysisMemo();
        BatteryAnalysis.analyze(a, TINY, Wind.DEFAULT, 2, memo);
        ClearanceAnalysis.analyze(a, ClearanceAnalysisTest.crowdedSite(), WIDE, 2, memo);
        // another wind, another site (one tower taller): every result is worked out again
        Wind windy = new Wind(9, 30, 1.5, 5, 0.8, 0.3);
        Site taller = taller(ClearanceAnalysisTest.crowdedSite());
        assertSameBattery(BatteryAnalysis.analyze(b, TINY, windy, 2), BatteryAnalysis.analyze(b, TINY, windy, 2, memo));
        assertSameClearance(ClearanceAnalysis.analyze(b, taller, WIDE, 2),
                ClearanceAnalysis.analyze(b, taller, WIDE, 2, memo));
    }

    private static void assertSameBattery(BatteryReport fresh, BatteryReport memo) {
        assertEquals(fresh.belowReserveCount(), memo.belowReserveCount());
        assertEquals(fresh.belowReserve(), memo.belowReserve()); // every drone, its energy and airborne time
        assertEquals(fresh.lowest(), memo.lowest());
        assertEquals(fresh.worst(), memo.worst());
        assertEquals(fresh.energyMeanWh(), memo.energyMeanWh(), 0);
        assertEquals(fresh.energyMaxWh(), memo.energyMaxWh(), 0);
        assertEquals(fresh.planEnduranceS(), memo.planEnduranceS(), 0);
    }

    private static void assertSameClearance(ClearanceReport fresh, ClearanceReport memo) {
        assertEquals(fresh.violationCount(), memo.violationCount());
        assertEquals(fresh.violations(), memo.violations()); // every drone: closest approach and its bound
        assertEquals(fresh.nearest(), memo.nearest());
        assertEquals(fresh.closest(), memo.closest());
    }

    /** Drones flying holds, lines and curves around the crowded site, with set and faded keyframes. */
    private static Plan randomPlan(SplittableRandom rnd, int n) {
        List<Trajectory> trs = new ArrayList<>();
        List<LightProgram> lights = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double t = 0, x = rnd.nextDouble(-200, 200), y = rnd.nextDouble(-100, 150), z = rnd.nextDouble(20, 200);
            Trajectory.Builder b = Trajectory.startingAt(t, x, y, z);
            for (int sg = 0; sg < 10; sg++) {
                t += rnd.nextDouble(0.5, 8);
                double nx = rnd.nextDouble(-200, 200), ny = rnd.nextDouble(-100, 150), nz = rnd.nextDouble(20, 200);
                switch (rnd.nextInt(4)) {
                    case 0 -> b.holdUntil(t);
                    case 1 -> b.lineTo(t, nx, ny, nz);
                    case 2 -> b.quadTo(t, (x + nx) / 2 + 20, (y + ny) / 2, z, nx, ny, nz);
                    default -> b.cubicTo(t, x, y + 30, nz, nx - 30, ny, z, nx, ny, nz);
                }
                double[] e = new double[3];
                b.endPoint(e, 0);
                x = e[0];
                y = e[1];
                z = e[2];
            }
            trs.add(b.build());
            lights.add(randomLights(rnd, 0, t));
        }
        return new Plan("memo", Limits.NONE, trs, lights, List.of());
    }

    private static LightProgram randomLights(SplittableRandom rnd, double t0, double t1) {
        LightProgram.Builder b = LightProgram.builder();
        double t = t0;
        b.set(t, rnd.nextInt(0x1000000));
        while ((t += rnd.nextDouble(0.3, 6)) < t1) {
            if (rnd.nextBoolean()) {
                b.fadeTo(t, rnd.nextInt(0x1000000));
            } else {
                b.set(t, rnd.nextInt(0x1000000));
            }
        }
        return b.build();
    }

    /**
     * {@code p} with its drones renumbered, one segment of some drones flown another way (same
     * end point, so every later segment is the same), and the lights of some other drones
     * changed over one stretch.
     */
    private static Plan edited(SplittableRandom rnd, Plan p) {
        int n = p.droneCount();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int s = perm[i];
            perm[i] = perm[j];
            perm[j] = s;
        }
        List<Trajectory> trs = new ArrayList<>();
        List<LightProgram> lights = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Trajectory tr = p.trajectories().get(perm[i]);
            LightProgram lp = p.lights().get(perm[i]);
            int kind = i == 0 ? 0 : i == 1 ? 1 : rnd.nextInt(3); // at least one path and one light edit
            trs.add(kind == 0 ? reflown(tr, 3 + rnd.nextInt(4), rnd) : tr);
            lights.add(kind == 1 ? relit(lp, rnd) : lp);
        }
        return new Plan(p.name(), p.limits(), trs, lights, p.scenes());
    }

    /** {@code tr} with segment {@code m} replaced by a cubic to the same end point at the same time. */
    private static Trajectory reflown(Trajectory tr, int m, SplittableRandom rnd) {
        Trajectory.Builder b = Trajectory.startingAt(tr.knot(0), tr.control(0, 0, 0), tr.control(0, 0, 1),
                tr.control(0, 0, 2));
        for (int s = 0; s < tr.segmentCount(); s++) {
            int deg = tr.degree(s);
            double[] pts = new double[3 * deg];
            for (int k = 1; k <= deg; k++) {
                for (int a = 0; a < 3; a++) {
                    pts[3 * (k - 1) + a] = tr.control(s, k, a);
                }
            }
            if (s == m) {
                double ex = pts[3 * deg - 3], ey = pts[3 * deg - 2], ez = pts[3 * deg - 1];
                b.cubicTo(tr.knot(s + 1), ex + rnd.nextDouble(-40, 40), ey + rnd.nextDouble(-40, 40), ez + 10,
                        ex - rnd.nextDouble(-40, 40), ey, ez + 5, ex, ey, ez);
            } else {
                b.segment(tr.knot(s + 1), deg, pts);
            }
        }
        return b.build();
    }

    /** {@code lp} with its keyframes inside one stretch recoloured. */
    private static LightProgram relit(LightProgram lp, SplittableRandom rnd) {
        double from = rnd.nextDouble(5, 30), to = from + rnd.nextDouble(2, 15);
        LightProgram.Builder b = LightProgram.builder();
        for (int k = 0; k < lp.size(); k++) {
            int c = lp.time(k) >= from && lp.time(k) <= to ? lp.rgb(k) ^ 0x404040 : lp.rgb(k);
            if (lp.fade(k)) {
                b.fadeTo(lp.time(k), c);
            } else {
                b.set(lp.time(k), c);
            }
        }
        return b.build();
    }

    /** {@code s} with its first tower 20 m taller. */
    private static Site taller(Site s) {
        List<dev.starling.site.Tower> towers = new ArrayList<>(s.towers());
        dev.starling.site.Tower t = towers.get(0);
        towers.set(0, new dev.starling.site.Tower(t.name(), t.footprint(), t.base(), t.height() + 20, t.windowRgb()));
        return new Site(s.name(), s.description(), s.waterLevel(), s.showBox(), s.rivers(), s.banks(), towers,
                s.bridges(), s.viewpoints(), s.anchor());
    }
}
