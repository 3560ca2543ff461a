package dev.starling.analysis;

import dev.starling.base.Parallel;
import dev.starling.plan.Plan;
import dev.starling.site.Bank;
import dev.starling.site.Bridge;
import dev.starling.site.Polygon;
import dev.starling.site.Pylon;
import dev.starling.site.Site;
import dev.starling.site.Tower;
import dev.starling.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Clearance of every trajectory from the site's towers, bridges (deck slab and pylons) and banks
 * (terrain prisms from the water up to their elevation), using the site's own geometry
 * ({@link Tower#distanceTo}, {@link Bridge#distanceTo}).
 *
 * <p><b>Soundness.</b> Distance to a fixed set is 1-Lipschitz in position and position is
 * v-Lipschitz in time, v = the speed bound of the Bézier segment from its control points. A
 * stationary segment is measured once, exactly. A moving one is sampled adaptively: after a
 * sample at distance d the next comes max(h, (d − buffer)/v) later, so no instant between
 * samples can be within the buffer unless both samples are at most h apart; over an interval of
 * length Δ the distance is at least (d_a + d_b − v·Δ)/2. A second pass bisects every interval
 * whose bound could undercut the best sample by more than v_max·h/2, so the reported overall
 * closest approach comes with a certified lower bound.
 *
 * <p><b>Cost.</b> Far from structures a sample costs one bounding-box test per structure and
 * samples are seconds apart; near them, steps of h. Parallel over drones; deterministic.
 */
public final class ClearanceAnalysis {
    static final int LIST_LIMIT = 100;
    static final int NEAREST = 5;

    private ClearanceAnalysis() {
    }

    /** {@link #analyze(Plan, Site, ClearanceOptions, int)} with the default buffer, step and thread count. */
    public static ClearanceReport analyze(Plan plan, Site site) {
        return analyze(plan, site, ClearanceOptions.DEFAULT, Parallel.defaultThreads());
    }

    /** Closest approach of every drone of {@code plan} to the structures of {@code site}. */
    public static ClearanceReport analyze(Plan plan, Site site, ClearanceOptions options, int threads) {
        return analyze(plan, site, options, threads, null);
    }

    /**
     * {@link #analyze(Plan, Site, ClearanceOptions, int)}, taking over from {@code memo} (if not
     * null) the pass-1 samples of every segment that the last plan analysed with it flew the same
     * way at the same site, step and buffer, and keeping this plan's for the next: the same report
     * either way (pass 2 and the lists are worked out afresh).
     */
    public static ClearanceReport analyze(Plan plan, Site site, ClearanceOptions options, int threads,
                                          AnalysisMemo memo) {
        long t0 = System.nanoTime();
        int n = plan.droneCount();
        double h = options.step(), buffer = options.buffer();
        AnalysisMemo.Round round = memo == null ? null : memo.round(plan);
        AnalysisMemo.Clearance last = round == null || round.before == null || round.before.clearance == null
                || !round.before.clearance.sameModel(site, h, buffer) ? null : round.before.clearance;
        double[] extent = extent(plan);
        // the index does not change a result (see Structures), so the last one serves an unchanged extent
        Structures st = last != null && java.util.Arrays.equals(last.extent(), extent) ? last.structures()
                : new Structures(site, extent[0], extent[1], extent[2], extent[3]);
        double[][] ts = new double[n][], ds = new double[n][], vs = new double[n][];
        int[][] which = new int[n][];
        int[] counts = new int[n];
        int[] segmentStart = round == null ? null : new int[round.now.count()];
        int chunks = Math.max(1, threads) * 8;
        // Pass 1, per Bézier segment: a stationary segment is one exact sample; a moving one is
        // sampled adaptively with its own speed bound, densely only where it may enter the buffer.
        // vs[i][q] is the speed bound over the interval from sample q to q+1.
        Parallel.forRanges(n, chunks, threads, (chunk, lo, hi) -> {
            Samples sm = new Samples();
            double[] pos = new double[3];
            int[] idx = new int[1];
            for (int i = lo; i < hi; i++) {
                Trajectory tr = plan.trajectories().get(i);
                sm.clear();
                for (int sg = 0; sg < tr.segmentCount(); sg++) {
                    int g = round == null ? -1 : round.now.first(i) + sg;
                    if (g >= 0) {
                        segmentStart[g] = sm.n;
                    }
                    int o = last == null ? -1 : round.old(g);
                    if (o >= 0) {
                        int j = round.before.now.droneOf(o);
                        int from = last.segmentStart()[o];
                        int to = o + 1 < round.before.now.first(j + 1) ? last.segmentStart()[o + 1] : last.counts()[j];
                        sm.addAll(last, j, from, to);
                    } else {
                        sampleSegment(tr, sg, st, h, buffer, sm, pos, idx);
                    }
                }
                ts[i] = Arrays.copyOf(sm.t, sm.n);
                ds[i] = Arrays.copyOf(sm.d, sm.n);
                vs[i] = Arrays.copyOf(sm.v, sm.n);
                which[i] = Arrays.copyOf(sm.k, sm.n);
                counts[i] = sm.n;
            }
        });
        if (round != null) {
            round.clearance = new AnalysisMemo.Clearance(site, st, extent, h, buffer, ts, ds, vs, which, counts,
                    segmentStart);
        }
        double best = Double.POSITIVE_INFINITY;
        double vmaxAll = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < counts[i]; k++) {
                best = Math.min(best, ds[i][k]);
                vmaxAll = Math.max(vmaxAll, vs[i][k]);
            }
        }
        // Pass 2: bisect every interval whose lower bound (d_a + d_b − v·Δ)/2 could undercut the
        // best sample by more than the reporting tolerance v_max·h/2.
        double target = best - vmaxAll * h / 2;
        double[] minD = new double[n], minT = new double[n], lower = new double[n];
        int[] minK = new int[n];
        Parallel.forRanges(n, chunks, threads, (chunk, lo, hi) -> {
            double[] pos = new double[3];
            int[] idx = new int[1];
            double[] stack = new double[256];
            for (int i = lo; i < hi; i++) {
                Trajectory tr = plan.trajectories().get(i);
                double[] t = ts[i], d = ds[i], vi = vs[i];
                int[] k = which[i];
                double md = Double.POSITIVE_INFINITY, mt = 0;
                int mk = -1;
                for (int q = 0; q < counts[i]; q++) {
                    if (d[q] < md) {
                        md = d[q];
                        mt = t[q];
                        mk = k[q];
                    }
                }
                double lb = md;
                for (int q = 0; q + 1 < counts[i]; q++) {
                    double v = vi[q];
                    if (v == 0) {
                        continue; // stationary: the sample is exact
                    }
                    int sp = 0;
                    stack = push(stack, sp, t[q], d[q], t[q + 1], d[q + 1]);
                    sp += 4;
                    while (sp > 0) {
                        sp -= 4;
                        double ta = stack[sp], da = stack[sp + 1], tb = stack[sp + 2], db = stack[sp + 3];
                        double l = (da + db - v * (tb - ta)) / 2;
                        if (tb - ta <= h || l >= target) {
                            lb = Math.min(lb, l);
                            continue;
                        }
                        double tm = 0.5 * (ta + tb);
                        tr.position(tm, pos, 0);
                        double dm = st.nearest(pos[0], pos[1], pos[2], idx);
                        if (dm < md) {
                            md = dm;
                            mt = tm;
                            mk = idx[0];
                        }
                        stack = push(stack, sp, ta, da, tm, dm);
                        sp += 4;
                        stack = push(stack, sp, tm, dm, tb, db);
                        sp += 4;
                    }
                }
                minD[i] = md;
                minT[i] = mt;
                minK[i] = mk;
                lower[i] = Math.max(0, Math.min(lb, md));
            }
        });
        List<ClearanceReport.Approach> all = new ArrayList<>(n);
        double certified = Double.POSITIVE_INFINITY;
        double[] pos = new double[3];
        for (int i = 0; i < n; i++) {
            if (minK[i] < 0) {
                continue;
            }
            plan.trajectories().get(i).position(minT[i], pos, 0);
            all.add(new ClearanceReport.Approach(i, Plan.droneName(i), minT[i], pos[0], pos[1], pos[2],
                    st.name(minK[i]), st.kind(minK[i]), minD[i], lower[i]));
            certified = Math.min(certified, lower[i]);
        }
        all.sort(Comparator.comparingDouble(ClearanceReport.Approach::distanceM)
                .thenComparingInt(ClearanceReport.Approach::drone));
        ClearanceReport.Approach closest = null;
        if (!all.isEmpty()) {
            ClearanceReport.Approach c = all.get(0);
            closest = new ClearanceReport.Approach(c.drone(), c.name(), c.time(), c.x(), c.y(), c.z(), c.structure(),
                    c.kind(), c.distanceM(), Math.min(c.lowerBoundM(), certified));
        }
        List<ClearanceReport.Approach> violations = new ArrayList<>();
        int violationCount = 0;
        for (ClearanceReport.Approach a : all) {
            if (a.distanceM() < buffer) {
                violationCount++;
                if (violations.size() < LIST_LIMIT) {
                    violations.add(a);
                }
            }
        }
        return new ClearanceReport(site.name(), buffer, h, site.towers().size(), site.bridges().size(),
                site.banks().size(), closest, violationCount, violations, all.subList(0, Math.min(NEAREST, all.size())),
                (System.nanoTime() - t0) / 1e6);
    }

    /**
     * The horizontal extent of {@code plan}'s control points, x0, x1, y0, y1, over which the
     * structures are indexed: it holds every position (a Bézier segment lies in their convex hull).
     */
    private static double[] extent(Plan plan) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Trajectory tr : plan.trajectories()) {
            for (int s = 0; s < tr.segmentCount(); s++) {
                for (int k = 0; k <= tr.degree(s); k++) {
                    double x = tr.control(s, k, 0), y = tr.control(s, k, 1);
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return new double[] {x0, x1, y0, y1};
    }

    /**
     * Pass 1 for one trajectory into {@code sm} (cleared first): per Bézier segment, a stationary
     * one is one exact sample, a moving one is sampled every max(h, (d − buffer)/v) with its own
     * speed bound v, and at its end. {@code pos} (3) and {@code idx} (1) are scratch.
     */
    static void sample(Trajectory tr, Structures st, double h, double buffer, Samples sm, double[] pos, int[] idx) {
        sm.clear();
        for (int sg = 0; sg < tr.segmentCount(); sg++) {
            sampleSegment(tr, sg, st, h, buffer, sm, pos, idx);
        }
    }

    /**
     * Pass 1 for segment {@code sg} of {@code tr}, appended to {@code sm}. What it appends depends
     * on the segment alone: its first sample, at its start knot, is its start point, which is the
     * previous segment's end point bit for bit (the previous sample is taken over when it is that).
     */
    private static void sampleSegment(Trajectory tr, int sg, Structures st, double h, double buffer, Samples sm,
                                      double[] pos, int[] idx) {
        double v = Kinematics.segmentSpeedBound(tr, sg);
        double t = tr.knot(sg), end = tr.knot(sg + 1);
        while (true) {
            double d;
            if (sm.n > 0 && sm.t[sm.n - 1] == t) {
                // the previous segment's end: the same time, position and nearest (half the queries)
                d = sm.d[sm.n - 1];
                idx[0] = sm.k[sm.n - 1];
            } else {
                tr.position(t, pos, 0);
                d = st.nearest(pos[0], pos[1], pos[2], idx);
            }
            if (v == 0 || t >= end) {
                sm.add(t, d, idx[0], 0);
                break;
            }
            sm.add(t, d, idx[0], v);
            t = Math.min(end, t + Math.max(h, (d - buffer) / v));
        }
    }

    private static double[] push(double[] stack, int sp, double ta, double da, double tb, double db) {
        if (sp + 4 > stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
        }
        stack[sp] = ta;
        stack[sp + 1] = da;
        stack[sp + 2] = tb;
        stack[sp + 3] = db;
        return stack;
    }

    /** Growable sample buffer of one drone: times, distances, structure indices, interval speed bounds. */
    static final class Samples {
        double[] t = new double[64], d = new double[64], v = new double[64];
        int[] k = new int[64];
        int n;

        void clear() {
            n = 0;
        }

        /** Appends samples {@code from} (inclusive) to {@code to} of drone {@code j} of {@code c}. */
        void addAll(AnalysisMemo.Clearance c, int j, int from, int to) {
            int m = to - from;
            if (n + m > t.length) {
                int cap = Math.max(2 * t.length, n + m);
                t = Arrays.copyOf(t, cap);
                d = Arrays.copyOf(d, cap);
                v = Arrays.copyOf(v, cap);
                k = Arrays.copyOf(k, cap);
            }
            System.arraycopy(c.t()[j], from, t, n, m);
            System.arraycopy(c.d()[j], from, d, n, m);
            System.arraycopy(c.v()[j], from, v, n, m);
            System.arraycopy(c.k()[j], from, k, n, m);
            n += m;
        }

        void add(double time, double dist, int structure, double speed) {
            if (n == t.length) {
                t = Arrays.copyOf(t, 2 * n);
                d = Arrays.copyOf(d, 2 * n);
                v = Arrays.copyOf(v, 2 * n);
                k = Arrays.copyOf(k, 2 * n);
            }
            t[n] = time;
            d[n] = dist;
            v[n] = speed;
            k[n] = structure;
            n++;
        }
    }

    /**
     * The site's structures with axis-aligned bounding boxes, each with a slack: the structure's
     * distance is at least the distance to its box less its slack (a curved tower's sections are
     * measured grown by up to |lean| / {@value Tower#SEGMENTS}, an arch rib as a tube). A query
     * measures exactly only the structures whose lower bound is not above the best so far.
     *
     * <p>With {@link #index} over the plan's horizontal extent, a grid of square cells lists, per
     * cell, every structure in increasing order of a lower bound on its horizontal distance from
     * the whole cell (box to box; for a bank also its outline's distance from the cell's centre
     * less the half-diagonal, the outline distance being 1-Lipschitz; for a tower near the cell its
     * {@link Tower#horizontalDistanceBound} likewise). A query walks its cell's
     * list and stops at the first bound above the best so far: far from the site that is one or
     * two exact distances instead of a box test per structure. Results do not depend on the
     * index: a skipped structure is strictly farther than the nearest, so the nearest, and its
     * lowest index among ties, are the same as in a scan of all.
     */
    static final class Structures {
        private static final byte TOWER = 0, BRIDGE = 1, BANK = 2;
        /** Cells of the grid, at most. */
        private static final int MAX_CELLS = 4096;
        /** Towers whose box is within this of a cell's nearest bank get their footprints' bound, metres. */
        private static final double TOWER_REFINE = 100;
        private final double[] box;
        private final double[] slack;
        private final byte[] kind;
        private final Object[] ref;
        private final double waterLevel;
        // the grid: origin, cell size, columns and rows, per cell its structures and their bounds
        private double gx0, gy0, cell;
        private int cols, rows;
        private int[][] order;
        private float[][] bound;

        Structures(Site site) {
            int m = site.towers().size() + site.bridges().size() + site.banks().size();
            box = new double[6 * m];
            slack = new double[m];
            kind = new byte[m];
            ref = new Object[m];
            waterLevel = site.waterLevel();
            double[] b = new double[4];
            int k = 0;
            for (Tower t : site.towers()) {
                t.footprint().bounds(b);
                // sections slide by lean·s² (0 <= s < 1) and are measured grown by less than |lean| / SEGMENTS
                double lx = t.leanX(), ly = t.leanY();
                set(k, TOWER, t, b[0] + Math.min(0, lx), b[1] + Math.max(0, lx), b[2] + Math.min(0, ly),
                        b[3] + Math.max(0, ly), t.base(), t.top());
                slack[k++] = t.curved() ? Math.hypot(lx, ly) / Tower.SEGMENTS : 0;
            }
            double[] a = new double[3];
            for (Bridge br : site.bridges()) {
                double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
                double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
                double z0 = br.deckHeight() - br.thickness(), z1 = br.deckHeight();
                for (int i = 0; i < br.deckSize(); i++) {
                    x0 = Math.min(x0, br.deckX(i));
                    x1 = Math.max(x1, br.deckX(i));
                    y0 = Math.min(y0, br.deckY(i));
                    y1 = Math.max(y1, br.deckY(i));
                }
                double w = br.width() / 2;
                x0 -= w;
                x1 += w;
                y0 -= w;
                y1 += w;
                for (Pylon p : br.pylons()) {
                    x0 = Math.min(x0, p.x());
                    x1 = Math.max(x1, p.x());
                    y0 = Math.min(y0, p.y());
                    y1 = Math.max(y1, p.y());
                    z0 = Math.min(z0, p.base());
                    z1 = Math.max(z1, p.top());
                }
                if (br.arch() != null) {
                    // the ribs' polyline points, measured as a tube of diameter ARCH_RIB
                    for (int side = -1; side <= 1; side += 2) {
                        for (int q = 0; q <= Bridge.ARCH_SECTIONS; q++) {
                            br.archPoint(side, q, a);
                            x0 = Math.min(x0, a[0]);
                            x1 = Math.max(x1, a[0]);
                            y0 = Math.min(y0, a[1]);
                            y1 = Math.max(y1, a[1]);
                            z0 = Math.min(z0, a[2]);
                            z1 = Math.max(z1, a[2]);
                        }
                    }
                    slack[k] = Bridge.ARCH_RIB / 2;
                }
                set(k++, BRIDGE, br, x0, x1, y0, y1, z0, z1);
            }
            for (Bank bank : site.banks()) {
                bank.outline().bounds(b);
                set(k++, BANK, bank, b[0], b[1], b[2], b[3], Math.min(waterLevel, bank.elevation()), bank.elevation());
            }
        }

        /**
         * The structures of {@code site} with a grid over {@code x0..x1 × y0..y1} (the region the
         * queries fall in; a query outside it scans every box).
         */
        Structures(Site site, double x0, double x1, double y0, double y1) {
            this(site);
            index(x0, x1, y0, y1);
        }

        private void index(double x0, double x1, double y0, double y1) {
            int m = kind.length;
            if (m == 0 || !(x1 >= x0) || !(y1 >= y0) || !Double.isFinite(x1 - x0) || !Double.isFinite(y1 - y0)) {
                return;
            }
            double w = Math.max(x1 - x0, 1e-3), h = Math.max(y1 - y0, 1e-3);
            double c = Math.max(0.5, Math.sqrt(w * h / MAX_CELLS));
            int nc = (int) Math.ceil(w / c) + 1, nr = (int) Math.ceil(h / c) + 1;
            while ((long) nc * nr > 2L * MAX_CELLS) {
                c *= 1.25;
                nc = (int) Math.ceil(w / c) + 1;
                nr = (int) Math.ceil(h / c) + 1;
            }
            double cs = c;
            int cc = nc;
            int[][] ord = new int[nc * nr][];
            float[][] bnd = new float[nc * nr][];
            Parallel.forRanges(nc * nr, 16, Parallel.defaultThreads(), (chunk, lo, hi) -> {
                double[] lb = new double[m];
                long[] keys = new long[m];
                for (int q = lo; q < hi; q++) {
                    double cx0 = x0 + (q % cc) * cs, cy0 = y0 + (q / cc) * cs;
                    double cx1 = cx0 + cs, cy1 = cy0 + cs;
                    double mx = 0.5 * (cx0 + cx1), my = 0.5 * (cy0 + cy1), half = cs * Math.sqrt(0.5);
                    double nearBank = Double.POSITIVE_INFINITY;
                    for (int k = 0; k < m; k++) {
                        int o = 6 * k;
                        double ex = Math.max(0, Math.max(box[o] - cx1, cx0 - box[o + 1]));
                        double ey = Math.max(0, Math.max(box[o + 2] - cy1, cy0 - box[o + 3]));
                        lb[k] = Math.sqrt(ex * ex + ey * ey) - slack[k];
                        if (kind[k] == BANK) {
                            lb[k] = Math.max(lb[k], ((Bank) ref[k]).outline().distanceTo(mx, my) - half);
                            nearBank = Math.min(nearBank, lb[k]);
                        }
                    }
                    for (int k = 0; k < m; k++) {
                        // a tower's footprint, leaning, is far tighter than its box, but costs its sections:
                        // measured for those that may compete with the nearest bank
                        if (kind[k] == TOWER && lb[k] < nearBank + TOWER_REFINE) {
                            lb[k] = Math.max(lb[k], ((Tower) ref[k]).horizontalDistanceBound(mx, my) - half);
                        }
                        // shaved so that rounding never lifts it above a distance measured in the cell, and
                        // rounded down to a float: its bits, non-negative, sort like it, ahead of the index
                        double shaved = Math.max(0, lb[k] * (1 - 1e-9) - 1e-6);
                        float f = (float) shaved;
                        if (f > shaved) {
                            f = Math.nextDown(f);
                        }
                        keys[k] = (long) Float.floatToRawIntBits(f) << 32 | k;
                    }
                    java.util.Arrays.sort(keys); // boxed indices and a comparator took most of the index time
                    int[] o = new int[m];
                    float[] v = new float[m];
                    for (int k = 0; k < m; k++) {
                        o[k] = (int) keys[k];
                        v[k] = Float.intBitsToFloat((int) (keys[k] >>> 32));
                    }
                    ord[q] = o;
                    bnd[q] = v;
                }
            });
            gx0 = x0;
            gy0 = y0;
            cell = c;
            cols = nc;
            rows = nr;
            order = ord;
            bound = bnd;
        }

        private void set(int k, byte type, Object o, double x0, double x1, double y0, double y1, double z0, double z1) {
            kind[k] = type;
            ref[k] = o;
            box[6 * k] = x0;
            box[6 * k + 1] = x1;
            box[6 * k + 2] = y0;
            box[6 * k + 3] = y1;
            box[6 * k + 4] = z0;
            box[6 * k + 5] = z1;
        }

        int size() {
            return kind.length;
        }

        /**
         * Distance (m) from (x, y, z) to the nearest structure, its index into {@code which[0]}
         * (−1 if none; ties go to the lowest index). {@code which[0]} on entry, if a valid index,
         * is a hint: measured first, it is usually the nearest again (the caller's previous
         * sample), so that every structure farther than it is skipped without an exact distance.
         * The result does not depend on the hint.
         */
        double nearest(double x, double y, double z, int[] which) {
            double best = Double.POSITIVE_INFINITY;
            int arg = -1;
            int hint = which[0];
            if (hint >= 0 && hint < kind.length) {
                best = distance(hint, x, y, z);
                arg = hint;
            }
            int q = -1;
            if (order != null) {
                double fx = (x - gx0) / cell, fy = (y - gy0) / cell;
                if (fx >= 0 && fy >= 0 && fx < cols && fy < rows) {
                    q = (int) fy * cols + (int) fx;
                }
            }
            if (q < 0) {
                for (int k = 0; k < kind.length; k++) {
                    if (k != hint && mayBeWithin(k, x, y, z, best)) {
                        double d = distance(k, x, y, z);
                        if (d < best || (d == best && k < arg)) {
                            best = d;
                            arg = k;
                        }
                    }
                }
            } else {
                int[] o = order[q];
                float[] lb = bound[q];
                for (int r = 0; r < o.length; r++) {
                    if (lb[r] > best) {
                        break; // this one and all after it are strictly farther
                    }
                    int k = o[r];
                    if (k != hint && mayBeWithin(k, x, y, z, best)) {
                        double d = distance(k, x, y, z);
                        if (d < best || (d == best && k < arg)) {
                            best = d;
                            arg = k;
                        }
                    }
                }
            }
            which[0] = arg;
            return best;
        }

        /** False when structure {@code k}'s box, less its slack, is strictly farther than {@code best}. */
        private boolean mayBeWithin(int k, double x, double y, double z, double best) {
            int o = 6 * k;
            double ex = Math.max(0, Math.max(box[o] - x, x - box[o + 1]));
            double ey = Math.max(0, Math.max(box[o + 2] - y, y - box[o + 3]));
            double ez = Math.max(0, Math.max(box[o + 4] - z, z - box[o + 5]));
            double lb2 = ex * ex + ey * ey + ez * ez;
            if (slack[k] == 0) {
                return !(lb2 > best * best);
            }
            // shaved like the grid's bounds: a tower's or arch's distance is computed, not exact
            return !((Math.sqrt(lb2) - slack[k]) * (1 - 1e-9) - 1e-6 > best);
        }

        /** Exact distance (m) from (x, y, z) to structure {@code k}; 0 inside it. */
        double distance(int k, double x, double y, double z) {
            switch (kind[k]) {
                case TOWER:
                    return ((Tower) ref[k]).distanceTo(x, y, z);
                case BRIDGE:
                    return ((Bridge) ref[k]).distanceTo(x, y, z);
                default:
                    Bank b = (Bank) ref[k];
                    Polygon outline = b.outline();
                    double dh = outline.distanceTo(x, y);
                    double dv = Math.max(0, Math.max(Math.min(waterLevel, b.elevation()) - z, z - b.elevation()));
                    return Math.sqrt(dh * dh + dv * dv);
            }
        }

        String name(int k) {
            return switch (kind[k]) {
                case TOWER -> ((Tower) ref[k]).name();
                case BRIDGE -> ((Bridge) ref[k]).name();
                default -> ((Bank) ref[k]).name();
            };
        }

        String kind(int k) {
            return switch (kind[k]) {
                case TOWER -> "tower";
                case BRIDGE -> "bridge";
                default -> "bank";
            };
        }
    }
}
