package dev.starling.verify;

import dev.starling.base.Parallel;
import dev.starling.trajectory.Trajectory;
import java.util.List;

/**
 * Every drone's motion packed into flat arrays (structure of arrays), the form the verifier's
 * inner loops read: no per-drone objects, one index per piece.
 *
 * <p>Drone {@code i} owns pieces {@code first[i] .. first[i+1]-1}: a rest piece before its first
 * knot (at its first point, from −∞), one piece per Bézier segment, and a rest piece after its
 * last knot (at its last point, to +∞). Piece {@code p} covers {@code [start[p], end[p])}; its
 * position is the cubic {@code c0 + c1 τ + c2 τ² + c3 τ³} per axis in local time
 * {@code τ = t − origin[p]} (seconds, show frame), coefficients at {@code coef[12p + 4·axis + k]}
 * (the power-basis form of the segment's Bernstein polynomial, exact up to rounding). Rest
 * pieces are constant. Per piece the table also holds exact bounds over the piece: the largest
 * speed and the largest acceleration magnitude.
 *
 * <p>Built once per verification in O(total segments), in parallel over drones; read-only after.
 */
final class FlightTable {
    /** Drones per chunk for per-drone work. */
    static final int DRONE_CHUNK = 256;

    final int n;
    final int[] first;
    final double[] start;
    final double[] end;
    final double[] origin;
    final double[] coef;
    /** Largest speed over the piece, m/s (exact maximum of |v| on the Bézier piece). */
    final double[] maxSpeed;
    /** Largest acceleration magnitude over the piece, m/s² (at one of its ends: it is linear in τ). */
    final double[] maxAccel;
    final double startTime;
    final double endTime;

    private FlightTable(int n, int pieces) {
        this.n = n;
        first = new int[n + 1];
        start = new double[pieces];
        end = new double[pieces];
        origin = new double[pieces];
        coef = new double[pieces * 12];
        maxSpeed = new double[pieces];
        maxAccel = new double[pieces];
        startTime = 0;
        endTime = 0;
    }

    private FlightTable(FlightTable t, double startTime, double endTime) {
        n = t.n;
        first = t.first;
        start = t.start;
        end = t.end;
        origin = t.origin;
        coef = t.coef;
        maxSpeed = t.maxSpeed;
        maxAccel = t.maxAccel;
        this.startTime = startTime;
        this.endTime = endTime;
    }

    /** Packs {@code trajectories}, filling drones in parallel on {@code threads} threads. */
    static FlightTable of(List<Trajectory> trajectories, int threads) {
        int n = trajectories.size();
        int pieces = 0;
        for (Trajectory t : trajectories) {
            pieces += t.segmentCount() + 2;
        }
        FlightTable ft = new FlightTable(n, pieces);
        int p = 0;
        double t0 = Double.POSITIVE_INFINITY, t1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            ft.first[i] = p;
            Trajectory t = trajectories.get(i);
            p += t.segmentCount() + 2;
            t0 = Math.min(t0, t.startTime());
            t1 = Math.max(t1, t.endTime());
        }
        ft.first[n] = p;
        Parallel.forChunks(n, DRONE_CHUNK, threads, (part, lo, hi) -> {
            Poly poly = new Poly();
            double[] scratch = new double[8];
            double[] arg = new double[1];
            for (int i = lo; i < hi; i++) {
                ft.fill(i, trajectories.get(i), poly, scratch, arg);
            }
        });
        return n == 0 ? ft : new FlightTable(ft, t0, t1);
    }

    private void fill(int i, Trajectory t, Poly poly, double[] s, double[] arg) {
        int p = first[i];
        int m = t.segmentCount();
        // rest before the first knot
        start[p] = Double.NEGATIVE_INFINITY;
        end[p] = t.knot(0);
        origin[p] = t.knot(0);
        for (int a = 0; a < 3; a++) {
            coef[12 * p + 4 * a] = t.control(0, 0, a);
        }
        for (int seg = 0; seg < m; seg++) {
            int q = p + 1 + seg;
            double k0 = t.knot(seg), k1 = t.knot(seg + 1), dur = k1 - k0;
            start[q] = k0;
            end[q] = k1;
            origin[q] = k0;
            int deg = t.degree(seg);
            for (int a = 0; a < 3; a++) {
                double p0 = t.control(seg, 0, a);
                double b0, b1, b2, b3;
                switch (deg) {
                    case 1 -> {
                        b0 = p0;
                        b1 = t.control(seg, 1, a) - p0;
                        b2 = 0;
                        b3 = 0;
                    }
                    case 2 -> {
                        double p1 = t.control(seg, 1, a), p2 = t.control(seg, 2, a);
                        b0 = p0;
                        b1 = 2 * (p1 - p0);
                        b2 = p0 - 2 * p1 + p2;
                        b3 = 0;
                    }
                    default -> {
                        double p1 = t.control(seg, 1, a), p2 = t.control(seg, 2, a), p3 = t.control(seg, 3, a);
                        b0 = p0;
                        b1 = 3 * (p1 - p0);
                        b2 = 3 * (p0 - 2 * p1 + p2);
                        b3 = p3 - 3 * p2 + 3 * p1 - p0;
                    }
                }
                int o = 12 * q + 4 * a;
                coef[o] = b0;
                coef[o + 1] = b1 / dur;
                coef[o + 2] = b2 / (dur * dur);
                coef[o + 3] = b3 / (dur * dur * dur);
            }
            maxSpeed[q] = Math.sqrt(Math.max(0, speedSquaredMax(q, true, true, dur, poly, s, arg)));
            double a0 = accelSquared(q, 0), a1 = accelSquared(q, dur);
            maxAccel[q] = Math.sqrt(Math.max(a0, a1));
        }
        // rest after the last knot, at the exact last control point
        int r = p + m + 1;
        start[r] = t.knot(m);
        end[r] = Double.POSITIVE_INFINITY;
        origin[r] = t.knot(m);
        for (int a = 0; a < 3; a++) {
            coef[12 * r + 4 * a] = t.control(m - 1, t.degree(m - 1), a);
        }
    }

    /**
     * Largest squared speed on piece {@code q} for τ in [0, dur], over the horizontal axes
     * ({@code xy}) and/or the vertical one ({@code z}): the quartic Σ (c1 + 2 c2 τ + 3 c3 τ²)²
     * maximised exactly. The maximising τ goes to {@code arg[0]}; {@code s} is scratch (≥ 5).
     */
    double speedSquaredMax(int q, boolean xy, boolean z, double dur, Poly poly, double[] s, double[] arg) {
        for (int k = 0; k <= 4; k++) {
            s[k] = 0;
        }
        for (int ax = xy ? 0 : 2; ax <= (z ? 2 : 1); ax++) {
            int o = 12 * q + 4 * ax;
            double v0 = coef[o + 1], v1 = 2 * coef[o + 2], v2 = 3 * coef[o + 3];
            s[0] += v0 * v0;
            s[1] += 2 * v0 * v1;
            s[2] += v1 * v1 + 2 * v0 * v2;
            s[3] += 2 * v1 * v2;
            s[4] += v2 * v2;
        }
        return poly.max(s, 4, 0, dur, arg);
    }

    /** Squared acceleration magnitude on piece {@code q} at local time τ. */
    double accelSquared(int q, double tau) {
        double sum = 0;
        for (int a = 0; a < 3; a++) {
            int o = 12 * q + 4 * a;
            double acc = 2 * coef[o + 2] + 6 * coef[o + 3] * tau;
            sum += acc * acc;
        }
        return sum;
    }

    /** Index of drone {@code i}'s piece that contains {@code t} (binary search). */
    int pieceAt(int i, double t) {
        int lo = first[i], hi = first[i + 1] - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Moves a cursor forward from piece {@code p} to the piece containing {@code t} (t never decreases). */
    int advance(int p, double t) {
        while (t >= end[p]) {
            p++;
        }
        return p;
    }

    /** Coordinate {@code axis} on piece {@code p} at time {@code t}. */
    double pos(int p, int axis, double t) {
        int o = 12 * p + 4 * axis;
        double tau = t - origin[p];
        return ((coef[o + 3] * tau + coef[o + 2]) * tau + coef[o + 1]) * tau + coef[o];
    }

    /** Velocity component {@code axis} on piece {@code p} at time {@code t}. */
    double vel(int p, int axis, double t) {
        int o = 12 * p + 4 * axis;
        double tau = t - origin[p];
        return (3 * coef[o + 3] * tau + 2 * coef[o + 2]) * tau + coef[o + 1];
    }

    /** First segment piece (after the leading rest) of drone {@code i}. */
    int firstSegment(int i) {
        return first[i] + 1;
    }

    /** Last segment piece (before the trailing rest) of drone {@code i}. */
    int lastSegment(int i) {
        return first[i + 1] - 2;
    }
}
