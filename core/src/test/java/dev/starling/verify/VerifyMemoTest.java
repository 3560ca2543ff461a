package dev.starling.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.plan.Plan;
import dev.starling.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A verification with a {@link VerifyMemo} of an earlier version of the plan must report exactly
 * what a verification without it reports, while sweeping again only what the edit changed. The
 * plans here are shows as the planner builds them: scenes of slots held and flown between, one
 * scene edited, and every drone after the edit flying the path another drone flew before (the
 * renumbering an edit's new assignment brings), with drones close enough to come below the limit.
 */
class VerifyMemoTest {
    private static final double D_MIN = 1.5;
    private static final int SCENES = 6;

    @Property(tries = 40, seed = "20261207")
    void editedPlanWithMemoReportsWhatAFreshVerificationReports(@ForAll @IntRange(min = 2, max = 40) int n,
                                                               @ForAll @IntRange(min = 1, max = SCENES - 2) int edited,
                                                               @ForAll boolean sparse,
                                                               @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        // tight enough for violations, or sparse enough for a clean plan with near misses
        double box = D_MIN * Math.sqrt(n) * (sparse ? 6 : 0.9);
        double[][][] slots = new double[SCENES][][];
        for (int k = 0; k < SCENES; k++) {
            slots[k] = points(rnd, n, box);
        }
        int[][] order = new int[SCENES][]; // order[k][drone] = its slot in scene k
        for (int k = 0; k < SCENES; k++) {
            order[k] = permutation(rnd, n);
        }
        Plan before = show(slots, order);
        // the edit: scene `edited` gets new slots and new assignments into and out of it, so
        // every drone after it flies the path of another drone of the earlier plan
        slots[edited] = points(rnd, n, box);
        int[] renumber = permutation(rnd, n);
        for (int k = edited; k < SCENES; k++) {
            int[] moved = new int[n];
            for (int d = 0; d < n; d++) {
                moved[d] = order[k][renumber[d]];
            }
            order[k] = moved;
        }
        Plan after = show(slots, order);

        VerifyOptions opts = VerifyOptions.defaults().withThreads(2).withWindows(windows());
        VerifyMemo memo = new VerifyMemo();
        assertSame(before.verify(VerifierTest.separation(D_MIN), opts),
                before.verify(VerifierTest.separation(D_MIN), opts.withMemo(memo)));
        assertEquals(0, memo.reusedChunks(), "nothing to reuse the first time");
        VerificationReport fresh = after.verify(VerifierTest.separation(D_MIN), opts);
        VerificationReport reused = after.verify(VerifierTest.separation(D_MIN), opts.withMemo(memo));
        if (reused.minSeparation() < D_MIN + 2 * Verifier.SEPARATION_TOLERANCE) {
            assertSame(fresh, reused); // near the limit only a fresh sweep decides: exactly its report
            if (!fresh.violations().isEmpty()) {
                return; // ... which swept everything again
            }
        } else {
            assertAgrees(fresh, reused);
        }
        assertTrue(memo.reusedChunks() > 0, "the scenes before and after the edit are taken over");
        assertTrue(memo.reusedChunks() < memo.chunkCount(), "the edited scene is swept again");
    }

    @Test
    void aMemoOfAnotherShowIsNotTrusted() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 30;
        double[][][] a = new double[SCENES][][], b = new double[SCENES][][];
        int[][] order = new int[SCENES][];
        for (int k = 0; k < SCENES; k++) {
            a[k] = points(rnd, n, 6);
            b[k] = points(rnd, n, 6);
            order[k] = permutation(rnd, n);
        }
        VerifyOptions opts = VerifyOptions.defaults().withThreads(2).withWindows(windows());
        VerifyMemo memo = new VerifyMemo();
        show(a, order).verify(VerifierTest.separation(D_MIN), opts.withMemo(memo));
        Plan other = show(b, order);
        assertSame(other.verify(VerifierTest.separation(D_MIN), opts),
                other.verify(VerifierTest.separation(D_MIN), opts.withMemo(memo)));
        assertEquals(0, memo.reusedChunks());
        // the same plan again: everything reused, the same report
        assertSame(other.verify(VerifierTest.separation(D_MIN), opts),
                other.verify(VerifierTest.separation(D_MIN), opts.withMemo(memo)));
        assertEquals(memo.chunkCount(), memo.reusedChunks());
    }

    /**
     * Chunks swept under other drone numbers resolve near misses by another path: the same
     * verdicts, violations and other checks; closest approaches to the tolerance.
     */
    private static void assertAgrees(VerificationReport expected, VerificationReport actual) {
        double agree = 2 * Verifier.SEPARATION_TOLERANCE + 1e-9;
        assertEquals(expected.violations(), actual.violations());
        assertEquals(expected.checks().size(), actual.checks().size());
        for (int c = 0; c < expected.checks().size(); c++) {
            VerificationReport.CheckResult e = expected.checks().get(c), a = actual.checks().get(c);
            if (e.check() != VerificationReport.Check.SEPARATION) {
                assertEquals(e, a);
            } else {
                assertEquals(e.count(), a.count());
                assertEquals(e.worst(), a.worst(), agree);
            }
        }
        assertEquals(expected.minSeparation(), actual.minSeparation(), agree);
        assertEquals(expected.samples(), actual.samples());
        assertEquals(expected.margin(), actual.margin());
        double exact = D_MIN * (1 + SeparationSweep.EXACT_BAND);
        for (int w = 0; w < expected.windowMinSeparation().size(); w++) {
            double e = expected.windowMinSeparation().get(w), a = actual.windowMinSeparation().get(w);
            if (e != a) { // one finite and one not only at the edge of the exact band
                assertTrue(Math.abs(e - a) <= agree || Math.min(e, a) >= exact - agree, "window " + w + ": " + e + " vs " + a);
            }
        }
    }

    /** Everything a report says, but its run time. */
    private static void assertSame(VerificationReport expected, VerificationReport actual) {
        assertEquals(expected.checks(), actual.checks());
        assertEquals(expected.violations(), actual.violations());
        assertEquals(expected.minSeparation(), actual.minSeparation());
        assertEquals(expected.minSeparationDroneA(), actual.minSeparationDroneA());
        assertEquals(expected.minSeparationDroneB(), actual.minSeparationDroneB());
        assertEquals(expected.minSeparationTime(), actual.minSeparationTime());
        assertEquals(expected.samples(), actual.samples());
        assertEquals(expected.margin(), actual.margin());
        assertEquals(expected.fineChecks(), actual.fineChecks());
        assertEquals(expected.windowMinSeparation(), actual.windowMinSeparation());
    }

    /** Scene k held over [20k + 8, 20k + 20], flown to from scene k−1 over [20k, 20k + 8]; takeoff before. */
    private static Plan show(double[][][] slots, int[][] order) {
        int n = order[0].length;
        Trajectory[] trs = new Trajectory[n];
        for (int d = 0; d < n; d++) {
            double[] p0 = slots[0][order[0][d]];
            Trajectory.Builder b = Trajectory.startingAt(0, p0[0], p0[1], 0);
            b.lineTo(8, p0[0], p0[1], p0[2]);
            b.holdUntil(20);
            for (int k = 1; k < SCENES; k++) {
                double[] from = slots[k - 1][order[k - 1][d]], to = slots[k][order[k][d]];
                double t = 20 * k;
                b.cubicTo(t + 8, from[0], from[1], from[2] + 4, to[0], to[1], to[2] + 4, to[0], to[1], to[2]);
                b.holdUntil(t + 20);
            }
            trs[d] = b.build();
        }
        return VerifierTest.plan(trs);
    }

    private static List<VerifyOptions.Window> windows() {
        List<VerifyOptions.Window> w = new ArrayList<>();
        w.add(new VerifyOptions.Window(0, 8));
        for (int k = 1; k < SCENES; k++) {
            w.add(new VerifyOptions.Window(20 * k, 20 * k + 8));
        }
        return w;
    }

    private static double[][] points(SplittableRandom rnd, int n, double box) {
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {rnd.nextDouble(-box, box), rnd.nextDouble(-box / 4, box / 4), rnd.nextDouble(20, 20 + box)};
        }
        return p;
    }

    private static int[] permutation(SplittableRandom rnd, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
