package dev.starling.analysis;

import dev.starling.trajectory.Trajectory;

/** Bounds on a trajectory's motion, from its Bézier control points. */
final class Kinematics {
    private Kinematics() {
    }

    /**
     * An upper bound on the speed (m/s) over segment {@code s}: the velocity of a Bézier curve of
     * degree d is a Bézier curve of degree d−1 with control points d·(P_{k+1} − P_k)/duration, so
     * it lies in their convex hull and its norm is at most the largest of their norms.
     */
    static double segmentSpeedBound(Trajectory tr, int s) {
        int d = tr.degree(s);
        double inv = d / (tr.knot(s + 1) - tr.knot(s));
        double best = 0;
        for (int k = 0; k < d; k++) {
            double ex = tr.control(s, k + 1, 0) - tr.control(s, k, 0);
            double ey = tr.control(s, k + 1, 1) - tr.control(s, k, 1);
            double ez = tr.control(s, k + 1, 2) - tr.control(s, k, 2);
            best = Math.max(best, Math.sqrt(ex * ex + ey * ey + ez * ez) * inv);
        }
        return best;
    }

    /** Upper bound on the speed over the whole trajectory, m/s (0 for a drone that never moves). */
    static double speedBound(Trajectory tr) {
        double best = 0;
        for (int s = 0; s < tr.segmentCount(); s++) {
            best = Math.max(best, segmentSpeedBound(tr, s));
        }
        return best;
    }

    /** Per-segment speed bounds of {@code tr}, m/s. */
    static double[] segmentSpeedBounds(Trajectory tr) {
        double[] out = new double[tr.segmentCount()];
        for (int s = 0; s < out.length; s++) {
            out[s] = segmentSpeedBound(tr, s);
        }
        return out;
    }
}
