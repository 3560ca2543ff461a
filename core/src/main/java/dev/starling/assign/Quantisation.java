package dev.starling.assign;

/**
 * The integer grid on which {@link Assigner} solves: a point {@code p} (metres, show frame) maps
 * to the integer vector {@code rint((p - origin) / step)}, and the cost of a pair becomes the exact
 * integer {@code |qa - qb|²} in units of {@code step²}.
 *
 * <p>{@link #fit} puts the origin at the centre of the joint bounding box of both point sets and
 * picks the finest power-of-two step for which every quantised coordinate stays within
 * ±{@value #COORDINATE_LIMIT} (2<sup>21</sup>). With that bound every cost is below 3·2<sup>44</sup>
 * and every intermediate of the solver and of the certificate check (sums of costs and dual
 * prices, all below 2<sup>52</sup>) is an integer held exactly by a {@code double}: the integer
 * problem is solved and checked in exact arithmetic. The step is at most 2<sup>-20</sup> of the
 * largest half-extent: 2<sup>-14</sup> m (61 µm) for a 200 m wide show, 2<sup>-10</sup> m
 * (0.98 mm) up to about 4 km.
 *
 * <p>Rounding moves each point by at most {@link #maxPointShift()} = (√3/2)·step, so the assignment
 * is exactly optimal for point sets within that distance of the given ones; CAPT's separation
 * guarantee holds for the quantised points and degrades by at most twice that shift.
 *
 * @param originX origin of the grid, metres
 * @param originY origin of the grid, metres
 * @param originZ origin of the grid, metres
 * @param step    grid spacing, metres (a power of two)
 */
public record Quantisation(double originX, double originY, double originZ, double step) {
    /** Largest absolute quantised coordinate {@link #fit} produces (2<sup>21</sup>). */
    public static final int COORDINATE_LIMIT = 1 << 21;

    /** Finest step used, for point sets that (almost) coincide: 2<sup>-60</sup> m. */
    static final int MIN_STEP_EXPONENT = -60;

    public Quantisation {
        if (!Double.isFinite(originX) || !Double.isFinite(originY) || !Double.isFinite(originZ)) {
            throw new IllegalArgumentException("origin must be finite");
        }
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("step must be positive and finite, got " + step);
        }
    }

    /**
     * The grid for two point sets given as structure-of-arrays (metres). Cost: one pass over the
     * coordinates. All values must be finite.
     */
    public static Quantisation fit(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz) {
        double[] ox = centreAndHalfExtent(ax, bx);
        double[] oy = centreAndHalfExtent(ay, by);
        double[] oz = centreAndHalfExtent(az, bz);
        double r = Math.max(ox[1], Math.max(oy[1], oz[1]));
        int e = r > 0 ? Math.max(Math.getExponent(r) - 20, MIN_STEP_EXPONENT) : MIN_STEP_EXPONENT;
        // r < 2^(getExponent(r)+1) = 2^21 · step, so |rint((x - origin) / step)| ≤ 2^21.
        return new Quantisation(ox[0], oy[0], oz[0], Math.scalb(1.0, e));
    }

    /**
     * Quantised coordinates of one axis: {@code out[i] = rint((c[i] - origin) / step)}, an integer
     * held in a double.
     *
     * @throws IllegalArgumentException when a value is not finite or falls outside the grid
     */
    public double[] quantise(double[] c, double origin) {
        double[] out = new double[c.length];
        double inv = 1.0 / step;
        for (int i = 0; i < c.length; i++) {
            double q = Math.rint((c[i] - origin) * inv);
            if (!(Math.abs(q) <= COORDINATE_LIMIT)) {
                throw new IllegalArgumentException("coordinate " + c[i] + " at index " + i
                        + " lies outside this quantisation's grid (origin " + origin + ", step " + step + ")");
            }
            out[i] = q;
        }
        return out;
    }

    /** Largest distance by which quantisation moves a point: (√3/2)·step, metres. */
    public double maxPointShift() {
        return Math.sqrt(3) / 2 * step;
    }

    /**
     * Largest difference, over all pairs, between a true squared distance (m²) and its quantised
     * value times step², for points at most {@code maxDistance} metres apart:
     * 2√3·step·maxDistance + 9·step².
     */
    public double maxPairCostError(double maxDistance) {
        return 2 * Math.sqrt(3) * step * maxDistance + 9 * step * step;
    }

    private static double[] centreAndHalfExtent(double[] a, double[] b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (double v : b) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("coordinates must be finite");
        }
        double c = lo * 0.5 + hi * 0.5; // no overflow near ±Double.MAX_VALUE
        return new double[] {c, Math.max(hi - c, c - lo)};
    }
}
