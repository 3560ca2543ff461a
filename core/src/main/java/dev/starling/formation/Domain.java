package dev.starling.formation;

/**
 * The continuous shape behind a candidate cover, for the sampler's final local refinement:
 * points may then stand anywhere on the shape, not only on candidates. Implementations keep
 * every accepted position on the shape (regions: inside a lit pixel of the candidate raster;
 * surfaces: projected onto the surface).
 */
interface Domain {
    /**
     * Moves {@code p} = {u, v, w} onto the shape, in place, and says whether the result is
     * acceptable (false: outside a region, or no unique projection).
     */
    boolean snap(double[] p);

    /**
     * Two orthonormal directions tangent to the shape at {@code p} (on the shape), written to
     * {@code t} as {t1u, t1v, t1w, t2u, t2v, t2w}.
     */
    void tangents(double[] p, double[] t);

    /** Colour at a position on the shape: 0xRRGGBB or {@link Candidates#DEFAULT_COLOR}. */
    int colorAt(double[] p);
}
