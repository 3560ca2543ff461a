package dev.starling.verify;

import dev.starling.InputException;

/**
 * A geofence polygon in the horizontal plane (show frame x, y; metres) and the signed distance
 * of a point to it: positive inside, negative outside, the magnitude being the distance to the
 * nearest edge. Inside is decided by the even–odd rule (either winding). Read-only; O(vertices)
 * per query, no allocation.
 */
final class Geofence {
    private final double[] vx;
    private final double[] vy;

    Geofence(double[][] polygon) {
        if (polygon.length < 3) {
            throw new InputException(null, "limits.geofence", "a geofence needs at least 3 vertices, has "
                    + polygon.length, "list the fence's corners as [x, y] pairs in order");
        }
        vx = new double[polygon.length];
        vy = new double[polygon.length];
        for (int k = 0; k < polygon.length; k++) {
            vx[k] = polygon[k][0];
            vy[k] = polygon[k][1];
            if (!Double.isFinite(vx[k]) || !Double.isFinite(vy[k])) {
                throw new InputException(null, "limits.geofence[" + k + "]", "vertex coordinates must be finite", null);
            }
        }
    }

    /** Signed distance of (x, y) to the fence: > 0 inside, < 0 outside, metres. */
    double signedDistance(double x, double y) {
        int n = vx.length;
        boolean inside = false;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = vx[i], yi = vy[i], xj = vx[j], yj = vy[j];
            if ((yi > y) != (yj > y)) {
                double xCross = xi + (y - yi) * (xj - xi) / (yj - yi);
                if (x < xCross) {
                    inside = !inside;
                }
            }
            double ex = xi - xj, ey = yi - yj;
            double len2 = ex * ex + ey * ey;
            double u = len2 > 0 ? ((x - xj) * ex + (y - yj) * ey) / len2 : 0;
            u = u < 0 ? 0 : (u > 1 ? 1 : u);
            double dx = x - (xj + u * ex), dy = y - (yj + u * ey);
            double d2 = dx * dx + dy * dy;
            if (d2 < best) {
                best = d2;
            }
        }
        double d = Math.sqrt(best);
        return inside ? d : -d;
    }
}
