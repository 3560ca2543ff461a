package dev.starling.render;

import java.util.Arrays;

/**
 * The smallest distance between any two of n points, with a uniform grid hash: each point is
 * checked against the points already inserted in its own and the 26 neighbouring cells of side
 * c, which finds every pair closer than c. If none is, c doubles and the search repeats, so the
 * answer is exact. Expected O(n) for drones in formation (a few cells' worth of neighbours);
 * arrays are allocated for the largest n once and reused, nothing is allocated per call.
 *
 * <p>For the HUD's live readout. The verifier's own, sound-between-samples separation check is
 * {@code dev.starling.verify}'s business.
 */
final class MinSeparation {
    private static final int EMPTY = -1;

    private int[] head = new int[0];
    private int[] next = new int[0];
    private long[] cellOf = new long[0];
    private double cell = 2.0;

    /**
     * Smallest pairwise distance among points i &lt; n of (x, y, z), metres;
     * {@link Double#POSITIVE_INFINITY} for fewer than two points.
     */
    double compute(double[] x, double[] y, double[] z, int n) {
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        ensure(n);
        // Start from the last answer: from frame to frame it barely changes.
        double c = Math.max(cell, 1e-3);
        while (true) {
            double d = search(x, y, z, n, c);
            if (d < c) {
                cell = Math.max(1e-3, d * 1.5);
                return d;
            }
            if (c > 1e7) {
                cell = c;
                return d;
            }
            c *= 2;
        }
    }

    private void ensure(int n) {
        if (next.length < n) {
            next = new int[n];
            cellOf = new long[n];
            head = new int[Integer.highestOneBit(Math.max(2, 2 * n - 1)) << 1];
        }
    }

    /** Best distance found among pairs in neighbouring cells of side c (exact when it is below c). */
    private double search(double[] x, double[] y, double[] z, int n, double c) {
        Arrays.fill(head, EMPTY);
        int mask = head.length - 1;
        double inv = 1 / c;
        double best2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            long cx = (long) Math.floor(x[i] * inv), cy = (long) Math.floor(y[i] * inv), cz = (long) Math.floor(z[i] * inv);
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    for (long dz = -1; dz <= 1; dz++) {
                        long key = key(cx + dx, cy + dy, cz + dz);
                        for (int j = head[slot(key, mask)]; j != EMPTY; j = next[j]) {
                            if (cellOf[j] != key) {
                                continue;
                            }
                            double ex = x[i] - x[j], ey = y[i] - y[j], ez = z[i] - z[j];
                            double d2 = ex * ex + ey * ey + ez * ez;
                            if (d2 < best2) {
                                best2 = d2;
                            }
                        }
                    }
                }
            }
            long own = key(cx, cy, cz);
            int s = slot(own, mask);
            cellOf[i] = own;
            next[i] = head[s];
            head[s] = i;
        }
        return Math.sqrt(best2);
    }

    private static long key(long cx, long cy, long cz) {
        return (cx * 73856093L) ^ (cy * 19349663L) ^ (cz * 83492791L);
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
