package dev.starling.assign;

import java.util.Arrays;

/**
 * A k-d tree over the goal points b_j that answers the solver's threshold queries exactly: all
 * columns j with v_j = w_j − t·b_j ≤ T, where w_j = |b_j|² + p_j changes as prices rise and t =
 * 2a_i is the query row's doubled start point. c(i, j) + p_j = |a_i|² + v_j, so this is "every
 * column within T of the row's best value", the set a list rescan or a dense relaxation keeps;
 * on the degenerate instances it is a few hundred columns of 20,000, found here without touching
 * the others.
 *
 * <p>Each node keeps the bounding box of its points and a lower bound on w over them; a node
 * whose bound on v, min w − max over the box of t·b, exceeds T is skipped. Every value involved
 * is an integer below 2<sup>53</sup> (quantised coordinates), so bounds and values are exact and
 * the result is exactly the set a full scan finds, in index order, with the same v_j. Prices only
 * rise between rebuilds, so a stale bound stays a valid lower bound; {@link #raised} tightens it.
 *
 * <p>Balanced: each split halves the range at the median of the widest axis, all leaves at one
 * depth with 8–16 points. Build O(n log² n); a query visits the nodes whose bound is ≤ T.
 */
final class ColumnTree {
    private final double[] bx, by, bz, w;
    /** Columns in tree order: node k covers perm[lo[k], hi[k]). */
    private final int[] perm;
    private final int[] lo, hi;
    /** Node boxes and lower bounds on w; node 1 is the root, 2k and 2k+1 its children. */
    private final double[] xMin, xMax, yMin, yMax, zMin, zMax, wMin;
    /** First leaf id; leaves are firstLeaf … 2·firstLeaf − 1. */
    private final int firstLeaf;
    private final int[] leafOf;
    private final int stackLength;

    /** Arrays are referenced, not copied: w is read as the solver raises prices. */
    ColumnTree(double[] bx, double[] by, double[] bz, double[] w) {
        int n = bx.length;
        this.bx = bx;
        this.by = by;
        this.bz = bz;
        this.w = w;
        int leaves = Integer.highestOneBit(Math.max(1, n / 8));
        firstLeaf = leaves;
        int nodes = 2 * leaves;
        perm = new int[n];
        lo = new int[nodes];
        hi = new int[nodes];
        xMin = new double[nodes];
        xMax = new double[nodes];
        yMin = new double[nodes];
        yMax = new double[nodes];
        zMin = new double[nodes];
        zMax = new double[nodes];
        wMin = new double[nodes];
        leafOf = new int[n];
        stackLength = 2 * Integer.numberOfTrailingZeros(nodes) + 4;
        for (int j = 0; j < n; j++) {
            perm[j] = j;
        }
        long[] keys = new long[n];
        build(1, 0, n, keys);
    }

    private void build(int node, int from, int to, long[] keys) {
        lo[node] = from;
        hi[node] = to;
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = x0, y1 = x1, z0 = x0, z1 = x1, wm = x0;
        for (int p = from; p < to; p++) {
            int j = perm[p];
            x0 = Math.min(x0, bx[j]);
            x1 = Math.max(x1, bx[j]);
            y0 = Math.min(y0, by[j]);
            y1 = Math.max(y1, by[j]);
            z0 = Math.min(z0, bz[j]);
            z1 = Math.max(z1, bz[j]);
            wm = Math.min(wm, w[j]);
        }
        xMin[node] = x0;
        xMax[node] = x1;
        yMin[node] = y0;
        yMax[node] = y1;
        zMin[node] = z0;
        zMax[node] = z1;
        wMin[node] = wm;
        if (node >= firstLeaf) {
            for (int p = from; p < to; p++) {
                leafOf[perm[p]] = node;
            }
            return;
        }
        double ex = x1 - x0, ey = y1 - y0, ez = z1 - z0;
        double[] axis = ex >= ey && ex >= ez ? bx : ey >= ez ? by : bz;
        // sort the range by (coordinate, index): quantised coordinates are integers in ±2^21
        for (int p = from; p < to; p++) {
            int j = perm[p];
            keys[p] = ((long) axis[j] + Quantisation.COORDINATE_LIMIT) << 32 | j;
        }
        Arrays.sort(keys, from, to);
        for (int p = from; p < to; p++) {
            perm[p] = (int) keys[p];
        }
        int mid = (from + to) >>> 1;
        build(2 * node, from, mid, keys);
        build(2 * node + 1, mid, to, keys);
    }

    /** Column j's w rose from oldW: tightens the bounds above it. O(leaf + depth). */
    void raised(int j, double oldW) {
        int node = leafOf[j];
        if (oldW > wMin[node]) {
            return;
        }
        double m = Double.POSITIVE_INFINITY;
        for (int p = lo[node]; p < hi[node]; p++) {
            m = Math.min(m, w[perm[p]]);
        }
        wMin[node] = m;
        while (node > 1) {
            int parent = node >>> 1;
            double pm = Math.min(wMin[2 * parent], wMin[2 * parent + 1]);
            if (pm == wMin[parent]) {
                return;
            }
            wMin[parent] = pm;
            node = parent;
        }
    }

    /**
     * Writes every column j with v_j = w_j − (tx·bx_j + ty·by_j + tz·bz_j) ≤ limit to out, in
     * increasing j, and v_j to s[j] (computed exactly as a full scan computes it); returns how many.
     * Concurrent calls are safe while no price changes, each with its own out, s and stack.
     */
    int within(double tx, double ty, double tz, double limit, int[] out, double[] s, int[] stack) {
        int c = 0;
        int top = 0;
        stack[top++] = 1;
        while (top > 0) {
            int node = stack[--top];
            double bound = wMin[node] - (Math.max(tx * xMin[node], tx * xMax[node])
                    + Math.max(ty * yMin[node], ty * yMax[node]) + Math.max(tz * zMin[node], tz * zMax[node]));
            if (bound > limit) {
                continue;
            }
            if (node >= firstLeaf) {
                for (int p = lo[node]; p < hi[node]; p++) {
                    int j = perm[p];
                    double v = w[j] - (tx * bx[j] + ty * by[j] + tz * bz[j]);
                    if (v <= limit) {
                        s[j] = v;
                        out[c++] = j;
                    }
                }
            } else {
                stack[top++] = 2 * node + 1;
                stack[top++] = 2 * node;
            }
        }
        Arrays.sort(out, 0, c);
        return c;
    }

    /** Stack length {@link #within} needs. */
    int stackLength() {
        return stackLength;
    }
}
