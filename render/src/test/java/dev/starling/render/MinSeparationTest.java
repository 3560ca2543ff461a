package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinSeparationTest {
    private static final double EPS = 1e-12;

    @Test
    void equalsBruteForceOnRandomClouds() {
        SplittableRandom rnd = new SplittableRandom(7);
        MinSeparation grid = new MinSeparation();
        for (int trial = 0; trial < 60; trial++) {
            int n = 2 + rnd.nextInt(400);
            double spread = Math.pow(10, rnd.nextDouble(-2, 4));
            double[] x = new double[n], y = new double[n], z = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextDouble(-spread, spread);
                y[i] = rnd.nextDouble(-spread, spread) * (trial % 3 == 0 ? 0 : 1); // some flat clouds
                z[i] = rnd.nextDouble(0, spread);
            }
            assertEquals(bruteForce(x, y, z, n), grid.compute(x, y, z, n), EPS, "trial " + trial + ", n " + n);
        }
    }

    @Test
    void findsCoincidentPointsAndHandlesTooFew() {
        MinSeparation grid = new MinSeparation();
        assertEquals(Double.POSITIVE_INFINITY, grid.compute(new double[1], new double[1], new double[1], 1));
        double[] x = {0, 5, 5, 100}, y = {0, 0, 0, 0}, z = {10, 10, 10, 10};
        assertEquals(0, grid.compute(x, y, z, 4), EPS);
        assertEquals(5, grid.compute(x, y, z, 2), EPS, "only the first n points count");
    }

    @Test
    void aFormationGridGivesItsSpacing() {
        int side = 70;
        double[] x = new double[side * side], y = new double[side * side], z = new double[side * side];
        for (int i = 0; i < side * side; i++) {
            x[i] = (i % side) * 1.8;
            z[i] = 50 + (i / side) * 1.8;
        }
        assertEquals(1.8, new MinSeparation().compute(x, y, z, x.length), 1e-9);
    }

    private static double bruteForce(double[] x, double[] y, double[] z, int n) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
                best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        return best;
    }
}
