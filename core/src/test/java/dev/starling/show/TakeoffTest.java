package dev.starling.show;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TakeoffTest {
    static final double EPS = 1e-9;

    @Test
    void theFlagshipGridIsOneHundredByFiftyCentredOnTheOrigin() {
        Takeoff t = new Takeoff(2.5, 100, 20);
        int n = 5000;
        assertEquals(50, t.rows(n));
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, t.padX(i));
            maxX = Math.max(maxX, t.padX(i));
            minY = Math.min(minY, t.padY(i, n));
            maxY = Math.max(maxY, t.padY(i, n));
        }
        assertEquals(-123.75, minX, EPS);
        assertEquals(123.75, maxX, EPS);
        assertEquals(-61.25, minY, EPS);
        assertEquals(61.25, maxY, EPS);
    }

    @Test
    void padsAreSpacingApartAndRowZeroIsNearestTheAudience() {
        Takeoff t = new Takeoff(3, 4, 20);
        int n = 10; // rows of 4, 4, 2: a partial last row, flush left
        assertEquals(3, t.rows(n));
        assertEquals(3, t.padX(1) - t.padX(0), EPS);
        assertEquals(3, t.padY(4, n) - t.padY(0, n), EPS);
        assertEquals(-3, t.padY(0, n), EPS);
        assertEquals(t.padX(0), t.padX(8), EPS);
        assertEquals(3, t.padY(9, n), EPS);
        assertEquals(-4.5, t.padX(0), EPS);
    }

    @Test
    void rowsRoundUp() {
        assertEquals(1, new Takeoff(2, 8, 20).rows(1));
        assertEquals(8, new Takeoff(2, 8, 20).rows(64));
        assertEquals(9, new Takeoff(2, 8, 20).rows(65));
    }
}
