package dev.starling.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrajectoryTest {
    private static final double EPS = 1e-9;
    /** Step for finite differences; error O(h²) on cubics. */
    private static final double H = 1e-5;

    @Test
    void endpointsAreInterpolatedAndClampedOutside() {
        Trajectory tr = Trajectory.startingAt(1, 0, 0, 0)
                .lineTo(2, 1, 0, 0)
                .quadTo(4, 2, 0, 0, 2, 2, 0)
                .cubicTo(5, 2, 3, 1, 3, 3, 1, 4, 4, 4)
                .build();
        double[] p = new double[3];
        tr.position(0, p, 0);
        assertArrayEquals(new double[] {0, 0, 0}, p, EPS);
        tr.position(2, p, 0);
        assertArrayEquals(new double[] {1, 0, 0}, p, EPS);
        tr.position(4, p, 0);
        assertArrayEquals(new double[] {2, 2, 0}, p, EPS);
        tr.position(9, p, 0);
        assertArrayEquals(new double[] {4, 4, 4}, p, EPS);
        tr.velocity(9, p, 0);
        assertArrayEquals(new double[] {0, 0, 0}, p, 0);
        assertEquals(3, tr.segmentCount());
        assertEquals(1, tr.startTime());
        assertEquals(5, tr.endTime());
    }

    /**
     * A trajectory from t = 0 of {@code segments} random pieces (linear, quadratic, cubic in turn),
     * each 0.5 to 3.5 s long with control points in [-50, 50) m, drawn from {@code rnd}.
     */
    static Trajectory randomTrajectory(SplittableRandom rnd, int segments) {
        Trajectory.Builder b = Trajectory.startingAt(0, 0, 0, 0);
        double t = 0;
        for (int s = 0; s < segments; s++) {
            t += 0.5 + rnd.nextDouble() * 3;
            double[] q = new double[9];
            for (int k = 0; k < 9; k++) {
                q[k] = rnd.nextDouble(-50, 50);
            }
            b.segment(t, 1 + s % 3, q);
        }
        return b.build();
    }

    @Test
    void velocityAndAccelerationMatchFiniteDifferences() {
        SplittableRandom rnd = new SplittableRandom(7);
        Trajectory tr = randomTrajectory(rnd, 30);
        double[] p0 = new double[3], p1 = new double[3], v = new double[3], v0 = new double[3], v1 = new double[3],
                a = new double[3];
        for (int k = 0; k < 2000; k++) {
            int s = rnd.nextInt(tr.segmentCount());
            double tt = tr.knot(s) + (0.01 + 0.98 * rnd.nextDouble()) * (tr.knot(s + 1) - tr.knot(s));
            tr.position(tt - H, p0, 0);
            tr.position(tt + H, p1, 0);
            tr.velocity(tt, v, 0);
            tr.velocity(tt - H, v0, 0);
            tr.velocity(tt + H, v1, 0);
            tr.acceleration(tt, a, 0);
            for (int ax = 0; ax < 3; ax++) {
                assertEquals((p1[ax] - p0[ax]) / (2 * H), v[ax], 1e-4 * (1 + Math.abs(v[ax])));
                assertEquals((v1[ax] - v0[ax]) / (2 * H), a[ax], 1e-3 * (1 + Math.abs(a[ax])));
            }
        }
    }

    @Test
    void positionIsContinuousAtKnots() {
        Trajectory tr = Trajectory.startingAt(0, 0, 0, 0)
                .quadTo(1, 1, 0, 0, 1, 1, 0)
                .lineTo(2, 5, 5, 5)
                .cubicTo(3, 1, 2, 3, 4, 5, 6, 7, 8, 9)
                .build();
        double[] l = new double[3], r = new double[3];
        for (int k = 1; k < tr.segmentCount(); k++) {
            tr.evalPosition(k - 1, 1, l, 0);
            tr.evalPosition(k, 0, r, 0);
            assertArrayEquals(l, r, 0);
        }
    }

    @Test
    void nonIncreasingTimesAreRejected() {
        Trajectory.Builder b = Trajectory.startingAt(0, 0, 0, 0).lineTo(1, 1, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.lineTo(1, 2, 2, 2));
        assertEquals(true, e.getMessage().contains("strictly increase"));
        assertThrows(IllegalArgumentException.class, () -> b.lineTo(0.5, 2, 2, 2));
    }

    @Test
    void nonFiniteValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Trajectory.startingAt(0, Double.NaN, 0, 0));
        Trajectory.Builder b = Trajectory.startingAt(0, 0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> b.lineTo(1, Double.POSITIVE_INFINITY, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> b.lineTo(Double.NaN, 0, 0, 0));
    }

    @Test
    void segmentLookupFindsContainingSegment() {
        Trajectory tr = Trajectory.startingAt(0, 0, 0, 0).lineTo(1, 1, 0, 0).lineTo(3, 2, 0, 0).lineTo(4, 3, 0, 0).build();
        assertEquals(0, tr.segmentAt(-1));
        assertEquals(0, tr.segmentAt(0.5));
        assertEquals(1, tr.segmentAt(1));
        assertEquals(1, tr.segmentAt(2.9));
        assertEquals(2, tr.segmentAt(3.5));
        assertEquals(2, tr.segmentAt(4));
        assertEquals(2, tr.segmentAt(10));
    }

    @Test
    void sliceAgreesWithTheWholeInsideItsWindow() {
        SplittableRandom rnd = new SplittableRandom(11);
        Trajectory tr = randomTrajectory(rnd, 20);
        double[] p = new double[3], r = new double[3];
        for (int trial = 0; trial < 200; trial++) {
            double a = rnd.nextDouble(-1, tr.endTime());
            double e = a + rnd.nextDouble(0.01, 15);
            if (e <= tr.startTime()) {
                continue;
            }
            Trajectory sl = tr.slice(a, e);
            assertEquals(Math.max(a, tr.startTime()), sl.startTime(), 0);
            assertEquals(Math.min(e, tr.endTime()), sl.endTime(), 0);
            for (int k = 0; k <= 20; k++) {
                double tt = Math.min(sl.endTime(), sl.startTime() + (sl.endTime() - sl.startTime()) * k / 20);
                tr.position(tt, p, 0);
                sl.position(tt, r, 0);
                assertArrayEquals(p, r, 1e-9);
                tr.velocity(tt, p, 0);
                sl.velocity(tt, r, 0);
                assertArrayEquals(p, r, 1e-7);
            }
        }
    }
}
