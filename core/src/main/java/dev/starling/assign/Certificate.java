package dev.starling.assign;

import dev.starling.base.Parallel;

/**
 * Proof that an assignment is optimal: LP dual prices u (rows, start points) and v (columns, goal
 * points) of the quantised problem with u_i + v_j ≤ c_ij for <em>all</em> n² pairs and equality on
 * the assigned pairs. Then for any permutation τ, Σ c(i, τ(i)) ≥ Σ u + Σ v = Σ c(i, σ(i)): no
 * assignment is cheaper (LP duality, Kuhn 1955).
 *
 * <p>Costs and duals are integers in units of {@code quantisation.step()²} (m²); c_ij is the exact
 * squared distance between the quantised points (see {@link Quantisation}), so the check has no
 * rounding at all. {@link #verify} recomputes everything from the points, over all n² pairs.
 *
 * <p>Arrays are owned by this record; callers must not modify them.
 *
 * @param quantisation      grid the costs are measured on
 * @param rowDuals          u_i, step² units
 * @param columnDuals       v_j, step² units
 * @param maxViolation      max over all pairs of u_i + v_j − c_ij, clipped at 0 (0 when feasible);
 *                          −1 when not measured
 * @param maxAssignedSlack  max over assigned pairs of |c_iσ(i) − u_i − v_σ(i)| (0 when tight);
 *                          −1 when not measured
 * @param gapBound          m²: the true (unquantised) total squared distance of the assignment
 *                          exceeds the true minimum by at most this much; NaN when not measured
 */
public record Certificate(Quantisation quantisation, long[] rowDuals, long[] columnDuals,
                          long maxViolation, long maxAssignedSlack, double gapBound) {
    /** Duals beyond this magnitude are checked with slower long arithmetic. */
    static final long EXACT_DOUBLE_DUAL_LIMIT = 1L << 50;

    public Certificate {
        if (quantisation == null || rowDuals == null || columnDuals == null) {
            throw new IllegalArgumentException("quantisation and duals are required");
        }
        if (rowDuals.length != columnDuals.length) {
            throw new IllegalArgumentException(rowDuals.length + " row duals but " + columnDuals.length
                    + " column duals: both sides need one per point");
        }
    }

    /** Duals of a solution, not yet measured. */
    static Certificate unmeasured(Quantisation q, long[] u, long[] v) {
        return new Certificate(q, u, v, -1, -1, Double.NaN);
    }

    /** Whether this certificate was measured and proves optimality (no violation, all tight). */
    public boolean valid() {
        return maxViolation == 0 && maxAssignedSlack == 0;
    }

    /** {@link #maxViolation} in m². */
    public double maxViolationSquareMetres() {
        return maxViolation * quantisation.step() * quantisation.step();
    }

    /**
     * Σ u + Σ v in m²: a lower bound on the total quantised squared distance of every assignment,
     * equal to the optimum when the certificate is valid.
     */
    public double dualValue() {
        double s = 0;
        for (long x : rowDuals) {
            s += x;
        }
        for (long x : columnDuals) {
            s += x;
        }
        return s * quantisation.step() * quantisation.step();
    }

    /**
     * Checks these duals against {@code target} on the given points (metres, structure-of-arrays,
     * the same points the duals were computed for), over all n² pairs, in exact integer
     * arithmetic, in parallel over rows. Cost: about 10 flops per pair, tens of milliseconds at
     * n = 5000.
     *
     * @param target target[i] = index of the goal point of start point i
     * @return this certificate with {@link #maxViolation}, {@link #maxAssignedSlack} and
     *         {@link #gapBound} measured; {@link #valid()} tells the verdict
     * @throws IllegalArgumentException when sizes differ or target is not a permutation
     */
    public Certificate verify(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz,
                              int[] target) {
        int n = rowDuals.length;
        for (double[] c : new double[][] {ax, ay, az, bx, by, bz}) {
            if (c.length != n) {
                throw new IllegalArgumentException("a coordinate array has " + c.length + " entries, the duals " + n);
            }
        }
        requirePermutation(target, n);
        Quantisation q = quantisation;
        double[] qax = q.quantise(ax, q.originX());
        double[] qay = q.quantise(ay, q.originY());
        double[] qaz = q.quantise(az, q.originZ());
        double[] qbx = q.quantise(bx, q.originX());
        double[] qby = q.quantise(by, q.originY());
        double[] qbz = q.quantise(bz, q.originZ());

        long slack = 0;
        for (int i = 0; i < n; i++) {
            int j = target[i];
            long c = exactCost(qax[i], qay[i], qaz[i], qbx[j], qby[j], qbz[j]);
            long s = Math.abs(c - rowDuals[i] - columnDuals[j]);
            slack = Math.max(slack, s);
        }
        long violation = maxViolation(qax, qay, qaz, qbx, qby, qbz);
        double maxDistance = Math.sqrt(squaredSpan(ax, bx) + squaredSpan(ay, by) + squaredSpan(az, bz));
        double gap = 2.0 * n * q.maxPairCostError(maxDistance);
        return new Certificate(q, rowDuals, columnDuals, violation, slack, gap);
    }

    private long maxViolation(double[] qax, double[] qay, double[] qaz, double[] qbx, double[] qby, double[] qbz) {
        int n = rowDuals.length;
        boolean exactInDouble = true;
        for (int i = 0; i < n; i++) {
            if (Math.abs(rowDuals[i]) > EXACT_DOUBLE_DUAL_LIMIT || Math.abs(columnDuals[i]) > EXACT_DOUBLE_DUAL_LIMIT) {
                exactInDouble = false;
                break;
            }
        }
        int threads = Runtime.getRuntime().availableProcessors();
        long[] worst = new long[Solver.parts(n, threads)];
        if (exactInDouble) {
            // c_ij - v_j = |a_i|² + (|b_j|² - v_j) - 2 a_i·b_j; every term is an integer < 2^52.
            double[] wv = new double[n];
            for (int j = 0; j < n; j++) {
                wv[j] = qbx[j] * qbx[j] + qby[j] * qby[j] + qbz[j] * qbz[j] - columnDuals[j];
            }
            Parallel.forRanges(n, Solver.parts(n, threads), threads, (part, from, to) -> {
                double worstRow = 0;
                for (int i = from; i < to; i++) {
                    double tx = 2 * qax[i];
                    double ty = 2 * qay[i];
                    double tz = 2 * qaz[i];
                    double m = Double.POSITIVE_INFINITY;
                    for (int j = 0; j < n; j++) {
                        m = Math.min(m, wv[j] - (tx * qbx[j] + ty * qby[j] + tz * qbz[j]));
                    }
                    double aa = qax[i] * qax[i] + qay[i] * qay[i] + qaz[i] * qaz[i];
                    worstRow = Math.max(worstRow, rowDuals[i] - aa - m);
                }
                worst[part] = (long) worstRow;
            });
        } else {
            Parallel.forRanges(n, Solver.parts(n, threads), threads, (part, from, to) -> {
                long worstRow = 0;
                for (int i = from; i < to; i++) {
                    for (int j = 0; j < n; j++) {
                        long c = exactCost(qax[i], qay[i], qaz[i], qbx[j], qby[j], qbz[j]);
                        long excess = Math.subtractExact(Math.addExact(rowDuals[i], columnDuals[j]), c);
                        worstRow = Math.max(worstRow, excess);
                    }
                }
                worst[part] = worstRow;
            });
        }
        long v = 0;
        for (long x : worst) {
            v = Math.max(v, x);
        }
        return v;
    }

    private static long exactCost(double ax, double ay, double az, double bx, double by, double bz) {
        long dx = (long) ax - (long) bx;
        long dy = (long) ay - (long) by;
        long dz = (long) az - (long) bz;
        return dx * dx + dy * dy + dz * dz;
    }

    private static double squaredSpan(double[] a, double[] b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        for (double x : b) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return (hi - lo) * (hi - lo);
    }

    static void requirePermutation(int[] target, int n) {
        if (target.length != n) {
            throw new IllegalArgumentException("target has " + target.length + " entries for " + n + " points");
        }
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int j = target[i];
            if (j < 0 || j >= n || seen[j]) {
                throw new IllegalArgumentException("target is not a permutation of 0.." + (n - 1)
                        + ": entry " + i + " = " + j + (j >= 0 && j < n ? " appears twice" : " is out of range"));
            }
            seen[j] = true;
        }
    }
}
