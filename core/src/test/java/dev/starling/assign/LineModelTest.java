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
}
