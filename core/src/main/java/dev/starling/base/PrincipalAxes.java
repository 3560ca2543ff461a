package dev.starling.base;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Principal axes of a point cloud: the eigen-decomposition of its covariance (population, divided
 * by n), by commons-math3's {@link EigenDecomposition} for symmetric matrices. Axis k is a unit
 * vector; variances and axes are ordered largest first, so {@code axis(2)} is the normal of a flat
 * set. O(n) for the covariance plus a constant 3×3 decomposition.
 *
 * @param variances the three variances (m²), descending
 * @param axes      the matching unit eigenvectors, {@code axes[k]} = {x, y, z}
 */
public record PrincipalAxes(double[] variances, double[][] axes) {
    /** Principal axes of the first {@code n} points (n ≥ 1) of {@code x, y, z}. */
    public static PrincipalAxes of(double[] x, double[] y, double[] z, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one point, got " + n);
        }
        double mx = 0, my = 0, mz = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
            mz += z[i];
        }
        mx /= n;
        my /= n;
        mz /= n;
        double xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0;
        for (int i = 0; i < n; i++) {
            double px = x[i] - mx, py = y[i] - my, pz = z[i] - mz;
            xx += px * px;
            xy += px * py;
            xz += px * pz;
            yy += py * py;
            yz += py * pz;
            zz += pz * pz;
        }
        return ofCovariance(new double[][] {{xx / n, xy / n, xz / n}, {xy / n, yy / n, yz / n}, {xz / n, yz / n, zz / n}});
    }

    /** Eigenvalues (descending) and unit eigenvectors of a symmetric 3×3 matrix. */
    public static PrincipalAxes ofCovariance(double[][] c) {
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(c, true));
        double[] values = e.getRealEigenvalues();
        Integer[] order = {0, 1, 2};
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double[] variances = new double[3];
        double[][] axes = new double[3][];
        for (int k = 0; k < 3; k++) {
            variances[k] = values[order[k]];
            RealVector v = e.getEigenvector(order[k]);
            double norm = v.getNorm();
            axes[k] = new double[] {v.getEntry(0) / norm, v.getEntry(1) / norm, v.getEntry(2) / norm};
        }
        return new PrincipalAxes(variances, axes);
    }

    /** Unit axis k (0 = largest variance). */
    public double[] axis(int k) {
        return axes[k].clone();
    }

    /** Standard deviation along axis k (m), never negative. */
    public double spread(int k) {
        return Math.sqrt(Math.max(0, variances[k]));
    }
}
