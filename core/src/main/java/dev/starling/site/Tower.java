package dev.starling.site;

/**
 * A building as a vertical prism: its footprint extruded from {@code base} to
 * {@code base + height} (metres, show frame, z up).
 *
 * @param name      e.g. {@code "Raffles City T3N"}, or {@code "Jiangbeizui CBD #12"} for a
 *                  tower generated from a district
 * @param footprint outline seen from above
 * @param base      z of the ground it stands on, metres
 * @param height    metres above {@code base}, positive
 * @param windowRgb colour of its lit windows, 0xRRGGBB
 */
public record Tower(String name, Polygon footprint, double base, double height, int windowRgb) {
    public Tower {
        if (!(height > 0) || !Double.isFinite(height) || !Double.isFinite(base)) {
            throw new IllegalArgumentException("tower '" + name + "' needs a finite base and a positive height");
        }
    }

    /** z of the roof, metres. */
    public double top() {
        return base + height;
    }

    /**
     * Euclidean distance (metres) from (x, y, z) to the nearest point of the prism, 0 inside.
     * O(footprint vertices).
     */
    public double distanceTo(double x, double y, double z) {
        double dh = footprint.distanceTo(x, y);
        double dv = Math.max(0, Math.max(base - z, z - top()));
        return Math.sqrt(dh * dh + dv * dv);
    }
}
