package dev.starling.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColumnTreeTest {
    /** Coordinates on a coarse integer grid, so that values tie massively (as on the takeoff grid). */
    private static double[] grid(SplittableRandom rnd, int n, int cells, int scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = (rnd.nextInt(cells) - cells / 2) * (double) scale;
        }
        return a;
    }

    @Test
    void thresholdQueryFindsExactlyTheColumnsAFullScanKeepsAsPricesRiseWithAnySlopes() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int round = 0; round < 30; round++) {
            int n = 100 + rnd.nextInt(3000);
            double[] bx = grid(rnd, n, 40, 1000);
            double[] by = grid(rnd, n, 40, 1000);
            double[] bz = round % 3 == 0 ? new double[n] : grid(rnd, n, 5, 3000);
            double[] w = new double[n];
            for (int j = 0; j < n; j++) {
                w[j] = bx[j] * bx[j] + by[j] * by[j] + bz[j] * bz[j] + rnd.nextInt(1000) * 1000.0;
            }
            // slopes: none, or a row's 2a near each column (what the solver passes), or arbitrary
            // ones: any slope must give the very same answers, only the work differs
            double[][] g = null;
            if (round % 3 != 2) {
                g = new double[3][n];
                for (int j = 0; j < n; j++) {
                    boolean near = round % 3 == 0;
                    g[0][j] = near ? 2 * (bx[j] + rnd.nextInt(3) * 1000) : 2 * (rnd.nextInt(60) - 30) * 1000.0;
                    g[1][j] = near ? 2 * (by[j] - rnd.nextInt(3) * 1000) : 2 * (rnd.nextInt(60) - 30) * 1000.0;
                    g[2][j] = 2 * (rnd.nextInt(10) - 5) * 1000.0;
                }
            }
            ColumnTree tree = g == null ? new ColumnTree(bx, by, bz, w) : new ColumnTree(bx, by, bz, w, g[0], g[1], g[2]);
            int[] out = new int[n];
            double[] s = new double[n];
            int[] stack = new int[tree.stackLength()];
            long[] marks = new long[tree.marks()];
            for (int q = 0; q < 200; q++) {
                if (q % 2 == 1) {
                    int j = rnd.nextInt(n);
                    double old = w[j];
                    w[j] += rnd.nextInt(5) * 1e6;
                    tree.raised(j, old);
                }
                double tx = 2 * (rnd.nextInt(60) - 30) * 1000.0;
                double ty = 2 * (rnd.nextInt(60) - 30) * 1000.0;
                double tz = 2 * (rnd.nextInt(10) - 5) * 1000.0;
                double[] v = new double[n];
                for (int j = 0; j < n; j++) {
                    v[j] = w[j] - (tx * bx[j] + ty * by[j] + tz * bz[j]);
                }
                double limit = v[rnd.nextInt(n)] + (rnd.nextBoolean() ? 0 : rnd.nextInt(5) * 1e6);
                int expected = 0;
                int[] want = new int[n];
                for (int j = 0; j < n; j++) {
                    if (v[j] <= limit) {
                        want[expected++] = j;
                    }
                }
                // unsorted: the same columns in tree order
                boolean sorted = q % 4 < 2;
                int c = tree.within(tx, ty, tz, limit, sorted ? marks : null, out, s, stack);
                assertEquals(expected, c, "round " + round + " query " + q);
                int[] got = java.util.Arrays.copyOf(out, c);
                for (int t = 0; t < c; t++) {
                    assertEquals(v[got[t]], s[got[t]], 0.0);
                }
                if (sorted) {
                    assertArrayEquals(new long[marks.length], marks, "marks left clear");
                } else {
                    java.util.Arrays.sort(got);
                }
                assertArrayEquals(java.util.Arrays.copyOf(want, c), got);
            }
        }
    }
}
