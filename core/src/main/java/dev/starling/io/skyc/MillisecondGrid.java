package dev.starling.io.skyc;

import dev.starling.trajectory.Trajectory;

/**
 * Puts a trajectory's knots on the 1 ms grid that {@code .skyc} files use, keeping the motion
 * as exact as the grid allows, and bounds what that costs.
 *
 * <p>Method. Every knot time is rounded to the nearest millisecond; knots that round to the
 * same millisecond merge. Each new interval [a, b] takes the polynomial of the original segment
 * c that contains its midpoint, re-expressed exactly on [a, b] by blossoming (the same degree;
 * a sub-interval or a sub-millisecond extrapolation of the same curve), and its two end points
 * are replaced by the original trajectory's positions P(a) and P(b) so the path stays
 * continuous. When every knot is already on the grid (what the planner produces) this is the
 * identity up to floating-point round-off.
 *
 * <p>Error bound. On [a, b] the new curve differs from c's polynomial by at most the larger
 * end-point replacement (Bernstein weights sum to at most 1), and c's polynomial differs from
 * the original only where another piece is in force (within half a millisecond of a rounded
 * knot); there the difference of the two polynomials, written as cubic Bézier control points on
 * the overlap, is bounded by its largest control-point difference (convex hull property). The
 * sum, maximised over intervals, is {@link Snapped#maxError()}: a proven bound, not a sample.
 * For a plan whose velocity jumps by Δv at an off-grid knot it is about Δv·0.5 ms; for a
 * C¹ plan it is about |Δa|·(0.5 ms)²/2, micrometres.
 *
 * <p>Cost O(segments); allocates only the result.
 */
final class MillisecondGrid {
    /** Doubles per segment in the control-point arrays: four points × xyz. */
    static final int STRIDE = 12;

    private MillisecondGrid() {
    }

    /**
     * A trajectory on the millisecond grid, in the frame of its source.
     *
     * @param timesMs  knot times, integer milliseconds, strictly increasing; {@code segments + 1}
     *                 of them (one when the whole trajectory lasts under a millisecond)
     * @param degree   degree (1..3) of each segment
     * @param ctrl     control points P0..P3 of each segment, {@link #STRIDE} doubles per segment
     * @param start    the first point (x, y, z)
     * @param maxError bound on |new(t) − original(t)| over all t, metres
     */
    record Snapped(long[] timesMs, byte[] degree, double[] ctrl, double[] start, double maxError) {
        int segments() {
            return degree.length;
        }
    }

    /** Reusable buffers of one thread, so snapping allocates only its result. */
    static final class Work {
        final double[] w = new double[12];
        final double[] q = new double[12];
        final double[] hullA = new double[12];
        final double[] hullB = new double[12];
        final double[] tmp = new double[3];
    }

    static Snapped snap(Trajectory tr) {
        return snap(tr, new Work());
    }

    static Snapped snap(Trajectory tr, Work work) {
        int m = tr.segmentCount();
        long[] r = new long[m + 1];
        int distinct = 0;
        for (int k = 0; k <= m; k++) {
            long v = Math.round(tr.knot(k) * 1000.0);
            if (distinct == 0 || v != r[distinct - 1]) {
                r[distinct++] = v;
            }
        }
        double[] start = new double[3];
        double[] tmp = work.tmp;
        double[] hullA = work.hullA;
        double[] hullB = work.hullB;
        int n = distinct - 1;
        if (n == 0) {
            // the whole flight lasts under a millisecond: one stationary point
            tr.position(r[0] / 1000.0, start, 0);
            double err = 0;
            for (int s = 0; s < m; s++) {
                hull(tr, s, tr.knot(s), tr.knot(s + 1), hullA, work);
                err = Math.max(err, maxDiffToPoint(hullA, start));
            }
            return new Snapped(new long[] {r[0]}, new byte[0], new double[0], start, err);
        }
        long[] times = java.util.Arrays.copyOf(r, distinct);
        byte[] deg = new byte[n];
        double[] ctrl = new double[n * STRIDE];
        double maxErr = 0;
        tr.position(times[0] / 1000.0, start, 0);
        double t0 = tr.startTime(), tm = tr.endTime();
        for (int j = 0; j < n; j++) {
            double a = times[j] / 1000.0, b = times[j + 1] / 1000.0;
            int c = tr.segmentAt(0.5 * (a + b));
            int d = tr.degree(c);
            deg[j] = (byte) d;
            double span = tr.knot(c + 1) - tr.knot(c);
            double ua = (a - tr.knot(c)) / span, ub = (b - tr.knot(c)) / span;
            int base = j * STRIDE;
            for (int i = 0; i <= d; i++) {
                blossom(tr, c, d, ua, ub, d - i, ctrl, base + 3 * i, work.w);
            }
            // end-point replacement: keep the path continuous and on the original at the knots
            double endErr = 0;
            tr.position(a, tmp, 0);
            endErr = Math.max(endErr, dist(ctrl, base, tmp));
            System.arraycopy(tmp, 0, ctrl, base, 3);
            tr.position(b, tmp, 0);
            endErr = Math.max(endErr, dist(ctrl, base + 3 * d, tmp));
            System.arraycopy(tmp, 0, ctrl, base + 3 * d, 3);
            // where another piece of the original is in force on [a, b]
            double overlapErr = 0;
            for (int s = c - 1; s >= 0 && tr.knot(s + 1) > a; s--) {
                double lo = Math.max(a, tr.knot(s)), hi = tr.knot(s + 1);
                hull(tr, c, lo, hi, hullA, work);
                hull(tr, s, lo, hi, hullB, work);
                overlapErr = Math.max(overlapErr, maxDiff(hullA, hullB));
            }
            for (int s = c + 1; s < m && tr.knot(s) < b; s++) {
                double lo = tr.knot(s), hi = Math.min(b, tr.knot(s + 1));
                hull(tr, c, lo, hi, hullA, work);
                hull(tr, s, lo, hi, hullB, work);
                overlapErr = Math.max(overlapErr, maxDiff(hullA, hullB));
            }
            if (a < t0) {
                // before its first knot the original rests at its start point
                hull(tr, c, a, Math.min(b, t0), hullA, work);
                tr.position(t0, tmp, 0);
                overlapErr = Math.max(overlapErr, maxDiffToPoint(hullA, tmp));
            }
            if (b > tm) {
                hull(tr, c, Math.max(a, tm), b, hullA, work);
                tr.position(tm, tmp, 0);
                overlapErr = Math.max(overlapErr, maxDiffToPoint(hullA, tmp));
            }
            maxErr = Math.max(maxErr, endErr + overlapErr);
        }
        // outside [times[0], times[n]] the new trajectory rests at its end points while the
        // original may still move (a first or last knot rounded inwards)
        double first = times[0] / 1000.0, last = times[n] / 1000.0;
        for (int s = 0; s < m && tr.knot(s) < first; s++) {
            hull(tr, s, tr.knot(s), Math.min(first, tr.knot(s + 1)), hullA, work);
            maxErr = Math.max(maxErr, maxDiffToPoint(hullA, start));
        }
        double[] end = {ctrl[(n - 1) * STRIDE + 3 * deg[n - 1]], ctrl[(n - 1) * STRIDE + 3 * deg[n - 1] + 1],
            ctrl[(n - 1) * STRIDE + 3 * deg[n - 1] + 2]};
        for (int s = m - 1; s >= 0 && tr.knot(s + 1) > last; s--) {
            hull(tr, s, Math.max(last, tr.knot(s)), tr.knot(s + 1), hullA, work);
            maxErr = Math.max(maxErr, maxDiffToPoint(hullA, end));
        }
        return new Snapped(times, deg, ctrl, start, maxErr);
    }

    /**
     * Writes into {@code out[off..off+2]} the blossom of segment {@code s} (degree {@code d})
     * with {@code na} arguments equal to {@code ua} and {@code d − na} equal to {@code ub}:
     * control point {@code d − na} of the segment's polynomial re-expressed on [ua, ub].
     * {@code w} is scratch space of 12 doubles.
     */
    static void blossom(Trajectory tr, int s, int d, double ua, double ub, int na, double[] out, int off,
                        double[] w) {
        for (int k = 0; k <= d; k++) {
            for (int ax = 0; ax < 3; ax++) {
                w[3 * k + ax] = tr.control(s, k, ax);
            }
        }
        for (int level = 0; level < d; level++) {
            double u = level < na ? ua : ub;
            for (int k = 0; k < d - level; k++) {
                for (int ax = 0; ax < 3; ax++) {
                    w[3 * k + ax] = (1 - u) * w[3 * k + ax] + u * w[3 * (k + 1) + ax];
                }
            }
        }
        out[off] = w[0];
        out[off + 1] = w[1];
        out[off + 2] = w[2];
    }

    /** The cubic (degree-elevated if needed) Bézier control points of segment s's polynomial on [ta, tb] seconds. */
    static void hull(Trajectory tr, int s, double ta, double tb, double[] out, Work work) {
        int d = tr.degree(s);
        double span = tr.knot(s + 1) - tr.knot(s);
        double ua = (ta - tr.knot(s)) / span, ub = (tb - tr.knot(s)) / span;
        double[] q = work.q;
        for (int i = 0; i <= d; i++) {
            blossom(tr, s, d, ua, ub, d - i, q, 3 * i, work.w);
        }
        for (int ax = 0; ax < 3; ax++) {
            double p0 = q[ax], p1 = q[3 + ax], p2 = q[6 + ax];
            switch (d) {
                case 1 -> {
                    out[ax] = p0;
                    out[3 + ax] = (2 * p0 + p1) / 3;
                    out[6 + ax] = (p0 + 2 * p1) / 3;
                    out[9 + ax] = p1;
                }
                case 2 -> {
                    out[ax] = p0;
                    out[3 + ax] = (p0 + 2 * p1) / 3;
                    out[6 + ax] = (2 * p1 + p2) / 3;
                    out[9 + ax] = p2;
                }
                default -> {
                    out[ax] = p0;
                    out[3 + ax] = p1;
                    out[6 + ax] = p2;
                    out[9 + ax] = q[9 + ax];
                }
            }
        }
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < 12; i += 3) {
            double dx = a[i] - b[i], dy = a[i + 1] - b[i + 1], dz = a[i + 2] - b[i + 2];
            m = Math.max(m, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return m;
    }

    private static double maxDiffToPoint(double[] a, double[] p) {
        double m = 0;
        for (int i = 0; i < 12; i += 3) {
            double dx = a[i] - p[0], dy = a[i + 1] - p[1], dz = a[i + 2] - p[2];
            m = Math.max(m, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return m;
    }

    private static double dist(double[] a, int off, double[] p) {
        double dx = a[off] - p[0], dy = a[off + 1] - p[1], dz = a[off + 2] - p[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
