package dev.starling.assign;

import dev.starling.base.PrincipalAxes;

import java.util.Arrays;

/**
 * Sort-based warm start for the one-dimensional instances: when |a_i − b_j|² depends on i and j
 * jointly only through the product s_i·t_j of their coordinates along one direction d, the
 * monotone matching (sort both sets along d) is optimal, and its dual prices follow in closed
 * form.
 *
 * <p>Write a = s·d + a⊥, b = t·d + b⊥. Then |a − b|² = |a|² + |b|² − 2st − 2a⊥·b⊥, and with an
 * orthonormal frame {d, e2, e3}, (a⊥ − ā⊥)·(b⊥ − b̄⊥) = ν·v + u·μ (components along e2 and e3):
 * zero for every pair when one set is collinear along d, or when A lies in a plane with normal e2
 * and B in a plane with normal e3 (two perpendicular planes meeting along d: the ground grid and a
 * vertical formation, in either order). Those are exactly the instances where costs collapse to
 * one dimension with massive ties and where augmenting-path and auction solvers slow down most.
 * {@link #fit} tries d along the main axis of A, of B, and along the intersection of the planes
 * of A and B, and keeps the one with the least model error E = max|ν|·max|v| + max|u|·max|μ|.
 *
 * <p>Prices: with rows sorted by s and columns by t, π_(k+1) − π_(k) = (s_(k) + s_(k+1))·(t_(k+1)
 * − t_(k)) makes every row's own column its cheapest under values π_j − 2 s_i t_j (the midpoint
 * keeps both neighbours strictly feasible), and p_j = π_j − |b_j|² + 2 a⊥_ref·b⊥_j turns them into
 * prices of the real costs. When E = 0 (axis-aligned planes on the integer grid) these prices
 * certify the sorted matching exactly; otherwise they are within about 4E of optimal prices and the
 * auction starts from ε ≈ 4E instead of from the largest cost.
 */
final class LineModel {
    /** Direction d, unit length. */
    final double dx, dy, dz;
    /** Model error E in cost units (see class comment). */
    final double error;

    private LineModel(double dx, double dy, double dz, double error) {
        this.dx = dx;
        this.dy = dy;
        this.dz = dz;
        this.error = error;
    }

    /** The best line model for these quantised points (never null; check {@link #error}). */
    static LineModel fit(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz) {
        double[][] ea = principalAxes(ax, ay, az);
        double[][] eb = principalAxes(bx, by, bz);
        LineModel best = null;
        double[][] candidates = {ea[0], eb[0], cross(ea[2], eb[2])};
        for (double[] d : candidates) {
            double norm = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            if (!(norm > 1e-9)) {
                continue; // parallel planes: no common line
            }
            double[] u = snap(new double[] {d[0] / norm, d[1] / norm, d[2] / norm});
            // e2: the normal of A made orthogonal to d (or any orthogonal direction)
            double[] e2 = orthogonalPart(ea[2], u);
            if (e2 == null) {
                e2 = orthogonalPart(ea[1], u);
            }
            if (e2 == null) {
                e2 = orthogonalPart(new double[] {1, 0, 0}, u);
            }
            if (e2 == null) {
                e2 = orthogonalPart(new double[] {0, 1, 0}, u);
            }
            e2 = snap(e2);
            double[] e3 = snap(cross(u, e2));
            double err = halfRange(ax, ay, az, e2) * halfRange(bx, by, bz, e2)
                    + halfRange(ax, ay, az, e3) * halfRange(bx, by, bz, e3);
            if (best == null || err < best.error) {
                best = new LineModel(u[0], u[1], u[2], err);
            }
        }
        return best == null ? new LineModel(1, 0, 0, Double.POSITIVE_INFINITY) : best;
    }

    /**
     * The sorted matching and its model prices (integers) for the quantised points.
     *
     * @param colOf out: column of each row
     * @param price out: column prices
     */
    void warmStart(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz,
                   int[] colOf, double[] price) {
        int n = ax.length;
        double[] s = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = ax[i] * dx + ay[i] * dy + az[i] * dz;
            t[i] = bx[i] * dx + by[i] * dy + bz[i] * dz;
        }
        int[] rowOrder = sortedIndices(s);
        int[] colOrder = sortedIndices(t);
        // a⊥ of a reference row (an actual, integer point keeps the axis-aligned case integral)
        int ref = rowOrder[0];
        double sr = s[ref];
        double rx = ax[ref] - sr * dx;
        double ry = ay[ref] - sr * dy;
        double rz = az[ref] - sr * dz;
        double pi = 0;
        for (int k = 0; k < n; k++) {
            int i = rowOrder[k];
            int j = colOrder[k];
            if (k > 0) {
                pi += (s[rowOrder[k - 1]] + s[i]) * (t[j] - t[colOrder[k - 1]]);
            }
            colOf[i] = j;
            double tj = t[j];
            double g = rx * (bx[j] - tj * dx) + ry * (by[j] - tj * dy) + rz * (bz[j] - tj * dz);
            double bb = bx[j] * bx[j] + by[j] * by[j] + bz[j] * bz[j];
            price[j] = Math.rint(pi - bb + 2 * g);
        }
    }

    /** Indices sorted by value, ties by index (deterministic). */
    private static int[] sortedIndices(double[] v) {
        int n = v.length;
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        // equal values get consecutive ranks in index order
        int[] next = new int[n];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int r = lowerBound(sorted, v[i]);
            out[r + next[r]++] = i;
        }
        return out;
    }

    private static int lowerBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Half the range of p·e over the points: the largest deviation from the midrange. */
    private static double halfRange(double[] x, double[] y, double[] z, double[] e) {
        int n = x.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = x[i] * e[0] + y[i] * e[1] + z[i] * e[2];
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return (hi - lo) / 2;
    }

    /** Axes of the covariance of the points, largest variance first (unit vectors). */
    static double[][] principalAxes(double[] x, double[] y, double[] z) {
        return PrincipalAxes.of(x, y, z, x.length).axes();
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    /** Unit part of v orthogonal to unit u, or null when v is (nearly) parallel to u. */
    private static double[] orthogonalPart(double[] v, double[] u) {
        double k = v[0] * u[0] + v[1] * u[1] + v[2] * u[2];
        double[] o = {v[0] - k * u[0], v[1] - k * u[1], v[2] - k * u[2]};
        double norm = Math.sqrt(o[0] * o[0] + o[1] * o[1] + o[2] * o[2]);
        if (!(norm > 1e-6)) {
            return null;
        }
        return new double[] {o[0] / norm, o[1] / norm, o[2] / norm};
    }

    /** Rounds a unit vector onto a coordinate axis when it is within 1e-12 of one. */
    private static double[] snap(double[] u) {
        for (int k = 0; k < 3; k++) {
            if (Math.abs(Math.abs(u[k]) - 1) < 1e-12) {
                double[] s = new double[3];
                s[k] = Math.signum(u[k]);
                return s;
            }
        }
        return u;
    }
}
