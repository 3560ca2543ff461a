package dev.starling.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import dev.starling.verify.VerificationReport.Check;
import dev.starling.verify.VerificationReport.Violation;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The verifier's separation against an independent brute force: every pair of every random
 * small plan, evaluated with {@link Trajectory#position} on a dense time grid (O(n²) per
 * instant), with the grid's own error bound. They must agree on which pairs violate (away from
 * the limit by more than both errors) and on the closest approach.
 */
class SeparationOracleTest {
    private static final double D_MIN = 2.0;
    private static final double GROUND = 2.5;
    /** Oracle grid step, seconds. */
    private static final double ORACLE_STEP = 2e-4;

    @Property(tries = 40, seed = "8675309")
    void sweepAgreesWithBruteForce(@ForAll @IntRange(min = 2, max = 7) int n,
                                   @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Trajectory[] trs = new Trajectory[n];
        for (int i = 0; i < n; i++) {
            double t = rnd.nextDouble(0, 2);
            Trajectory.Builder b = Trajectory.startingAt(t, rnd.nextDouble(-6, 6), rnd.nextDouble(-6, 6),
                    rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble(2, 12));
            int segs = 1 + rnd.nextInt(3);
            for (int s = 0; s < segs; s++) {
                t += rnd.nextDouble(0.3, 3);
                double[] p = new double[9];
                for (int k = 0; k < 9; k++) {
                    p[k] = k % 3 == 2 ? rnd.nextDouble(0, 12) : rnd.nextDouble(-6, 6);
                }
                b.segment(t, 1 + rnd.nextInt(3), p);
            }
            trs[i] = b.build();
        }
        Plan plan = VerifierTest.plan(trs);
        VerificationReport r = plan.verify(VerifierTest.separation(D_MIN),
                VerifyOptions.defaults().withThreads(2).withMaxViolations(1000));

        // brute force: closest airborne approach of every pair on a dense grid
        double t0 = plan.startTime(), t1 = plan.endTime();
        int steps = (int) Math.ceil((t1 - t0) / ORACLE_STEP);
        double[][] p = new double[n][3];
        double[] vmax = new double[n];
        double[] v = new double[3];
        double[] best = new double[n * n];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int k = 0; k <= steps; k++) {
            double t = Math.min(t1, t0 + k * ORACLE_STEP);
            for (int i = 0; i < n; i++) {
                trs[i].position(t, p[i], 0);
                trs[i].velocity(t, v, 0);
                vmax[i] = Math.max(vmax[i], Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]));
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (p[i][2] > GROUND && p[j][2] > GROUND) {
                        double d = Math.sqrt(sq(p[i][0] - p[j][0]) + sq(p[i][1] - p[j][1]) + sq(p[i][2] - p[j][2]));
                        best[i * n + j] = Math.min(best[i * n + j], d);
                    }
                }
            }
        }
        Map<Long, Double> reported = new HashMap<>();
        for (Violation viol : r.violations()) {
            if (viol.check() == Check.SEPARATION) {
                reported.put((long) viol.droneA() * n + viol.droneB(), viol.value());
            }
        }
        double oracleMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double o = best[i * n + j];
                oracleMin = Math.min(oracleMin, o);
                // the grid can overshoot the true minimum by (v_i + v_j) × step / 2, and altitude
                // crossings can hide an endpoint of the airborne window by as much
                double gridError = (vmax[i] + vmax[j]) * ORACLE_STEP;
                double slack = gridError + Verifier.SEPARATION_TOLERANCE;
                Double rep = reported.get((long) i * n + j);
                if (o < D_MIN - slack) {
                    assertTrue(rep != null, "pair " + i + "," + j + " at " + o + " must be reported");
                }
                if (rep != null) {
                    assertTrue(rep <= o + Verifier.SEPARATION_TOLERANCE + 1e-9,
                            "reported " + rep + " is no worse than the oracle's " + o);
                    assertTrue(rep >= o - gridError - 1e-9, "reported " + rep + " is a real distance (oracle " + o + ")");
                }
                if (o > D_MIN + slack) {
                    assertTrue(rep == null, "pair " + i + "," + j + " at " + o + " is clean");
                }
            }
        }
        if (oracleMin < D_MIN) {
            assertEquals(oracleMin, r.minSeparation(), maxGridError(vmax) + Verifier.SEPARATION_TOLERANCE,
                    "closest approach");
        }
    }

    private static double maxGridError(double[] vmax) {
        double m = 0;
        for (double v : vmax) {
            m = Math.max(m, v);
        }
        return 2 * m * ORACLE_STEP;
    }

    private static double sq(double v) {
        return v * v;
    }
}
