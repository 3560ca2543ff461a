package dev.starling.formation;

/**
 * Sampled formation points in the formation's local frame (metres), before placement.
 *
 * @param rgb        colour per point, 0xRRGGBB, or {@link Candidates#DEFAULT_COLOR}
 * @param minSpacing smallest distance between any two of the points, metres (exact)
 * @param source     for fixed point sets, the index in the source of each point; else null
 */
record LocalPoints(double[] u, double[] v, double[] w, int[] rgb, double minSpacing, int[] source) {
    LocalPoints(double[] u, double[] v, double[] w, int[] rgb, double minSpacing) {
        this(u, v, w, rgb, minSpacing, null);
    }

    int size() {
        return u.length;
    }
}
