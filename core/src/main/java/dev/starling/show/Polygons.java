package dev.starling.show;

/**
 * Plane polygon tests for geofences: vertices {@code [x, y]} in order (either winding), closed
 * implicitly (the last vertex connects to the first). Plain double arithmetic, no allocation.
 */
final class Polygons {
    private Polygons() {
    }

    /**
     * True when (x, y) is inside the polygon or on its boundary. Crossing-number test, O(v).
     */
    static boolean contains(double[][] poly, double x, double y) {
        boolean inside = false;
        int n = poly.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = poly[i][0], yi = poly[i][1], xj = poly[j][0], yj = poly[j][1];
            if (onSegment(xj, yj, xi, yi, x, y)) {
                return true;
            }
            if ((yi > y) != (yj > y)) {
                double xCross = xi + (y - yi) * (xj - xi) / (yj - yi);
                if (x < xCross) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /** Twice the signed area (positive when counter-clockwise). O(v). */
    static double doubleArea(double[][] poly) {
        double a = 0;
        int n = poly.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            a += poly[j][0] * poly[i][1] - poly[i][0] * poly[j][1];
        }
        return a;
    }

    /**
     * The first pair of edges that cross or touch other than at their shared vertex, as
     * {@code {i, j}} (edge k runs from vertex k to vertex k+1), or {@code null} when the polygon
     * is simple. Adjacent edges that fold back onto each other count as touching. O(v²).
     */
    static int[] firstSelfIntersection(double[][] poly) {
        int n = poly.length;
        for (int i = 0; i < n; i++) {
            double[] a = poly[i], b = poly[(i + 1) % n];
            for (int j = i + 1; j < n; j++) {
                double[] c = poly[j], d = poly[(j + 1) % n];
                boolean adjacentAfter = j == i + 1;
                boolean adjacentBefore = i == 0 && j == n - 1;
                if (adjacentAfter) {
                    // edges a→b and b→d share b: they only conflict when d lies back on a→b or a on b→d
                    if (collinearOverlap(a, b, d) || collinearOverlap(c, d, a)) {
                        return new int[] {i, j};
                    }
                } else if (adjacentBefore) {
                    // edges a→b and c→a share a
                    if (collinearOverlap(a, b, c) || collinearOverlap(c, a, b)) {
                        return new int[] {i, j};
                    }
                } else if (segmentsTouch(a, b, c, d)) {
                    return new int[] {i, j};
                }
            }
        }
        return null;
    }

    /** True when p lies on the closed segment a–b: an edge sharing an end with a–b folds back onto it. */
    private static boolean collinearOverlap(double[] a, double[] b, double[] p) {
        return orientation(a, b, p) == 0 && onSegment(a[0], a[1], b[0], b[1], p[0], p[1]);
    }

    private static boolean segmentsTouch(double[] a, double[] b, double[] c, double[] d) {
        int o1 = orientation(a, b, c), o2 = orientation(a, b, d);
        int o3 = orientation(c, d, a), o4 = orientation(c, d, b);
        return (o1 != o2 && o3 != o4)
                || (o1 == 0 && onSegment(a[0], a[1], b[0], b[1], c[0], c[1]))
                || (o2 == 0 && onSegment(a[0], a[1], b[0], b[1], d[0], d[1]))
                || (o3 == 0 && onSegment(c[0], c[1], d[0], d[1], a[0], a[1]))
                || (o4 == 0 && onSegment(c[0], c[1], d[0], d[1], b[0], b[1]));
    }

    /** Sign of the cross product (b − a) × (p − a): 1 left turn, −1 right turn, 0 collinear. */
    private static int orientation(double[] a, double[] b, double[] p) {
        double v = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
        return v > 0 ? 1 : v < 0 ? -1 : 0;
    }

    /** True when p lies on the closed segment a–b (collinear and within its bounding box). */
    private static boolean onSegment(double ax, double ay, double bx, double by, double px, double py) {
        double cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
        if (cross != 0) {
            return false;
        }
        return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
    }
}
