package dev.starling.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantisationTest {
    @Test
    void stepIsAPowerOfTwoAndCoordinatesStayWithinTheLimit() {
        for (double extent : new double[] {1e-3, 0.7, 100, 200, 4000, 1e7}) {
            double[] a = {-extent, extent / 3};
            double[] b = {extent, -extent / 7};
            Quantisation q = Quantisation.fit(a, a, a, b, b, b);
            assertEquals(q.step(), Math.scalb(1.0, Math.getExponent(q.step())), "a power of two");
            for (double[] c : new double[][] {a, b}) {
                for (double v : q.quantise(c, q.originX())) {
                    assertTrue(Math.abs(v) <= Quantisation.COORDINATE_LIMIT, "extent " + extent);
                    assertEquals(Math.rint(v), v);
                }
            }
            // the grid is as fine as the limit allows: half the step would overflow it
            assertTrue(extent / (q.step() / 2) >= Quantisation.COORDINATE_LIMIT, "extent " + extent);
        }
    }

    @Test
    void showSizedInputsGetASubMillimetreGrid() {
        double[] a = {-100, 100};
        Quantisation q = Quantisation.fit(a, a, a, a, a, a);
        assertEquals(Math.scalb(1.0, -14), q.step());
        assertTrue(q.maxPointShift() < 1e-4);
        double[] wide = {-2000, 2000};
        assertTrue(Quantisation.fit(wide, wide, wide, wide, wide, wide).step() < 1e-3);
    }

    @Test
    void pointsOffTheGridAreRejected() {
        double[] a = {0, 1};
        Quantisation q = Quantisation.fit(a, a, a, a, a, a);
        assertThrows(IllegalArgumentException.class, () -> q.quantise(new double[] {1e6}, q.originX()));
    }

    @Test
    void coincidentPointsAreFine() {
        double[] a = {5, 5, 5};
        Quantisation q = Quantisation.fit(a, a, a, a, a, a);
        assertTrue(q.step() > 0);
        Assignment s = Assigner.solve(a, a, a, a, a, a);
        assertEquals(0.0, s.cost());
        assertTrue(s.certificate().valid());
    }
}
