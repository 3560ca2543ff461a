package dev.starling.formation;

/**
 * A formation's geometry in its own local frame (metres): u to the right, v up, w towards the
 * audience (u × v), centred on the origin unless the source fixes positions (CSV points). Planar
 * sources (text, image, SVG, ring, heart, grid) lie in w = 0. {@link Formations#shapeOf} makes
 * one from a show file's formation; {@link Formations#sample} spreads points over it and places
 * them in the show frame.
 */
public abstract class Shape {
    Shape() {
    }

    /** 1 for curves (measure is a length), 2 for regions and surfaces (an area), 0 for fixed point sets. */
    public abstract int dimension();

    /** Length in metres (curves), area in m² (regions, surfaces), or number of points (point sets). */
    public abstract double measure();

    /** Local axis-aligned bounds {umin, vmin, wmin, umax, vmax, wmax}, metres. */
    public abstract double[] bounds();

    /** One line for people: what the shape is and how big, e.g. {@code text "AI+车" (fill), 96.3 × 40.0 m}. */
    public abstract String describe();

    /**
     * Spacing k points would have if spread perfectly: sqrt(area / k) for regions and surfaces,
     * length / k for curves, NaN for fixed point sets. Hexagonal packing reaches 1.07 times this.
     */
    public double idealSpacing(int k) {
        return dimension() == 0 ? Double.NaN : Candidates.idealSpacing(dimension(), measure(), k);
    }

    /**
     * Exactly k points on the shape, spread evenly, with their exact minimum spacing.
     *
     * @throws dev.starling.InputException when the source cannot give k points at all (a point
     *         file with fewer rows), with a path relative to the formation object
     */
    abstract LocalPoints sample(int k, long seed);

    static String size2(double[] b) {
        return String.format(java.util.Locale.ROOT, "%.1f × %.1f m", b[3] - b[0], b[4] - b[1]);
    }

    static String size3(double[] b) {
        return String.format(java.util.Locale.ROOT, "%.1f × %.1f × %.1f m", b[3] - b[0], b[4] - b[1], b[5] - b[2]);
    }
}
