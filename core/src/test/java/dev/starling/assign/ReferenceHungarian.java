package dev.starling.assign;

import java.util.Arrays;

/**
 * Textbook O(n³) Hungarian algorithm with potentials (Kuhn–Munkres in the shortest-path form)
 * on an explicit integer cost matrix: the independent oracle for the solver's tests.
 */
final class ReferenceHungarian {
    private ReferenceHungarian() {
    }

    /** Minimum total cost of a perfect assignment for the square matrix c. */
    static long minimumCost(long[][] c) {
        int n = c.length;
        long inf = Long.MAX_VALUE / 4;
        long[] u = new long[n + 1];
        long[] v = new long[n + 1];
        int[] p = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            long[] minv = new long[n + 1];
            Arrays.fill(minv, inf);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                long delta = inf;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        long cur = c[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        long total = 0;
        for (int j = 1; j <= n; j++) {
            total += c[p[j] - 1][j - 1];
        }
        return total;
    }
}
