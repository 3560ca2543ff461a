package dev.starling.analysis;

import dev.starling.base.Parallel;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.trajectory.Trajectory;

/**
 * What one round of analyses leaves for the next round on an edited copy of the same show
 * ({@code plan --watch}, the show preview), so that the battery and clearance analyses work
 * again only on the Bézier segments an edit changed.
 *
 * <p>Both analyses are sums or unions of per-segment results: a segment's energy is a function
 * of its own control points and times, the drone and wind model and the light program over its
 * time; its clearance samples (pass 1) of its own control points and times, the site and the
 * step and buffer (a sample at a knot is the segment's shared end point, bit for bit, and the
 * site's nearest structure does not depend on the query's hint or the index). So a segment of
 * the new plan takes over the result of a segment of the last plan when the two are the same
 * bit for bit, wherever either sits: a one-scene edit renumbers the drones after it, and each
 * drone's path there is one some other drone flew before. Segments are found by a 64-bit hash
 * of their content and always confirmed by comparing every bit; lights are compared over the
 * segment's time. Everything else (the sums in flight order, the clearance bisection, the
 * lists) is done afresh, so a report with the memo equals a report without it.
 *
 * <p>One round at a time (not thread-safe across rounds). It keeps the last plan's segment
 * index and per-segment results: some 40 bytes per segment beside the plan itself.
 */
public final class AnalysisMemo {
    private Round last;

    /** An empty memo: the first analyses with it work everything out. */
    public AnalysisMemo() {
    }

    /**
     * How many Bézier segments of the last plan analysed with this memo equal one of the plan
     * before it (their results were taken over where the model and lights also agree).
     */
    public synchronized int matchedSegments() {
        return last == null ? 0 : last.matched;
    }

    /** How many Bézier segments the last plan analysed with this memo has. */
    public synchronized int segmentCount() {
        return last == null ? 0 : last.now.count();
    }

    /**
     * The round for {@code plan}: the current one when the analyses of this round have seen the
     * same trajectories already, else a new one whose segments are matched against the last.
     */
    synchronized Round round(Plan plan) {
        if (last != null && last.now.trajectories == plan.trajectories()) {
            return last;
        }
        Segments seg = Segments.of(plan);
        Round before = last;
        if (before != null) {
            before.before = null; // keep one round back, not a chain
            before.old = null;
        }
        last = new Round(seg, before);
        return last;
    }

    /** The segments of one plan with their content hashes, indexed by hash. */
    static final class Segments {
        final java.util.List<Trajectory> trajectories;
        final java.util.List<LightProgram> lights;
        /** Per drone its first segment's number; one more entry at the end. */
        final int[] first;
        final long[] hash;
        private final int[] table;
        private final int mask;

        private Segments(Plan plan) {
            trajectories = plan.trajectories();
            lights = plan.lights();
            int n = trajectories.size();
            first = new int[n + 1];
            for (int i = 0; i < n; i++) {
                first[i + 1] = first[i] + trajectories.get(i).segmentCount();
            }
            hash = new long[first[n]];
            Parallel.forRanges(n, Math.max(1, Parallel.defaultThreads()) * 4, Parallel.defaultThreads(),
                    (chunk, lo, hi) -> {
                        for (int i = lo; i < hi; i++) {
                            Trajectory tr = trajectories.get(i);
                            for (int s = 0; s < tr.segmentCount(); s++) {
                                hash[first[i] + s] = hash(tr, s);
                            }
                        }
                    });
            int cap = Integer.highestOneBit(Math.max(16, 2 * hash.length - 1)) << 1;
            table = new int[cap];
            java.util.Arrays.fill(table, -1);
            mask = cap - 1;
            for (int g = 0; g < hash.length; g++) {
                int q = slot(hash[g]);
                while (table[q] >= 0) {
                    q = (q + 1) & mask;
                }
                table[q] = g;
            }
        }

        static Segments of(Plan plan) {
            return new Segments(plan);
        }

        int count() {
            return hash.length;
        }

        /** The drone that flies segment {@code g}. */
        int droneOf(int g) {
            int i = java.util.Arrays.binarySearch(first, g);
            if (i >= 0) {
                while (i + 1 < first.length && first[i + 1] == g) {
                    i++; // a drone without segments cannot be; skip to the one that starts here
                }
                return i;
            }
            return -i - 2;
        }

        /** Segment {@code g}'s index within its drone's trajectory. */
        int indexOf(int g, int drone) {
            return g - first[drone];
        }

        /** A segment of these whose content is segment {@code s} of {@code tr}'s, bit for bit (hash {@code h}); −1 if none. */
        int find(Trajectory tr, int s, long h) {
            int q = slot(h);
            while (true) {
                int g = table[q];
                if (g < 0) {
                    return -1;
                }
                if (hash[g] == h) {
                    int d = droneOf(g);
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
    }

    /** One plan's analyses: its segments, the last round's segment for each (or −1), the results kept. */
    static final class Round {
        final Segments now;
        Round before;
        int[] old;
        int matched;
        /** Per segment of {@link #now}: energy (J) and airborne time (s), with the model they hold for. */
        Battery battery;
        /** Per drone of {@link #now}: pass-1 clearance samples, and per segment where its own begin. */
        Clearance clearance;

        private Round(Segments now, Round before) {
            this.now = now;
            this.before = before;
            if (before != null) {
                Segments prev = before.now;
                int n = now.trajectories.size();
                int[] o = new int[now.count()];
                Parallel.forRanges(n, Math.max(1, Parallel.defaultThreads()) * 4, Parallel.defaultThreads(),
                        (chunk, lo, hi) -> {
                            for (int i = lo; i < hi; i++) {
                                Trajectory tr = now.trajectories.get(i);
                                for (int s = 0; s < tr.segmentCount(); s++) {
                                    int g = now.first[i] + s;
                                    o[g] = prev.find(tr, s, now.hash[g]);
                                }
                            }
                        });
                old = o;
                for (int g : o) {
                    matched += g >= 0 ? 1 : 0;
                }
            }
        }

        /** The last round's segment equal to segment {@code g} of this one, −1 if none (or no last round). */
        int old(int g) {
            return old == null ? -1 : old[g];
        }
    }

    /** Battery results per segment and the model they were worked out with. */
    record Battery(DroneProfile drone, double wx, double wy, double[] energy, double[] airborne) {
        boolean sameModel(DroneProfile d, double x, double y) {
            return drone.equals(d) && Double.compare(wx, x) == 0 && Double.compare(wy, y) == 0;
        }
    }

    /** Clearance pass-1 samples per drone, where each segment's begin, and what they were worked out with. */
    record Clearance(dev.starling.site.Site site, ClearanceAnalysis.Structures structures, double[] extent, double h,
                     double buffer, double[][] t, double[][] d, double[][] v, int[][] k, int[] counts,
                     int[] segmentStart) {
        boolean sameModel(dev.starling.site.Site s, double step, double buf) {
            return site.equals(s) && Double.compare(h, step) == 0 && Double.compare(buffer, buf) == 0;
        }
    }

    /** A 64-bit hash of segment {@code s} of {@code tr}: its times, degree and control points. */
    static long hash(Trajectory tr, int s) {
        long h = mix(Double.doubleToRawLongBits(tr.knot(s)) + 31L * tr.degree(s));
        h = mix(h ^ Double.doubleToRawLongBits(tr.knot(s + 1)));
        for (int k = 0; k <= tr.degree(s); k++) {
            for (int a = 0; a < 3; a++) {
                h = mix(h ^ Double.doubleToRawLongBits(tr.control(s, k, a)));
            }
        }
        return h;
    }

    /** Whether segment {@code s} of {@code a} and segment {@code r} of {@code b} are the same, bit for bit. */
    static boolean same(Trajectory a, int s, Trajectory b, int r) {
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

    /**
     * Whether programs {@code p} and {@code q} show the same colours at every instant of
     * [t0, t1]: the same keyframes from the last one at or before t0 (or none before it in
     * both) to the first one at or after t1.
     */
    static boolean sameLights(LightProgram p, LightProgram q, double t0, double t1) {
        if (p == q) {
            return true;
        }
        int a = lastAtOrBefore(p, t0), b = lastAtOrBefore(q, t0);
        if ((a < 0) != (b < 0)) {
            return false;
        }
        a = Math.max(a, 0);
        b = Math.max(b, 0);
        while (true) {
            boolean endP = a >= p.size(), endQ = b >= q.size();
            if (endP || endQ) {
                return endP == endQ;
            }
            if (!bits(p.time(a), q.time(b)) || p.rgb(a) != q.rgb(b) || p.fade(a) != q.fade(b)) {
                return false;
            }
            if (p.time(a) >= t1) {
                return true; // the first keyframe at or after t1: a fade into it was compared too
            }
            a++;
            b++;
        }
    }

    /** Index of the last keyframe of {@code p} at or before {@code t}, −1 if none. */
    private static int lastAtOrBefore(LightProgram p, double t) {
        int lo = 0, hi = p.size() - 1, ans = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (p.time(mid) <= t) {
                ans = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return ans;
    }

    private static boolean bits(double x, double y) {
        return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y);
    }

    /** A 64-bit mixer (the finaliser of MurmurHash3). */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
