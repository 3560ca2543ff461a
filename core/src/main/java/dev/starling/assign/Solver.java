package dev.starling.assign;

import dev.starling.base.Parallel;
import java.util.Arrays;

/**
 * Exact solver for the integer assignment problem: minimise Σ c(i, σ(i)) over permutations σ,
 * where c(i, j) = |a_i − b_j|² for integer points a, b (quantised by {@link Quantisation}, held in
 * doubles; every value computed here is an integer below 2<sup>52</sup>, so all arithmetic is
 * exact).
 *
 * <p>Duals: column prices {@code p_j} (the certificate's v_j = −p_j) and row values
 * u_i = min_j (c(i, j) + p_j). Once the auction of a level starts, prices only rise. Steps:
 * <ol>
 * <li><b>Warm start</b>, one of two:
 * <ul>
 * <li><i>Sort-based</i> ({@link LineModel}), when costs depend jointly on i and j only through
 * one direction: a collinear set, or two perpendicular planes such as the takeoff ground grid
 * and a vertical formation. Sorting both sets along that line gives the optimal matching and
 * closed-form prices. When the model is exact (error 0) the solve ends here and the caller's
 * certificate check confirms it (falling back to {@link #resume()} if it ever failed);
 * otherwise the auction starts from ε ≈ the model error. Without this, these massively tied
 * one-dimensional instances need hundreds of thousands of rescans (and 107–194 s in
 * scipy).</li>
 * <li><i>Coarse-to-fine prices</i>, above {@link #BASE_SIZE} points: centroids of groups of
 * {@link #COARSENING} consecutive points in Morton order (which keep each set's mean, so the
 * coarse potential has no tilt) form a coarse problem, solved the same way recursively and only
 * to the precision the finer level starts from. Its row values extend to prices for all fine
 * columns by the c-transform p_j = max_r (u_r − c(r, j)): the discrete transport potential,
 * which spares the fine level the large-ε phases on transport-like instances (one formation to
 * another). Costs O(n²/4).</li>
 * </ul></li>
 * <li><b>ε-scaling forward auction</b> (Bertsekas), Gauss–Seidel: each phase keeps the pairs
 * that satisfy ε-complementary slackness, then lets unassigned rows bid until all are assigned;
 * ε shrinks by {@link #EPS_FACTOR} per phase, down to 2<sup>−{@link #EPS_STOP_SHIFT}</sup> of the
 * largest cost on the exact level (a phase at ε = 1, on coarse levels or when the warm start is
 * that good, raises a price only by the gap to the second-best column, leaving the bidder exactly
 * tight). The auction is for the coarse work: its fine phases turn into price wars among
 * near-identical rows (the launch layer's rows that share an x), which the next step does not
 * have.</li>
 * <li><b>Shortest augmenting paths</b> (Jonker–Volgenant style Dijkstra on reduced costs): rows
 * whose pair is not exactly tight are released and re-inserted one by one along a shortest
 * alternating path. This makes complementary slackness exact, so the prices become an optimality
 * certificate. With prices within 2<sup>−17</sup> of the largest cost the paths are short.</li>
 * </ol>
 *
 * <p><b>Costs on the fly, candidate lists.</b> No n×n matrix is stored. Each row keeps a short
 * list of its columns of least c(i, j) + p_j, found by one O(n) vectorised scan plus a filter
 * against a sampled pivot, and a bound t_i ≤ c(i, j) + p_j for every column not in the list. A
 * row whose list keeps running dry doubles its length, up to {@link #GROWTH_LIMIT} times the
 * default: groups of rows with the same preferences (grid columns on the ground) share their
 * best columns and exhaust short lists at once.
 * Because prices only rise, the bound stays valid, so a bid whose best value is ≤ t_i is exactly
 * the bid of a dense auction; otherwise the row is rescanned. In the Dijkstra step each scanned
 * row also enters the heap as a virtual node with key d_r + t_r − u_r, a lower bound for reaching
 * any of its other columns; if that node is popped the row is relaxed densely over all n
 * columns. The search is therefore exact on the complete graph, and reduced costs stay
 * non-negative on every pair, not only on the listed ones.
 *
 * <p>Ties: a row whose best column is taken prefers a free column of equal value, and the Dijkstra
 * heap pops free columns before matched ones of equal distance; both shorten the work on the
 * massively tied one-dimensional instances. Everything is deterministic: rows are processed in
 * index order or FIFO order, ties break on index, and the parallel scans write disjoint rows.
 *
 * <p>Cost: O(n²) for the initial list scan (parallel over rows) and O(n²/4) for the price
 * extension, O(list) per bid, O(n) per rescan and per dense relaxation; memory O(n). Measured
 * (2-core AMD EPYC, one thread, warm JVM, n = 5000): takeoff grid → plane 15–60 ms, random
 * box → box 150 ms, text → text formation 240 ms, the flagship's launch layer → first scene
 * (lit plane plus reserve plane) 580 ms of CPU before the certificate check.
 */
final class Solver {
    /** Typical candidate-list length. */
    static final int DEFAULT_CANDIDATES = 32;
    /** Lists of rows that keep running dry grow up to this many times the target. */
    static final int GROWTH_LIMIT = 4;
    /** ε divisor between auction phases. */
    static final double EPS_FACTOR = 8;
    /** Without a coarse level, the first ε is the largest possible cost over 2^this. */
    static final int EPS0_SHIFT = 6;
    /** With coarse prices, the first ε is the largest possible cost over 2^this. */
    static final int EPS_WARM_SHIFT = 11;
    /** Problems up to this size are solved without a coarse level. */
    static final int BASE_SIZE = 400;
    /** The exact level's auction stops at the largest possible cost over 2^this (or its first ε). */
    static final int EPS_STOP_SHIFT = 17;
    /** A coarse level's auction stops 2^this below the finer level's first ε. */
    static final int COARSE_EXTRA_BITS = 6;
    /** Coarse level size: one point in this many. */
    static final int COARSENING = 4;
    /** From this many points on, list scans and dense relaxations query a {@link ColumnTree} (measured: it
     * pays at n = 20,000, 1.5x; at the flagship's n = 5000 it costs 10-30 %). */
    static final int TREE_SIZE = 8192;
    /** Rows below this many per range are not worth a thread hand-off (~10 µs). */
    static final int MIN_RANGE = 64;

    private static final byte FINAL = 2;
    private static final double INF = Double.POSITIVE_INFINITY;
    /** Points sampled to estimate a row's list pivot. */
    private static final int PIVOT_SAMPLE = 256;

    final int n;
    /** The grid the coordinates were quantised on (set by {@link Assigner}). */
    Quantisation quantisation;
    /** Target list length and capacity per row; complete lists hold all n columns. */
    private final int target;
    private final int cap;
    private final boolean complete;
    private final double[] ax, ay, az, bx, by, bz, aa, bb;
    private final int threads;

    /** Column prices p_j (integers). */
    final double[] price;
    /** bb[j] + price[j]. */
    private final double[] w;

    private final int[] cand;
    private final double[] candCost;
    private final int[] len;
    /** Per-row list length aimed at: doubles, up to GROWTH_LIMIT × target, each time the row's list runs dry. */
    private final int[] rowTarget;
    private final double[] limit;

    /** Column of each row, -1 when free. */
    final int[] colOf;
    /** Row of each column, -1 when free. */
    final int[] rowOf;

    private final Scanner scanner;
    /** Threshold queries over the columns (null when lists are complete or n < TREE_SIZE). */
    private ColumnTree tree;
    /** Per column, 2a of the row whose cost shaped its warm-start price (the slope of w there), for the tree; null for none. */
    private double[][] slope;

    // Dijkstra state: ids 0..n-1 are columns, n..2n-1 virtual row nodes
    private double[] key;
    private int[] heapPos;
    private int[] heap;
    private int heapSize;
    private int[] pred;
    private byte[] state;
    private int[] touched;
    private int touchedCount;
    private int[] scannedRows;
    private int scannedCount;
    private double[] rowDist;
    private double[] rowU;
    private boolean[] expanded;
    private double bestFree;

    /** Counters for tuning and reports (this level only). */
    long bids;
    long rescans;
    long augmentations;
    long popped;
    long expansions;
    /** Expansions that scanned all n columns (no tree, or no free column reached yet). */
    long denseExpansions;
    int phases;
    int levels = 1;
    boolean lineStart;
    /** Whether solve() stopped after an exact warm start that the caller still has to check. */
    boolean shortcut;

    /**
     * @param ax quantised coordinates (integers in doubles, |value| ≤ 2<sup>21</sup>); arrays are
     *           read, never written
     */
    Solver(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz, int candidates, int threads) {
        this.n = ax.length;
        this.ax = ax;
        this.ay = ay;
        this.az = az;
        this.bx = bx;
        this.by = by;
        this.bz = bz;
        this.threads = Math.max(1, threads);
        this.target = Math.max(2, candidates);
        this.complete = n <= 4 * target;
        this.cap = complete ? n : Math.min(n - 1, GROWTH_LIMIT * target * 3 / 2);
        aa = new double[n];
        bb = new double[n];
        for (int i = 0; i < n; i++) {
            aa[i] = ax[i] * ax[i] + ay[i] * ay[i] + az[i] * az[i];
            bb[i] = bx[i] * bx[i] + by[i] * by[i] + bz[i] * bz[i];
        }
        price = new double[n];
        w = bb.clone();
        cand = new int[n * cap];
        candCost = new double[n * cap];
        len = new int[n];
        rowTarget = new int[n];
        Arrays.fill(rowTarget, target);
        limit = new double[n];
        colOf = new int[n];
        rowOf = new int[n];
        Arrays.fill(colOf, -1);
        Arrays.fill(rowOf, -1);
        scanner = new Scanner();
    }

    /** Solves exactly; afterwards {@link #colOf} is an optimal permutation and {@link #price} certifies it. */
    void solve() {
        solve(true, true, 0);
    }

    /**
     * @param exact    finish with shortest augmenting paths (else stop after the auction)
     * @param tryLine  try the sort-based warm start
     * @param epsEnd   last ε of the auction, or 0 for the exact level's default (see below)
     */
    private void solve(boolean exact, boolean tryLine, double epsEnd) {
        if (n == 1) {
            colOf[0] = 0;
            rowOf[0] = 0;
            return;
        }
        double maxCost = maxCost();
        double eps = maxCost >= 2 ? Math.scalb(1.0, Math.max(0, Math.getExponent(maxCost) - EPS0_SHIFT)) : 1;
        double warmEps = maxCost >= 2 ? Math.scalb(1.0, Math.max(0, Math.getExponent(maxCost) - EPS_WARM_SHIFT)) : 1;
        LineModel line = exact && tryLine ? LineModel.fit(ax, ay, az, bx, by, bz) : null;
        // the line model's prices are off by at most ~8E per value (reference row, rounding)
        double lineEps = line == null ? INF : line.error == 0 ? 1 : 16 * line.error + 4;
        if (lineEps < warmEps) {
            line.warmStart(ax, ay, az, bx, by, bz, colOf, price);
            for (int i = 0; i < n; i++) {
                rowOf[colOf[i]] = i;
            }
            for (int j = 0; j < n; j++) {
                w[j] = bb[j] + price[j];
            }
            lineStart = true;
            if (lineEps == 1) {
                // exact model: the sorted matching with these prices is optimal; the caller's
                // certificate check confirms it in one O(n²) pass, or calls resume()
                shortcut = true;
                return;
            }
            eps = Math.scalb(1.0, Math.getExponent(lineEps) + 1);
            if (n >= TREE_SIZE) {
                // the model prices' slope at b_j is that of its sorted partner's cost
                slope = new double[3][n];
                for (int j = 0; j < n; j++) {
                    int i = rowOf[j];
                    slope[0][j] = 2 * ax[i];
                    slope[1][j] = 2 * ay[i];
                    slope[2][j] = 2 * az[i];
                }
            }
        } else if (n > BASE_SIZE) {
            warmStart();
            eps = warmEps;
        }
        if (epsEnd == 0) {
            // exact level: the auction stops after the coarse phases; shortest augmenting paths
            // finish faster than fine phases, whose bids go into price wars among the near-
            // identical rows of the degenerate instances (measured: 2^-17 of the largest cost)
            double stop = maxCost >= 2 ? Math.scalb(1.0, Math.max(0, Math.getExponent(maxCost) - EPS_STOP_SHIFT)) : 1;
            epsEnd = Math.min(eps, stop);
        }
        buildAllLists();
        auction(Math.max(eps, epsEnd), epsEnd);
        if (exact) {
            finish();
        }
    }

    /**
     * Continues after a {@link #shortcut} whose certificate check failed (which would mean a bug
     * in the line model): solves again from zero prices without it.
     */
    void resume() {
        shortcut = false;
        Arrays.fill(price, 0);
        System.arraycopy(bb, 0, w, 0, n);
        Arrays.fill(colOf, -1);
        Arrays.fill(rowOf, -1);
        solve(true, false, 0);
    }

    /** Exact cost c(i, j) of the integer problem. */
    double cost(int i, int j) {
        double dx = ax[i] - bx[j];
        double dy = ay[i] - by[j];
        double dz = az[i] - bz[j];
        return dx * dx + dy * dy + dz * dz;
    }

    /** Upper bound on any cost: the squared diagonal of the joint bounding box. */
    private double maxCost() {
        double ex = extent(ax, bx);
        double ey = extent(ay, by);
        double ez = extent(az, bz);
        return ex * ex + ey * ey + ez * ez;
    }

    /** Largest difference of coordinates along one axis over both sets. */
    private static double extent(double[] a, double[] b) {
        double lo = INF;
        double hi = -INF;
        for (double v : a) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (double v : b) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    // ---------------------------------------------------------------- coarse-to-fine prices

    /**
     * Solves the problem on every {@link #COARSENING}-th point of each set (Morton order) and
     * sets all prices to the c-transform of its row values. O(n log n + n²/COARSENING).
     */
    private void warmStart() {
        double[][] rows = aggregate(ax, ay, az);
        double[][] cols = aggregate(bx, by, bz);
        int m = rows[0].length;
        Solver coarse = new Solver(rows[0], rows[1], rows[2], cols[0], cols[1], cols[2], target, threads);
        // the fine auction starts at ε = warm ε; coarse prices much finer than that are wasted
        coarse.solve(false, false, Math.max(1, Math.scalb(1.0, Math.getExponent(maxCost()) - EPS_WARM_SHIFT - COARSE_EXTRA_BITS)));
        levels = coarse.levels + 1;
        // c-transform: p_j = max_r (u_r - c(r, j)) = -|b_j|² + max_r (u_r - |a_r|² + 2 a_r·b_j)
        double[] h = new double[m];
        double[] tx = new double[m];
        double[] ty = new double[m];
        double[] tz = new double[m];
        for (int r = 0; r < m; r++) {
            int c = coarse.colOf[r];
            h[r] = coarse.cost(r, c) + coarse.price[c] - coarse.aa[r];
            tx[r] = 2 * rows[0][r];
            ty[r] = 2 * rows[1][r];
            tz[r] = 2 * rows[2][r];
        }
        double[][] g = n >= TREE_SIZE ? new double[3][n] : null;
        Parallel.forRanges(n, Solver.parts(n, threads), threads, (part, from, to) -> {
            for (int j = from; j < to; j++) {
                double x = bx[j];
                double y = by[j];
                double z = bz[j];
                double best = -INF;
                int arg = 0;
                if (g == null) {
                    for (int r = 0; r < m; r++) {
                        best = Math.max(best, h[r] + (tx[r] * x + ty[r] * y + tz[r] * z));
                    }
                } else {
                    for (int r = 0; r < m; r++) {
                        double v = h[r] + (tx[r] * x + ty[r] * y + tz[r] * z);
                        if (v > best) {
                            arg = r;
                        }
                        best = Math.max(best, v);
                    }
                }
                price[j] = Math.rint(best - bb[j]);
                w[j] = bb[j] + price[j];
                if (g != null) {
                    g[0][j] = tx[arg];
                    g[1][j] = ty[arg];
                    g[2][j] = tz[arg];
                }
            }
        });
        slope = g;
    }

    /**
     * Coarse points: centroids of consecutive groups of {@link #COARSENING} points in Morton
     * (Z-order) order, the last group taking the remainder, rounded to the integer grid. Centroids
     * keep the set's mean (to half a step when n is a multiple of COARSENING; the remainder moves
     * it by under 3/n of the extent), so the coarse transport potential has no tilt.
     */
    static double[][] aggregate(double[] x, double[] y, double[] z) {
        int n = x.length;
        long[] code = new long[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            // quantised coordinates lie in [-2^21, 2^21]: shift to [0, 2^22], keep the top 21 bits
            code[i] = spread((long) x[i] + Quantisation.COORDINATE_LIMIT >>> 1)
                    | spread((long) y[i] + Quantisation.COORDINATE_LIMIT >>> 1) << 1
                    | spread((long) z[i] + Quantisation.COORDINATE_LIMIT >>> 1) << 2;
            idx[i] = i;
        }
        radixSort(code, idx);
        int m = n / COARSENING;
        double[][] out = new double[3][m];
        for (int g = 0; g < m; g++) {
            int from = g * COARSENING;
            int to = g == m - 1 ? n : from + COARSENING;
            double sx = 0;
            double sy = 0;
            double sz = 0;
            for (int t = from; t < to; t++) {
                int i = idx[t];
                sx += x[i];
                sy += y[i];
                sz += z[i];
            }
            // rounded to the integer grid, so that the coarse level's arithmetic is as exact as the
            // top level's (list values and bounds, computed two ways, must agree to the last bit);
            // the means move by under half a grid step
            int c = to - from;
            out[0][g] = Math.rint(sx / c);
            out[1][g] = Math.rint(sy / c);
            out[2][g] = Math.rint(sz / c);
        }
        return out;
    }

    /** Spreads the low 21 bits of v so that bit b moves to bit 3b. */
    private static long spread(long v) {
        long x = v & 0x1fffffL;
        x = (x | x << 32) & 0x1f00000000ffffL;
        x = (x | x << 16) & 0x1f0000ff0000ffL;
        x = (x | x << 8) & 0x100f00f00f00f00fL;
        x = (x | x << 4) & 0x10c30c30c30c30c3L;
        x = (x | x << 2) & 0x1249249249249249L;
        return x;
    }

    /** Stable LSD radix sort of non-negative 63-bit keys, carrying idx along. */
    private static void radixSort(long[] key, int[] idx) {
        int n = key.length;
        long[] k2 = new long[n];
        int[] i2 = new int[n];
        int[] count = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(count, 0);
            for (int t = 0; t < n; t++) {
                count[(int) (key[t] >>> shift) & 0xffff]++;
            }
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int t = 0; t < n; t++) {
                int d = (int) (key[t] >>> shift) & 0xffff;
                int pos = count[d]++;
                k2[pos] = key[t];
                i2[pos] = idx[t];
            }
            System.arraycopy(k2, 0, key, 0, n);
            System.arraycopy(i2, 0, idx, 0, n);
        }
    }

    // ---------------------------------------------------------------- candidate lists

    /** Per-thread scratch for list scans. */
    private final class Scanner {
        final double[] s = new double[n];
        final int[] buf = new int[n];
        final double[] sample = new double[PIVOT_SAMPLE];
        final int[] heapIdx = new int[cap + 1];
        final double[] heapVal = new double[cap + 1];
        final int[] stack = new int[64];
        /** Bits per column for the tree's ordered queries. */
        final long[] marks = new long[(n + 63) >>> 6];
    }

    /** Ranges a row loop over {@code n} rows is cut into for at most {@code threads} threads. */
    static int parts(int n, int threads) {
        return Math.max(1, Math.min(threads, n / MIN_RANGE));
    }

    private void buildAllLists() {
        // prices were just set (or reset by resume): the tree's bounds start exact
        tree = !complete && n >= TREE_SIZE ? slope == null ? new ColumnTree(bx, by, bz, w)
                : new ColumnTree(bx, by, bz, w, slope[0], slope[1], slope[2]) : null;
        slope = null;
        int parts = Solver.parts(n, threads);
        Scanner[] sc = new Scanner[parts];
        sc[0] = scanner;
        for (int p = 1; p < parts; p++) {
            sc[p] = new Scanner();
        }
        Parallel.forRanges(n, Solver.parts(n, threads), threads, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                scan(i, sc[part]);
            }
        });
    }

    private void rescan(int i) {
        rescans++;
        rowTarget[i] = Math.min(GROWTH_LIMIT * target, 2 * rowTarget[i]);
        scan(i, scanner);
    }

    /**
     * Rebuilds row i's list under the current prices: about {@link #target} columns of least
     * c(i, j) + p_j, and limit[i], a lower bound on c(i, j) + p_j over the columns left out. O(n):
     * one vectorised pass computes all values, a pivot is estimated from a strided sample, one
     * predictable pass keeps the values ≤ pivot; only when that keeps more than the capacity does
     * a bounded heap choose (ties to the lower index).
     */
    private void scan(int i, Scanner sc) {
        int base = i * cap;
        if (complete) {
            for (int j = 0; j < n; j++) {
                cand[base + j] = j;
                candCost[base + j] = cost(i, j);
            }
            len[i] = n;
            limit[i] = INF;
            return;
        }
        double[] s = sc.s;
        double tx = 2 * ax[i];
        double ty = 2 * ay[i];
        double tz = 2 * az[i];
        int[] buf = sc.buf;
        if (n < 2 * PIVOT_SAMPLE) {
            reducedAll(s, tx, ty, tz);
            for (int j = 0; j < n; j++) {
                buf[j] = j;
            }
            len[i] = selectSmallest(s, buf, n, sc, base, i);
            return;
        }
        // rank in the sample whose value should keep about `target` + n/PIVOT_SAMPLE columns
        int stride = n / PIVOT_SAMPLE;
        boolean all = tree == null;
        if (all) {
            reducedAll(s, tx, ty, tz);
        } else {
            for (int t = 0; t < PIVOT_SAMPLE; t++) {
                int j = t * stride;
                s[j] = w[j] - (tx * bx[j] + ty * by[j] + tz * bz[j]);
            }
        }
        int want = rowTarget[i];
        int rank = (int) Math.min(PIVOT_SAMPLE, (long) want * PIVOT_SAMPLE / n + 1);
        int c;
        for (;;) {
            double pivot = rank >= PIVOT_SAMPLE ? INF : sampleRank(s, stride, rank, sc.sample);
            if (!all && pivot == INF) {
                reducedAll(s, tx, ty, tz);
                all = true;
            }
            if (all) {
                c = 0;
                for (int j = 0; j < n; j++) {
                    if (s[j] <= pivot) {
                        buf[c++] = j;
                    }
                }
            } else {
                // the same columns, in the same order, with the same values as the pass above
                c = tree.within(tx, ty, tz, pivot, sc.marks, buf, s, sc.stack);
            }
            if (c >= want / 4 || rank >= PIVOT_SAMPLE) {
                if (c <= cap) {
                    limit[i] = aa[i] + pivot; // every column left out has a value > pivot
                    break;
                }
                c = selectSmallest(s, buf, c, sc, base, i);
                len[i] = c;
                return;
            }
            rank = Math.min(PIVOT_SAMPLE, rank * 4);
        }
        for (int t = 0; t < c; t++) {
            int j = buf[t];
            cand[base + t] = j;
            candCost[base + t] = cost(i, j);
        }
        len[i] = c;
    }

    /** The rank-th least (1-based) of s[0], s[stride], …, s[(PIVOT_SAMPLE-1)·stride]. */
    private static double sampleRank(double[] s, int stride, int rank, double[] best) {
        // best[0..rank) sorted ascending: insertion keeps the `rank` least
        int filled = 0;
        for (int t = 0; t < PIVOT_SAMPLE; t++) {
            double x = s[t * stride];
            if (filled < rank) {
                int p = filled++;
                while (p > 0 && best[p - 1] > x) {
                    best[p] = best[p - 1];
                    p--;
                }
                best[p] = x;
            } else if (x < best[rank - 1]) {
                int p = rank - 1;
                while (p > 0 && best[p - 1] > x) {
                    best[p] = best[p - 1];
                    p--;
                }
                best[p] = x;
            }
        }
        return best[rank - 1];
    }

    /**
     * Of the c columns in buf, keeps the cap least by (value, index) as row i's list and sets
     * limit[i] to the next value. Returns cap.
     */
    private int selectSmallest(double[] s, int[] buf, int c, Scanner sc, int base, int i) {
        int m = cap + 1;
        int[] si = sc.heapIdx;
        double[] sv = sc.heapVal;
        for (int t = 0; t < m; t++) {
            si[t] = buf[t];
            sv[t] = s[buf[t]];
        }
        for (int t = m / 2 - 1; t >= 0; t--) {
            siftDownMax(si, sv, m, t);
        }
        for (int q = m; q < c; q++) {
            int j = buf[q];
            double x = s[j];
            if (x < sv[0]) {
                sv[0] = x;
                si[0] = j;
                siftDownMax(si, sv, m, 0);
            }
        }
        limit[i] = aa[i] + sv[0];
        for (int t = 1; t < m; t++) {
            int j = si[t];
            cand[base + t - 1] = j;
            candCost[base + t - 1] = cost(i, j);
        }
        return cap;
    }

    /** Max-heap on (value, index). */
    private static void siftDownMax(int[] si, double[] sv, int m, int t) {
        int idx = si[t];
        double val = sv[t];
        for (;;) {
            int c = 2 * t + 1;
            if (c >= m) {
                break;
            }
            int r = c + 1;
            if (r < m && (sv[r] > sv[c] || (sv[r] == sv[c] && si[r] > si[c]))) {
                c = r;
            }
            if (sv[c] > val || (sv[c] == val && si[c] > idx)) {
                si[t] = si[c];
                sv[t] = sv[c];
                t = c;
            } else {
                break;
            }
        }
        si[t] = idx;
        sv[t] = val;
    }

    /** min_j c(i, j) + p_j over all columns, exactly (rescans when the list cannot tell). */
    private double rowMin(int i) {
        for (boolean rescanned = false;; rescanned = true) {
            int base = i * cap;
            int l = len[i];
            double m = INF;
            for (int s = 0; s < l; s++) {
                double v = candCost[base + s] + price[cand[base + s]];
                if (v < m) {
                    m = v;
                }
            }
            if (m <= limit[i]) {
                return m;
            }
            if (rescanned) {
                throw new IllegalStateException("candidate list of row " + i + " lost its best column: "
                        + m + " > " + limit[i]);
            }
            rescan(i);
        }
    }

    // ---------------------------------------------------------------- auction

    /**
     * ε-scaling from eps0 down to epsEnd (≥ 1); the phase at ε = 1 uses tight increments (see
     * {@link #bid}).
     */
    private void auction(double eps0, double epsEnd) {
        double eps = eps0;
        int[] queue = new int[n];
        for (;;) {
            boolean last = eps <= epsEnd;
            if (last) {
                eps = epsEnd;
            }
            phases++;
            int head = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                int j = colOf[i];
                if (j >= 0 && !slackWithin(i, j, eps)) {
                    colOf[i] = -1;
                    rowOf[j] = -1;
                }
                if (colOf[i] < 0) {
                    queue[count++] = i;
                }
            }
            while (count > 0) {
                int i = queue[head];
                head = head + 1 == n ? 0 : head + 1;
                count--;
                int evicted = bid(i, eps, last && eps == 1);
                if (evicted >= 0) {
                    int tail = head + count;
                    queue[tail >= n ? tail - n : tail] = evicted;
                    count++;
                }
            }
            if (last) {
                return;
            }
            eps = Math.floor(eps / EPS_FACTOR);
        }
    }

    /** Whether row i's pair (i, j) is within eps of the row's best value (conservatively). */
    private boolean slackWithin(int i, int j, double eps) {
        int base = i * cap;
        int l = len[i];
        double other = limit[i];
        for (int s = 0; s < l; s++) {
            int c = cand[base + s];
            if (c != j) {
                double v = candCost[base + s] + price[c];
                if (v < other) {
                    other = v;
                }
            }
        }
        return cost(i, j) + price[j] <= other + eps;
    }

    /**
     * Row i bids for its best column; returns the row it evicts, or -1. In the last phase the
     * price rises by the gap to the second best (at least 1) so the bidder ends exactly tight.
     */
    private int bid(int i, double eps, boolean last) {
        bids++;
        int base = i * cap;
        double b1;
        double b2;
        int j1;
        // the first listed free column of value b1 (-1 if none), found in the same pass: the
        // massively tied instances ask for it on most bids, and a second pass over the list was
        // the solver's hottest loop
        int jFree;
        boolean rescanned = false;
        for (;;) {
            b1 = INF;
            b2 = INF;
            j1 = -1;
            jFree = -1;
            int l = len[i];
            for (int s = 0; s < l; s++) {
                int j = cand[base + s];
                double v = candCost[base + s] + price[j];
                if (v < b1) {
                    b2 = b1;
                    b1 = v;
                    j1 = j;
                    jFree = rowOf[j] < 0 ? j : -1;
                } else if (v <= b2) {
                    b2 = v;
                    if (v == b1 && jFree < 0 && rowOf[j] < 0) {
                        jFree = j;
                    }
                }
            }
            if (b1 <= limit[i]) {
                break;
            }
            if (rescanned) {
                // a fresh list always holds the row's best column: limit and values are the same
                // exact integers computed two ways (|a|² + |b|² − 2a·b and |a − b|²)
                throw new IllegalStateException("candidate list of row " + i + " lost its best column: "
                        + b1 + " > " + limit[i]);
            }
            rescan(i);
            rescanned = true;
        }
        // columns outside the list cost at least limit[i]: a valid (possibly low) second best
        b2 = Math.min(b2, limit[i]);
        int owner = rowOf[j1];
        if (owner >= 0 && b2 == b1 && jFree >= 0) {
            // a free column of equal value avoids an eviction and a price rise
            colOf[i] = jFree;
            rowOf[jFree] = i;
            return -1;
        }
        if (!(last && owner < 0)) {
            double inc = last ? Math.max(b2 - b1, 1) : b2 - b1 + eps;
            raise(j1, inc);
        }
        colOf[i] = j1;
        rowOf[j1] = i;
        if (owner >= 0) {
            colOf[owner] = -1;
        }
        return owner;
    }

    // ---------------------------------------------------------------- stage 2: shortest augmenting paths

    private void finish() {
        key = new double[2 * n];
        Arrays.fill(key, INF);
        heapPos = new int[2 * n];
        Arrays.fill(heapPos, -1);
        heap = new int[2 * n];
        pred = new int[n];
        state = new byte[n];
        touched = new int[n];
        scannedRows = new int[n];
        rowDist = new double[n];
        rowU = new double[n];
        expanded = new boolean[n];
        for (int i = 0; i < n; i++) {
            int j = colOf[i];
            if (j >= 0 && cost(i, j) + price[j] != rowMin(i)) {
                colOf[i] = -1;
                rowOf[j] = -1;
            }
        }
        for (int i = 0; i < n; i++) {
            if (colOf[i] < 0) {
                augment(i);
            }
        }
    }

    /** Inserts free row i0 along a shortest alternating path; keeps all reduced costs ≥ 0. */
    private void augment(int i0) {
        augmentations++;
        bestFree = INF;
        relaxList(i0, 0, rowMin(i0));
        int end;
        for (;;) {
            if (heapSize == 0) {
                throw new IllegalStateException("no augmenting path from row " + i0 + ": solver invariant broken");
            }
            int id = pop();
            if (id >= n) {
                expand(id - n);
                continue;
            }
            popped++;
            state[id] = FINAL;
            int r = rowOf[id];
            if (r < 0) {
                end = id;
                break;
            }
            relaxList(r, key[id], cost(r, id) + price[id]);
        }
        double d = key[end];
        for (int t = 0; t < touchedCount; t++) {
            int j = touched[t];
            if (state[j] == FINAL && key[j] < d) {
                raise(j, d - key[j]);
            }
        }
        int j = end;
        for (;;) {
            int r = pred[j];
            int prev = colOf[r];
            colOf[r] = j;
            rowOf[j] = r;
            if (r == i0) {
                break;
            }
            j = prev;
        }
        for (int t = 0; t < touchedCount; t++) {
            int c = touched[t];
            key[c] = INF;
            heapPos[c] = -1;
            state[c] = 0;
        }
        touchedCount = 0;
        for (int t = 0; t < scannedCount; t++) {
            int r = scannedRows[t];
            key[n + r] = INF;
            heapPos[n + r] = -1;
            if (expanded[r]) {
                expanded[r] = false;
                rescan(r);
            }
        }
        scannedCount = 0;
        heapSize = 0;
    }

    /** Relaxes row r's listed columns from distance dr; queues its virtual node for the rest. */
    private void relaxList(int r, double dr, double ur) {
        rowDist[r] = dr;
        rowU[r] = ur;
        scannedRows[scannedCount++] = r;
        int base = r * cap;
        int l = len[r];
        for (int s = 0; s < l; s++) {
            int j = cand[base + s];
            if (state[j] != FINAL) {
                relax(j, dr + candCost[base + s] + price[j] - ur, r);
            }
        }
        if (!complete) {
            double vk = dr + limit[r] - ur;
            if (vk < bestFree) {
                key[n + r] = vk;
                push(n + r);
            }
        }
    }

    /** Relaxes all n columns of row r (its virtual node was reached). */
    private void expand(int r) {
        expansions++;
        expanded[r] = true;
        double tx = 2 * ax[r];
        double ty = 2 * ay[r];
        double tz = 2 * az[r];
        double[] s = scanner.s;
        double off = rowDist[r] + aa[r] - rowU[r];
        if (tree != null && bestFree < INF) {
            // only columns with off + s_j ≤ bestFree can lower bestFree or pass the test below
            // (all values are exact integers). Their order does not matter: bestFree is a minimum,
            // each column is relaxed at most once, and the heap pops by (key, rank, id), so the
            // dense loop's index order gives the same pops and prices
            int[] buf = scanner.buf;
            int c = tree.within(tx, ty, tz, bestFree - off, null, buf, s, scanner.stack);
            for (int q = 0; q < c; q++) {
                int j = buf[q];
                if (rowOf[j] < 0) {
                    double nd = off + s[j];
                    if (nd < bestFree) {
                        bestFree = nd;
                    }
                }
            }
            for (int q = 0; q < c; q++) {
                int j = buf[q];
                if (state[j] != FINAL) {
                    double nd = off + s[j];
                    if (nd < key[j] && (nd < bestFree || (nd == bestFree && rowOf[j] < 0))) {
                        relax(j, nd, r);
                    }
                }
            }
            return;
        }
        denseExpansions++;
        reducedAll(s, tx, ty, tz);
        for (int j = 0; j < n; j++) {
            if (rowOf[j] < 0) {
                double nd = off + s[j];
                if (nd < bestFree) {
                    bestFree = nd;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            if (state[j] != FINAL) {
                double nd = off + s[j];
                if (nd < key[j] && (nd < bestFree || (nd == bestFree && rowOf[j] < 0))) {
                    relax(j, nd, r);
                }
            }
        }
    }

    private void relax(int j, double nd, int r) {
        if (!(nd < key[j])) {
            return;
        }
        boolean free = rowOf[j] < 0;
        if (free) {
            if (nd < bestFree) {
                bestFree = nd;
            }
        } else if (nd >= bestFree && heapPos[j] < 0) {
            return; // cannot be popped before the free column already reached
        }
        if (key[j] == INF) {
            touched[touchedCount++] = j;
        }
        key[j] = nd;
        pred[j] = r;
        if (heapPos[j] < 0) {
            push(j);
        } else {
            siftUp(heapPos[j]);
        }
    }

    // ---------------------------------------------------------------- indexed binary min-heap

    /** Order: key, then free columns, matched columns, virtual rows; then id. */
    private boolean before(int a, int b) {
        double ka = key[a];
        double kb = key[b];
        if (ka != kb) {
            return ka < kb;
        }
        int ca = rank(a);
        int cb = rank(b);
        if (ca != cb) {
            return ca < cb;
        }
        return a < b;
    }

    private int rank(int id) {
        return id >= n ? 2 : rowOf[id] < 0 ? 0 : 1;
    }

    private void push(int id) {
        int pos = heapSize++;
        heap[pos] = id;
        heapPos[id] = pos;
        siftUp(pos);
    }

    private int pop() {
        int top = heap[0];
        heapPos[top] = -1;
        int last = heap[--heapSize];
        if (heapSize > 0) {
            heap[0] = last;
            heapPos[last] = 0;
            siftDown(0);
        }
        return top;
    }

    private void siftUp(int pos) {
        int id = heap[pos];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            int p = heap[parent];
            if (!before(id, p)) {
                break;
            }
            heap[pos] = p;
            heapPos[p] = pos;
            pos = parent;
        }
        heap[pos] = id;
        heapPos[id] = pos;
    }

    private void siftDown(int pos) {
        int id = heap[pos];
        for (;;) {
            int c = 2 * pos + 1;
            if (c >= heapSize) {
                break;
            }
            int r = c + 1;
            if (r < heapSize && before(heap[r], heap[c])) {
                c = r;
            }
            int cid = heap[c];
            if (!before(cid, id)) {
                break;
            }
            heap[pos] = cid;
            heapPos[cid] = pos;
            pos = c;
        }
        heap[pos] = id;
        heapPos[id] = pos;
    }

    /** Raises column j's price, and so its w, by {@code inc}, keeping the tree's bounds (if any) valid. */
    private void raise(int j, double inc) {
        double old = w[j];
        price[j] += inc;
        w[j] += inc;
        if (tree != null) {
            tree.raised(j, old);
        }
    }

    /** s[j] = w_j − t·b_j for every column j: the values a row with t = 2a sees (the full scan). */
    private void reducedAll(double[] s, double tx, double ty, double tz) {
        double[] bxl = bx;
        double[] byl = by;
        double[] bzl = bz;
        double[] wl = w;
        for (int j = 0; j < n; j++) {
            s[j] = wl[j] - (tx * bxl[j] + ty * byl[j] + tz * bzl[j]);
        }
    }

    /** A summary of the work done, for tuning. */
    String stats() {
        return "line=" + lineStart + " levels=" + levels + " phases=" + phases + " bids=" + bids + " rescans=" + rescans + " augmentations=" + augmentations
                + " popped=" + popped + " expansions=" + expansions + " dense=" + denseExpansions;
    }
}
