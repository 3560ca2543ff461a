package dev.starling.analysis;

import dev.starling.base.Parallel;
import dev.starling.plan.Plan;
import dev.starling.trajectory.Trajectory;
import dev.starling.verify.PairList;
import dev.starling.verify.SpatialHash;
import java.util.Arrays;

/**
 * The near encounters of a plan and the schedule the Monte-Carlo runs follow: which drones need
 * an error sample at which step, and which pairs are tested on which step interval.
 *
 * <p>Time grid t_k = t0 + k·h, k = 0..K. Relative positions are taken as linear between grid
 * points (the Monte-Carlo does the same with flown positions). A pair (i, j) is <em>near</em> on
 * interval k when the planned relative segment r_k → r_{k+1} comes closer to the origin than
 * contact + E, E = the k-sigma bound on the relative error at either end
 * ({@link RiskProfile#relativeErrorBound}). Since the flown segment is the planned one moved by at
 * most max(E_k, E_{k+1}) at every point, a pair that is not near on an interval cannot touch there
 * (at the k-sigma level). An encounter is a maximal run of consecutive near intervals of a pair.
 *
 * <p>Candidates come from a radius query of the verifier's {@link SpatialHash} at each grid
 * interval (drones above the ground altitude at either end only), on the midpoints of the linear
 * segments: a pair near on interval k has midpoints within contact + E_max + v_max·h, where
 * v_max bounds every airborne drone's speed over the interval (from its Bézier control points).
 *
 * <p>Cost: O(K · (n + candidates)) time, memory O(encounters + drone-steps in encounters).
 */
final class Encounters {
    final double t0;
    final double h;
    /** Number of intervals K; samples are 0..K. */
    final int intervals;
    final int droneCount;

    /** Encounters, sorted by (first interval, drone a, drone b); a &lt; b are plan indices. */
    int count;
    int[] a, b, k0, k1;
    /** Planned minimum distance over the encounter (linear between samples), m, and when. */
    double[] plannedMin, plannedMinTime;
    /** Local (involved-drone) indices of a and b. */
    int[] la, lb;
    /** Encounters by first interval: those starting at interval k are byStart[startOffset[k]..startOffset[k+1]). */
    int[] startOffset;

    /** Plan indices of the drones in any encounter, ascending. */
    int[] drones;
    /** Drone-steps: sample k's entries are sampleOffset[k]..sampleOffset[k+1], sorted by local drone. */
    int[] sampleOffset;
    int[] entryDrone;
    float[] px, py, pz, vx, vy, vz;

    /** Σ over encounters of their interval counts: the pair tests per run. */
    long pairIntervals;
    /** Largest planned speed (m/s) at any sample of an airborne drone. */
    double maxSpeed;

    private Encounters(double t0, double h, int intervals, int droneCount) {
        this.t0 = t0;
        this.h = h;
        this.intervals = intervals;
        this.droneCount = droneCount;
    }

    double time(int k) {
        return t0 + k * h;
    }

    int entries() {
        return sampleOffset[intervals + 1];
    }

    /** Finds the near encounters of {@code plan} under {@code p} and builds the schedule. */
    static Encounters build(Plan plan, RiskProfile p) {
        int n = plan.droneCount();
        double start = plan.startTime(), end = plan.endTime();
        double h = p.step();
        int k = Math.max(1, (int) Math.ceil((end - start) / h - 1e-9));
        Encounters enc = new Encounters(start, h, k, n);
        enc.find(plan, p);
        enc.schedule(plan);
        return enc;
    }

    // ---- finding encounters ----

    /** Encounters found in one window of intervals, in the order found. */
    private static final class Found {
        int count;
        int[] a = new int[256], b = new int[256], k0 = new int[256], k1 = new int[256];
        double[] min = new double[256], minT = new double[256];

        void add(int i, int j, int k, double segMin, double when) {
            if (count == a.length) {
                int cap = 2 * count;
                a = Arrays.copyOf(a, cap);
                b = Arrays.copyOf(b, cap);
                k0 = Arrays.copyOf(k0, cap);
                k1 = Arrays.copyOf(k1, cap);
                min = Arrays.copyOf(min, cap);
                minT = Arrays.copyOf(minT, cap);
            }
            a[count] = i;
            b[count] = j;
            k0[count] = k;
            k1[count] = k;
            min[count] = segMin;
            minT[count] = when;
            count++;
        }
    }

    /** Scans the grid in parallel windows of intervals and joins encounters across window borders. */
    private void find(Plan plan, RiskProfile p) {
        int n = droneCount;
        double[][] segSpeed = new double[n][];
        for (int i = 0; i < n; i++) {
            segSpeed[i] = Kinematics.segmentSpeedBounds(plan.trajectories().get(i));
        }
        int windows = Math.max(1, Math.min(intervals, p.threads() * 4));
        Found[] found = new Found[windows];
        double[] speeds = new double[windows];
        Parallel.forRanges(windows, windows, p.threads(), (chunk, lo, hi) -> {
            for (int c = lo; c < hi; c++) {
                int kLo = (int) ((long) intervals * c / windows), kHi = (int) ((long) intervals * (c + 1) / windows);
                found[c] = new Found();
                speeds[c] = scan(plan, p, segSpeed, kLo, kHi, found[c]);
            }
        });
        // Join in window order: an encounter that starts at a window's first interval continues the
        // same pair's encounter that ended at the previous window's last interval, if any.
        Found all = new Found();
        LongIntMap endingAt = new LongIntMap(1024);
        for (int c = 0; c < windows; c++) {
            maxSpeed = Math.max(maxSpeed, speeds[c]);
            int kLo = (int) ((long) intervals * c / windows);
            LongIntMap next = new LongIntMap(1024);
            Found f = found[c];
            for (int e = 0; e < f.count; e++) {
                long key = (long) f.a[e] * n + f.b[e];
                int g = f.k0[e] == kLo ? endingAt.get(key) : -1;
                if (g >= 0) {
                    all.k1[g] = f.k1[e];
                    if (f.min[e] < all.min[g]) {
                        all.min[g] = f.min[e];
                        all.minT[g] = f.minT[e];
                    }
                } else {
                    all.add(f.a[e], f.b[e], f.k0[e], f.min[e], f.minT[e]);
                    all.k1[all.count - 1] = f.k1[e];
                    g = all.count - 1;
                }
                int kHi = (int) ((long) intervals * (c + 1) / windows);
                if (all.k1[g] == kHi - 1) {
                    next.put(key, g);
                }
            }
            endingAt = next;
        }
        sortEncounters(all);
    }

    /**
     * Finds the near pairs on intervals kLo..kHi−1 into {@code out}; returns the largest planned
     * speed seen at a sample of an airborne drone.
     */
    private double scan(Plan plan, RiskProfile p, double[][] segSpeed, int kLo, int kHi, Found out) {
        int n = droneCount;
        double ground = p.groundAltitude();
        double contact = p.contactDistance();
        double lagW = p.trackingLag() * (1 + p.windBound() / p.windRating());
        double lagG = p.trackingLag() * p.gustDifferenceBound() / p.windRating();
        double s = p.stochasticBound();
        double[] x0 = new double[n], y0 = new double[n], z0 = new double[n], u0 = new double[n], v0 = new double[n];
        double[] w0 = new double[n], sp0 = new double[n];
        double[] x1 = new double[n], y1 = new double[n], z1 = new double[n], u1 = new double[n], v1 = new double[n];
        double[] w1 = new double[n], sp1 = new double[n];
        double[] mx = new double[n], my = new double[n], mz = new double[n];
        int[] seg0 = new int[n], seg1 = new int[n];
        boolean[] airborne = new boolean[n];
        SpatialHash hash = new SpatialHash();
        PairList pairs = new PairList();
        double[] buf = new double[3];
        LongIntMap open = new LongIntMap(4096);
        double maxSeen = 0;
        evaluate(plan, time(kLo), x0, y0, z0, u0, v0, w0, sp0, seg0, buf);
        for (int k = kLo; k < kHi; k++) {
            System.arraycopy(seg0, 0, seg1, 0, n);
            evaluate(plan, time(k + 1), x1, y1, z1, u1, v1, w1, sp1, seg1, buf);
            int m = 0;
            double vBound = 0, vSample = 0;
            for (int i = 0; i < n; i++) {
                airborne[i] = z0[i] > ground || z1[i] > ground;
                if (!airborne[i]) {
                    continue;
                }
                m++;
                double[] ss = segSpeed[i];
                for (int sg = seg0[i]; sg <= seg1[i]; sg++) {
                    vBound = Math.max(vBound, ss[sg]);
                }
                vSample = Math.max(vSample, Math.max(sp0[i], sp1[i]));
            }
            maxSeen = Math.max(maxSeen, vSample);
            if (m >= 2) {
                // Query at the midpoints of the linear segments: every point of a segment is within
                // half its length, (v_i + v_j)·h/2 ≤ v_max·h, of its midpoint.
                for (int i = 0; i < n; i++) {
                    mx[i] = 0.5 * (x0[i] + x1[i]);
                    my[i] = 0.5 * (y0[i] + y1[i]);
                    mz[i] = 0.5 * (z0[i] + z1[i]);
                }
                double radius = contact + s + lagW * 2 * vSample + lagG * vSample + vBound * h;
                hash.build(mx, my, mz, n, airborne, radius);
                pairs.clear();
                hash.pairsWithin(radius, pairs);
                for (int q = 0; q < pairs.size(); q++) {
                    int i = pairs.a(q), j = pairs.b(q);
                    double ax = x0[i] - x0[j], ay = y0[i] - y0[j], az = z0[i] - z0[j];
                    double dx = x1[i] - x1[j] - ax, dy = y1[i] - y1[j] - ay, dz = z1[i] - z1[j] - az;
                    double dd = dx * dx + dy * dy + dz * dz;
                    double u = dd == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy + az * dz) / dd));
                    double ex = ax + u * dx, ey = ay + u * dy, ez = az + u * dz;
                    double segMin2 = ex * ex + ey * ey + ez * ez;
                    // Cheap reject with the largest possible bound before the per-pair one.
                    double reach = contact + s + lagW * 2 * vSample + lagG * vSample;
                    if (segMin2 >= reach * reach) {
                        continue;
                    }
                    double e0 = s + lagW * norm(u0[i] - u0[j], v0[i] - v0[j], w0[i] - w0[j]) + lagG * Math.min(sp0[i], sp0[j]);
                    double e1 = s + lagW * norm(u1[i] - u1[j], v1[i] - v1[j], w1[i] - w1[j]) + lagG * Math.min(sp1[i], sp1[j]);
                    double r = contact + Math.max(e0, e1);
                    if (segMin2 < r * r) {
                        mark(open, out, i, j, k, Math.sqrt(segMin2), time(k) + u * h);
                    }
                }
            }
            double[] t;
            t = x0; x0 = x1; x1 = t;
            t = y0; y0 = y1; y1 = t;
            t = z0; z0 = z1; z1 = t;
            t = u0; u0 = u1; u1 = t;
            t = v0; v0 = v1; v1 = t;
            t = w0; w0 = w1; w1 = t;
            t = sp0; sp0 = sp1; sp1 = t;
            int[] ts = seg0; seg0 = seg1; seg1 = ts;
        }
        return maxSeen;
    }

    /**
     * Positions, velocities, speeds and segment indices of every drone at time {@code t}. Each
     * drone's segment index in {@code seg} is a cursor advanced from its previous value (times
     * increase), so no search is needed. Outside [start, end] a drone is at rest at its first or
     * last point, as {@link Trajectory#position} and {@link Trajectory#velocity} have it.
     */
    private static void evaluate(Plan plan, double t, double[] x, double[] y, double[] z, double[] u, double[] v,
                                 double[] w, double[] speed, int[] seg, double[] buf) {
        for (int i = 0; i < x.length; i++) {
            Trajectory tr = plan.trajectories().get(i);
            int last = tr.segmentCount() - 1;
            int sg = seg[i];
            if (sg > last || tr.knot(sg) > t) {
                sg = tr.segmentAt(t);
            }
            while (sg < last && tr.knot(sg + 1) <= t) {
                sg++;
            }
            seg[i] = sg;
            if (t < tr.startTime() || t > tr.endTime()) {
                tr.position(t, buf, 0);
                x[i] = buf[0];
                y[i] = buf[1];
                z[i] = buf[2];
                u[i] = 0;
                v[i] = 0;
                w[i] = 0;
                speed[i] = 0;
                continue;
            }
            double param = (t - tr.knot(sg)) / (tr.knot(sg + 1) - tr.knot(sg));
            tr.evalPosition(sg, param, buf, 0);
            x[i] = buf[0];
            y[i] = buf[1];
            z[i] = buf[2];
            tr.evalVelocity(sg, param, buf, 0);
            u[i] = buf[0];
            v[i] = buf[1];
            w[i] = buf[2];
            speed[i] = norm(buf[0], buf[1], buf[2]);
        }
    }

    private void mark(LongIntMap open, Found f, int i, int j, int k, double segMin, double when) {
        long key = (long) i * droneCount + j;
        int e = open.get(key);
        if (e >= 0 && f.k1[e] == k - 1) {
            f.k1[e] = k;
            if (segMin < f.min[e]) {
                f.min[e] = segMin;
                f.minT[e] = when;
            }
            return;
        }
        f.add(i, j, k, segMin, when);
        open.put(key, f.count - 1);
    }

    private void sortEncounters(Found f) {
        count = f.count;
        // Sort by (k0, a, b) so the order does not depend on the hash's or the windows' order.
        Integer[] boxed = new Integer[count];
        for (int e = 0; e < count; e++) {
            boxed[e] = e;
        }
        Arrays.sort(boxed, (p, q) -> f.k0[p] != f.k0[q] ? Integer.compare(f.k0[p], f.k0[q])
                : f.a[p] != f.a[q] ? Integer.compare(f.a[p], f.a[q]) : Integer.compare(f.b[p], f.b[q]));
        a = new int[count];
        b = new int[count];
        k0 = new int[count];
        k1 = new int[count];
        plannedMin = new double[count];
        plannedMinTime = new double[count];
        startOffset = new int[intervals + 1];
        for (int e = 0; e < count; e++) {
            int o = boxed[e];
            a[e] = f.a[o];
            b[e] = f.b[o];
            k0[e] = f.k0[o];
            k1[e] = f.k1[o];
            plannedMin[e] = f.min[o];
            plannedMinTime[e] = f.minT[o];
            pairIntervals += f.k1[o] - f.k0[o] + 1;
            startOffset[f.k0[o] + 1]++;
        }
        for (int k = 0; k < intervals; k++) {
            startOffset[k + 1] += startOffset[k];
        }
    }

    // ---- the drone-step schedule ----

    private void schedule(Plan plan) {
        int n = droneCount;
        int[] local = new int[n];
        Arrays.fill(local, -1);
        int[] perDrone = new int[n];
        for (int e = 0; e < count; e++) {
            perDrone[a[e]]++;
            perDrone[b[e]]++;
        }
        int involved = 0;
        for (int i = 0; i < n; i++) {
            if (perDrone[i] > 0) {
                local[i] = involved++;
            }
        }
        drones = new int[involved];
        for (int i = 0; i < n; i++) {
            if (local[i] >= 0) {
                drones[local[i]] = i;
            }
        }
        la = new int[count];
        lb = new int[count];
        // Sample ranges [k0, k1 + 1] per involved drone, as CSR, then merged.
        int[] off = new int[involved + 1];
        for (int e = 0; e < count; e++) {
            la[e] = local[a[e]];
            lb[e] = local[b[e]];
            off[la[e] + 1]++;
            off[lb[e] + 1]++;
        }
        for (int d = 0; d < involved; d++) {
            off[d + 1] += off[d];
        }
        long[] ranges = new long[off[involved]];
        int[] fill = Arrays.copyOf(off, involved);
        for (int e = 0; e < count; e++) {
            long r = ((long) k0[e] << 32) | (k1[e] + 1);
            ranges[fill[la[e]]++] = r;
            ranges[fill[lb[e]]++] = r;
        }
        sampleOffset = new int[intervals + 2];
        int[][] merged = new int[involved][];
        for (int d = 0; d < involved; d++) {
            Arrays.sort(ranges, off[d], off[d + 1]);
            int[] mr = new int[2 * (off[d + 1] - off[d])];
            int m = 0;
            for (int q = off[d]; q < off[d + 1]; q++) {
                int lo = (int) (ranges[q] >>> 32), hi = (int) ranges[q];
                if (m > 0 && lo <= mr[m - 1]) {
                    mr[m - 1] = Math.max(mr[m - 1], hi);
                } else {
                    mr[m++] = lo;
                    mr[m++] = hi;
                }
            }
            merged[d] = Arrays.copyOf(mr, m);
            for (int q = 0; q < m; q += 2) {
                for (int k = merged[d][q]; k <= merged[d][q + 1]; k++) {
                    sampleOffset[k + 1]++;
                }
            }
        }
        for (int k = 0; k <= intervals; k++) {
            sampleOffset[k + 1] += sampleOffset[k];
        }
        int total = sampleOffset[intervals + 1];
        entryDrone = new int[total];
        px = new float[total];
        py = new float[total];
        pz = new float[total];
        vx = new float[total];
        vy = new float[total];
        vz = new float[total];
        int[] cursor = Arrays.copyOf(sampleOffset, intervals + 1);
        double[] buf = new double[3];
        for (int d = 0; d < involved; d++) {
            Trajectory tr = plan.trajectories().get(drones[d]);
            int[] mr = merged[d];
            for (int q = 0; q < mr.length; q += 2) {
                for (int k = mr[q]; k <= mr[q + 1]; k++) {
                    int slot = cursor[k]++;
                    double t = time(k);
                    entryDrone[slot] = d;
                    tr.position(t, buf, 0);
                    px[slot] = (float) buf[0];
                    py[slot] = (float) buf[1];
                    pz[slot] = (float) buf[2];
                    tr.velocity(t, buf, 0);
                    vx[slot] = (float) buf[0];
                    vy[slot] = (float) buf[1];
                    vz[slot] = (float) buf[2];
                }
            }
        }
    }

    private static double norm(double x, double y, double z) {
        return Math.sqrt(x * x + y * y + z * z);
    }
}
