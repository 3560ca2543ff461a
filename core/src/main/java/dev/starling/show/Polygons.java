package dev.starling.show;

import static dev.starling.site.Polygon.onSegment;
import static dev.starling.site.Polygon.segmentsMeet;

/**
 * Plane polygon tests for geofences: vertices {@code [x, y]} in order (either winding), closed
 * implicitly (the last vertex connects to the first). Plain double arithmetic, no allocation.
 * The segment predicates (on-segment, segments meeting) are those of {@link dev.starling.site.Polygon};
 * what is the geofence's own is the raw vertex-array form and which edge pairs count as crossing.
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
                } else if (segmentsMeet(a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1])) {
                    return new int[] {i, j};
                }
            }
        }
        return null;
    }

    /** True when p lies on the closed segment a–b: an edge sharing an end with a–b folds back onto it. */
    private static boolean collinearOverlap(double[] a, double[] b, double[] p) {
        return onSegment(a[0], a[1], b[0], b[1], p[0], p[1]);
    }
}
