package dev.starling.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrincipalAxesTest {
    private static final double ANGLE_TOLERANCE = 1e-9;
    private static final double SPREAD_TOLERANCE = 1e-9;

    @Test
    void axesOfADiagonalCovarianceAreTheCoordinateAxesLargestFirst() {
        PrincipalAxes p = PrincipalAxes.ofCovariance(new double[][] {{2, 0, 0}, {0, 9, 0}, {0, 0, 5}});
        assertEquals(1.0, Math.abs(p.axis(0)[1]), ANGLE_TOLERANCE);
        assertEquals(1.0, Math.abs(p.axis(1)[2]), ANGLE_TOLERANCE);
        assertEquals(1.0, Math.abs(p.axis(2)[0]), ANGLE_TOLERANCE);
        assertEquals(9, p.variances()[0], SPREAD_TOLERANCE);
        assertEquals(5, p.variances()[1], SPREAD_TOLERANCE);
        assertEquals(2, p.variances()[2], SPREAD_TOLERANCE);
    }

    @Test
    void aTiltedPlaneHasItsNormalLastAndNoSpreadAlongIt() {
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble(-10, 10);
            double v = r.nextDouble(-10, 10);
            // plane spanned by (1, 1, 0)/√2 and (0, 0, 1): normal (1, -1, 0)/√2
            x[i] = u;
            y[i] = u;
            z[i] = v;
        }
        PrincipalAxes p = PrincipalAxes.of(x, y, z, n);
        double[] normal = p.axis(2);
        assertEquals(0.0, normal[0] + normal[1], ANGLE_TOLERANCE);
        assertEquals(0.0, normal[2], ANGLE_TOLERANCE);
        assertEquals(0.0, p.spread(2), 1e-6);
    }

    @Test
    void spreadsAreTheStandardDeviationsAlongARotatedBox() {
        // points ±3 along (1, 1, 0)/√2, ±2 along z, ±1 along (1, −1, 0)/√2: variances 9, 4, 1
        double s = Math.sqrt(0.5);
        double[] x = new double[8];
        double[] y = new double[8];
        double[] z = new double[8];
        int k = 0;
        for (int a = -1; a <= 1; a += 2) {
            for (int b = -1; b <= 1; b += 2) {
                for (int c = -1; c <= 1; c += 2) {
                    x[k] = 3 * a * s + c * s;
                    y[k] = 3 * a * s - c * s;
                    z[k] = 2 * b;
                    k++;
                }
            }
        }
        PrincipalAxes p = PrincipalAxes.of(x, y, z, 8);
        assertEquals(3, p.spread(0), SPREAD_TOLERANCE);
        assertEquals(2, p.spread(1), SPREAD_TOLERANCE);
        assertEquals(1, p.spread(2), SPREAD_TOLERANCE);
        assertEquals(1.0, Math.abs(p.axis(1)[2]), ANGLE_TOLERANCE);
    }

    @Test
    void aSinglePointHasNoSpread() {
        PrincipalAxes p = PrincipalAxes.of(new double[] {4}, new double[] {5}, new double[] {6}, 1);
        for (int k = 0; k < 3; k++) {
            assertEquals(0, p.spread(k), 0);
            double[] a = p.axis(k);
            assertEquals(1, Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]), ANGLE_TOLERANCE);
        }
    }
}
