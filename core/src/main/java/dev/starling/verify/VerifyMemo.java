package dev.starling.verify;

import dev.starling.base.Hash64;
import java.util.Arrays;

/**
 * What one verification leaves for the next verification of an edited copy of the same flights
 * ({@link VerifyOptions#withMemo}), so that a designer's re-plan after a one-scene edit sweeps
 * separation again only over the stretch of time the edit changed.
 *
 * <p>The separation sweep restarts its sampling instants at every report window edge (a
 * transition's start or end) and cuts its chunks there (see {@link SeparationSweep}). A chunk
 * of the new sweep takes over the result of the last sweep's chunk at the same instants only when
 * everything the chunk reads is bit for bit what that chunk read: the same instants, search
 * radius, separation limit and ground altitude, the same report windows touching it, and for every
 * drone the same pieces over its time. The last condition is checked against the flights this memo
 * kept from the last verification, not taken from the planner. Before an edit drones keep their
 * numbers; after it each drone flies the path another drone flew before (the edit's new
 * assignments renumber them), so drones are matched by where and when they come to rest at the
 * end (see {@link Changes}). A chunk is reused only when it lies wholly before every drone's first
 * changed piece (same numbers) or wholly after every drone's last (the matched numbers; the old
 * result's drones are renamed).
 *
 * <p>A chunk reused with the same numbers gives bit for bit the fresh result. A renamed one visits
 * its pairs in another order and so resolves near misses by another path: the same pairs and
 * verdicts, the closest approaches to the verifier's tolerance. When its result comes within
 * twice the tolerance of the limit, or finds violations, the sweep is done afresh, so a verdict
 * (and a repair, and plan.json) never depends on the memo. The verifier still trusts nothing it
 * did not check itself.
 *
 * <p>One verification at a time (not thread-safe). It holds the last verified flights, about
 * 150 bytes per Bézier piece (some 40 MB for the 5000-drone flagship).
 */
public final class VerifyMemo {
    private FlightTable table;
    private double dmin = Double.NaN;
    private double ground = Double.NaN;
    private double reach = Double.NaN;
    private double[] ts;
    /** Per chunk, its first interval; one more entry at the end. */
    private int[] starts;
    /** Per chunk, the time of its first instant (ts[starts[c] - 1]), for lookup. */
    private double[] chunkTime;
    private SeparationSweep.Chunk[] chunks;
    private double[] wStart;
    private double[] wEnd;
    private int lastReused;
    private int lastChunks;

    /** An empty memo: the first verification with it sweeps everything. */
    public VerifyMemo() {
    }

    /** How many separation chunks the last verification with this memo took over unchanged. */
    public synchronized int reusedChunks() {
        return lastReused;
    }

    /** How many separation chunks the last verification with this memo had in all. */
    public synchronized int chunkCount() {
        return lastChunks;
    }

    /** Drops what the memo holds (the next verification sweeps everything). */
    synchronized void forget() {
        table = null;
        ts = null;
        starts = null;
        chunkTime = null;
        chunks = null;
        lastReused = 0;
        lastChunks = 0;
    }

    /** Keeps this sweep's flights and chunks for the next one. */
    synchronized void remember(FlightTable ft, double dmin, double ground, double reach, double[] ts, int[] starts,
                               SeparationSweep.Chunk[] results, double[] wStart, double[] wEnd, int reused) {
        this.table = ft;
        this.dmin = dmin;
        this.ground = ground;
        this.reach = reach;
        this.ts = ts;
        this.starts = starts;
        this.chunks = results;
        this.wStart = wStart;
        this.wEnd = wEnd;
        chunkTime = new double[results.length];
        for (int c = 0; c < results.length; c++) {
            chunkTime[c] = ts[starts[c] - 1];
        }
        lastReused = reused;
        lastChunks = results.length;
    }

    /**
     * What the last sweep offers a sweep of {@code now}: null when nothing can be reused (no last
     * sweep, another fleet size, limit, ground or radius).
     */
    synchronized Reuse reuse(FlightTable now, double dmin, double ground, double reach, double[] wStart,
                             double[] wEnd) {
        if (table == null || table.n != now.n || Double.compare(this.dmin, dmin) != 0
                || Double.compare(this.ground, ground) != 0 || Double.compare(this.reach, reach) != 0) {
            return null;
        }
        Changes ch = changed(table, now);
        return new Reuse(ch, ts, starts, chunkTime, chunks, this.wStart, this.wEnd, wStart, wEnd);
    }

    /**
     * Where flights {@code b} differ from flights {@code a}: before {@code lo} every drone flies
     * the same pieces in both, and from {@code hi} on every drone d of {@code b} flies the same
     * pieces as drone {@code oldOf[d]} of {@code a} ({@code newOf} the inverse). Drones keep their
     * numbers up to an edit, and after it the same paths are flown under other numbers, since
     * the planner gives a drone the path of the place it holds; so each drone is matched with the
     * drone of {@code a} that comes to rest where and when it does at the end, and the match
     * holds as far back as their pieces agree, bit for bit.
     */
    record Changes(double lo, double hi, int[] oldOf, int[] newOf) {
    }

    /** See {@link Changes}; lo is +∞ and hi −∞ when nothing differs, hi +∞ when the ends cannot be matched. */
    static Changes changed(FlightTable a, FlightTable b) {
        int n = a.n;
        int[] oldOf = restMatch(a, b);
        int[] newOf = null;
        if (oldOf != null) {
            newOf = new int[n];
            for (int i = 0; i < n; i++) {
                newOf[oldOf[i]] = i;
            }
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            // the same drone number, from the start
            int pa = a.first[i], ma = a.first[i + 1] - pa;
            int pb = b.first[i], mb = b.first[i + 1] - pb;
            int prefix = 0;
            int common = Math.min(ma, mb);
            while (prefix < common && samePiece(a, pa + prefix, b, pb + prefix)) {
                prefix++;
            }
            if (prefix < ma) {
                lo = Math.min(lo, a.start[pa + prefix]);
            }
            if (prefix < mb) {
                lo = Math.min(lo, b.start[pb + prefix]);
            }
            if (oldOf == null) {
                continue;
            }
            // the matched drone, from the end
            int k = oldOf[i];
            int qa = a.first[k], na = a.first[k + 1] - qa;
            int suffix = 0;
            common = Math.min(na, mb);
            while (suffix < common && samePiece(a, qa + na - 1 - suffix, b, pb + mb - 1 - suffix)) {
                suffix++;
            }
            if (suffix < na) {
                hi = Math.max(hi, a.end[qa + na - 1 - suffix]);
            }
            if (suffix < mb) {
                hi = Math.max(hi, b.end[pb + mb - 1 - suffix]);
            }
        }
        return new Changes(lo, oldOf == null ? Double.POSITIVE_INFINITY : hi, oldOf, newOf);
    }

    /**
     * For each drone of {@code b}, the drone of {@code a} whose last piece (its rest after the
     * show) is the same, bit for bit; null unless that pairs every drone with exactly one.
     */
    private static int[] restMatch(FlightTable a, FlightTable b) {
        int n = a.n;
        java.util.HashMap<Long, Integer> byRest = new java.util.HashMap<>(2 * n);
        for (int k = 0; k < n; k++) {
            if (byRest.putIfAbsent(restHash(a, a.first[k + 1] - 1), k) != null) {
                return null; // two drones resting in one place at one time: not matched, never reused
            }
        }
        int[] oldOf = new int[n];
        boolean[] taken = new boolean[n];
        for (int i = 0; i < n; i++) {
            Integer k = byRest.get(restHash(b, b.first[i + 1] - 1));
            if (k == null || taken[k] || !samePiece(a, a.first[k + 1] - 1, b, b.first[i + 1] - 1)) {
                return null;
            }
            taken[k] = true;
            oldOf[i] = k;
        }
        return oldOf;
    }

    private static long restHash(FlightTable t, int p) {
        long h = Hash64.mix(Double.doubleToLongBits(t.start[p]));
        for (int k = 0; k < 12; k++) {
            h = Hash64.mix(h ^ Double.doubleToLongBits(t.coef[12 * p + k]));
        }
        return h;
    }

    /** Whether piece p of table a and piece q of table b are the same, bit for bit. */
    private static boolean samePiece(FlightTable a, int p, FlightTable b, int q) {
        return same(a.start[p], b.start[q]) && same(a.end[p], b.end[q]) && same(a.origin[p], b.origin[q])
                && Arrays.equals(a.coef, 12 * p, 12 * p + 12, b.coef, 12 * q, 12 * q + 12);
    }

    private static boolean same(double x, double y) {
        return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
    }

    /** The last sweep's chunks, offered to one new sweep (read from its worker threads). */
    static final class Reuse {
        private final Changes changes;
        private final double[] ts;
        private final int[] starts;
        private final double[] chunkTime;
        private final SeparationSweep.Chunk[] chunks;
        private final double[] oldStart;
        private final double[] oldEnd;
        private final double[] newStart;
        private final double[] newEnd;
        private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger renamed = new java.util.concurrent.atomic.AtomicInteger();

        private Reuse(Changes changes, double[] ts, int[] starts, double[] chunkTime, SeparationSweep.Chunk[] chunks,
                      double[] oldStart, double[] oldEnd, double[] newStart, double[] newEnd) {
            this.changes = changes;
            this.ts = ts;
            this.starts = starts;
            this.chunkTime = chunkTime;
            this.chunks = chunks;
            this.oldStart = oldStart;
            this.oldEnd = oldEnd;
            this.newStart = newStart;
            this.newEnd = newEnd;
        }

        int reused() {
            return reused.get();
        }

        int renamed() {
            return renamed.get();
        }

        /**
         * The last sweep's result for the new chunk of intervals k0..k1 of instants {@code now},
         * with its drones renumbered where the edit renumbered them; null when the chunk reads
         * anything that differs.
         */
        SeparationSweep.Chunk chunk(double[] now, int k0, int k1) {
            double a = now[k0 - 1], b = now[Math.max(k0 - 1, k1)];
            // every drone's pieces over [a, b] unchanged: before the first changed piece (a piece
            // starting at b is read too), or from the end of the last one on under the match
            int[] drone;
            if (b < changes.lo()) {
                drone = null;
            } else if (a >= changes.hi()) {
                drone = changes.newOf();
            } else {
                return null;
            }
            int c = Arrays.binarySearch(chunkTime, a);
            if (c < 0) {
                return null;
            }
            int o0 = starts[c], o1 = starts[c + 1] - 1;
            if (o1 - o0 != k1 - k0 || !Arrays.equals(ts, o0 - 1, Math.max(o0 - 1, o1) + 1,
                    now, k0 - 1, Math.max(k0 - 1, k1) + 1)) {
                return null;
            }
            // the report windows touching [a, b], in order, must be the same ones
            int[] from = new int[oldStart.length];
            int[] to = new int[newStart.length];
            int nf = 0, nt = 0;
            for (int w = 0; w < oldStart.length; w++) {
                if (oldStart[w] <= b && oldEnd[w] >= a) {
                    from[nf++] = w;
                }
            }
            for (int w = 0; w < newStart.length; w++) {
                if (newStart[w] <= b && newEnd[w] >= a) {
                    if (nt == nf || !same(newStart[w], oldStart[from[nt]]) || !same(newEnd[w], oldEnd[from[nt]])) {
                        return null;
                    }
                    to[nt++] = w;
                }
            }
            if (nt != nf) {
                return null;
            }
            reused.incrementAndGet();
            if (drone != null) {
                renamed.incrementAndGet();
            }
            return new SeparationSweep.Chunk(chunks[c], newStart.length, from, to, nf, drone);
        }
    }
}
