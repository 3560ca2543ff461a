package dev.starling.assign;

/**
 * Exact minimum-cost assignment for squared Euclidean distances: given start points a_i and goal
 * points b_j (metres, show frame, n each), find the permutation σ minimising Σ |a_i − b_σ(i)|².
 * This is the assignment CAPT needs (Turpin, Michael &amp; Kumar, IJRR 2014): with it, straight
 * synchronised transitions between well-spaced formations are collision-free.
 *
 * <p><b>What "exact" means.</b> Coordinates are first put on an integer grid
 * ({@link Quantisation}: a power-of-two step, 61 µm for a 200 m show, at most ~1 mm up to 4 km);
 * costs become exact integers (squared grid distances, below 2<sup>46</sup>), and that integer
 * problem is solved to its exact optimum and proved optimal by integer dual prices checked over
 * all n² pairs ({@link Certificate}) with no rounding anywhere. For the given double coordinates
 * the result is optimal for points within (√3/2)·step of them, and its total squared distance is
 * within {@link Certificate#gapBound()} (2n·(2√3·step·D + 9·step²), D the largest start-goal
 * distance) of the true minimum. We chose this over solving in doubles with a tolerance because a
 * tolerance makes the certificate, and the many exact ties of the degenerate instances, a matter
 * of judgement; integers make both exact and deterministic.
 *
 * <p><b>Algorithm</b> (details in {@code Solver}): a warm start, then an ε-scaling auction
 * (Bertsekas) brings the prices near the optimum in a few cheap bids per drone, then
 * Jonker–Volgenant style shortest augmenting paths make complementary slackness exact. The warm
 * start is sort-based when the costs collapse to one dimension (a collinear set, or two
 * perpendicular planes: the ground grid → vertical formation of every takeoff and landing, where
 * |a−b|² = |a|² + |b|² − 2a·b has massive ties and augmenting-path solvers need O(n)-long paths:
 * scipy's {@code linear_sum_assignment} takes 107–194 s at n = 5000), and coarse-to-fine
 * (c-transform of a quarter-size problem's prices) otherwise. Costs are computed from
 * coordinates on the fly; each row keeps a short list of its cheapest columns under the current
 * prices plus a bound for all others, which keeps every step exact on the complete n×n problem
 * while touching a few columns per step. Memory O(n): no n×n matrix (3.2 GB at n = 20,000).
 *
 * <p>Runs the O(n²) scans (initial candidate lists, certificate check) on up to {@code threads}
 * threads over row ranges; the result is identical for any thread count. Deterministic.
 */
public final class Assigner {
    /** Largest accepted |coordinate|, metres: squared distances up to 12·10³⁰⁰ stay finite. */
    public static final double MAX_COORDINATE = 1e150;

    private Assigner() {
    }

    /**
     * Options for {@link #solve(double[], double[], double[], double[], double[], double[], Options)}.
     *
     * @param threads threads for the O(n²) scans, ≥ 1 (the result does not depend on it)
     */
    public record Options(int threads) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }

        /** All available processors. */
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Exact minimum of Σ |a_i − b_σ(i)|² over permutations σ; inputs are structure-of-arrays of
     * equal length n ≥ 1 (metres); deterministic; the certificate is checked over all n² pairs
     * before returning.
     *
     * @throws IllegalArgumentException when lengths differ, n = 0, or a coordinate is not finite or
     *                                  beyond ±{@link #MAX_COORDINATE}
     * @throws IllegalStateException    when the certificate check fails (a solver bug, never a
     *                                  silent wrong answer)
     */
    public static Assignment solve(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz) {
        return solve(ax, ay, az, bx, by, bz, Options.defaults());
    }

    /** {@link #solve(double[], double[], double[], double[], double[], double[])} with options. */
    public static Assignment solve(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz,
                                   Options options) {
        return solve(ax, ay, az, bx, by, bz, options, Solver.DEFAULT_CANDIDATES);
    }

    static Assignment solve(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz,
                            Options options, int candidates) {
        Solver s = prepare(ax, ay, az, bx, by, bz, options, candidates);
        s.solve();
        return finish(s, ax, ay, az, bx, by, bz);
    }

    /**
     * An assignment found earlier (a cache entry), proven again rather than trusted: its duals are
     * checked over all n² pairs of these points exactly as a fresh solve's are, and the cost is
     * summed the same way, so the result equals the fresh solve it was stored from.
     *
     * @param target target[i] = goal index of start point i
     * @param u      row duals, v column duals, as stored from {@link Certificate#rowDuals()} and
     *               {@link Certificate#columnDuals()} of a solve on the same points
     * @return the assignment, or null when the certificate does not prove it optimal on these
     *         points (a stale or tampered entry) or the arrays do not fit them
     */
    public static Assignment recheck(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz,
                                     int[] target, long[] u, long[] v) {
        int n = ax.length;
        if (n == 0 || target.length != n || u.length != n || v.length != n || ay.length != n || az.length != n
                || bx.length != n || by.length != n || bz.length != n) {
            return null;
        }
        Certificate c;
        try {
            c = Certificate.unmeasured(Quantisation.fit(ax, ay, az, bx, by, bz), u, v)
                    .verify(ax, ay, az, bx, by, bz, target);
        } catch (IllegalArgumentException notAPermutation) {
            return null;
        }
        if (!c.valid()) {
            return null;
        }
        return new Assignment(target.clone(), cost(ax, ay, az, bx, by, bz, target), c);
    }

    /** Σ |a_i − b_target[i]|², summed in index order (metres²). */
    public static double cost(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz,
                              int[] target) {
        double cost = 0;
        for (int i = 0; i < target.length; i++) {
            int j = target[i];
            double dx = ax[i] - bx[j];
            double dy = ay[i] - by[j];
            double dz = az[i] - bz[j];
            cost += dx * dx + dy * dy + dz * dz;
        }
        return cost;
    }

    /** Validates and quantises; the solver is ready to run. */
    static Solver prepare(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz,
                          Options options, int candidates) {
        int n = ax.length;
        String[] names = {"ax", "ay", "az", "bx", "by", "bz"};
        double[][] arrays = {ax, ay, az, bx, by, bz};
        for (int a = 0; a < arrays.length; a++) {
            if (arrays[a].length != n) {
                throw new IllegalArgumentException(names[a] + " has " + arrays[a].length + " entries but ax has " + n
                        + ": start and goal sets need the same number of points");
            }
            for (int i = 0; i < n; i++) {
                if (!(Math.abs(arrays[a][i]) <= MAX_COORDINATE)) {
                    throw new IllegalArgumentException(names[a] + "[" + i + "] = " + arrays[a][i]
                            + (Double.isFinite(arrays[a][i]) ? " is too large: squared distances would overflow (limit ±"
                            + MAX_COORDINATE + " m)" : " is not finite"));
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no points: an assignment needs at least one start and one goal point");
        }
        Quantisation q = Quantisation.fit(ax, ay, az, bx, by, bz);
        Solver s = new Solver(q.quantise(ax, q.originX()), q.quantise(ay, q.originY()), q.quantise(az, q.originZ()),
                q.quantise(bx, q.originX()), q.quantise(by, q.originY()), q.quantise(bz, q.originZ()),
                candidates, options.threads());
        s.quantisation = q;
        return s;
    }

    /** Builds, verifies and returns the result of a solved solver. */
    static Assignment finish(Solver s, double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz) {
        int n = s.n;
        int[] target = s.colOf.clone();
        long[] u = new long[n];
        long[] v = new long[n];
        for (int j = 0; j < n; j++) {
            v[j] = -(long) s.price[j];
        }
        for (int i = 0; i < n; i++) {
            int j = target[i];
            u[i] = (long) s.cost(i, j) - v[j];
        }
        Certificate c = Certificate.unmeasured(s.quantisation, u, v).verify(ax, ay, az, bx, by, bz, target);
        if (!c.valid() && s.shortcut) {
            s.resume();
            return finish(s, ax, ay, az, bx, by, bz);
        }
        if (!c.valid()) {
            throw new IllegalStateException("assignment certificate failed (max dual violation " + c.maxViolation()
                    + ", max slack on assigned pairs " + c.maxAssignedSlack() + " in step² units, step "
                    + c.quantisation().step() + " m): solver bug, please report it with the input points");
        }
        return new Assignment(target, cost(ax, ay, az, bx, by, bz, target), c);
    }
}
