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
    /** Per node, in one run (a query touches one or two cache lines per node): h bound, slope, box. */
    private static final int H = 0, GX = 1, GY = 2, GZ = 3, X0 = 4, X1 = 5, Y0 = 6, Y1 = 7, Z0 = 8, Z1 = 9, NODE = 10;
    /** Per point, in tree order: coordinates and w. */
    private static final int PX = 0, PY = 1, PZ = 2, PW = 3, POINT = 4;

    private final double[] w;
    /** Columns in tree order: node k covers perm[range[2k], range[2k+1]). */
    private final int[] perm;
    private final int[] range;
    /** Node data, NODE values per node; node 1 is the root, 2k and 2k+1 its children. h is a lower
     * bound on w_j − g·b_j over the node's points, g the node's slope (integers). */
    private final double[] node;
    /** Point data in tree order (w copied in as the solver raises prices). */
    private final double[] point;
    /** min over a node's box of (g_node − g_parent)·b: h + this bounds the parent's h from below. */
    private final double[] lift;
    /** First leaf id; leaves are firstLeaf … 2·firstLeaf − 1. */
    private final int firstLeaf;
    private final int[] leafOf;
    /** Position of each column in tree order. */
    private final int[] posOf;
    private final int stackLength;

    /** A tree with slope 0 everywhere: bounds min w − max t·b. */
    ColumnTree(double[] bx, double[] by, double[] bz, double[] w) {
        this(bx, by, bz, w, null, null, null);
    }

    /**
     * Arrays are read, not kept, except w: the tree reads w[j] again on each {@link #raised}.
     *
     * @param sx per-column slope estimates (integers, |value| ≤ 2<sup>22</sup>: 2a of a row), each
     *           node's slope their rounded mean; null for slope 0
     */
    ColumnTree(double[] bx, double[] by, double[] bz, double[] w, double[] sx, double[] sy, double[] sz) {
        int n = bx.length;
        this.w = w;
        int leaves = Integer.highestOneBit(Math.max(1, n / 8));
        firstLeaf = leaves;
        int nodes = 2 * leaves;
        perm = new int[n];
        range = new int[2 * nodes];
        node = new double[NODE * nodes];
        point = new double[POINT * n];
        lift = new double[nodes];
        leafOf = new int[n];
        posOf = new int[n];
        stackLength = 2 * Integer.numberOfTrailingZeros(nodes) + 4;
        for (int j = 0; j < n; j++) {
            perm[j] = j;
        }
        long[] keys = new long[n];
        build(1, 0, n, keys, bx, by, bz, sx, sy, sz);
        for (int p = 0; p < n; p++) {
            int j = perm[p];
            posOf[j] = p;
            point[POINT * p + PX] = bx[j];
            point[POINT * p + PY] = by[j];
            point[POINT * p + PZ] = bz[j];
            point[POINT * p + PW] = w[j];
        }
        setBounds(1);
    }

    private void build(int k, int from, int to, long[] keys, double[] bx, double[] by, double[] bz,
                       double[] sx, double[] sy, double[] sz) {
        range[2 * k] = from;
        range[2 * k + 1] = to;
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
        int o = NODE * k;
        node[o + X0] = x0;
        node[o + X1] = x1;
        node[o + Y0] = y0;
        node[o + Y1] = y1;
        node[o + Z0] = z0;
        node[o + Z1] = z1;
        int count = to - from;
        node[o + GX] = Math.rint(mx / count);
        node[o + GY] = Math.rint(my / count);
        node[o + GZ] = Math.rint(mz / count);
        if (k >= firstLeaf) {
            for (int p = from; p < to; p++) {
                leafOf[perm[p]] = k;
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
        build(2 * k, from, mid, keys, bx, by, bz, sx, sy, sz);
        build(2 * k + 1, mid, to, keys, bx, by, bz, sx, sy, sz);
    }

    /** Exact h bounds and lifts of node k's subtree (points placed). */
    private void setBounds(int k) {
        node[NODE * k + H] = leastH(k);
        if (k > 1) {
            int o = NODE * (k >>> 1);
            lift[k] = -maxOverBox(k, node[o + GX] - node[NODE * k + GX], node[o + GY] - node[NODE * k + GY],
                    node[o + GZ] - node[NODE * k + GZ]);
        }
        if (k < firstLeaf) {
            setBounds(2 * k);
            setBounds(2 * k + 1);
        }
    }

    /** min of w_j − g·b_j over node k's points, g its slope. */
    private double leastH(int k) {
        int o = NODE * k;
        double ux = node[o + GX], uy = node[o + GY], uz = node[o + GZ];
        double m = Double.POSITIVE_INFINITY;
        for (int p = POINT * range[2 * k], end = POINT * range[2 * k + 1]; p < end; p += POINT) {
            m = Math.min(m, point[p + PW] - (ux * point[p + PX] + uy * point[p + PY] + uz * point[p + PZ]));
        }
        return m;
    }

    /** max over node k's box of d·b. */
    private double maxOverBox(int k, double dx, double dy, double dz) {
        int o = NODE * k;
        return Math.max(dx * node[o + X0], dx * node[o + X1]) + Math.max(dy * node[o + Y0], dy * node[o + Y1])
                + Math.max(dz * node[o + Z0], dz * node[o + Z1]);
    }

    /** Column j's w rose from oldW: tightens the bounds above it. O(leaf + depth). */
    void raised(int j, double oldW) {
        int k = leafOf[j];
        int p = POINT * posOf[j];
        point[p + PW] = w[j];
        int o = NODE * k;
        if (oldW - (node[o + GX] * point[p + PX] + node[o + GY] * point[p + PY] + node[o + GZ] * point[p + PZ])
                > node[o + H]) {
            return;
        }
        node[o + H] = leastH(k);
        // a parent's h differs from a child's by (g_child − g_parent)·b, bounded by the child's lift;
        // the parent's own bound stays valid as prices rise, so it only moves up
        while (k > 1) {
            int parent = k >>> 1;
            int l = 2 * parent;
            double pm = Math.min(node[NODE * l + H] + lift[l], node[NODE * (l + 1) + H] + lift[l + 1]);
            if (pm <= node[NODE * parent + H]) {
                return;
            }
            node[NODE * parent + H] = pm;
            k = parent;
        }
    }

    /**
     * Writes every column j with v_j = w_j − (tx·bx_j + ty·by_j + tz·bz_j) ≤ limit to out, in
     * increasing j when given {@code marks} (else in tree order: ordering was a tenth of the
     * landing solve, and a caller that only takes minima and relaxes each column once does not
     * need it), and v_j to s[j] (computed exactly as a full scan computes it); returns how many.
     * Concurrent calls are safe while no price changes, each with its own out, s, stack and marks.
     *
     * @param marks null, or {@link #marks()} words, all zero (and left so): a bit per column
     */
    int within(double tx, double ty, double tz, double limit, long[] marks, int[] out, double[] s, int[] stack) {
        double[] nd = node;
        double[] pt = point;
        int c = 0;
        int top = 0;
        stack[top++] = 1;
        while (top > 0) {
            int k = stack[--top];
            int o = NODE * k;
            double dx = tx - nd[o + GX], dy = ty - nd[o + GY], dz = tz - nd[o + GZ];
            double bound = nd[o + H] - (Math.max(dx * nd[o + X0], dx * nd[o + X1])
                    + Math.max(dy * nd[o + Y0], dy * nd[o + Y1]) + Math.max(dz * nd[o + Z0], dz * nd[o + Z1]));
            if (bound > limit) {
                continue;
            }
            if (k >= firstLeaf) {
                for (int q = range[2 * k], end = range[2 * k + 1]; q < end; q++) {
                    int p = POINT * q;
                    double v = pt[p + PW] - (tx * pt[p + PX] + ty * pt[p + PY] + tz * pt[p + PZ]);
                    if (v <= limit) {
                        int j = perm[q];
                        s[j] = v;
                        out[c++] = j;
                    }
                }
            } else {
                stack[top++] = 2 * k + 1;
                stack[top++] = 2 * k;
            }
        }
        if (marks != null) {
            inIndexOrder(out, c, marks);
        }
        return c;
    }

    /**
     * Puts out[0, c) (distinct columns) in increasing order through a bitmap: O(c + span / 64),
     * where span is the largest minus the least column, at most n / 64 words (313 at n = 20,000),
     * half the time Arrays.sort took on the landing solve's queries of about a hundred columns
     * (JFR: 57 samples against 122 of 1500).
     */
    private static void inIndexOrder(int[] out, int c, long[] marks) {
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int t = 0; t < c; t++) {
            int j = out[t];
            marks[j >>> 6] |= 1L << j;
            lo = Math.min(lo, j);
            hi = Math.max(hi, j);
        }
        int t = 0;
        for (int word = lo >>> 6, last = hi >>> 6; word <= last; word++) {
            long m = marks[word];
            if (m != 0) {
                marks[word] = 0;
                do {
                    out[t++] = word << 6 | Long.numberOfTrailingZeros(m);
                    m &= m - 1;
                } while (m != 0);
            }
        }
    }

    /** Length of the marks {@link #within} takes. */
    int marks() {
        return (perm.length + 63) >>> 6;
    }

    /** Stack length {@link #within} needs. */
    int stackLength() {
        return stackLength;
    }
}
