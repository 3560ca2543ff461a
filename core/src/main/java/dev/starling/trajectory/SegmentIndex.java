package dev.starling.trajectory;

import dev.starling.base.Hash64;
import dev.starling.base.Parallel;
import java.util.Arrays;
import java.util.List;

/**
 * The Bézier segments of a fleet's trajectories, numbered in drone order and indexed by a 64-bit
 * hash of their content (times, degree, control points), so that the segments of an edited copy
 * can be matched with the segments of the original that are the same bit for bit, wherever they
 * sit: a one-scene edit renumbers the drones after it, and each drone's path there is one some
 * other drone flew before. A hash only proposes a match: every match is confirmed bit for bit.
 *
 * <p>What works per segment and keeps its result for the next plan (the analyses' and the plan
 * writer's memos) matches with {@link #match}. Immutable; built in parallel.
 */
public final class SegmentIndex {
    private final List<Trajectory> trajectories;
    /** Per drone its first segment's number; one more entry at the end. */
    private final int[] first;
    /** Per segment the drone that flies it. */
    private final int[] drone;
    private final long[] hash;
    private final int[] table;
    private final int mask;

    private SegmentIndex(List<Trajectory> trajectories) {
        this.trajectories = trajectories;
        int n = trajectories.size();
        first = new int[n + 1];
        for (int i = 0; i < n; i++) {
            first[i + 1] = first[i] + trajectories.get(i).segmentCount();
        }
        hash = new long[first[n]];
        drone = new int[first[n]];
        int threads = Parallel.defaultThreads();
        Parallel.forRanges(n, Math.max(1, threads) * 4, threads, (chunk, lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                Trajectory tr = trajectories.get(i);
                for (int s = 0; s < tr.segmentCount(); s++) {
                    hash[first[i] + s] = hash(tr, s);
                    drone[first[i] + s] = i;
                }
            }
        });
        int cap = Integer.highestOneBit(Math.max(16, 2 * hash.length - 1)) << 1;
        table = new int[cap];
        Arrays.fill(table, -1);
        mask = cap - 1;
        for (int g = 0; g < hash.length; g++) {
            int q = slot(hash[g]);
            while (table[q] >= 0) {
                q = (q + 1) & mask;
            }
            table[q] = g;
        }
    }

    /** The segments of {@code trajectories} (kept, not copied: trajectories are immutable). */
    public static SegmentIndex of(List<Trajectory> trajectories) {
        return new SegmentIndex(trajectories);
    }

    /** The trajectories indexed. */
    public List<Trajectory> trajectories() {
        return trajectories;
    }

    /** How many segments all drones have together. */
    public int count() {
        return hash.length;
    }

    /** The number of drone {@code drone}'s first segment (segment s of the drone is first + s). */
    public int first(int drone) {
        return first[drone];
    }

    /** The drone that flies segment {@code g}. */
    public int droneOf(int g) {
        return drone[g];
    }

    /**
     * For each segment of this index, the number of a segment of {@code before} that is the same
     * bit for bit, or −1 if none; null when {@code before} is null.
     */
    public int[] match(SegmentIndex before) {
        if (before == null) {
            return null;
        }
        int n = trajectories.size();
        int[] o = new int[hash.length];
        int threads = Parallel.defaultThreads();
        Parallel.forRanges(n, Math.max(1, threads) * 4, threads, (chunk, lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                Trajectory tr = trajectories.get(i);
                for (int s = 0; s < tr.segmentCount(); s++) {
                    int g = first[i] + s;
                    o[g] = before.find(tr, s, hash[g]);
                }
            }
        });
        return o;
    }

    /** How many entries of a {@link #match} result found a segment. */
    public static int matched(int[] match) {
        int m = 0;
        if (match != null) {
            for (int g : match) {
                m += g >= 0 ? 1 : 0;
            }
        }
        return m;
    }

    /** A segment of these whose content is segment {@code s} of {@code tr}'s, bit for bit (hash {@code h}); −1 if none. */
    private int find(Trajectory tr, int s, long h) {
        int q = slot(h);
        while (true) {
            int g = table[q];
            if (g < 0) {
                return -1;
            }
            if (hash[g] == h) {
                int d = drone[g];
                if (same(trajectories.get(d), g - first[d], tr, s)) {
                    return g;
                }
            }
            q = (q + 1) & mask;
        }
    }

    private int slot(long h) {
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** A 64-bit hash of segment {@code s} of {@code tr}: its times, degree and control points. */
    static long hash(Trajectory tr, int s) {
        long h = Hash64.mix(Double.doubleToRawLongBits(tr.knot(s)) + 31L * tr.degree(s));
        h = Hash64.mix(h ^ Double.doubleToRawLongBits(tr.knot(s + 1)));
        for (int k = 0; k <= tr.degree(s); k++) {
            for (int a = 0; a < 3; a++) {
                h = Hash64.mix(h ^ Double.doubleToRawLongBits(tr.control(s, k, a)));
            }
        }
        return h;
    }

    /** Whether segment {@code s} of {@code a} and segment {@code r} of {@code b} are the same, bit for bit. */
    public static boolean same(Trajectory a, int s, Trajectory b, int r) {
        int deg = a.degree(s);
        if (deg != b.degree(r) || !bits(a.knot(s), b.knot(r)) || !bits(a.knot(s + 1), b.knot(r + 1))) {
            return false;
        }
        for (int k = 0; k <= deg; k++) {
            for (int x = 0; x < 3; x++) {
                if (!bits(a.control(s, k, x), b.control(r, k, x))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean bits(double x, double y) {
        return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y);
    }
}
