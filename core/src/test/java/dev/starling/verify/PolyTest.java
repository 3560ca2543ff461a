package dev.starling.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PolyTest {
    private static final double ROOT_TOLERANCE = 1e-9;

    /** A product of distinct linear factors has exactly those roots in the interval. */
    @Property(tries = 300, seed = "31337")
    void findsEveryRootOfAProductOfFactors(@ForAll @IntRange(min = 1, max = 6) int deg,
                                           @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] roots = new double[deg];
        for (int k = 0; k < deg; k++) {
            boolean distinct;
            do {
                roots[k] = rnd.nextDouble(-3, 3);
                distinct = true;
                for (int q = 0; q < k; q++) {
                    distinct &= Math.abs(roots[q] - roots[k]) > 0.05;
                }
            } while (!distinct);
        }
        double scale = rnd.nextDouble(0.1, 10) * (rnd.nextBoolean() ? 1 : -1);
        double[] c = {scale, 0, 0, 0, 0, 0, 0};
        int d = 0;
        for (double r : roots) { // multiply by (x - r)
            for (int k = d + 1; k >= 1; k--) {
                c[k] = c[k - 1] - r * c[k];
            }
            c[0] = -r * c[0];
            d++;
        }
        double a = -2, b = 2.5;
        double[] out = new double[6];
        int m = new Poly().roots(c, deg, a, b, out);
        double[] expected = Arrays.stream(roots).filter(r -> r >= a && r <= b).sorted().toArray();
        assertEquals(expected.length, m, Arrays.toString(roots));
        for (int k = 0; k < m; k++) {
            assertEquals(expected[k], out[k], ROOT_TOLERANCE);
        }
    }

    @Test
    void maxOfAQuarticIsAtItsCriticalPointOrAnEnd() {
        // -(x-1)^2 (x-3)^2 + 5 has maxima 5 at 1 and 3, and value 4 at 2
        double[] c = {-9 + 5, 24, -22, 8, -1};
        double[] arg = new double[1];
        Poly p = new Poly();
        assertEquals(5, p.max(c, 4, 0, 1.5, arg), 1e-12);
        assertEquals(1, arg[0], 1e-7);
        assertEquals(-4, p.max(c, 4, 4, 5, arg), 1e-12, "at the left end");
        assertEquals(4, arg[0]);
    }
}
