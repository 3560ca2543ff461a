package dev.starling.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineModelTest {
    private static final double ANGLE_TOLERANCE = 1e-9;

    @Test
    void groundGridToVerticalPlaneIsExactlyOneDimensionalAlongX() {
        Instances in = Instances.gridToPlane(400, 1);
        Quantisation q = in.quantisation();
        LineModel m = LineModel.fit(q.quantise(in.ax(), q.originX()), q.quantise(in.ay(), q.originY()),
                q.quantise(in.az(), q.originZ()), q.quantise(in.bx(), q.originX()), q.quantise(in.by(), q.originY()),
                q.quantise(in.bz(), q.originZ()));
        assertEquals(0.0, m.error);
        assertEquals(1.0, Math.abs(m.dx), ANGLE_TOLERANCE);
    }

    @Test
    void randomBoxesAreNotOneDimensional() {
        Instances in = Instances.box(400, 1);
        Quantisation q = in.quantisation();
        LineModel m = LineModel.fit(q.quantise(in.ax(), q.originX()), q.quantise(in.ay(), q.originY()),
                q.quantise(in.az(), q.originZ()), q.quantise(in.bx(), q.originX()), q.quantise(in.by(), q.originY()),
                q.quantise(in.bz(), q.originZ()));
        assertTrue(m.error > 1e9);
    }

    @Test
    void principalAxesOfADiagonalCovarianceAreTheCoordinateAxes() {
        double[][] e = LineModel.eigenvectorsDescending(new double[][] {{2, 0, 0}, {0, 9, 0}, {0, 0, 5}});
        assertEquals(1.0, Math.abs(e[0][1]), ANGLE_TOLERANCE);
        assertEquals(1.0, Math.abs(e[1][2]), ANGLE_TOLERANCE);
        assertEquals(1.0, Math.abs(e[2][0]), ANGLE_TOLERANCE);
    }

    @Test
    void principalAxesOfATiltedPlaneGiveItsNormalLast() {
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble(-10, 10);
            double v = r.nextDouble(-10, 10);
            // plane spanned by (1, 1, 0)/√2 and (0, 0, 1): normal (1, -1, 0)/√2
            x[i] = u;
            y[i] = u;
            z[i] = v;
        }
        double[] normal = LineModel.principalAxes(x, y, z)[2];
        assertEquals(0.0, normal[0] + normal[1], ANGLE_TOLERANCE);
        assertEquals(0.0, normal[2], ANGLE_TOLERANCE);
    }
}
