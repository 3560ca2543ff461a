package dev.starling.plan;

import dev.starling.assign.Assigner;
import dev.starling.assign.Assignment;
import dev.starling.assign.Certificate;
import dev.starling.base.Parallel;
import java.util.Arrays;
import java.util.List;

/**
 * The planner's assignments in canonical order: the start points are sorted by (x, y, z) before
 * solving and the result is mapped back, so an assignment depends on the two point <em>sets</em>
 * and not on which drone holds which start point. An edit of one scene permutes the drones of
 * every later scene; with this order the later transitions still pose the same problem, which a
 * cache ({@link dev.starling.cache.PlanCache}) can then answer byte for byte. Ties between optimal
 * assignments are broken the same way whether the solve is fresh or cached.
 *
 * <p>Cost: one sort of n points, O(n log n), next to the solve itself.
 */
public final class Assignments {
    /** Solves one assignment on start points already in canonical order. */
    @FunctionalInterface
    public interface Solver {
        Assignment solve(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz);
    }

    /** {@link Assigner#solve} every time. */
    public static final Solver FRESH = Assigner::solve;

    private Assignments() {
    }

    /**
     * The exact minimum of Σ |a_i − b_σ(i)|² as {@link Assigner#solve}, found by {@code solver} on
     * the start points sorted by (x, y, z) (ties by index), returned in the caller's order: the
     * target, the duals and the cost (summed in the caller's index order) all refer to index i of
     * {@code ax, ay, az}.
     */
    public static Assignment solve(Solver solver, double[] ax, double[] ay, double[] az,
                                   double[] bx, double[] by, double[] bz) {
        int n = ax.length;
        int[] order = canonicalOrder(ax, ay, az);
        double[] sx = new double[n], sy = new double[n], sz = new double[n];
        for (int k = 0; k < n; k++) {
            sx[k] = ax[order[k]];
            sy[k] = ay[order[k]];
            sz[k] = az[order[k]];
        }
        Assignment s = solver.solve(sx, sy, sz, bx, by, bz);
        int[] target = new int[n];
        long[] u = new long[n];
        long[] su = s.certificate().rowDuals();
        for (int k = 0; k < n; k++) {
            target[order[k]] = s.target()[k];
            u[order[k]] = su[k];
        }
        Certificate c = s.certificate();
        return new Assignment(target, Assigner.cost(ax, ay, az, bx, by, bz, target), new Certificate(c.quantisation(),
                u, c.columnDuals(), c.maxViolation(), c.maxAssignedSlack(), c.gapBound()));
    }

    /**
     * Assignments solved ahead of time, concurrently, then handed out by content. A show's
     * transitions are independent once its formations are sampled: each start set is the point
     * set the previous scene ends on, whichever drone holds which point, and with the canonical
     * order a solve depends on the sets alone. So the planner lists every problem first, this
     * solves them on up to {@code threads} threads (each solve deterministic and independent of
     * the others), and the planner's sequential pass then asks for each one as before.
     *
     * <p>{@link #solve} answers a problem from the results only when its canonical start points
     * and its goal points are bitwise those solved ahead; anything else, and any problem whose
     * solve ahead failed, goes to the underlying solver, so the answers, and the errors with the
     * order they surface in, are exactly those of solving one problem after another.
     *
     * <p>Cost: the solves, over min(threads, problems) threads; memory: all results at once
     * (O(n) each), and up to {@code threads} solvers' working sets at a time.
     */
    public static final class Ahead implements Solver {
        private final Solver solver;
        private final double[][][] problems;
        private final Assignment[] results;
        private final double[] millis;

        /**
         * Solves {@code problems} (each {ax, ay, az, bx, by, bz}, start points in any order) by
         * {@code solver} on canonical order, in the order {@code first} lists (every index once),
         * on up to {@code threads} threads; {@code done} is called, one call at a time, after each.
         */
        public Ahead(Solver solver, List<double[][]> problems, int[] first, int threads, Runnable done) {
            int m = problems.size();
            if (first.length != m) {
                throw new IllegalArgumentException(first.length + " indices for " + m + " problems");
            }
            this.solver = solver;
            this.problems = new double[m][][];
            this.results = new Assignment[m];
            this.millis = new double[m];
            Object lock = new Object();
            Parallel.forEach(m, threads, t -> {
                int k = first[t];
                double[][] p = problems.get(k);
                int[] order = canonicalOrder(p[0], p[1], p[2]);
                double[][] q = {permuted(p[0], order), permuted(p[1], order), permuted(p[2], order), p[3], p[4], p[5]};
                long t0 = System.nanoTime();
                Assignment a;
                try {
                    a = solver.solve(q[0], q[1], q[2], q[3], q[4], q[5]);
                } catch (RuntimeException e) {
                    a = null; // solved again, in sequence, so that it fails where it would have
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                synchronized (lock) {
                    this.problems[k] = q;
                    results[k] = a;
                    millis[k] = ms;
                    done.run();
                }
            });
        }

        /** Wall time of problem k's solve ahead, ms (its own thread's; solves overlap). */
        public double millis(int k) {
            return millis[k];
        }

        @Override
        public Assignment solve(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz) {
            for (int k = 0; k < problems.length; k++) {
                double[][] q = problems[k];
                if (results[k] != null && Arrays.equals(q[3], bx) && Arrays.equals(q[4], by) && Arrays.equals(q[5], bz)
                        && Arrays.equals(q[0], ax) && Arrays.equals(q[1], ay) && Arrays.equals(q[2], az)) {
                    return results[k];
                }
            }
            return solver.solve(ax, ay, az, bx, by, bz);
        }

        private static double[] permuted(double[] x, int[] order) {
            double[] out = new double[x.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = x[order[k]];
            }
            return out;
        }
    }

    /** Indices sorted by (x, y, z), then by index: a permutation. */
    static int[] canonicalOrder(double[] x, double[] y, double[] z) {
        int n = x.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(x[a], x[b]);
            if (c == 0) {
                c = Double.compare(y[a], y[b]);
            }
            if (c == 0) {
                c = Double.compare(z[a], z[b]);
            }
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
