package dev.starling.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.formation.Targets;
import dev.starling.show.FormationSpec;
import dev.starling.show.Landing;
import dev.starling.show.Limits;
import dev.starling.show.Placement;
import dev.starling.show.Scene;
import dev.starling.show.Show;
import dev.starling.show.Takeoff;
import dev.starling.trajectory.Trajectory;
import dev.starling.verify.VerificationReport;
import dev.starling.verify.Verifier;
import dev.starling.verify.VerifyOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Planner properties on random shows: formations spaced ≥ √2·d_min always give verified
 * collision-free plans (CAPT); denser ones are repaired or refused, and a plan called clean is
 * clean by an independent brute-force check at fine time steps; every limit holds.
 */
class PlannerPropertiesTest {
    private static final double D_MIN = 1.5;
    /** Brute-force time step, seconds: relative speed ≤ 2·8 m/s moves pairs ≤ 8 cm between samples. */
    private static final double FINE_STEP = 0.005;
    /** Allowed shortfall of the brute-force minimum below d_min: half the relative motion in one step. */
    private static final double FINE_TOLERANCE = 16 * FINE_STEP / 2 + 1e-6;

    private static final Limits LIMITS = new Limits(D_MIN, 8, 4, 3, 4, 10, 150, null);

    @Property(tries = 15)
    void wellSpacedFormationsAlwaysVerifyClean(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                               @ForAll @IntRange(min = 2, max = 40) int n,
                                               @ForAll @IntRange(min = 1, max = 3) int scenes,
                                               @ForAll boolean returnHome) {
        double spacing = Math.sqrt(2) * D_MIN * 1.001;
        Show show = show(n, scenes, returnHome ? spacing * 1.2 : spacing, returnHome);
        List<Targets> targets = randomTargets(seed, n, scenes, spacing);
        PlanRepair.Outcome o = PlanRepair.run(ShowPlanner.choreograph(show, targets, ShowPlanner.Progress.NONE),
                VerifyOptions.defaults().withThreads(1), line -> { });
        if (!returnHome) {
            assertTrue(o.clean(), "CAPT guarantees a clean plan: " + o.report().violations());
            assertEquals(0, o.rounds(), "no repair needed");
        }
        if (o.clean()) {
            assertSafeByBruteForce(o.assembled().plan());
        }
    }

    @Property(tries = 12)
    void denseFormationsAreRepairedOrRefusedNeverPassedUnsafe(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 4, max = 30) int n,
            @ForAll @DoubleRange(min = 1.5, max = 2.1) double spacing) {
        Show show = show(n, 2, 2.5, false);
        List<Targets> targets = randomTargets(seed, n, 2, spacing);
        PlanRepair.Outcome o = PlanRepair.run(ShowPlanner.choreograph(show, targets, ShowPlanner.Progress.NONE),
                VerifyOptions.defaults().withThreads(1), line -> { });
        if (o.clean()) {
            assertSafeByBruteForce(o.assembled().plan());
        } else {
            VerificationReport again = o.assembled().plan().verify(LIMITS, VerifyOptions.defaults());
            assertTrue(!again.clean(), "refused plans really violate something");
        }
    }

    @Property(tries = 4)
    void identicalInputGivesByteIdenticalPlanJson(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) throws IOException {
        Show show = show(25, 2, 2.5, false);
        byte[] a = planBytes(show, randomTargets(seed, 25, 2, 2.2), 1);
        byte[] b = planBytes(show, randomTargets(seed, 25, 2, 2.2), 2);
        assertTrue(Arrays.equals(a, b), "plan.json differs between runs / thread counts");
    }

    private static byte[] planBytes(Show show, List<Targets> targets, int threads) throws IOException {
        PlanRepair.Outcome o = PlanRepair.run(ShowPlanner.choreograph(show, targets, ShowPlanner.Progress.NONE),
                VerifyOptions.defaults().withThreads(threads), line -> { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dev.starling.io.json.PlanJson.write(o.assembled().plan(), out);
        return out.toByteArray();
    }

    /** Every pair of airborne drones ≥ d_min at every fine step, and every limit at dense samples. */
    static void assertSafeByBruteForce(Plan plan) {
        int n = plan.droneCount();
        double[] p = new double[3 * n];
        for (double t = plan.startTime(); t <= plan.endTime(); t += FINE_STEP) {
            for (int i = 0; i < n; i++) {
                plan.trajectories().get(i).position(t, p, 3 * i);
            }
            for (int i = 0; i < n; i++) {
                if (p[3 * i + 2] <= Limits.DEFAULT_GROUND_ALTITUDE) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    if (p[3 * j + 2] <= Limits.DEFAULT_GROUND_ALTITUDE) {
                        continue;
                    }
                    double dx = p[3 * i] - p[3 * j], dy = p[3 * i + 1] - p[3 * j + 1], dz = p[3 * i + 2] - p[3 * j + 2];
                    double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    assertTrue(d >= D_MIN - FINE_TOLERANCE, "drones " + i + ", " + j + " at " + d + " m at t=" + t);
                }
            }
        }
        double[] v = new double[3], a = new double[3];
        for (Trajectory tr : plan.trajectories()) {
            for (int s = 0; s < tr.segmentCount(); s++) {
                for (int k = 0; k <= 8; k++) {
                    tr.evalVelocity(s, k / 8.0, v, 0);
                    tr.evalAcceleration(s, k / 8.0, a, 0);
                    assertTrue(Math.hypot(v[0], v[1]) <= LIMITS.maxSpeedXY() + 1e-9);
                    assertTrue(v[2] <= LIMITS.maxSpeedUp() + 1e-9 && -v[2] <= LIMITS.maxSpeedDown() + 1e-9);
                    assertTrue(Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]) <= LIMITS.maxAcceleration() + 1e-9);
                }
            }
        }
    }

    private static Show show(int n, int scenes, double padSpacing, boolean returnHome) {
        List<Scene> list = new ArrayList<>();
        for (int k = 0; k < scenes; k++) {
            list.add(new Scene("s" + k, FormationSpec.shape("sphere", 10.0), Placement.DEFAULT, 0xFFFFFF, 2, null));
        }
        int cols = (int) Math.ceil(Math.sqrt(n));
        return new Show(Show.FORMAT, "random", n, LIMITS, new Takeoff(padSpacing, cols, 12), list,
                new Landing(returnHome), Path.of("."));
    }

    /** Random point sets in a 3D box, pairwise ≥ spacing apart (dart throwing), colours random. */
    static List<Targets> randomTargets(long seed, int n, int scenes, double spacing) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Targets> out = new ArrayList<>();
        for (int k = 0; k < scenes; k++) {
            double side = spacing * Math.cbrt(n) * (1.2 + rnd.nextDouble() * 2);
            double cx = rnd.nextDouble(-20, 20), cy = rnd.nextDouble(0, 30), cz = rnd.nextDouble(40, 80);
            double[] x = new double[n], y = new double[n], z = new double[n];
            int[] rgb = new int[n];
            int placed = 0;
            while (placed < n) {
                double px = cx + rnd.nextDouble(-side, side), py = cy + rnd.nextDouble(-side, side),
                        pz = cz + rnd.nextDouble(-side, side);
                boolean ok = true;
                for (int j = 0; j < placed && ok; j++) {
                    double dx = px - x[j], dy = py - y[j], dz = pz - z[j];
                    ok = dx * dx + dy * dy + dz * dz >= spacing * spacing;
                }
                if (ok) {
                    x[placed] = px;
                    y[placed] = py;
                    z[placed] = pz;
                    rgb[placed] = rnd.nextInt(0x1000000);
                    placed++;
                }
            }
            out.add(new Targets(x, y, z, rgb, n));
        }
        return out;
    }
}
