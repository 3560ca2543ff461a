package dev.starling.formation;

import dev.starling.InputException;

/**
 * A shape with a continuum of positions (region, surface or curve), sampled by {@link BlueNoise}
 * from a dense candidate cover.
 */
abstract class SampledShape extends Shape {
    /**
     * Candidates per ideal spacing, along each direction, for regions and surfaces (16 per cell):
     * enough for the discrete stage, since the continuous refinement then leaves the candidates.
     */
    static final double CANDIDATES_PER_SPACING_2D = 4;
    /** The same for surfaces without continuous refinement (meshes): their points stay on candidates. */
    static final double CANDIDATES_PER_SPACING_DISCRETE = 6;
    /** Candidates per ideal spacing along curves. */
    static final double CANDIDATES_PER_SPACING_1D = 48;
    /** Cap on candidates (memory: about 28 bytes each, and the Lloyd steps visit all of them). */
    static final int MAX_CANDIDATES = 3_000_000;
    /** The candidate cover must offer at least this many times k positions. */
    static final int MIN_CANDIDATES_PER_POINT = 8;

    /**
     * Candidates about {@code step} metres apart covering the shape, deterministic for a seed.
     * {@code step} is a request: implementations may coarsen it to respect their memory caps.
     */
    abstract Candidates candidates(double step, long seed);

    /** Candidates per ideal spacing along each direction of the shape. */
    double candidatesPerSpacing() {
        return dimension() == 1 ? CANDIDATES_PER_SPACING_1D : CANDIDATES_PER_SPACING_2D;
    }

    /** A short name for messages, e.g. {@code "the text"}. */
    abstract String noun();

    @Override
    LocalPoints sample(int k, long seed) {
        double ideal = idealSpacing(k);
        if (!(ideal > 0) || !Double.isFinite(ideal)) {
            throw new InputException(null, null, noun() + " has no " + (dimension() == 1 ? "length" : "area")
                    + " to place points on", "check the source: it must draw something");
        }
        double perSpacing = candidatesPerSpacing();
        double step = ideal / perSpacing;
        Candidates c = candidates(step, seed);
        for (int refine = 0; refine < 3 && c.n() < (long) MIN_CANDIDATES_PER_POINT * k && c.n() < MAX_CANDIDATES; refine++) {
            step *= 0.5; // thin features the first cover missed: look closer
            c = candidates(step, seed);
        }
        if (c.n() < k) {
            throw new InputException(null, null, noun() + " is too thin or too small to hold " + k
                    + " distinct points (only " + c.n() + " positions found on it)",
                    "make it larger or bolder, or ask for fewer points (count)");
        }
        return BlueNoise.sample(c, k, seed);
    }
}
