package dev.starling.formation;

import dev.starling.InputException;
import java.util.Arrays;

/**
 * A fixed set of points from a CSV file, in the local frame (metres, already scaled). Exactly k
 * points are used verbatim; more are thinned to k by farthest-point sampling (deterministic:
 * it starts from the first row and repeatedly takes the point farthest from those taken, ties
 * to the earlier row), which keeps the spread even and the spacing as large as that greedy
 * reaches; fewer than k is an error, since inventing points would not be the user's design.
 */
final class PointSetShape extends Shape {
    private final double[] u, v, w;
    private final int[] rgb;
    private final int[] lines;
    private final String name;

    /**
     * @param lines the file line of each point, for messages
     */
    PointSetShape(double[] u, double[] v, double[] w, int[] rgb, int[] lines, String name) {
        this.u = u;
        this.v = v;
        this.w = w;
        this.rgb = rgb;
        this.lines = lines;
        this.name = name;
    }

    int size() {
        return u.length;
    }

    /** File line of point i. */
    int lineOf(int i) {
        return lines[i];
    }

    String fileName() {
        return name;
    }

    @Override
    public int dimension() {
        return 0;
    }

    @Override
    public double measure() {
        return u.length;
    }

    @Override
    public double[] bounds() {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < u.length; i++) {
            b[0] = Math.min(b[0], u[i]);
            b[1] = Math.min(b[1], v[i]);
            b[2] = Math.min(b[2], w[i]);
            b[3] = Math.max(b[3], u[i]);
            b[4] = Math.max(b[4], v[i]);
            b[5] = Math.max(b[5], w[i]);
        }
        return b;
    }

    @Override
    public String describe() {
        return "points " + name + " (" + u.length + " rows), " + size3(bounds());
    }

    @Override
    LocalPoints sample(int k, long seed) {
        int n = u.length;
        if (n < k) {
            throw new InputException(null, "file", name + " has " + n + " points but the formation needs " + k,
                    "add points to the file, or set \"count\": " + n + " (the other drones wait dark in reserve)");
        }
        int[] pick = n == k ? identity(n) : farthestPoints(k);
        double[] pu = new double[k], pv = new double[k], pw = new double[k];
        int[] prgb = new int[k];
        for (int a = 0; a < k; a++) {
            int i = pick[a];
            pu[a] = u[i];
            pv[a] = v[i];
            pw[a] = w[i];
            prgb[a] = rgb[i];
        }
        return new LocalPoints(pu, pv, pw, prgb, Spacing.min(pu, pv, pw, k), pick);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Farthest-point sampling: O(n·k), the picks in the order taken. */
    private int[] farthestPoints(int k) {
        int n = u.length;
        double[] d2 = new double[n];
        Arrays.fill(d2, Double.POSITIVE_INFINITY);
        int[] pick = new int[k];
        int cur = 0;
        for (int a = 0; a < k; a++) {
            pick[a] = cur;
            double cu = u[cur], cv = v[cur], cw = w[cur];
            int far = -1;
            double farD = -1;
            for (int i = 0; i < n; i++) {
                double du = u[i] - cu, dv = v[i] - cv, dw = w[i] - cw;
                double d = du * du + dv * dv + dw * dw;
                if (d < d2[i]) {
                    d2[i] = d;
                }
                if (d2[i] > farD) {
                    farD = d2[i];
                    far = i;
                }
            }
            cur = far;
        }
        return pick;
    }
}
