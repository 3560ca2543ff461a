package dev.starling.trajectory;

import java.util.Arrays;

/**
 * One drone's flight path: consecutive Bézier segments of degree 1 to 3, in the show frame
 * (metres, seconds, z up). This is the single representation of motion in Starling: the planner
 * builds it, the verifier checks it, exporters write it and the renderer draws it.
 *
 * <p>Segment {@code i} runs from {@code knot(i)} to {@code knot(i+1)} with control points
 * P0..Pd (P0 is the previous segment's end). Position, velocity and acceleration are evaluated
 * analytically with Bernstein polynomials. Before the first knot the drone is at its first
 * point at rest; after the last knot, at its last point at rest.
 *
 * <p>Immutable. Evaluation allocates nothing and writes into the caller's array.
 */
public final class Trajectory {
    /** Floats per segment in {@link #ctrl}: four points × xyz. */
    private static final int STRIDE = 12;

    private final double[] knots;
    private final byte[] degree;
    private final double[] ctrl;

    private Trajectory(double[] knots, byte[] degree, double[] ctrl) {
        this.knots = knots;
        this.degree = degree;
        this.ctrl = ctrl;
    }

    /** Starts a trajectory at time {@code t0} at point (x, y, z). */
    public static Builder startingAt(double t0, double x, double y, double z) {
        return new Builder(t0, x, y, z);
    }

    /** A drone that stays at one point from {@code t0} to {@code t1}. */
    public static Trajectory stationary(double t0, double t1, double x, double y, double z) {
        return startingAt(t0, x, y, z).holdUntil(t1).build();
    }

    public int segmentCount() {
        return degree.length;
    }

    public double startTime() {
        return knots[0];
    }

    public double endTime() {
        return knots[knots.length - 1];
    }

    /** Time of knot {@code i}, 0 ≤ i ≤ segmentCount(). */
    public double knot(int i) {
        return knots[i];
    }

    /** Degree (1..3) of segment {@code i}. */
    public int degree(int segment) {
        return degree[segment];
    }

    /**
     * Coordinate {@code axis} (0 = x, 1 = y, 2 = z) of control point {@code k} (0..degree) of
     * segment {@code segment}. Point 0 is the segment's start, point {@code degree} its end.
     */
    public double control(int segment, int k, int axis) {
        return ctrl[segment * STRIDE + k * 3 + axis];
    }

    /** Index of the segment that contains {@code t} (clamped to the first or last segment). */
    public int segmentAt(double t) {
        if (t <= knots[0]) {
            return 0;
        }
        int m = degree.length;
        if (t >= knots[m]) {
            return m - 1;
        }
        int i = Arrays.binarySearch(knots, t);
        if (i >= 0) {
            return Math.min(i, m - 1);
        }
        return -i - 2;
    }

    /** Writes the position at time {@code t} into {@code out[off..off+2]}. */
    public void position(double t, double[] out, int off) {
        if (t <= knots[0]) {
            copyPoint(0, 0, out, off);
            return;
        }
        int m = degree.length;
        if (t >= knots[m]) {
            copyPoint(m - 1, degree[m - 1], out, off);
            return;
        }
        int s = segmentAt(t);
        evalPosition(s, (t - knots[s]) / (knots[s + 1] - knots[s]), out, off);
    }

    /** Writes the velocity (m/s) at time {@code t} into {@code out[off..off+2]}. */
    public void velocity(double t, double[] out, int off) {
        if (t < knots[0] || t > knots[degree.length]) {
            out[off] = 0;
            out[off + 1] = 0;
            out[off + 2] = 0;
            return;
        }
        int s = segmentAt(t);
        evalVelocity(s, (t - knots[s]) / (knots[s + 1] - knots[s]), out, off);
    }

    /** Writes the acceleration (m/s²) at time {@code t} into {@code out[off..off+2]}. */
    public void acceleration(double t, double[] out, int off) {
        if (t < knots[0] || t > knots[degree.length]) {
            out[off] = 0;
            out[off + 1] = 0;
            out[off + 2] = 0;
            return;
        }
        int s = segmentAt(t);
        evalAcceleration(s, (t - knots[s]) / (knots[s + 1] - knots[s]), out, off);
    }

    /** Position within segment {@code s} at normalised parameter {@code u} in [0, 1]. */
    public void evalPosition(int s, double u, double[] out, int off) {
        int b = s * STRIDE;
        double v = 1 - u;
        switch (degree[s]) {
            case 1 -> {
                for (int a = 0; a < 3; a++) {
                    out[off + a] = v * ctrl[b + a] + u * ctrl[b + 3 + a];
                }
            }
            case 2 -> {
                double w0 = v * v, w1 = 2 * u * v, w2 = u * u;
                for (int a = 0; a < 3; a++) {
                    out[off + a] = w0 * ctrl[b + a] + w1 * ctrl[b + 3 + a] + w2 * ctrl[b + 6 + a];
                }
            }
            default -> {
                double w0 = v * v * v, w1 = 3 * u * v * v, w2 = 3 * u * u * v, w3 = u * u * u;
                for (int a = 0; a < 3; a++) {
                    out[off + a] = w0 * ctrl[b + a] + w1 * ctrl[b + 3 + a]
                            + w2 * ctrl[b + 6 + a] + w3 * ctrl[b + 9 + a];
                }
            }
        }
    }

    /** Velocity within segment {@code s} at normalised parameter {@code u}. */
    public void evalVelocity(int s, double u, double[] out, int off) {
        int b = s * STRIDE;
        double inv = 1.0 / (knots[s + 1] - knots[s]);
        double v = 1 - u;
        switch (degree[s]) {
            case 1 -> {
                for (int a = 0; a < 3; a++) {
                    out[off + a] = (ctrl[b + 3 + a] - ctrl[b + a]) * inv;
                }
            }
            case 2 -> {
                for (int a = 0; a < 3; a++) {
                    double d0 = ctrl[b + 3 + a] - ctrl[b + a];
                    double d1 = ctrl[b + 6 + a] - ctrl[b + 3 + a];
                    out[off + a] = 2 * (v * d0 + u * d1) * inv;
                }
            }
            default -> {
                for (int a = 0; a < 3; a++) {
                    double d0 = ctrl[b + 3 + a] - ctrl[b + a];
                    double d1 = ctrl[b + 6 + a] - ctrl[b + 3 + a];
                    double d2 = ctrl[b + 9 + a] - ctrl[b + 6 + a];
                    out[off + a] = 3 * (v * v * d0 + 2 * u * v * d1 + u * u * d2) * inv;
                }
            }
        }
    }

    /** Acceleration within segment {@code s} at normalised parameter {@code u}. */
    public void evalAcceleration(int s, double u, double[] out, int off) {
        int b = s * STRIDE;
        double inv = 1.0 / (knots[s + 1] - knots[s]);
        double inv2 = inv * inv;
        switch (degree[s]) {
            case 1 -> {
                out[off] = 0;
                out[off + 1] = 0;
                out[off + 2] = 0;
            }
            case 2 -> {
                for (int a = 0; a < 3; a++) {
                    out[off + a] = 2 * (ctrl[b + 6 + a] - 2 * ctrl[b + 3 + a] + ctrl[b + a]) * inv2;
                }
            }
            default -> {
                for (int a = 0; a < 3; a++) {
                    double e0 = ctrl[b + 6 + a] - 2 * ctrl[b + 3 + a] + ctrl[b + a];
                    double e1 = ctrl[b + 9 + a] - 2 * ctrl[b + 6 + a] + ctrl[b + 3 + a];
                    out[off + a] = 6 * ((1 - u) * e0 + u * e1) * inv2;
                }
            }
        }
    }

    /**
     * The part of this trajectory between {@code t0} and {@code t1} (clamped to its span), as a
     * new trajectory: boundary segments are cut exactly by de Casteljau subdivision, so positions
     * agree with this trajectory at every time in the window.
     *
     * @throws IllegalArgumentException when the clamped window is empty
     */
    public Trajectory slice(double t0, double t1) {
        double a = Math.max(t0, startTime()), b = Math.min(t1, endTime());
        if (!(b > a)) {
            throw new IllegalArgumentException("empty window [" + t0 + ", " + t1 + "] for a trajectory over ["
                    + startTime() + ", " + endTime() + "]");
        }
        int s0 = segmentAt(a), s1 = segmentAt(b);
        if (b == knots[s1] && s1 > s0) {
            s1--;
        }
        double[] p = new double[12];
        double[] q = new double[12];
        Builder out = null;
        for (int s = s0; s <= s1; s++) {
            double ks = knots[s], ke = knots[s + 1], len = ke - ks;
            double u0 = s == s0 ? (a - ks) / len : 0;
            double u1 = s == s1 ? (b - ks) / len : 1;
            int d = degree[s];
            System.arraycopy(ctrl, s * STRIDE, p, 0, (d + 1) * 3);
            subdivide(p, d, u0, u1, q);
            if (out == null) {
                out = new Builder(s == s0 ? a : ks, q[0], q[1], q[2]);
            }
            double end = s == s1 ? b : ke;
            switch (d) {
                case 1 -> out.lineTo(end, q[3], q[4], q[5]);
                case 2 -> out.quadTo(end, q[3], q[4], q[5], q[6], q[7], q[8]);
                default -> out.cubicTo(end, q[3], q[4], q[5], q[6], q[7], q[8], q[9], q[10], q[11]);
            }
        }
        return out.build();
    }

    /** Control points of the piece [u0, u1] of the Bézier curve p (degree d) into q. */
    private static void subdivide(double[] p, int d, double u0, double u1, double[] q) {
        double[] tmp = p.clone();
        // right part from u0: [u0, 1]
        if (u0 > 0) {
            splitRight(tmp, d, u0);
        }
        // left part of the remainder up to (u1 - u0) / (1 - u0)
        double u = u0 >= 1 ? 1 : (u1 - u0) / (1 - u0);
        if (u < 1) {
            splitLeft(tmp, d, u);
        }
        System.arraycopy(tmp, 0, q, 0, (d + 1) * 3);
    }

    /** Replaces p by the control points of its part [u, 1]. */
    private static void splitRight(double[] p, int d, double u) {
        for (int r = 1; r <= d; r++) {
            for (int k = 0; k <= d - r; k++) {
                for (int ax = 0; ax < 3; ax++) {
                    p[k * 3 + ax] = (1 - u) * p[k * 3 + ax] + u * p[(k + 1) * 3 + ax];
                }
            }
        }
        // after the loops p[k] holds the k-th point of the right part's de Casteljau column
    }

    /** Replaces p by the control points of its part [0, u]. */
    private static void splitLeft(double[] p, int d, double u) {
        for (int r = 1; r <= d; r++) {
            for (int k = d; k >= r; k--) {
                for (int ax = 0; ax < 3; ax++) {
                    p[k * 3 + ax] = (1 - u) * p[(k - 1) * 3 + ax] + u * p[k * 3 + ax];
                }
            }
        }
    }

    private void copyPoint(int s, int k, double[] out, int off) {
        int b = s * STRIDE + k * 3;
        out[off] = ctrl[b];
        out[off + 1] = ctrl[b + 1];
        out[off + 2] = ctrl[b + 2];
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Trajectory t)) {
            return false;
        }
        if (!Arrays.equals(knots, t.knots) || !Arrays.equals(degree, t.degree)) {
            return false;
        }
        for (int s = 0; s < degree.length; s++) {
            for (int k = 0; k <= degree[s]; k++) {
                for (int a = 0; a < 3; a++) {
                    if (Double.compare(control(s, k, a), t.control(s, k, a)) != 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(knots) * 31 + Arrays.hashCode(degree);
    }

    @Override
    public String toString() {
        return "Trajectory[" + degree.length + " segments, t=" + startTime() + ".." + endTime() + "]";
    }

    /**
     * Builds a trajectory segment by segment. Rejects non-finite values and times that do not
     * strictly increase, naming the offending segment.
     */
    public static final class Builder {
        private double[] knots = new double[8];
        private byte[] degree = new byte[7];
        private double[] ctrl = new double[7 * STRIDE];
        private int m;
        private double lx, ly, lz;

        private Builder(double t0, double x, double y, double z) {
            requireFinite(t0, "start time");
            requireFinite(x, "x");
            requireFinite(y, "y");
            requireFinite(z, "z");
            knots[0] = t0;
            lx = x;
            ly = y;
            lz = z;
        }

        /** Time at which the trajectory built so far ends. */
        public double endTime() {
            return knots[m];
        }

        /** Last point of the trajectory built so far, written into {@code out[off..off+2]}. */
        public void endPoint(double[] out, int off) {
            out[off] = lx;
            out[off + 1] = ly;
            out[off + 2] = lz;
        }

        /** Straight segment to (x, y, z), arriving at {@code t}. */
        public Builder lineTo(double t, double x, double y, double z) {
            return append(t, 1, x, y, z, 0, 0, 0, 0, 0, 0);
        }

        /** Quadratic Bézier segment with control point c, arriving at (x, y, z) at {@code t}. */
        public Builder quadTo(double t, double cx, double cy, double cz, double x, double y, double z) {
            return append(t, 2, cx, cy, cz, x, y, z, 0, 0, 0);
        }

        /** Cubic Bézier segment with control points c1, c2, arriving at (x, y, z) at {@code t}. */
        public Builder cubicTo(double t, double c1x, double c1y, double c1z,
                               double c2x, double c2y, double c2z, double x, double y, double z) {
            return append(t, 3, c1x, c1y, c1z, c2x, c2y, c2z, x, y, z);
        }

        /** Stays at the current point until {@code t}; no-op when {@code t} equals the current end. */
        public Builder holdUntil(double t) {
            if (t == knots[m] && m > 0) {
                return this;
            }
            return lineTo(t, lx, ly, lz);
        }

        /**
         * Appends a segment of {@code deg} (1..3) given by the points after P0, packed as
         * {@code pts[0..3*deg-1]} (control points, then end point).
         */
        public Builder segment(double t, int deg, double[] pts) {
            return switch (deg) {
                case 1 -> lineTo(t, pts[0], pts[1], pts[2]);
                case 2 -> quadTo(t, pts[0], pts[1], pts[2], pts[3], pts[4], pts[5]);
                case 3 -> cubicTo(t, pts[0], pts[1], pts[2], pts[3], pts[4], pts[5], pts[6], pts[7], pts[8]);
                default -> throw new IllegalArgumentException("segment degree must be 1, 2 or 3, was " + deg);
            };
        }

        private Builder append(double t, int deg, double a0, double a1, double a2,
                               double b0, double b1, double b2, double c0, double c1, double c2) {
            if (!Double.isFinite(t)) {
                requireFinite(t, "time of segment " + m);
            }
            if (!(t > knots[m])) {
                throw new IllegalArgumentException("segment " + m + " ends at t=" + t
                        + " which is not after its start t=" + knots[m] + ": times must strictly increase");
            }
            // no allocation here: append runs once per segment per drone (a moving hold adds many);
            // an error message is built only when a value is not finite
            if (!(Double.isFinite(a0) && Double.isFinite(a1) && Double.isFinite(a2)
                    && (deg < 2 || (Double.isFinite(b0) && Double.isFinite(b1) && Double.isFinite(b2)))
                    && (deg < 3 || (Double.isFinite(c0) && Double.isFinite(c1) && Double.isFinite(c2))))) {
                throw new IllegalArgumentException("control point of segment " + m + " must be a finite number, was "
                        + Arrays.toString(new double[] {a0, a1, a2, b0, b1, b2, c0, c1, c2}));
            }
            if (m == degree.length) {
                int cap = degree.length * 2;
                knots = Arrays.copyOf(knots, cap + 1);
                degree = Arrays.copyOf(degree, cap);
                ctrl = Arrays.copyOf(ctrl, cap * STRIDE);
            }
            int b = m * STRIDE;
            ctrl[b] = lx;
            ctrl[b + 1] = ly;
            ctrl[b + 2] = lz;
            ctrl[b + 3] = a0;
            ctrl[b + 4] = a1;
            ctrl[b + 5] = a2;
            if (deg >= 2) {
                ctrl[b + 6] = b0;
                ctrl[b + 7] = b1;
                ctrl[b + 8] = b2;
            }
            if (deg == 3) {
                ctrl[b + 9] = c0;
                ctrl[b + 10] = c1;
                ctrl[b + 11] = c2;
            }
            degree[m] = (byte) deg;
            m++;
            knots[m] = t;
            lx = deg == 1 ? a0 : deg == 2 ? b0 : c0;
            ly = deg == 1 ? a1 : deg == 2 ? b1 : c1;
            lz = deg == 1 ? a2 : deg == 2 ? b2 : c2;
            return this;
        }

        /** The finished trajectory; at least one segment is required. */
        public Trajectory build() {
            if (m == 0) {
                throw new IllegalStateException("a trajectory needs at least one segment");
            }
            return new Trajectory(Arrays.copyOf(knots, m + 1), Arrays.copyOf(degree, m),
                    Arrays.copyOf(ctrl, m * STRIDE));
        }

        private static void requireFinite(double v, String what) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " must be a finite number, was " + v);
            }
        }
    }
}
