package dev.starling.formation;

/**
 * Exact minimum pairwise distance of a point set, with a uniform grid: expected O(n) for
 * evenly spread points instead of the O(n²) of {@link Targets#minSpacingBruteForce()}, which
 * stays the test oracle.
 *
 * <p>Sound, not hopeful: with cell size c every pair closer than c lies in the same or adjacent
 * cells, so when the closest pair found is closer than c it is the closest pair of the set;
 * otherwise c is doubled and the search repeated.
 */
public final class Spacing {
    private Spacing() {
    }

    /** Smallest distance (metres) between any two of the first {@code n} points; +∞ when n < 2. */
    public static double min(double[] x, double[] y, double[] z, int n) {
        int[] pair = closestPair(x, y, z, n);
        if (pair == null) {
            return Double.POSITIVE_INFINITY;
        }
        return dist(x, y, z, pair[0], pair[1]);
    }

    /** Smallest distance between any two points of {@code t}, lit and reserve alike. */
    public static double min(Targets t) {
        return min(t.x(), t.y(), t.z(), t.size());
    }

    /**
     * The two indices {i, j}, i &lt; j, of the closest pair among the first {@code n} points
     * (ties broken by the smallest i, then j), or {@code null} when n &lt; 2.
     */
    public static int[] closestPair(double[] x, double[] y, double[] z, int n) {
        if (n < 2) {
            return null;
        }
        double cell = initialCell(x, y, z, n);
        while (true) {
            CellGrid g = CellGrid.build(x, y, z, n, cell);
            int bi = -1, bj = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                int cx = g.ix(x[i]), cy = g.iy(y[i]), cz = g.iz(z[i]);
                for (int kz = Math.max(0, cz - 1); kz <= Math.min(g.nz - 1, cz + 1); kz++) {
                    for (int ky = Math.max(0, cy - 1); ky <= Math.min(g.ny - 1, cy + 1); ky++) {
                        int row = g.nx * (ky + g.ny * kz);
                        for (int kx = Math.max(0, cx - 1); kx <= Math.min(g.nx - 1, cx + 1); kx++) {
                            int c = row + kx;
                            for (int s = g.start[c], e = g.start[c + 1]; s < e; s++) {
                                int j = g.items[s];
                                if (j <= i) {
                                    continue;
                                }
                                double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
                                double d2 = dx * dx + dy * dy + dz * dz;
                                if (d2 < best || (d2 == best && (i < bi || (i == bi && j < bj)))) {
                                    best = d2;
                                    bi = i;
                                    bj = j;
                                }
                            }
                        }
                    }
                }
            }
            if (bi >= 0 && Math.sqrt(best) < g.cell) {
                return new int[] {bi, bj};
            }
            if (g.nx == 1 && g.ny == 1 && g.nz == 1) {
                // one cell: every pair was compared (bi < 0 only when coordinates are NaN)
                return bi >= 0 ? new int[] {bi, bj} : new int[] {0, 1};
            }
            cell = g.cell * 2;
        }
    }

    static double dist(double[] x, double[] y, double[] z, int i, int j) {
        double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Typical spacing of n points spread over their bounding box (its non-flat dimensions). */
    private static double initialCell(double[] x, double[] y, double[] z, int n) {
        double[] ext = {extent(x, n), extent(y, n), extent(z, n)};
        double prod = 1;
        int dims = 0;
        double largest = 0;
        for (double e : ext) {
            largest = Math.max(largest, e);
        }
        for (double e : ext) {
            if (e > largest * 1e-6) {
                prod *= e;
                dims++;
            }
        }
        if (dims == 0) {
            return 1;
        }
        return Math.pow(prod / n, 1.0 / dims);
    }

    private static double extent(double[] a, int n) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, a[i]);
            hi = Math.max(hi, a[i]);
        }
        return hi - lo;
    }
}
