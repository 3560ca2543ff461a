package dev.starling.formation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.show.Limits;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShowTargetsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The CAPT spacing of the shipped shows: √2 · 1.5 m. */
    /** √2 · 1.5 m with the 1% safety margin ShowTargets adds. */
    static final double CAPT_SPACING = ShowTargets.SPACING_MARGIN * Math.sqrt(2) * 1.5;
    /** Rounding slack when comparing a measured spacing with the bound. */
    static final double EPS = 1e-9;

    /**
     * Number of pairs closer than {@code d}, over all pairs, with a uniform grid of cell {@code d}:
     * any such pair lies in the same or neighbouring cells. Independent of the formation code.
     */
    static long pairsCloserThan(Targets t, double d) {
        int n = t.size();
        long[] key = new long[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            key[i] = cellKey(Math.floor(t.x()[i] / d), Math.floor(t.y()[i] / d), Math.floor(t.z()[i] / d));
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(key[a], key[b]));
        long[] sortedKeys = new long[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = order[i];
            sortedKeys[i] = key[idx[i]];
        }
        long close = 0;
        double d2 = d * d;
        for (int i = 0; i < n; i++) {
            double cx = Math.floor(t.x()[i] / d), cy = Math.floor(t.y()[i] / d), cz = Math.floor(t.z()[i] / d);
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dz = -1; dz <= 1; dz++) {
                        long k = cellKey(cx + dx, cy + dy, cz + dz);
                        int at = Arrays.binarySearch(sortedKeys, k);
                        if (at < 0) {
                            continue;
                        }
                        while (at > 0 && sortedKeys[at - 1] == k) {
                            at--;
                        }
                        for (; at < n && sortedKeys[at] == k; at++) {
                            int j = idx[at];
                            if (j <= i) {
                                continue;
                            }
                            double ex = t.x()[i] - t.x()[j], ey = t.y()[i] - t.y()[j], ez = t.z()[i] - t.z()[j];
                            if (ex * ex + ey * ey + ez * ez < d2) {
                                close++;
                            }
                        }
                    }
                }
            }
        }
        return close;
    }

    private static long cellKey(double cx, double cy, double cz) {
        long x = (long) cx + (1 << 20), y = (long) cy + (1 << 20), z = (long) cz + (1 << 20);
        return (x << 42) | (y << 21) | z;
    }

    /** Brute force over all pairs: the oracle for the grid check. */
    static long pairsCloserThanBruteForce(Targets t, double d) {
        long close = 0;
        for (int i = 0; i < t.size(); i++) {
            for (int j = i + 1; j < t.size(); j++) {
                double ex = t.x()[i] - t.x()[j], ey = t.y()[i] - t.y()[j], ez = t.z()[i] - t.z()[j];
                if (ex * ex + ey * ey + ez * ez < d * d) {
                    close++;
                }
            }
        }
        return close;
    }

    @Test
    void theGridPairCheckAgreesWithBruteForce() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 1500;
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-40, 40);
            y[i] = r.nextDouble(-5, 5);
            z[i] = r.nextDouble(20, 60);
        }
        Targets t = new Targets(x, y, z, new int[n], n);
        for (double d : new double[] {0.3, 1, 2.12, 5}) {
            assertEquals(pairsCloserThanBruteForce(t, d), pairsCloserThan(t, d), "d = " + d);
        }
    }

    @Test
    void helloSamplesEveryDroneInEveryScene() {
        Show show = ShowLoader.load(ROOT.resolve("shows/hello/show.json"));
        List<Targets> all = ShowTargets.sampleAll(show);
        assertEquals(show.scenes().size(), all.size());
        for (int i = 0; i < all.size(); i++) {
            Targets t = all.get(i);
            assertEquals(show.drones(), t.size());
            assertTrue(t.minSpacingBruteForce() >= CAPT_SPACING - EPS, "scene " + i + ": " + t.minSpacingBruteForce());
            assertInsideLimits(show, t, i);
        }
    }

    @Test
    void parallelSamplingGivesTheSameTargetsAsOneSceneAtATime() {
        Show show = ShowLoader.load(ROOT.resolve("shows/hello/show.json"));
        List<Targets> all = ShowTargets.sampleAll(show);
        for (int i = 0; i < all.size(); i++) {
            Targets one = ShowTargets.sample(show, i);
            assertArrayEquals(one.x(), all.get(i).x());
            assertArrayEquals(one.y(), all.get(i).y());
            assertArrayEquals(one.z(), all.get(i).z());
            assertArrayEquals(one.rgb(), all.get(i).rgb());
            assertEquals(one.litCount(), all.get(i).litCount());
        }
    }

    /** The hello show with one scene replaced, for error cases. */
    static Show helloWith(String find, String replace) throws java.io.IOException {
        String json = java.nio.file.Files.readString(ROOT.resolve("shows/hello/show.json"));
        assertTrue(json.contains(find), find);
        return ShowLoader.parse(json.replace(find, replace), ROOT.resolve("shows/hello"), "hello.json");
    }

    @Test
    void aFormationTooSmallForItsPointsNamesTheSceneAndTheFactor() throws Exception {
        Show show = helloWith("\"text\": \"HI\", \"height\": 30", "\"text\": \"HI\", \"height\": 8");
        InputException e = assertThrows(InputException.class, () -> ShowTargets.sampleAll(show));
        assertEquals("hello.json", e.file(), e.describe());
        assertTrue(e.path().startsWith("scenes[0].formation"), e.describe());
        assertTrue(e.hint().contains("scale"), e.describe());
    }

    @Test
    void theFirstFailingSceneInShowOrderIsReported() throws Exception {
        // scenes 1 and 2 both fail, sampled on different threads: scene 1 is reported
        String json = java.nio.file.Files.readString(ROOT.resolve("shows/hello/show.json"))
                .replace("\"shape\": \"heart\", \"size\": 36", "\"shape\": \"heart\", \"size\": 4")
                .replace("\"shape\": \"ring\", \"size\": 60", "\"shape\": \"ring\", \"size\": 5");
        Show both = ShowLoader.parse(json, ROOT.resolve("shows/hello"), "hello.json");
        InputException e = assertThrows(InputException.class, () -> ShowTargets.sampleAll(both));
        assertTrue(e.path().startsWith("scenes[1].formation"), e.describe());
    }

    @Test
    void aFormationThatRisesAboveTheCeilingSaysHowFarToLowerIt() throws Exception {
        // the heart is about 29 m tall: centred at 170 m it reaches about 185 m, above 180 m
        Show show = helloWith("\"placement\": { \"center\": [0, 20, 50] },\n      \"color\": \"#FF3355\"",
                "\"placement\": { \"center\": [0, 20, 170] },\n      \"color\": \"#FF3355\"");
        InputException e = assertThrows(InputException.class, () -> ShowTargets.sample(show, 1));
        assertEquals("scenes[1].placement.center", e.path());
        assertTrue(e.getMessage().contains("above limits.maxAltitude 180"), e.describe());
        assertTrue(e.hint().startsWith("lower the centre by at least"), e.describe());
    }

    @Test
    void aReserveBehindTheGeofenceIsReported() throws Exception {
        // the ring lit drones fit; the 64 - 20 dark reserve stands behind (+y), beyond the fence at y = 80
        Show show = helloWith("\"shape\": \"ring\", \"size\": 60 },\n      \"placement\": { \"center\": [0, 20, 50], \"rotation\": [-30, 0, 0] }",
                "\"shape\": \"ring\", \"size\": 60, \"count\": 20 },\n      \"placement\": { \"center\": [0, 78, 50] }");
        InputException e = assertThrows(InputException.class, () -> ShowTargets.sample(show, 2));
        assertEquals("scenes[2].placement.center", e.path());
        assertTrue(e.getMessage().contains("dark reserve"), e.describe());
        assertTrue(e.hint().contains("smaller y"), e.describe());
    }

    static void assertInsideLimits(Show show, Targets t, int scene) {
        Limits l = show.limits();
        for (int k = 0; k < t.size(); k++) {
            assertTrue(t.z()[k] >= l.minAltitude() && t.z()[k] <= l.maxAltitude(), "scene " + scene + " point " + k);
            assertTrue(l.insideGeofence(t.x()[k], t.y()[k]), "scene " + scene + " point " + k);
        }
    }
}
