package dev.starling.verify;

import dev.starling.base.Parallel;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.DoubleConsumer;

/**
 * Pairwise separation of airborne drones in continuous time.
 *
 * <p><b>Sampling.</b> Instants t<sub>0</sub> &lt; t<sub>1</sub> &lt; … cover the plan. For each
 * interval the fleet's speed bound V (the largest speed bound of any drone moving in it, from
 * its pieces cut in {@link #ENVELOPE_SPLITS}) times its length is at most the margin M: by
 * default M = {@link #AUTO_MARGIN_FRACTION} × d<sub>min</sub>, so steps are short where drones
 * fly fast and span whole holds where nothing moves; while drones move, intervals end on the
 * knots of their pieces. At every instant the positions of all drones go into one {@link SpatialHash} with
 * cells of R = d<sub>min</sub> + M, which yields the candidate pairs closer than R.
 *
 * <p><b>Soundness.</b> If two drones come closer than d<sub>min</sub> at some t in
 * [t<sub>k</sub>, t<sub>k+1</sub>], then t is within half the interval of one end, where their
 * distance is therefore below d<sub>min</sub> + v<sub>rel</sub>·h/2 ≤ d<sub>min</sub> + M = R:
 * every such pair is a candidate at t<sub>k</sub> or t<sub>k+1</sub>. Drones at or below
 * ground − M at an instant cannot rise above the ground within the adjacent intervals and stay
 * out of the hash. For each candidate pair and interval, two cheap lower bounds on the distance
 * over the interval are tried: (d<sub>k</sub> + d<sub>k+1</sub> − (v<sub>i</sub> + v<sub>j</sub>)h)/2
 * with the drones' exact piece speed maxima, and — when neither drone changes piece — the
 * second-order bound min(d − |Δv|h/2) − (a<sub>i</sub> + a<sub>j</sub>)h²/8 from the relative
 * velocities at both ends and the pieces' acceleration maxima. Only a pair that neither bound
 * clears gets the exact check: its relative position is a cubic on each common piece, the
 * airborne part of the piece is found from the roots of both altitude cubics, and the minimum
 * distance over it is found by branch and bound with the exact Taylor bound
 * |r(t)| ≥ |r(m)| − |r'(m)|δ − |r''(m)|δ²/2 − |r'''|δ³/6, to {@link Verifier#SEPARATION_TOLERANCE}.
 *
 * <p><b>Report windows.</b> The caller may name time windows (a plan's transitions); their
 * boundaries become sampling instants, so every interval lies inside or outside each window,
 * and each window's closest approach is resolved exactly below {@link #EXACT_BAND} above
 * d<sub>min</sub> with a pruning threshold of its own. One sweep so yields every transition's
 * closest approach, where slicing the plan and sweeping each window again cost about half as
 * much as the whole verification once more.
 *
 * <p><b>Parallelism.</b> Intervals are cut into chunks of at most {@link #CHUNK_INTERVALS}, and a
 * chunk never crosses a report window's edge; each chunk is swept by one thread with its own
 * buffers (positions as structure of arrays), and the chunks' results merge in chunk order, so
 * the result does not depend on the thread count.
 *
 * <p><b>Reuse.</b> With automatic sampling the instants restart at every report window edge, so
 * the instants and chunks between two edges depend only on the pieces flown there. A
 * {@link VerifyMemo} then hands a chunk the result of the last verification's chunk at the same
 * instants when nothing the chunk reads differs (see {@link VerifyMemo}): the edited stretch of
 * a show is swept again, the rest is not, and the result is the same as without the memo.
 *
 * <p>Cost: O(samples × (n + candidate pairs)) plus the exact checks, which only near misses
 * need.
 */
final class SeparationSweep {
    /** Automatic sampling margin as a fraction of the minimum separation. */
    static final double AUTO_MARGIN_FRACTION = 1.0;
    /** Parts each curved piece is cut into for the speed envelope. */
    static final int ENVELOPE_SPLITS = 4;
    /**
     * Relative band above d_min in which the closest approach is resolved exactly (to the
     * tolerance); above it, the reported closest approach is the smallest distance seen at the
     * sampling instants, at most the margin above the true one.
     */
    static final double EXACT_BAND = 0.1;
    /** Sample intervals per parallel chunk (fixed, so results do not depend on threads). */
    static final int CHUNK_INTERVALS = 64;
    /** Most sampling instants; beyond it the margin grows (still sound, with more candidate pairs). */
    static final int MAX_SAMPLES = 4_000_000;

    private final FlightTable ft;
    private final double dmin;
    private final double ground;
    private final double violationBelow;
    /** Closest approaches below this are resolved exactly: d_min × (1 + {@link #EXACT_BAND}). */
    private final double exactBelow;

    double[] ts;
    double margin;
    /**
     * The margin the candidate search uses: {@link #margin} rounded up to 2<sup>−20</sup> of
     * itself (larger, so still sound), so that a re-plan whose margin differs only by rounding
     * searches with the same radius and its chunks can be reused.
     */
    double reach;
    double largestStep;

    double minVal = Double.POSITIVE_INFINITY;
    int minI = -1;
    int minJ = -1;
    double minT = Double.NaN;
    final PairWorst violations = new PairWorst();
    long fineChecks;
    /** Chunks taken over from a {@link VerifyMemo} under other drone numbers. */
    int renamed;
    /** Report windows: start and end times, seconds, closed. */
    private final double[] wStart;
    private final double[] wEnd;
    /** The report windows' edges, sorted, without repeats. */
    private final double[] edges;
    /** Per report window, the closest approach of two airborne drones inside it, m (+∞: none seen). */
    final double[] windowMin;

    private SeparationSweep(FlightTable ft, double dmin, double ground, double[] wStart, double[] wEnd) {
        this.wStart = wStart;
        this.wEnd = wEnd;
        double[] all = new double[2 * wStart.length];
        for (int w = 0; w < wStart.length; w++) {
            all[2 * w] = wStart[w];
            all[2 * w + 1] = wEnd[w];
        }
        this.edges = sortedDistinct(all, all.length);
        this.windowMin = new double[wStart.length];
        Arrays.fill(windowMin, Double.POSITIVE_INFINITY);
        this.ft = ft;
        this.dmin = dmin;
        this.ground = ground;
        this.violationBelow = Verifier.belowBound(dmin);
        this.exactBelow = dmin * (1 + EXACT_BAND);
    }

    /**
     * Sweeps the whole plan.
     *
     * @param dmin      minimum separation, metres (> 0)
     * @param ground    ground altitude, metres (−∞: enforce everywhere)
     * @param fixedStep sampling step in seconds, or NaN for automatic
     * @param progress  receives the fraction of chunks done, or null
     * @param wStart    report windows' start times, seconds (may be empty)
     * @param wEnd      report windows' end times, seconds, each ≥ its start
     */
    static SeparationSweep run(FlightTable ft, double dmin, double ground, double fixedStep, int threads,
                               DoubleConsumer progress, double[] wStart, double[] wEnd) {
        return run(ft, dmin, ground, fixedStep, threads, progress, wStart, wEnd, null);
    }

    /** As above; {@code memo} (or null) gives the last sweep's chunks and receives this one's. */
    static SeparationSweep run(FlightTable ft, double dmin, double ground, double fixedStep, int threads,
                               DoubleConsumer progress, double[] wStart, double[] wEnd, VerifyMemo memo) {
        SeparationSweep s = run(ft, dmin, ground, fixedStep, threads, progress, wStart, wEnd, memo, true);
        if (s.renamed > 0 && (s.minVal < dmin + 2 * Verifier.SEPARATION_TOLERANCE || s.violations.size() > 0)) {
            // A chunk swept under other drone numbers visits its pairs in another order, so its
            // near misses are resolved by another path, to the same tolerance but not to the same
            // last digits: an approach within the tolerance of the limit could then pass here and
            // fail in a fresh sweep. Near the limit only a fresh sweep decides.
            s = run(ft, dmin, ground, fixedStep, threads, progress, wStart, wEnd, memo, false);
        }
        return s;
    }

    private static SeparationSweep run(FlightTable ft, double dmin, double ground, double fixedStep, int threads,
                                       DoubleConsumer progress, double[] wStart, double[] wEnd, VerifyMemo memo,
                                       boolean reuseAllowed) {
        SeparationSweep s = new SeparationSweep(ft, dmin, ground, wStart, wEnd);
        if (ft.n < 2) {
            s.ts = new double[0];
            if (memo != null) {
                memo.forget();
            }
            return s;
        }
        s.sample(fixedStep);
        int[] starts = s.chunkStarts();
        int chunks = starts.length - 1;
        Chunk[] results = new Chunk[chunks];
        VerifyMemo.Reuse reuse = memo == null || !reuseAllowed ? null
                : memo.reuse(ft, dmin, ground, s.reach, wStart, wEnd);
        ConcurrentLinkedQueue<Worker> idle = new ConcurrentLinkedQueue<>();
        int[] done = {0};
        Parallel.forEach(chunks, threads, c -> {
            int k0 = starts[c], k1 = starts[c + 1] - 1;
            Chunk old = reuse == null ? null : reuse.chunk(s.ts, k0, k1);
            if (old != null) {
                results[c] = old;
            } else {
                Worker w = idle.poll();
                if (w == null) {
                    w = s.new Worker();
                }
                results[c] = w.sweep(k0, k1);
                idle.add(w);
            }
            if (progress != null) {
                synchronized (done) {
                    done[0]++;
                    progress.accept(done[0] / (double) chunks);
                }
            }
        });
        if (memo != null) {
            memo.remember(ft, dmin, ground, s.reach, s.ts, starts, results, wStart, wEnd,
                    reuse == null ? 0 : reuse.reused());
            s.renamed = reuse == null ? 0 : reuse.renamed();
        }
        for (Chunk r : results) {
            if (r == null) {
                continue;
            }
            if (r.minVal < s.minVal) {
                s.minVal = r.minVal;
                s.minI = r.minI;
                s.minJ = r.minJ;
                s.minT = r.minT;
            }
            s.violations.mergeFrom(r.violations);
            s.fineChecks += r.fine;
            for (int w = 0; w < s.windowMin.length; w++) {
                s.windowMin[w] = Math.min(s.windowMin[w], r.windowMin[w]);
            }
        }
        return s;
    }

    /**
     * The chunks: chunk c holds intervals {@code starts[c] .. starts[c+1]-1} (interval k is
     * [ts[k-1], ts[k]]), at most {@link #CHUNK_INTERVALS} of them, ending early at each report
     * window edge so that chunks between two edges do not depend on what lies before them.
     */
    private int[] chunkStarts() {
        int intervals = ts.length - 1;
        int[] out = new int[intervals + 2];
        int n = 0;
        int e = 0;
        int k0 = 1;
        out[n++] = 1;
        for (int k = 1; k <= intervals; k++) {
            while (e < edges.length && edges[e] < ts[k]) {
                e++;
            }
            boolean atEdge = e < edges.length && edges[e] == ts[k];
            if (k == intervals || atEdge || k - k0 + 1 == CHUNK_INTERVALS) {
                out[n++] = k + 1;
                k0 = k + 1;
            }
        }
        if (intervals < 1) {
            out[n++] = 1; // no interval: one empty chunk
        }
        return Arrays.copyOf(out, n);
    }

    /** The first {@code n} values of {@code a}, sorted, without repeats (sorts {@code a} in place). */
    private static double[] sortedDistinct(double[] a, int n) {
        Arrays.sort(a, 0, n);
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (u == 0 || a[i] != a[u - 1]) {
                a[u++] = a[i];
            }
        }
        return Arrays.copyOf(a, u);
    }

    /** {@code m} rounded up to a multiple of 2<sup>−20</sup> of its magnitude, above any rounding of m. */
    static double coarseUp(double m) {
        if (!(m > 0) || !Double.isFinite(m)) {
            return m;
        }
        double q = Math.scalb(1.0, Math.getExponent(m) - 20);
        return Math.ceil(m * (1 + 1e-9) / q) * q;
    }

    boolean violates(double distance) {
        return distance < violationBelow;
    }

    // ---------------------------------------------------------------- sampling instants

    /** Chooses the sampling instants and the margin. */
    private void sample(double fixedStep) {
        double t0 = ft.startTime, t1 = ft.endTime;
        Envelope env = new Envelope(ft);
        if (!Double.isNaN(fixedStep)) {
            int k = (int) Math.min(MAX_SAMPLES, Math.ceil((t1 - t0) / fixedStep));
            k = Math.max(1, k);
            ts = new double[k + 1];
            for (int i = 0; i <= k; i++) {
                ts[i] = i == k ? t1 : t0 + i * fixedStep;
            }
            ts[k] = Math.max(ts[k], ts[k - 1]);
            addWindowEdges();
            finishMargin(env);
            return;
        }
        double m = AUTO_MARGIN_FRACTION * dmin;
        double integral = env.integral(t0, t1);
        if (integral / m > MAX_SAMPLES / 2.0) {
            m = integral / (MAX_SAMPLES / 2.0);
        }
        DoubleList out = new DoubleList();
        out.add(t0);
        double t = t0;
        int b = env.intervalAt(t);
        // every report window edge is an instant the steps restart from, so that the instants
        // between two edges depend only on what flies between them (see VerifyMemo)
        int e = 0;
        while (t < t1) {
            while (e < edges.length && edges[e] <= t) {
                e++;
            }
            double stop = e < edges.length ? Math.min(edges[e], t1) : t1;
            double end = t;
            double vmax = 0;
            int bb = b;
            while (true) {
                double pe = Math.min(env.pieceEnd(bb), stop);
                double v = Math.max(vmax, env.speed(bb));
                if (v == 0) {
                    end = pe;
                } else {
                    double lim = t + m / v;
                    if (lim >= pe) {
                        end = pe;
                        vmax = v;
                        if (env.knot(bb + 1)) {
                            // end on a knot: the next interval starts on fresh pieces, where the
                            // second-order pair bound applies and exact checks are rarely needed
                            break;
                        }
                    } else {
                        if (lim > end) {
                            end = lim;
                            vmax = v;
                        }
                        break;
                    }
                }
                if (end >= stop) {
                    break;
                }
                bb++;
            }
            if (!(end > t)) {
                end = Math.nextUp(t); // unreachable in exact arithmetic: m / v > 0 moves forward
            }
            end = Math.min(end, stop);
            out.add(end);
            t = end;
            while (env.pieceEnd(b) <= t && b < env.last()) {
                b++;
            }
        }
        ts = out.toArray();
        addWindowEdges();
        finishMargin(env);
    }

    /**
     * Adds the report windows' boundaries inside (t0, t1) as sampling instants. Extra instants
     * only split intervals, so the margin (computed afterwards) can only shrink: still sound.
     */
    private void addWindowEdges() {
        if (wStart.length == 0 || ts.length < 2) {
            return;
        }
        double t0 = ts[0], t1 = ts[ts.length - 1];
        double[] all = Arrays.copyOf(ts, ts.length + 2 * wStart.length);
        int n = ts.length;
        for (int w = 0; w < wStart.length; w++) {
            for (double e : new double[] {wStart[w], wEnd[w]}) {
                if (e > t0 && e < t1) {
                    all[n++] = e;
                }
            }
        }
        ts = sortedDistinct(all, n);
    }

    /** Whether report window w contains the instant t. */
    private boolean windowHas(int w, double t) {
        return wStart[w] <= t && t <= wEnd[w];
    }

    /** Margin = the largest fleet speed bound × step over all intervals. */
    private void finishMargin(Envelope env) {
        double mx = 0, longest = 0;
        for (int k = 1; k < ts.length; k++) {
            double h = ts[k] - ts[k - 1];
            longest = Math.max(longest, h);
            mx = Math.max(mx, env.max(ts[k - 1], ts[k]) * h);
        }
        margin = mx;
        reach = coarseUp(mx);
        largestStep = longest;
    }

    /**
     * The fleet's speed envelope: for each interval between consecutive piece boundaries of
     * moving pieces, the largest exact speed maximum of a piece covering it (a segment tree of
     * range-max updates, O(pieces log pieces)). Zero outside.
     */
    private static final class Envelope {
        final double[] bp;
        final double[] env;
        /** Whether each boundary is a knot of some moving piece (not only an envelope split). */
        final boolean[] isKnot;

        Envelope(FlightTable ft) {
            // every moving piece contributes its speed bound; curved pieces are cut into
            // ENVELOPE_SPLITS parts, each bounded by the norm of its per-axis speed maxima, so a
            // smoothstep is not sampled at its peak speed from start to end
            int pieces = ft.start.length;
            int cnt = 0;
            for (int p = 0; p < pieces; p++) {
                if (ft.maxSpeed[p] > 0) {
                    cnt += curved(ft, p) ? ENVELOPE_SPLITS : 1;
                }
            }
            double[] lo = new double[cnt], hi = new double[cnt], sp = new double[cnt];
            int k = 0;
            for (int p = 0; p < pieces; p++) {
                if (ft.maxSpeed[p] <= 0) {
                    continue;
                }
                if (!curved(ft, p)) {
                    lo[k] = ft.start[p];
                    hi[k] = ft.end[p];
                    sp[k++] = ft.maxSpeed[p];
                    continue;
                }
                double dur = ft.end[p] - ft.start[p];
                for (int q = 0; q < ENVELOPE_SPLITS; q++) {
                    double a = dur * q / ENVELOPE_SPLITS, b = q + 1 == ENVELOPE_SPLITS ? dur : dur * (q + 1) / ENVELOPE_SPLITS;
                    lo[k] = ft.start[p] + a;
                    hi[k] = q + 1 == ENVELOPE_SPLITS ? ft.end[p] : ft.start[p] + b;
                    sp[k++] = Math.min(ft.maxSpeed[p], axisBound(ft, p, a, b));
                }
            }
            double[] pts = new double[2 * cnt];
            for (int i = 0; i < cnt; i++) {
                pts[2 * i] = lo[i];
                pts[2 * i + 1] = hi[i];
            }
            bp = sortedDistinct(pts, pts.length);
            int u = bp.length;
            isKnot = new boolean[u];
            for (int p = 0; p < pieces; p++) {
                if (ft.maxSpeed[p] > 0) {
                    isKnot[Arrays.binarySearch(bp, ft.start[p])] = true;
                    isKnot[Arrays.binarySearch(bp, ft.end[p])] = true;
                }
            }
            int m = Math.max(0, u - 1);
            env = new double[m];
            if (m == 0) {
                return;
            }
            int size = Integer.highestOneBit(Math.max(1, m - 1)) << 1;
            double[] tree = new double[2 * size];
            for (int i = 0; i < cnt; i++) {
                double v = sp[i];
                int l = Arrays.binarySearch(bp, lo[i]) + size;
                int h = Arrays.binarySearch(bp, hi[i]) + size; // exclusive
                while (l < h) {
                    if ((l & 1) == 1) {
                        tree[l] = Math.max(tree[l], v);
                        l++;
                    }
                    if ((h & 1) == 1) {
                        h--;
                        tree[h] = Math.max(tree[h], v);
                    }
                    l >>= 1;
                    h >>= 1;
                }
            }
            for (int node = 1; node < size; node++) {
                tree[2 * node] = Math.max(tree[2 * node], tree[node]);
                tree[2 * node + 1] = Math.max(tree[2 * node + 1], tree[node]);
            }
            for (int i = 0; i < m; i++) {
                env[i] = tree[size + i];
            }
        }

        private static boolean curved(FlightTable ft, int p) {
            int o = 12 * p;
            return ft.coef[o + 2] != 0 || ft.coef[o + 3] != 0 || ft.coef[o + 6] != 0 || ft.coef[o + 7] != 0
                    || ft.coef[o + 10] != 0 || ft.coef[o + 11] != 0;
        }

        /**
         * An upper bound of the speed on piece p over local times [a, b]: the norm of the three
         * per-axis maxima of |v|, each exact (v is a quadratic per axis).
         */
        private static double axisBound(FlightTable ft, int p, double a, double b) {
            double sum = 0;
            for (int ax = 0; ax < 3; ax++) {
                int o = 12 * p + 4 * ax;
                double c1 = ft.coef[o + 1], c2 = 2 * ft.coef[o + 2], c3 = 3 * ft.coef[o + 3];
                double m = Math.max(Math.abs((c3 * a + c2) * a + c1), Math.abs((c3 * b + c2) * b + c1));
                if (c3 != 0) {
                    double v = -c2 / (2 * c3);
                    if (v > a && v < b) {
                        m = Math.max(m, Math.abs((c3 * v + c2) * v + c1));
                    }
                }
                sum += m * m;
            }
            return Math.sqrt(sum);
        }

        /** Index of the interval containing t: −1 before the first boundary, env.length after the last. */
        int intervalAt(double t) {
            if (bp.length == 0) {
                return -1;
            }
            int i = Arrays.binarySearch(bp, t);
            int k = i >= 0 ? i : -i - 2;
            return Math.min(k, env.length);
        }

        int last() {
            return env.length;
        }

        /** True when boundary k is a piece knot; false for envelope splits and out of range. */
        boolean knot(int k) {
            return k >= 0 && k < isKnot.length && isKnot[k];
        }

        double speed(int b) {
            return b >= 0 && b < env.length ? env[b] : 0;
        }

        double pieceEnd(int b) {
            if (b + 1 < bp.length) {
                return bp[b + 1];
            }
            return Double.POSITIVE_INFINITY;
        }

        /** Largest speed over intervals overlapping (a, c). */
        double max(double a, double c) {
            if (env.length == 0) {
                return 0;
            }
            int b = Math.max(0, intervalAt(a));
            double v = 0;
            for (; b < env.length && bp[b] < c; b++) {
                if (bp[b + 1] > a) {
                    v = Math.max(v, env[b]);
                }
            }
            return v;
        }

        /** ∫ speed dt over [a, c]. */
        double integral(double a, double c) {
            double s = 0;
            for (int b = 0; b < env.length; b++) {
                double lo = Math.max(a, bp[b]), hi = Math.min(c, bp[b + 1]);
                if (hi > lo) {
                    s += env[b] * (hi - lo);
                }
            }
            return s;
        }
    }

    /** A growable list of doubles. */
    private static final class DoubleList {
        double[] a = new double[1024];
        int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    // ---------------------------------------------------------------- the sweep

    /** What one chunk found (read-only once swept: a {@link VerifyMemo} may hand it to the next sweep). */
    static final class Chunk {
        double minVal = Double.POSITIVE_INFINITY;
        int minI = -1;
        int minJ = -1;
        double minT = Double.NaN;
        final PairWorst violations;
        long fine;
        /** Per report window, the closest approach found in this chunk (+∞: none). */
        final double[] windowMin;

        Chunk(int windows) {
            windowMin = new double[windows];
            Arrays.fill(windowMin, Double.POSITIVE_INFINITY);
            violations = new PairWorst();
        }

        /**
         * A copy of {@code c} for another list of report windows ({@code windowMin[to[q]] =
         * c.windowMin[from[q]]}) and, unless {@code drone} is null, other drone numbers (drone d
         * of {@code c} is drone {@code drone[d]} here).
         */
        Chunk(Chunk c, int windows, int[] from, int[] to, int count, int[] drone) {
            windowMin = new double[windows];
            Arrays.fill(windowMin, Double.POSITIVE_INFINITY);
            for (int q = 0; q < count; q++) {
                windowMin[to[q]] = c.windowMin[from[q]];
            }
            violations = drone == null ? c.violations : c.violations.renamed(drone); // merged from, never changed
            minVal = c.minVal;
            minI = c.minI < 0 || drone == null ? c.minI : Math.min(drone[c.minI], drone[c.minJ]);
            minJ = c.minI < 0 || drone == null ? c.minJ : Math.max(drone[c.minI], drone[c.minJ]);
            minT = c.minT;
            fine = c.fine;
        }
    }

    /** Positions, velocities, pieces and eligibility of every drone at one instant. */
    private static final class Frame {
        final double[] x, y, z, vx, vy, vz;
        final int[] piece;
        /** Speed and acceleration maxima of each drone's current piece. */
        final double[] speed, accel;
        final boolean[] eligible;
        final PairList pairs = new PairList();
        double t;

        Frame(int n) {
            x = new double[n];
            y = new double[n];
            z = new double[n];
            vx = new double[n];
            vy = new double[n];
            vz = new double[n];
            piece = new int[n];
            speed = new double[n];
            accel = new double[n];
            eligible = new boolean[n];
        }
    }

    /** One thread's buffers, reused across chunks. */
    private final class Worker {
        Frame a = new Frame(ft.n);
        Frame b = new Frame(ft.n);
        final SpatialHash hash = new SpatialHash();
        final Poly poly = new Poly();
        final double[] ci = new double[12];
        final double[] cj = new double[12];
        final double[] r = new double[12];
        final double[] zc = new double[4];
        final double[] roots = new double[4];
        final double[] breaks = new double[16];
        double[] stack = new double[256];
        Chunk win;
        double fineT;
        /** Report windows containing the current interval [ta, tb]. */
        final int[] inside = new int[wStart.length];
        int insideCount;
        /** Report windows containing the instant ta, and tb. */
        final int[] atA = new int[wStart.length];
        final int[] atB = new int[wStart.length];
        int atACount;
        int atBCount;
        /**
         * Each drone's current piece, copied out of the flight table into arrays read in drone
         * order (piece, its end and origin, its 12 coefficients): evaluating a frame then streams
         * through memory instead of jumping to every drone's place in the table.
         */
        final int[] curPiece = new int[ft.n];
        final double[] curEnd = new double[ft.n];
        final double[] curOrigin = new double[ft.n];
        final double[] curCoef = new double[12 * ft.n];
        final double[] curSpeed = new double[ft.n];
        final double[] curAccel = new double[ft.n];

        Chunk sweep(int k0, int k1) {
            win = new Chunk(wStart.length);
            double radius = dmin + reach;
            double zEligible = ground - reach;
            // the chunk's first instant: locate every drone's piece by binary search
            for (int i = 0; i < ft.n; i++) {
                load(i, ft.pieceAt(i, ts[k0 - 1]));
            }
            evaluate(a, ts[k0 - 1], zEligible, radius);
            for (int k = k0; k <= k1; k++) {
                Frame fb = b;
                evaluate(fb, ts[k], zEligible, radius);
                interval(a, fb, radius);
                b = a;
                a = fb;
            }
            return win;
        }

        /** Copies piece p of drone i into the cache. */
        private void load(int i, int p) {
            curPiece[i] = p;
            curEnd[i] = ft.end[p];
            curOrigin[i] = ft.origin[p];
            curSpeed[i] = ft.maxSpeed[p];
            curAccel[i] = ft.maxAccel[p];
            System.arraycopy(ft.coef, 12 * p, curCoef, 12 * i, 12);
        }

        /** Positions at t (≥ the previous frame's time) into f, then the candidate pairs. */
        private void evaluate(Frame f, double t, double zEligible, double radius) {
            f.t = t;
            double[] c = curCoef;
            for (int i = 0; i < ft.n; i++) {
                if (t >= curEnd[i]) {
                    load(i, ft.advance(curPiece[i], t));
                }
                f.piece[i] = curPiece[i];
                f.speed[i] = curSpeed[i];
                f.accel[i] = curAccel[i];
                double tau = t - curOrigin[i];
                int o = 12 * i;
                f.x[i] = ((c[o + 3] * tau + c[o + 2]) * tau + c[o + 1]) * tau + c[o];
                f.vx[i] = (3 * c[o + 3] * tau + 2 * c[o + 2]) * tau + c[o + 1];
                f.y[i] = ((c[o + 7] * tau + c[o + 6]) * tau + c[o + 5]) * tau + c[o + 4];
                f.vy[i] = (3 * c[o + 7] * tau + 2 * c[o + 6]) * tau + c[o + 5];
                double zz = ((c[o + 11] * tau + c[o + 10]) * tau + c[o + 9]) * tau + c[o + 8];
                f.z[i] = zz;
                f.vz[i] = (3 * c[o + 11] * tau + 2 * c[o + 10]) * tau + c[o + 9];
                f.eligible[i] = zz > zEligible;
            }
            f.pairs.clear();
            hash.build(f.x, f.y, f.z, ft.n, f.eligible, radius);
            hash.pairsWithin(radius, f.pairs);
        }

        /** Checks every candidate pair of interval [fa.t, fb.t]. */
        private void interval(Frame fa, Frame fb, double radius) {
            double r2 = radius * radius;
            insideCount = 0;
            atACount = 0;
            atBCount = 0;
            for (int w = 0; w < wStart.length; w++) {
                boolean a = windowHas(w, fa.t), b = windowHas(w, fb.t);
                if (a) {
                    atA[atACount++] = w;
                }
                if (b) {
                    atB[atBCount++] = w;
                }
                // window edges are sampling instants: an interval lies wholly inside or outside
                if (a && b) {
                    inside[insideCount++] = w;
                }
            }
            PairList pa = fa.pairs;
            for (int k = 0; k < pa.size(); k++) {
                pair(fa, fb, pa.a(k), pa.b(k));
            }
            PairList pb = fb.pairs;
            for (int k = 0; k < pb.size(); k++) {
                int i = pb.a(k), j = pb.b(k);
                if (fa.eligible[i] && fa.eligible[j] && dist2(fa, i, j) < r2) {
                    continue; // already checked from fa's list
                }
                pair(fa, fb, i, j);
            }
        }

        private double dist2(Frame f, int i, int j) {
            double dx = f.x[j] - f.x[i], dy = f.y[j] - f.y[i], dz = f.z[j] - f.z[i];
            return dx * dx + dy * dy + dz * dz;
        }

        private void pair(Frame fa, Frame fb, int i, int j) {
            double ta = fa.t, tb = fb.t, h = tb - ta;
            double da = Math.sqrt(dist2(fa, i, j)), db = Math.sqrt(dist2(fb, i, j));
            if (fa.z[i] > ground && fa.z[j] > ground) {
                record(i, j, da, ta);
                recordWindows(atA, atACount, da);
            }
            if (fb.z[i] > ground && fb.z[j] > ground) {
                record(i, j, db, tb);
                recordWindows(atB, atBCount, db);
            }
            // explore below the limit (violations), and below the closest approach so far while it
            // is within the reporting band (so near misses are reported exactly); the same for
            // each report window holding this interval, whose minimum may be above the overall one
            double seen = win.minVal;
            for (int q = 0; q < insideCount; q++) {
                seen = Math.max(seen, win.windowMin[inside[q]]);
            }
            double theta = Math.max(dmin, Math.min(seen, exactBelow));
            int pai = fa.piece[i], paj = fa.piece[j];
            // a sample exactly on a knot already sits on the next piece; the interval before it
            // lies on the previous one
            boolean knotI = fb.piece[i] == pai + 1 && ft.start[pai + 1] == tb;
            boolean knotJ = fb.piece[j] == paj + 1 && ft.start[paj + 1] == tb;
            int pbi = knotI ? pai : fb.piece[i], pbj = knotJ ? paj : fb.piece[j];
            double vi = pai == pbi ? fa.speed[i] : speedBound(pai, pbi);
            double vj = paj == pbj ? fa.speed[j] : speedBound(paj, pbj);
            double lb = 0.5 * (da + db - (vi + vj) * h);
            if (lb >= theta) {
                return;
            }
            if (pai == pbi && paj == pbj) {
                double acc = fa.accel[i] + fa.accel[j];
                double wa = norm(fa.vx[i] - fa.vx[j], fa.vy[i] - fa.vy[j], fa.vz[i] - fa.vz[j]);
                double wb = knotI || knotJ
                        ? norm(leftVel(knotI, pai, fb.vx, i, 0, tb) - leftVel(knotJ, paj, fb.vx, j, 0, tb),
                               leftVel(knotI, pai, fb.vy, i, 1, tb) - leftVel(knotJ, paj, fb.vy, j, 1, tb),
                               leftVel(knotI, pai, fb.vz, i, 2, tb) - leftVel(knotJ, paj, fb.vz, j, 2, tb))
                        : norm(fb.vx[i] - fb.vx[j], fb.vy[i] - fb.vy[j], fb.vz[i] - fb.vz[j]);
                double lb2 = Math.min(da - wa * h / 2, db - wb * h / 2) - acc * h * h / 8;
                if (lb2 >= theta) {
                    return;
                }
            }
            win.fine++;
            double best = pairMinimum(i, j, ta, tb, pai, paj, theta);
            if (best < theta) {
                record(i, j, best, fineT);
                recordWindows(inside, insideCount, best);
            }
        }

        /** Velocity component at t: from piece p (its left limit at a knot) or the frame's value. */
        private double leftVel(boolean fromPiece, int p, double[] frame, int i, int axis, double t) {
            return fromPiece ? ft.vel(p, axis, t) : frame[i];
        }

        private void record(int i, int j, double d, double t) {
            if (d < win.minVal || (d == win.minVal && (t < win.minT || (t == win.minT && (i < win.minI
                    || (i == win.minI && j < win.minJ)))))) {
                win.minVal = d;
                win.minI = i;
                win.minJ = j;
                win.minT = t;
            }
            if (violates(d)) {
                win.violations.offer(i, j, d, t);
            }
        }

        /** Lowers the minimum of each listed report window to d. */
        private void recordWindows(int[] list, int count, double d) {
            for (int q = 0; q < count; q++) {
                int w = list[q];
                if (d < win.windowMin[w]) {
                    win.windowMin[w] = d;
                }
            }
        }

        private double speedBound(int pa, int pb) {
            double v = 0;
            for (int p = pa; p <= pb; p++) {
                v = Math.max(v, ft.maxSpeed[p]);
            }
            return v;
        }

        /**
         * Smallest distance below {@code theta} between drones i and j over [ta, tb] while both
         * are above the ground, to the tolerance; {@code +∞} when none is below theta. The time
         * goes to {@link #fineT}.
         */
        private double pairMinimum(int i, int j, double ta, double tb, int pi, int pj, double theta) {
            double best = theta;
            fineT = Double.NaN;
            double u = ta;
            while (u < tb) {
                double w = Math.min(Math.min(ft.end[pi], ft.end[pj]), tb);
                if (w > u) {
                    best = commonPiece(pi, pj, u, w, best);
                }
                u = w;
                while (ft.end[pi] <= u) {
                    pi++;
                }
                while (ft.end[pj] <= u) {
                    pj++;
                }
            }
            return best < theta ? best : Double.POSITIVE_INFINITY;
        }

        /** Minimum over [u, w] where both drones stay on pieces pi, pj. */
        private double commonPiece(int pi, int pj, double u, double w, double best) {
            shift(pi, u, ci);
            shift(pj, u, cj);
            for (int k = 0; k < 12; k++) {
                r[k] = ci[k] - cj[k];
            }
            double len = w - u;
            if (ground == Double.NEGATIVE_INFINITY || surelyAirborne(pi, ci, len) && surelyAirborne(pj, cj, len)) {
                return branchAndBound(0, len, u, best);
            }
            int nb = 0;
            breaks[nb++] = 0;
            breaks[nb++] = len;
            nb = addCrossings(ci, len, nb);
            nb = addCrossings(cj, len, nb);
            Arrays.sort(breaks, 0, nb);
            for (int k = 0; k + 1 < nb; k++) {
                double p = breaks[k], q = breaks[k + 1];
                if (q <= p) {
                    continue;
                }
                double mid = 0.5 * (p + q);
                if (cubic(ci, 8, mid) > ground && cubic(cj, 8, mid) > ground) {
                    best = branchAndBound(p, q, u, best);
                }
            }
            return best;
        }

        /** True when the piece's altitude provably stays above the ground over [0, len]. */
        private boolean surelyAirborne(int p, double[] c, double len) {
            double z0 = c[8], z1 = cubic(c, 8, len);
            return 0.5 * (z0 + z1 - ft.maxSpeed[p] * len) > ground;
        }

        private int addCrossings(double[] c, double len, int nb) {
            zc[0] = c[8] - ground;
            zc[1] = c[9];
            zc[2] = c[10];
            zc[3] = c[11];
            int k = poly.roots(zc, 3, 0, len, roots);
            for (int q = 0; q < k; q++) {
                breaks[nb++] = roots[q];
            }
            return nb;
        }

        /** Branch and bound on |r(τ)| over [p, q] (local time), with the exact cubic Taylor bound. */
        private double branchAndBound(double p, double q, double origin, double best) {
            double jerk = 6 * norm(r[3], r[7], r[11]);
            int top = 0;
            stack[top++] = p;
            stack[top++] = q;
            while (top > 0) {
                double hi = stack[--top], lo = stack[--top];
                double m = 0.5 * (lo + hi), d = 0.5 * (hi - lo);
                double px = cubic(r, 0, m), py = cubic(r, 4, m), pz = cubic(r, 8, m);
                double dist = Math.sqrt(px * px + py * py + pz * pz);
                if (dist < best) {
                    best = dist;
                    fineT = origin + m;
                }
                double v = norm(deriv1(r, 0, m), deriv1(r, 4, m), deriv1(r, 8, m));
                double a = norm(deriv2(r, 0, m), deriv2(r, 4, m), deriv2(r, 8, m));
                double bound = ((jerk * d / 6 + a / 2) * d + v) * d;
                if (dist - bound >= best - Verifier.SEPARATION_TOLERANCE) {
                    continue;
                }
                if (top + 4 > stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                }
                stack[top++] = lo;
                stack[top++] = m;
                stack[top++] = m;
                stack[top++] = hi;
            }
            return best;
        }

        /** Coefficients of piece p re-centred at absolute time u (Taylor shift), into out[12]. */
        private void shift(int p, double u, double[] out) {
            double dlt = u - ft.origin[p];
            double[] c = ft.coef;
            int o = 12 * p;
            for (int a = 0; a < 3; a++) {
                double c0 = c[o + 4 * a], c1 = c[o + 4 * a + 1], c2 = c[o + 4 * a + 2], c3 = c[o + 4 * a + 3];
                out[4 * a] = ((c3 * dlt + c2) * dlt + c1) * dlt + c0;
                out[4 * a + 1] = (3 * c3 * dlt + 2 * c2) * dlt + c1;
                out[4 * a + 2] = 3 * c3 * dlt + c2;
                out[4 * a + 3] = c3;
            }
        }
    }

    private static double cubic(double[] c, int o, double t) {
        return ((c[o + 3] * t + c[o + 2]) * t + c[o + 1]) * t + c[o];
    }

    private static double deriv1(double[] c, int o, double t) {
        return (3 * c[o + 3] * t + 2 * c[o + 2]) * t + c[o + 1];
    }

    private static double deriv2(double[] c, int o, double t) {
        return 6 * c[o + 3] * t + 2 * c[o + 2];
    }

    private static double norm(double x, double y, double z) {
        return Math.sqrt(x * x + y * y + z * z);
    }
}
