package dev.starling.formation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SpacingTest {
    /** The grid search agrees with brute force on every kind of set: spread, clustered, flat, duplicated. */
    @Property(tries = 200)
    void gridAgreesWithBruteForce(@ForAll @IntRange(min = 2, max = 400) int n, @ForAll long seed,
                                  @ForAll @IntRange(min = 0, max = 3) int kind) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = kind == 1 && i % 2 == 0 ? 0.001 : 100; // clusters among spread points
            x[i] = r.nextDouble() * s;
            y[i] = kind == 2 ? 5 : r.nextDouble() * s; // flat sets
            z[i] = r.nextDouble() * s;
        }
        if (kind == 3) {
            x[n - 1] = x[0]; // an exact duplicate
            y[n - 1] = y[0];
            z[n - 1] = z[0];
        }
        Targets t = new Targets(x, y, z, new int[n], n);
        assertEquals(t.minSpacingBruteForce(), Spacing.min(x, y, z, n), 0.0);
    }

    @Test
    void fewerThanTwoPointsHaveNoPair() {
        assertNull(Spacing.closestPair(new double[1], new double[1], new double[1], 1));
        assertEquals(Double.POSITIVE_INFINITY, Spacing.min(new double[0], new double[0], new double[0], 0));
    }

    @Test
    void closestPairIsReportedInIndexOrder() {
        double[] x = {0, 10, 20, 10.5}, y = new double[4], z = new double[4];
        int[] p = Spacing.closestPair(x, y, z, 4);
        assertEquals(1, p[0]);
        assertEquals(3, p[1]);
    }
}
