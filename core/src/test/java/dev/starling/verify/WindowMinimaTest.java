package dev.starling.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.plan.Plan;
import dev.starling.trajectory.Trajectory;
import dev.starling.verify.VerificationReport.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Report windows ({@link VerifyOptions#windows()}) against the way per-transition minima were
 * found before: cut every flight to the window and verify the slices with the limit raised to
 * 1.1 × d_min. One sweep of the whole plan must give the same closest approach per window, and
 * the same checks as a sweep without windows.
 */
class WindowMinimaTest {
    private static final double D_MIN = 2.0;
    /** Both sides resolve minima to the verifier's tolerance. */
    /** End of every flight, seconds. */
    private static final double END = 12;
    private static final double AGREE = 2 * Verifier.SEPARATION_TOLERANCE + 1e-9;

    @Property(tries = 60, seed = "20261207")
    void windowMinimaMatchSlicedVerification(@ForAll @IntRange(min = 2, max = 8) int n,
                                            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Trajectory[] trs = new Trajectory[n];
        for (int i = 0; i < n; i++) {
            // every flight spans [0, END], so a slice of each covers any window
            double t = 0;
            Trajectory.Builder b = Trajectory.startingAt(t, rnd.nextDouble(-4, 4), rnd.nextDouble(-4, 4),
                    rnd.nextDouble(3, 9));
            int segs = 1 + rnd.nextInt(4);
            for (int s = 0; s <= segs; s++) {
                t = s == segs ? END : Math.min(END - 0.1 * (segs - s), t + rnd.nextDouble(0.3, 3));
                double[] p = new double[9];
                for (int k = 0; k < 9; k++) {
                    p[k] = k % 3 == 2 ? rnd.nextDouble(2, 10) : rnd.nextDouble(-4, 4);
                }
                b.segment(t, 1 + rnd.nextInt(3), p);
            }
            trs[i] = b.build();
        }
        Plan plan = VerifierTest.plan(trs);
        double t0 = plan.startTime(), t1 = plan.endTime();
        List<VerifyOptions.Window> windows = new ArrayList<>();
        double a = t0;
        while (a < t1) {
            double b = Math.min(t1, a + rnd.nextDouble(0.2, 4));
            windows.add(new VerifyOptions.Window(a, b));
            a = b;
        }
        windows.add(new VerifyOptions.Window(t0, t1)); // overlapping windows too
        VerifyOptions opts = VerifyOptions.defaults().withThreads(2);
        VerificationReport withWindows = plan.verify(VerifierTest.separation(D_MIN), opts.withWindows(windows));
        VerificationReport plain = plan.verify(VerifierTest.separation(D_MIN), opts);

        assertEquals(windows.size(), withWindows.windowMinSeparation().size());
        assertEquals(plain.check(Check.SEPARATION).count(), withWindows.check(Check.SEPARATION).count(),
                "windows do not change which pairs violate");
        if (!Double.isNaN(plain.minSeparation()) && plain.minSeparation() < 1.1 * D_MIN) {
            assertEquals(plain.minSeparation(), withWindows.minSeparation(), AGREE, "closest approach");
        }
        for (int w = 0; w < windows.size(); w++) {
            VerifyOptions.Window win = windows.get(w);
            List<Trajectory> cut = new ArrayList<>();
            for (Trajectory tr : trs) {
                cut.add(tr.slice(win.start(), win.end()));
            }
            double expected = Double.POSITIVE_INFINITY;
            if (cut.size() >= 2) {
                VerificationReport r = Verifier.verify(cut, VerifierTest.separation(1.1 * D_MIN), opts.withMaxViolations(0));
                VerificationReport.CheckResult c = r.check(Check.SEPARATION);
                expected = c.count() > 0 ? c.worst() : Double.POSITIVE_INFINITY;
            }
            double got = withWindows.windowMinSeparation().get(w);
            if (Double.isInfinite(expected) || Double.isInfinite(got)) {
                // at the edge of the band one side may just miss it
                double finite = Double.isInfinite(expected) ? got : expected;
                assertTrue(Double.isInfinite(finite) || finite > 1.1 * D_MIN - AGREE,
                        "window " + win + ": sliced " + expected + ", one sweep " + got);
            } else {
                assertEquals(expected, got, AGREE, "window " + win);
            }
        }
    }
}
