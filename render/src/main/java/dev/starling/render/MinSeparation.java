package dev.starling.render;

import dev.starling.verify.PairList;
import dev.starling.verify.SpatialHash;

/**
 * The smallest distance between any two of n points, for the HUD's live readout, on Starling's
 * one spatial hash ({@link SpatialHash}, the verifier's): every pair closer than a trial radius c
 * is listed; if there is none, c doubles and the search repeats, so the answer is exact. The first
 * trial is 1.25 × the previous frame's answer (it barely changes from frame to frame), capped by
 * twice the spacing n points would have if spread evenly over their bounding box, so a sudden
 * crowd never lists millions of pairs. Expected O(n) per call; buffers are reused.
 */
final class MinSeparation {
    private final SpatialHash hash = new SpatialHash();
    private final PairList pairs = new PairList();
    private double previous = 2.0;

    /**
     * Smallest pairwise distance among points i &lt; n of (x, y, z), metres;
     * {@link Double#POSITIVE_INFINITY} for fewer than two points.
     */
    double compute(double[] x, double[] y, double[] z, int n) {
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double c = Math.max(1e-3, Math.min(1.25 * previous, 2 * evenSpacing(x, y, z, n)));
        while (true) {
            hash.build(x, y, z, n, null, c);
            pairs.clear();
            if (hash.pairsWithin(c, pairs) > 0) {
                double best = Double.POSITIVE_INFINITY;
                for (int k = 0; k < pairs.size(); k++) {
                    best = Math.min(best, pairs.distanceSquared(k));
                }
                previous = Math.sqrt(best);
                return previous;
            }
            c *= 2;
        }
    }

    /** Spacing of n points spread evenly over their bounding box (as a line, a plane or a volume, whichever is largest). */
    private static double evenSpacing(double[] x, double[] y, double[] z, int n) {
        double x0 = x[0], x1 = x[0], y0 = y[0], y1 = y[0], z0 = z[0], z1 = z[0];
        for (int i = 1; i < n; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            y0 = Math.min(y0, y[i]);
            y1 = Math.max(y1, y[i]);
            z0 = Math.min(z0, z[i]);
            z1 = Math.max(z1, z[i]);
        }
        double a = x1 - x0, b = y1 - y0, d = z1 - z0;
        double line = Math.max(a, Math.max(b, d)) / n;
        double plane = Math.sqrt(Math.max(a * b, Math.max(a * d, b * d)) / n);
        double volume = Math.cbrt(a * b * d / n);
        return Math.max(line, Math.max(plane, volume));
    }
}
