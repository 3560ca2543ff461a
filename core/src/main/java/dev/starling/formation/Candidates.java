package dev.starling.formation;

/**
 * A dense, even cover of a shape by candidate positions in the formation's local frame
 * (metres; u right, v up, w towards the audience for planar shapes), each with the colour a
 * drone standing there shows. The sampler picks its points among these, so every sampled point
 * lies exactly on the shape.
 *
 * @param u         candidate positions, first {@code n} entries used
 * @param rgb       colour per candidate, 0xRRGGBB, or {@link #DEFAULT_COLOR} for "the scene's colour"
 * @param n         number of candidates
 * @param dimension 1 for curves, 2 for regions and surfaces
 * @param measure   length (m) of the curves or area (m²) of the region or surface
 * @param step      typical distance between neighbouring candidates, metres
 * @param runs      for curves: candidates of polyline r are runs[r] .. runs[r + 1] - 1, in order
 *                  along it; null for regions and surfaces
 * @param closed    for curves: whether polyline r is closed; null otherwise
 * @param domain    the continuous shape, when points may leave the candidates in the final
 *                  refinement; null to keep them on candidates
 */
record Candidates(double[] u, double[] v, double[] w, int[] rgb, int n, int dimension, double measure,
                  double step, int[] runs, boolean[] closed, Domain domain) {
    Candidates(double[] u, double[] v, double[] w, int[] rgb, int n, int dimension, double measure, double step) {
        this(u, v, w, rgb, n, dimension, measure, step, null, null, null);
    }

    Candidates withDomain(Domain d) {
        return new Candidates(u, v, w, rgb, n, dimension, measure, step, runs, closed, d);
    }

    /** Colour marker: use the scene's default colour. */
    static final int DEFAULT_COLOR = -1;

    /** Ideal spacing of k points over this measure: sqrt(area / k) for areas, length / k for curves. */
    double idealSpacing(int k) {
        return idealSpacing(dimension, measure, k);
    }

    static double idealSpacing(int dimension, double measure, int k) {
        return dimension == 1 ? measure / k : Math.sqrt(measure / k);
    }
}
