package dev.starling.verify;

import dev.starling.base.Parallel;
import dev.starling.show.Limits;

/**
 * The per-drone checks, analytic on each Bézier piece of each drone (no sampling):
 * <ul>
 *   <li><b>horizontal speed</b>: exact maximum of |v<sub>xy</sub>| (a quartic in time for a cubic);</li>
 *   <li><b>climb and descent</b>: exact extremes of v<sub>z</sub> (a quadratic);</li>
 *   <li><b>acceleration</b>: |a| is convex on a piece (a is linear in time), so its maximum is
 *       at an end; both sides of every joint are therefore checked. A velocity jump Δv at a
 *       joint (a corner, as in sampled straight-line files) counts as the acceleration
 *       |Δv| / τ, τ the mean duration of the two pieces, which is what a finite-difference
 *       reading of the samples implies; the first and last knots are joints with rest;</li>
 *   <li><b>maximum altitude</b>: exact maximum of z at any time;</li>
 *   <li><b>minimum altitude</b>: applies from the moment the drone first reaches it (the end of
 *       its first climb) to the moment it last leaves it (the start of its last descent), so
 *       takeoff and landing may pass below it; a drone that flies (rises above the ground
 *       altitude) yet never reaches it violates it with its highest altitude as the value;</li>
 *   <li><b>geofence</b>: the signed distance of the horizontal track to the polygon, minimised by
 *       branch and bound on each piece: between two times a drone moves at most v·Δt
 *       horizontally (v the piece's exact horizontal speed maximum) and the distance to the
 *       polygon is 1-Lipschitz, which bounds it from below; intervals are split until the bound
 *       is within {@link Verifier#SEPARATION_TOLERANCE} of the best value found.</li>
 * </ul>
 * Results per drone go into flat arrays (one per check), merged by the caller. Cost:
 * O(pieces) root findings of degree ≤ 3, plus the geofence's refinement near its worst point.
 */
final class DroneChecks {
    final double[] xyMax, xyTime;
    final double[] upMax, upTime;
    final double[] downMax, downTime;
    final double[] accMax, accTime;
    final double[] zMax, zMaxTime;
    /** Lowest altitude inside the airborne window, or NaN when not checked. */
    final double[] zLow, zLowTime;
    /** Smallest signed distance to the fence (negative: outside), or NaN without a fence. */
    final double[] fence, fenceTime;

    private final FlightTable ft;
    private final double minAltitude;
    private final double ground;
    private final Geofence geofence;

    DroneChecks(FlightTable ft, Limits limits, double groundAltitude) {
        this.ft = ft;
        int n = ft.n;
        xyMax = new double[n];
        xyTime = new double[n];
        upMax = new double[n];
        upTime = new double[n];
        downMax = new double[n];
        downTime = new double[n];
        accMax = new double[n];
        accTime = new double[n];
        zMax = new double[n];
        zMaxTime = new double[n];
        zLow = new double[n];
        zLowTime = new double[n];
        fence = new double[n];
        fenceTime = new double[n];
        minAltitude = limits.minAltitude();
        ground = groundAltitude;
        double[][] g = limits.geofence();
        geofence = g == null ? null : new Geofence(g);
    }

    void run(int threads) {
        Parallel.forChunks(ft.n, FlightTable.DRONE_CHUNK, threads, (part, lo, hi) -> {
            Scratch s = new Scratch();
            for (int i = lo; i < hi; i++) {
                drone(i, s);
            }
        });
    }

    /** Per-thread buffers. */
    private static final class Scratch {
        final Poly poly = new Poly();
        final double[] c = new double[8];
        final double[] roots = new double[8];
        final double[] arg = new double[1];
        final double[] r2 = new double[2];
        double[] stack = new double[4 * 64];
    }

    private void drone(int i, Scratch s) {
        int p0 = ft.firstSegment(i), p1 = ft.lastSegment(i);
        double bxy = -1, tbxy = 0, bup = 0, tbup = ft.start[p0], bdown = 0, tbdown = ft.start[p0];
        double bacc = 0, tbacc = ft.start[p0], bz = Double.NEGATIVE_INFINITY, tbz = 0;
        double prevDur = 0;
        for (int q = p0; q <= p1; q++) {
            double t0 = ft.start[q], dur = ft.end[q] - t0;
            double v2 = ft.speedSquaredMax(q, true, false, dur, s.poly, s.c, s.arg);
            if (v2 > bxy) {
                bxy = v2;
                tbxy = t0 + s.arg[0];
            }
            // vertical speed: c1 + 2 c2 τ + 3 c3 τ²
            int oz = 12 * q + 8;
            double a0 = ft.coef[oz + 1], a1 = 2 * ft.coef[oz + 2], a2 = 3 * ft.coef[oz + 3];
            double[] cand = s.roots;
            int m = 0;
            cand[m++] = 0;
            cand[m++] = dur;
            if (a2 != 0) {
                double v = -a1 / (2 * a2);
                if (v > 0 && v < dur) {
                    cand[m++] = v;
                }
            }
            for (int k = 0; k < m; k++) {
                double tau = cand[k];
                double vz = (a2 * tau + a1) * tau + a0;
                if (vz > bup) {
                    bup = vz;
                    tbup = t0 + tau;
                }
                if (-vz > bdown) {
                    bdown = -vz;
                    tbdown = t0 + tau;
                }
            }
            // acceleration at both ends, and the jump from the previous piece (or rest)
            double acc0 = Math.sqrt(ft.accelSquared(q, 0)), acc1 = Math.sqrt(ft.accelSquared(q, dur));
            if (acc0 > bacc) {
                bacc = acc0;
                tbacc = t0;
            }
            if (acc1 > bacc) {
                bacc = acc1;
                tbacc = t0 + dur;
            }
            double jump = jump(q, q == p0 ? -1 : q - 1, q == p0 ? dur : 0.5 * (prevDur + dur));
            if (jump > bacc) {
                bacc = jump;
                tbacc = t0;
            }
            if (q == p1) {
                double endJump = jump(-1, q, dur);
                if (endJump > bacc) {
                    bacc = endJump;
                    tbacc = t0 + dur;
                }
            }
            prevDur = dur;
            // altitude maximum: ends and roots of z'
            double zq = zHighest(q, dur, s);
            if (zq > bz) {
                bz = zq;
                tbz = t0 + s.arg[0];
            }
        }
        xyMax[i] = Math.sqrt(Math.max(0, bxy));
        xyTime[i] = tbxy;
        upMax[i] = bup;
        upTime[i] = tbup;
        downMax[i] = bdown;
        downTime[i] = tbdown;
        accMax[i] = bacc;
        accTime[i] = tbacc;
        zMax[i] = bz;
        zMaxTime[i] = tbz;
        minAltitude(i, s);
        geofence(i, s);
    }

    /**
     * Acceleration implied by the velocity jump between the end of piece {@code before} and the
     * start of piece {@code after} (−1: rest), spread over {@code tau} seconds.
     */
    private double jump(int after, int before, double tau) {
        double sum = 0;
        for (int a = 0; a < 3; a++) {
            double vBefore = before < 0 ? 0 : ft.vel(before, a, ft.end[before]);
            double vAfter = after < 0 ? 0 : ft.coef[12 * after + 4 * a + 1];
            double d = vAfter - vBefore;
            sum += d * d;
        }
        return Math.sqrt(sum) / tau;
    }

    /** Highest (max) or lowest z on piece q over τ in [lo, hi]; the τ goes to s.arg[0]. */
    private double zRange(int q, double lo, double hi, boolean max, Scratch s) {
        int o = 12 * q + 8;
        double c0 = ft.coef[o], c1 = ft.coef[o + 1], c2 = ft.coef[o + 2], c3 = ft.coef[o + 3];
        double sign = max ? 1 : -1;
        double best = Double.NEGATIVE_INFINITY, at = lo;
        double[] cand = s.roots;
        int m = 0;
        cand[m++] = lo;
        cand[m++] = hi;
        s.c[0] = c1;
        s.c[1] = 2 * c2;
        s.c[2] = 3 * c3;
        double[] r = s.r2;
        int k = s.poly.roots(s.c, 2, lo, hi, r);
        for (int j = 0; j < k; j++) {
            cand[m++] = r[j];
        }
        for (int j = 0; j < m; j++) {
            double tau = cand[j];
            double z = ((c3 * tau + c2) * tau + c1) * tau + c0;
            if (sign * z > best) {
                best = sign * z;
                at = tau;
            }
        }
        s.arg[0] = at;
        return sign * best;
    }

    /** Highest z on piece q; the τ goes to s.arg[0]. */
    private double zHighest(int q, double dur, Scratch s) {
        return zRange(q, 0, dur, true, s);
    }

    /** The lowest altitude between the end of the first climb and the start of the last descent. */
    private void minAltitude(int i, Scratch s) {
        zLow[i] = Double.NaN;
        zLowTime[i] = Double.NaN;
        if (!Limits.given(minAltitude)) {
            return;
        }
        int p0 = ft.firstSegment(i), p1 = ft.lastSegment(i);
        double up = Double.NaN, down = Double.NaN;
        for (int q = p0; q <= p1 && Double.isNaN(up); q++) {
            double dur = ft.end[q] - ft.start[q];
            if (ft.pos(q, 2, ft.start[q]) >= minAltitude) {
                up = ft.start[q];
            } else if (zHighest(q, dur, s) >= minAltitude) {
                up = ft.start[q] + crossing(q, dur, true, s);
            }
        }
        if (Double.isNaN(up)) {
            if (zMax[i] > ground) {
                zLow[i] = zMax[i];
                zLowTime[i] = zMaxTime[i];
            } else {
                zLow[i] = Double.POSITIVE_INFINITY; // never flew: nothing to check
            }
            return;
        }
        for (int q = p1; q >= p0 && Double.isNaN(down); q--) {
            double dur = ft.end[q] - ft.start[q];
            if (ft.pos(q, 2, ft.end[q]) >= minAltitude) {
                down = ft.end[q];
            } else if (zHighest(q, dur, s) >= minAltitude) {
                down = ft.start[q] + crossing(q, dur, false, s);
            }
        }
        double low = Double.POSITIVE_INFINITY, at = up;
        for (int q = p0; q <= p1; q++) {
            double a = Math.max(ft.start[q], up), b = Math.min(ft.end[q], down);
            if (a > b) {
                continue;
            }
            double z = zRange(q, a - ft.start[q], b - ft.start[q], false, s);
            if (z < low) {
                low = z;
                at = ft.start[q] + s.arg[0];
            }
        }
        zLow[i] = low;
        zLowTime[i] = at;
    }

    /** First (or last) τ on piece q where z reaches the minimum altitude. */
    private double crossing(int q, double dur, boolean firstOne, Scratch s) {
        int o = 12 * q + 8;
        s.c[0] = ft.coef[o] - minAltitude;
        s.c[1] = ft.coef[o + 1];
        s.c[2] = ft.coef[o + 2];
        s.c[3] = ft.coef[o + 3];
        int k = s.poly.roots(s.c, 3, 0, dur, s.roots);
        if (k == 0) {
            // touches the bound without a sign change: the extreme itself
            zHighest(q, dur, s);
            return s.arg[0];
        }
        return firstOne ? s.roots[0] : s.roots[k - 1];
    }

    /** Smallest signed distance of the horizontal track to the fence, by branch and bound. */
    private void geofence(int i, Scratch s) {
        if (geofence == null) {
            fence[i] = Double.NaN;
            fenceTime[i] = Double.NaN;
            return;
        }
        int p0 = ft.firstSegment(i), p1 = ft.lastSegment(i);
        double best = sd(p0, ft.start[p0]);
        double bestT = ft.start[p0];
        double[] st = s.stack;
        for (int q = p0; q <= p1; q++) {
            double t0 = ft.start[q], t1 = ft.end[q];
            double v = Math.sqrt(Math.max(0, ft.speedSquaredMax(q, true, false, t1 - t0, s.poly, s.c, s.arg)));
            double d0 = sd(q, t0), d1 = sd(q, t1);
            if (d1 < best) {
                best = d1;
                bestT = t1;
            }
            int top = 0;
            st[top++] = t0;
            st[top++] = t1;
            st[top++] = d0;
            st[top++] = d1;
            while (top > 0) {
                double db = st[--top], da = st[--top], b = st[--top], a = st[--top];
                double lower = 0.5 * (da + db - v * (b - a));
                if (lower >= best - Verifier.SEPARATION_TOLERANCE || v * (b - a) <= Verifier.SEPARATION_TOLERANCE) {
                    continue;
                }
                double m = 0.5 * (a + b);
                double dm = sd(q, m);
                if (dm < best) {
                    best = dm;
                    bestT = m;
                }
                if (top + 8 > st.length) {
                    st = s.stack = java.util.Arrays.copyOf(st, st.length * 2);
                }
                st[top++] = a;
                st[top++] = m;
                st[top++] = da;
                st[top++] = dm;
                st[top++] = m;
                st[top++] = b;
                st[top++] = dm;
                st[top++] = db;
            }
        }
        fence[i] = best;
        fenceTime[i] = bestT;
    }

    private double sd(int q, double t) {
        return geofence.signedDistance(ft.pos(q, 0, t), ft.pos(q, 1, t));
    }
}
