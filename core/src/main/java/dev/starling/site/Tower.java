package dev.starling.site;

/**
 * A building: its footprint extruded from {@code base} to {@code base + height} (metres, show
 * frame, z up), straight or curved. A curved tower ({@code lean} not zero) bends like a sail:
 * its footprint slides horizontally by {@code lean · s²} at height fraction s (vertical at the
 * foot, the roof {@code lean} metres off). The renderer draws it, and {@link #distanceTo}
 * measures it, as the same {@value #SEGMENTS} stacked sections ({@link #offsetX}, {@link #offsetY}).
 *
 * @param name      e.g. {@code "Raffles City T3N"}, or {@code "Jiangbeizui CBD #12"} for a
 *                  tower generated from a district
 * @param footprint outline seen from above, at the foot
 * @param base      z of the ground it stands on, metres
 * @param height    metres above {@code base}, positive
 * @param windowRgb colour of its lit windows, 0xRRGGBB
 * @param leanX     x offset of the roof from the foot, metres (0 for a straight tower)
 * @param leanY     y offset of the roof from the foot, metres
 * @param style     how its face is lit: {@link #WINDOWS} (office and flat windows, the default),
 *                  {@link #GLASS} (a glowing glass hall such as the Crystal) or {@link #TERRACES}
 *                  (storeys of eaves hung with lanterns, such as Hongyadong's stilted houses)
 */
public record Tower(String name, Polygon footprint, double base, double height, int windowRgb,
                    double leanX, double leanY, String style) {
    public static final String WINDOWS = "windows";
    public static final String GLASS = "glass";
    public static final String TERRACES = "terraces";
    /** The styles a site file may name. */
    public static final java.util.List<String> STYLES = java.util.List.of(WINDOWS, GLASS, TERRACES);

    /** Sections of a curved tower, for drawing and for distances. */
    public static final int SEGMENTS = 24;

    public Tower {
        if (!(height > 0) || !Double.isFinite(height) || !Double.isFinite(base)) {
            throw new IllegalArgumentException("tower '" + name + "' needs a finite base and a positive height");
        }
        if (!Double.isFinite(leanX) || !Double.isFinite(leanY)) {
            throw new IllegalArgumentException("tower '" + name + "' needs a finite lean");
        }
        if (!STYLES.contains(style)) {
            throw new IllegalArgumentException("tower '" + name + "' has an unknown style " + style);
        }
    }

    /** A straight tower. */
    public Tower(String name, Polygon footprint, double base, double height, int windowRgb) {
        this(name, footprint, base, height, windowRgb, 0, 0, WINDOWS);
    }

    /** z of the roof, metres. */
    public double top() {
        return base + height;
    }

    public boolean curved() {
        return leanX != 0 || leanY != 0;
    }

    /** Sections it is drawn and measured as: 1 straight, {@link #SEGMENTS} curved. */
    public int sections() {
        return curved() ? SEGMENTS : 1;
    }

    /** Horizontal x offset of the footprint at the bottom of section k (k = sections() for the roof). */
    public double offsetX(int k) {
        double s = (double) k / sections();
        return leanX * s * s;
    }

    /** Horizontal y offset of the footprint at the bottom of section k. */
    public double offsetY(int k) {
        double s = (double) k / sections();
        return leanY * s * s;
    }

    /** z of the bottom of section k (k = sections() for the roof). */
    public double sectionZ(int k) {
        return base + height * k / sections();
    }

    /**
     * Distance (metres) from (x, y, z) to the nearest point of the tower, 0 inside; never more than
     * the true distance. Straight: exact, to the prism. Curved: within section k the footprint
     * slides at most δ = |lean| · (k + ¾) / {@value #SEGMENTS}² away from its offset at the
     * section's middle, so the section lies inside that middle prism grown by δ, and the distance
     * to it, less δ, is a lower bound, short of the true one by at most 2δ (2.5 m in the top
     * section of a tower leaning 30 m). O(sections × footprint vertices).
     */
    public double distanceTo(double x, double y, double z) {
        if (!curved()) {
            return prismDistance(x, y, z, 0, 0, base, top());
        }
        double best = Double.POSITIVE_INFINITY;
        double lean = Math.hypot(leanX, leanY);
        int n = sections();
        double[] fb = new double[4];
        footprint.bounds(fb);
        // nearest section first (the one level with z), so that the others mostly fall to their bounds
        int k0 = (int) Math.max(0, Math.min(n - 1, Math.floor((z - base) / height * n)));
        // the footprint's distance at the last measured section, and that section's offset: the
        // distance is 1-Lipschitz, so at an offset δ away it is at least that less |δ|
        double hm = 0, mx = 0, my = 0;
        for (int r = 0; r < n; r++) {
            int k = r <= k0 ? k0 - r : r;
            double s = (k + 0.5) / n;
            double grow = lean * (k + 0.75) / ((double) n * n);
            double ox = leanX * s * s, oy = leanY * s * s, z0 = sectionZ(k), z1 = sectionZ(k + 1);
            double ez = Math.max(0, Math.max(z0 - z, z - z1));
            if (r > 0) {
                // lower bounds on the section's measure, from its box and from the last measured
                // section; shaved against rounding
                double ex = Math.max(0, Math.max(fb[0] + ox - x, x - fb[1] - ox));
                double ey = Math.max(0, Math.max(fb[2] + oy - y, y - fb[3] - oy));
                double dx = ox - mx, dy = oy - my;
                double eh = Math.max(Math.sqrt(ex * ex + ey * ey), hm - Math.sqrt(dx * dx + dy * dy));
                if ((Math.sqrt(eh * eh + ez * ez) - grow) * (1 - 1e-9) - 1e-6 > best) {
                    continue; // farther than a section already measured: cannot lower the minimum
                }
            }
            double dh = footprint.distanceTo(x - ox, y - oy);
            double d = Math.sqrt(dh * dh + ez * ez) - grow;
            best = Math.min(best, Math.max(0, d));
            hm = dh;
            mx = ox;
            my = oy;
        }
        return best;
    }

    /**
     * A lower bound on {@link #distanceTo}(x, y, z) for every z: the horizontal part of each
     * section's measure (0 inside a footprint). Like the distance it is 1-Lipschitz in (x, y).
     * O(sections × footprint vertices).
     */
    public double horizontalDistanceBound(double x, double y) {
        if (!curved()) {
            return footprint.distanceTo(x, y);
        }
        double best = Double.POSITIVE_INFINITY;
        double lean = Math.hypot(leanX, leanY);
        int n = sections();
        for (int k = 0; k < n; k++) {
            double s = (k + 0.5) / n;
            double grow = lean * (k + 0.75) / ((double) n * n);
            best = Math.min(best, Math.max(0, footprint.distanceTo(x - leanX * s * s, y - leanY * s * s) - grow));
        }
        return best;
    }

    private double prismDistance(double x, double y, double z, double ox, double oy, double z0, double z1) {
        double dh = footprint.distanceTo(x - ox, y - oy);
        double dv = Math.max(0, Math.max(z0 - z, z - z1));
        return Math.sqrt(dh * dh + dv * dv);
    }
}
