package dev.starling.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SpatialHashTest {
    /** The hash finds exactly the brute-force pairs, with the same squared distances, on random clouds. */
    @Property(tries = 200, seed = "424242")
    void findsExactlyTheBruteForcePairs(@ForAll @IntRange(min = 0, max = 300) int n,
                                        @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed,
                                        @ForAll @DoubleRange(min = 0.2, max = 5) double r,
                                        @ForAll @DoubleRange(min = 1, max = 3) double cellFactor,
                                        @ForAll @DoubleRange(min = 1, max = 60) double extent) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n], y = new double[n], z = new double[n];
        boolean[] include = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble(-extent, extent);
            y[i] = rnd.nextDouble(-extent, extent);
            // flat sheets and duplicates happen in shows: put a fifth of the points on one plane
            z[i] = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble(-extent / 4, extent / 4);
            if (i > 0 && rnd.nextInt(20) == 0) {
                x[i] = x[i - 1];
                y[i] = y[i - 1];
                z[i] = z[i - 1];
            }
            include[i] = rnd.nextInt(6) != 0;
        }
        SpatialHash h = new SpatialHash();
        PairList fast = new PairList(), slow = new PairList();
        h.build(x, y, z, n, include, r * cellFactor);
        h.pairsWithin(r, fast);
        SpatialHash.pairsWithinBruteForce(x, y, z, n, include, r, slow);
        assertEquals(asMap(slow, n), asMap(fast, n));
        // reusing the same instance for a second build gives the same answer for all points
        PairList again = new PairList(), ref = new PairList();
        h.build(x, y, z, n, null, r);
        h.pairsWithin(r, again);
        SpatialHash.pairsWithinBruteForce(x, y, z, n, null, r, ref);
        assertEquals(asMap(ref, n), asMap(again, n));
    }

    @Test
    void farAwayCoordinatesAreClampedWithoutLosingPairs() {
        double[] x = {1e15, 1e15 + 0.5, -1e15, 5}, y = {0, 0, 0, 0}, z = {0, 0, 0, 0};
        SpatialHash h = new SpatialHash();
        PairList out = new PairList();
        h.build(x, y, z, 4, null, 1);
        h.pairsWithin(1, out);
        assertEquals(1, out.size());
        assertEquals(0, out.a(0));
        assertEquals(1, out.b(0));
    }

    @Test
    void radiusLargerThanTheCellIsRefused() {
        SpatialHash h = new SpatialHash();
        h.build(new double[1], new double[1], new double[1], 1, null, 1);
        assertThrows(IllegalArgumentException.class, () -> h.pairsWithin(1.5, new PairList()));
    }

    private static TreeMap<Long, Double> asMap(PairList p, int n) {
        TreeMap<Long, Double> m = new TreeMap<>();
        for (int k = 0; k < p.size(); k++) {
            Double prev = m.put((long) p.a(k) * n + p.b(k), p.distanceSquared(k));
            assertEquals(null, prev, "each pair once");
        }
        return m;
    }
}
