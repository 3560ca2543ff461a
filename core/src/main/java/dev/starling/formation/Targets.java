package dev.starling.formation;

/**
 * The target points of one formation, in the show frame (metres): exactly one per drone. The
 * first {@code litCount} are lit formation points; the rest are dark reserve points. Arrays are
 * structure-of-arrays and owned by this record (callers must not modify them).
 *
 * @param rgb colour of each point, 0xRRGGBB (0 for reserve points)
 */
public record Targets(double[] x, double[] y, double[] z, int[] rgb, int litCount) {
    public Targets {
        int n = x.length;
        if (y.length != n || z.length != n || rgb.length != n) {
            throw new IllegalArgumentException("x, y, z and rgb must have the same length");
        }
        if (litCount < 0 || litCount > n) {
            throw new IllegalArgumentException("litCount " + litCount + " outside 0.." + n);
        }
    }

    public int size() {
        return x.length;
    }

    /** Smallest distance between any two points, by brute force (O(n²)); for tests and reports. */
    public double minSpacingBruteForce() {
        double best = Double.POSITIVE_INFINITY;
        int n = x.length;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 < best) {
                    best = d2;
                }
            }
        }
        return Math.sqrt(best);
    }
}
