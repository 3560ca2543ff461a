package dev.starling.plan;

import dev.starling.assign.Assigner;
import dev.starling.assign.Assignment;
import dev.starling.assign.Certificate;

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
