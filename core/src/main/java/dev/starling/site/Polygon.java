package dev.starling.site;

import java.util.Arrays;

/**
 * A simple polygon in the horizontal plane of the show frame (metres, x right, y away from the
 * audience): a river, a bank, a tower footprint, a district. Immutable; vertices are stored
 * counter-clockwise (seen from above, z up) whatever order they were given in, so the outward
 * normal of edge i is (dy, -dx) for its direction (dx, dy).
 *
 * <p>Construction rejects fewer than 3 vertices, non-finite coordinates, zero area and
 * self-intersecting outlines, so every consumer (renderer, clearance check) can rely on a proper
 * simple polygon.
 */
public final class Polygon {
    private final double[] xs;
    private final double[] ys;

    private Polygon(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /**
     * A polygon from {@code [x, y]} vertices (not closed: the last vertex connects to the first).
     *
     * @throws IllegalArgumentException naming the offending vertex or edge pair when the outline
     *                                  is not a proper simple polygon
     */
    public static Polygon of(double[][] vertices) {
        if (vertices == null || vertices.length < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 [x, y] vertices, got "
                    + (vertices == null ? 0 : vertices.length));
        }
        int n = vertices.length;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] v = vertices[i];
            if (v == null || v.length != 2) {
                throw new IllegalArgumentException("vertex " + i + " must be [x, y]");
            }
            if (!Double.isFinite(v[0]) || !Double.isFinite(v[1])) {
                throw new IllegalArgumentException("vertex " + i + " has a non-finite coordinate");
            }
            x[i] = v[0];
            y[i] = v[1];
        }
        return of(x, y);
    }

    /** A polygon from coordinate arrays (copied). */
    public static Polygon of(double[] x, double[] y) {
        if (x.length != y.length || x.length < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices with x and y each");
        }
        double[] xs = x.clone();
        double[] ys = y.clone();
        double a = signedArea(xs, ys);
        if (!(Math.abs(a) > 1e-9)) {
            throw new IllegalArgumentException("the polygon has zero area (its vertices are collinear or repeated)");
        }
        checkSimple(xs, ys);
        if (a < 0) {
            reverse(xs);
            reverse(ys);
        }
        return new Polygon(xs, ys);
    }

    /**
     * The rectangle of {@code width} (along the rotated x axis) by {@code depth} centred at
     * (cx, cy), rotated by {@code angleDeg} degrees counter-clockwise about its centre.
     */
    public static Polygon rectangle(double cx, double cy, double width, double depth, double angleDeg) {
        if (!(width > 0) || !(depth > 0)) {
            throw new IllegalArgumentException("a rectangle needs a positive width and depth, was "
                    + width + " x " + depth);
        }
        double c = Math.cos(Math.toRadians(angleDeg));
        double s = Math.sin(Math.toRadians(angleDeg));
        double hw = width / 2, hd = depth / 2;
        double[] u = {-hw, hw, hw, -hw};
        double[] v = {-hd, -hd, hd, hd};
        double[] x = new double[4];
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            x[i] = cx + c * u[i] - s * v[i];
            y[i] = cy + s * u[i] + c * v[i];
        }
        return new Polygon(x, y);
    }

    /** This outline moved by (dx, dy). */
    public Polygon translated(double dx, double dy) {
        double[] x = new double[size()], y = new double[size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = x(i) + dx;
            y[i] = y(i) + dy;
        }
        return of(x, y);
    }

    public int size() {
        return xs.length;
    }

    /** x of vertex {@code i}, metres. */
    public double x(int i) {
        return xs[i];
    }

    /** y of vertex {@code i}, metres. */
    public double y(int i) {
        return ys[i];
    }

    /** Enclosed area, square metres (positive). */
    public double area() {
        return signedArea(xs, ys);
    }

    /** Smallest x, largest x, smallest y, largest y, written into {@code out[0..3]}. */
    public void bounds(double[] out) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            x0 = Math.min(x0, xs[i]);
            x1 = Math.max(x1, xs[i]);
            y0 = Math.min(y0, ys[i]);
            y1 = Math.max(y1, ys[i]);
        }
        out[0] = x0;
        out[1] = x1;
        out[2] = y0;
        out[3] = y1;
    }

    /** True when (x, y) lies inside or on the outline (even-odd rule; O(n)). */
    public boolean contains(double x, double y) {
        return distanceToOutline(x, y) == 0 || crossesOdd(x, y);
    }

    /** Even-odd ray test alone (points on the outline may go either way). */
    private boolean crossesOdd(double x, double y) {
        boolean inside = false;
        int n = xs.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            if ((ys[i] > y) != (ys[j] > y)) {
                double xc = xs[j] + (y - ys[j]) * (xs[i] - xs[j]) / (ys[i] - ys[j]);
                if (x < xc) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /** Distance from (x, y) to the nearest point of the outline, metres (O(n)). */
    public double distanceToOutline(double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        int n = xs.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            best = Math.min(best, segmentDistanceSquared(x, y, xs[j], ys[j], xs[i], ys[i]));
        }
        return Math.sqrt(best);
    }

    /** Horizontal distance from (x, y) to the polygon: 0 inside, else to the outline. */
    public double distanceTo(double x, double y) {
        // the outline distance once: contains() followed by distanceToOutline() measured it twice
        double d = distanceToOutline(x, y);
        return d == 0 || crossesOdd(x, y) ? 0 : d;
    }

    /**
     * Distance (metres) from the segment (ax, ay)–(bx, by) to this polygon's area: 0 when the
     * segment touches or enters it. O(n).
     */
    public double distanceToSegment(double ax, double ay, double bx, double by) {
        if (contains(ax, ay) || contains(bx, by)) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        int n = xs.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            if (segmentsMeet(ax, ay, bx, by, xs[j], ys[j], xs[i], ys[i])) {
                return 0;
            }
            best = Math.min(best, segmentDistanceSquared(xs[i], ys[i], ax, ay, bx, by));
            best = Math.min(best, segmentDistanceSquared(ax, ay, xs[j], ys[j], xs[i], ys[i]));
            best = Math.min(best, segmentDistanceSquared(bx, by, xs[j], ys[j], xs[i], ys[i]));
        }
        return Math.sqrt(best);
    }

    /** Distance (metres) between the areas of two polygons: 0 when they overlap or touch. O(n·m). */
    public double distanceTo(Polygon other) {
        double best = Double.POSITIVE_INFINITY;
        int m = other.xs.length;
        for (int i = 0, j = m - 1; i < m; j = i++) {
            double d = distanceToSegment(other.xs[j], other.ys[j], other.xs[i], other.ys[i]);
            if (d == 0) {
                return 0;
            }
            best = Math.min(best, d);
        }
        // No edge of other touches this polygon: either disjoint, or this lies wholly inside other.
        return other.contains(xs[0], ys[0]) ? 0 : best;
    }

    /** True when {@code other} lies wholly inside this polygon (boundary contact allowed). O(n·m). */
    public boolean encloses(Polygon other) {
        int m = other.xs.length;
        for (int i = 0; i < m; i++) {
            if (!contains(other.xs[i], other.ys[i])) {
                return false;
            }
        }
        int n = xs.length;
        for (int i = 0, j = m - 1; i < m; j = i++) {
            for (int a = 0, b = n - 1; a < n; b = a++) {
                if (properlyCross(other.xs[j], other.ys[j], other.xs[i], other.ys[i], xs[b], ys[b], xs[a], ys[a])) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Triangles covering the polygon exactly, by ear clipping: {@code 3·(n−2)} vertex indices,
     * each triangle counter-clockwise. O(n²) for n vertices; meant for outlines of at most a few
     * hundred vertices, built once.
     */
    public int[] triangulate() {
        int n = xs.length;
        int[] out = new int[3 * (n - 2)];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int m = n;
        int k = 0;
        int i = 0;
        int misses = 0;
        while (m > 3) {
            int a = idx[(i + m - 1) % m], b = idx[i], c = idx[(i + 1) % m];
            if (misses >= m) {
                // A full round without a strict ear happens only with collinear vertices; the
                // corner with the smallest |cross| is then a zero-area triangle, safe to clip.
                i = flattestCorner(idx, m);
                a = idx[(i + m - 1) % m];
                b = idx[i];
                c = idx[(i + 1) % m];
            } else if (!isEar(idx, m, a, b, c)) {
                i = (i + 1) % m;
                misses++;
                continue;
            }
            out[k++] = a;
            out[k++] = b;
            out[k++] = c;
            System.arraycopy(idx, i + 1, idx, i, m - i - 1);
            m--;
            misses = 0;
            if (i >= m) {
                i = 0;
            }
        }
        out[k++] = idx[0];
        out[k++] = idx[1];
        out[k] = idx[2];
        return out;
    }

    private int flattestCorner(int[] idx, int m) {
        int best = 0;
        double bestAbs = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            int a = idx[(i + m - 1) % m], b = idx[i], c = idx[(i + 1) % m];
            double cross = Math.abs((xs[b] - xs[a]) * (ys[c] - ys[a]) - (ys[b] - ys[a]) * (xs[c] - xs[a]));
            if (cross < bestAbs) {
                bestAbs = cross;
                best = i;
            }
        }
        return best;
    }

    private boolean isEar(int[] idx, int m, int a, int b, int c) {
        double cross = (xs[b] - xs[a]) * (ys[c] - ys[a]) - (ys[b] - ys[a]) * (xs[c] - xs[a]);
        if (cross <= 0) {
            return false;
        }
        for (int q = 0; q < m; q++) {
            int p = idx[q];
            if (p == a || p == b || p == c) {
                continue;
            }
            if (inTriangle(xs[p], ys[p], a, b, c)) {
                return false;
            }
        }
        return true;
    }

    private boolean inTriangle(double px, double py, int a, int b, int c) {
        double d1 = (xs[b] - xs[a]) * (py - ys[a]) - (ys[b] - ys[a]) * (px - xs[a]);
        double d2 = (xs[c] - xs[b]) * (py - ys[b]) - (ys[c] - ys[b]) * (px - xs[b]);
        double d3 = (xs[a] - xs[c]) * (py - ys[c]) - (ys[a] - ys[c]) * (px - xs[c]);
        return d1 >= 0 && d2 >= 0 && d3 >= 0;
    }

    /** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
    static double segmentDistanceSquared(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double u = len2 == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
        u = Math.max(0, Math.min(1, u));
        double ex = ax + u * dx - px, ey = ay + u * dy - py;
        return ex * ex + ey * ey;
    }

    private static double signedArea(double[] x, double[] y) {
        double a = 0;
        int n = x.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            a += x[j] * y[i] - x[i] * y[j];
        }
        return a / 2;
    }

    private static void checkSimple(double[] x, double[] y) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            int i2 = (i + 1) % n;
            if (x[i] == x[i2] && y[i] == y[i2]) {
                throw new IllegalArgumentException("vertices " + i + " and " + i2 + " are the same point");
            }
            for (int j = i + 1; j < n; j++) {
                int j2 = (j + 1) % n;
                if (j == i2 || j2 == i) {
                    continue; // adjacent edges share a vertex
                }
                if (segmentsMeet(x[i], y[i], x[i2], y[i2], x[j], y[j], x[j2], y[j2])) {
                    throw new IllegalArgumentException("the outline crosses itself: edge " + i + "-" + i2
                            + " meets edge " + j + "-" + j2);
                }
            }
        }
    }

    /**
     * True when the closed segments a–b and c–d share at least one point: they cross, or an end
     * of one lies on the other. Exact sign tests on {@link #orientation}, O(1), no allocation.
     * The one segment-meeting test of the code base (site outlines, show geofences).
     */
    public static boolean segmentsMeet(double ax, double ay, double bx, double by,
                                       double cx, double cy, double dx, double dy) {
        int o1 = orientation(ax, ay, bx, by, cx, cy), o2 = orientation(ax, ay, bx, by, dx, dy);
        int o3 = orientation(cx, cy, dx, dy, ax, ay), o4 = orientation(cx, cy, dx, dy, bx, by);
        return (o1 != o2 && o3 != o4)
                || (o1 == 0 && onSegment(ax, ay, bx, by, cx, cy))
                || (o2 == 0 && onSegment(ax, ay, bx, by, dx, dy))
                || (o3 == 0 && onSegment(cx, cy, dx, dy, ax, ay))
                || (o4 == 0 && onSegment(cx, cy, dx, dy, bx, by));
    }

    private static boolean properlyCross(double ax, double ay, double bx, double by,
                                         double cx, double cy, double dx, double dy) {
        double d1 = orient(cx, cy, dx, dy, ax, ay);
        double d2 = orient(cx, cy, dx, dy, bx, by);
        double d3 = orient(ax, ay, bx, by, cx, cy);
        double d4 = orient(ax, ay, bx, by, dx, dy);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }

    /** The cross product (b − a) × (p − a): positive for a left turn, negative right, 0 collinear. */
    private static double orient(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    /** Sign of the cross product (b − a) × (p − a): 1 left turn, −1 right turn, 0 collinear. O(1). */
    public static int orientation(double ax, double ay, double bx, double by, double px, double py) {
        double v = orient(ax, ay, bx, by, px, py);
        return v > 0 ? 1 : v < 0 ? -1 : 0;
    }

    /**
     * True when p lies on the closed segment a–b: exactly collinear (cross product 0) and within
     * the segment's bounding box. O(1).
     */
    public static boolean onSegment(double ax, double ay, double bx, double by, double px, double py) {
        return orient(ax, ay, bx, by, px, py) == 0
                && Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polygon p && Arrays.equals(xs, p.xs) && Arrays.equals(ys, p.ys);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xs) * 31 + Arrays.hashCode(ys);
    }

    @Override
    public String toString() {
        return "Polygon[" + xs.length + " vertices, area " + Math.round(area()) + " m²]";
    }
}
