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
 * <p>Each node keeps the bounding box of its points, a slope g (an integer vector) and a lower
 * bound on h_j = w_j − g·b_j over its points; since v_j = h_j − (t − g)·b_j, a node whose bound on
 * v, min h − max over the box of (t − g)·b, exceeds T is skipped. Any g gives a valid bound; a g
 * near the gradient of w over the node makes it tight: w is the solver's price potential, whose
 * gradient at b_j is 2a of the row b_j is matched to, so the caller passes those (or none: g = 0,
 * the plain bound min w − max t·b, which is loose by |∇w| times the node's size: 100 times the
 * difference between neighbouring rows on the fleet's landing problem, where the tree then visited
 * 18 % of all columns per query). Every value involved is an integer below 2<sup>53</sup>
 * (quantised coordinates), so bounds and values are exact and the result is exactly the set a
 * full scan finds, in index order, with the same v_j. Prices only rise between rebuilds, so a
 * stale bound stays a valid lower bound; {@link #raised} tightens it.
 *
 * <p>Balanced: each split halves the range at the median of the widest axis, all leaves at one
 * depth with 8–16 points. Build O(n log² n); a query visits the nodes whose bound is ≤ T.
 */
final class ColumnTree {
    private final double[] bx, by, bz, w;
    /** Columns in tree order: node k covers perm[lo[k], hi[k]). */
    private final int[] perm;
    private final int[] lo, hi;
    /** Node boxes; node 1 is the root, 2k and 2k+1 its children. */
    private final double[] xMin, xMax, yMin, yMax, zMin, zMax;
    /** Node slopes g (integers) and lower bounds on w_j − g·b_j over the node's points. */
    private final double[] gx, gy, gz, hMin;
    /** min over a node's box of (g_node − g_parent)·b: hMin + this bounds the parent's h from below. */
    private final double[] lift;
    /** First leaf id; leaves are firstLeaf … 2·firstLeaf − 1. */
    private final int firstLeaf;
    private final int[] leafOf;
    private final int stackLength;

    /** A tree with slope 0 everywhere: bounds min w − max t·b. */
    ColumnTree(double[] bx, double[] by, double[] bz, double[] w) {
        this(bx, by, bz, w, null, null, null);
    }

    /**
     * Arrays are referenced, not copied: w is read as the solver raises prices.
     *
     * @param sx per-column slope estimates (integers, |value| ≤ 2<sup>22</sup>: 2a of a row), each
     *           node's slope their rounded mean; null for slope 0
     */
    ColumnTree(double[] bx, double[] by, double[] bz, double[] w, double[] sx, double[] sy, double[] sz) {
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
        gx = new double[nodes];
        gy = new double[nodes];
        gz = new double[nodes];
        hMin = new double[nodes];
        lift = new double[nodes];
        leafOf = new int[n];
        stackLength = 2 * Integer.numberOfTrailingZeros(nodes) + 4;
        for (int j = 0; j < n; j++) {
            perm[j] = j;
        }
        long[] keys = new long[n];
        build(1, 0, n, keys, sx, sy, sz);
    }

    private void build(int node, int from, int to, long[] keys, double[] sx, double[] sy, double[] sz) {
        lo[node] = from;
        hi[node] = to;
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = x0, y1 = x1, z0 = x0, z1 = x1;
        double mx = 0, my = 0, mz = 0;
        for (int p = from; p < to; p++) {
            int j = perm[p];
            x0 = Math.min(x0, bx[j]);
            x1 = Math.max(x1, bx[j]);
            y0 = Math.min(y0, by[j]);
            y1 = Math.max(y1, by[j]);
            z0 = Math.min(z0, bz[j]);
            z1 = Math.max(z1, bz[j]);
            if (sx != null) {
                mx += sx[j];
                my += sy[j];
                mz += sz[j];
            }
        }
        xMin[node] = x0;
        xMax[node] = x1;
        yMin[node] = y0;
        yMax[node] = y1;
        zMin[node] = z0;
        zMax[node] = z1;
        int count = to - from;
        gx[node] = Math.rint(mx / count);
        gy[node] = Math.rint(my / count);
        gz[node] = Math.rint(mz / count);
        hMin[node] = leastH(node, from, to);
        if (node > 1) {
            lift[node] = -maxOverBox(node, gx[node >>> 1] - gx[node], gy[node >>> 1] - gy[node],
                    gz[node >>> 1] - gz[node]);
        }
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
        build(2 * node, from, mid, keys, sx, sy, sz);
        build(2 * node + 1, mid, to, keys, sx, sy, sz);
    }

    /** min of w_j − g·b_j over perm[from, to), g the node's slope. */
    private double leastH(int node, int from, int to) {
        double ux = gx[node], uy = gy[node], uz = gz[node];
        double m = Double.POSITIVE_INFINITY;
        for (int p = from; p < to; p++) {
            int j = perm[p];
            m = Math.min(m, w[j] - (ux * bx[j] + uy * by[j] + uz * bz[j]));
        }
        return m;
    }

    /** max over the node's box of d·b. */
    private double maxOverBox(int node, double dx, double dy, double dz) {
        return Math.max(dx * xMin[node], dx * xMax[node]) + Math.max(dy * yMin[node], dy * yMax[node])
                + Math.max(dz * zMin[node], dz * zMax[node]);
    }

    /** Column j's w rose from oldW: tightens the bounds above it. O(leaf + depth). */
    void raised(int j, double oldW) {
        int node = leafOf[j];
        if (oldW - (gx[node] * bx[j] + gy[node] * by[j] + gz[node] * bz[j]) > hMin[node]) {
            return;
        }
        hMin[node] = leastH(node, lo[node], hi[node]);
        // a parent's h differs from a child's by (g_child − g_parent)·b, bounded by the child's lift;
        // the parent's own bound stays valid as prices rise, so it only moves up
        while (node > 1) {
            int parent = node >>> 1;
            double pm = Math.min(hMin[2 * parent] + lift[2 * parent], hMin[2 * parent + 1] + lift[2 * parent + 1]);
            if (pm <= hMin[parent]) {
                return;
            }
            hMin[parent] = pm;
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
            double bound = hMin[node] - maxOverBox(node, tx - gx[node], ty - gy[node], tz - gz[node]);
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
