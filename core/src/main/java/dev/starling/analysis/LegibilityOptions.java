package dev.starling.analysis;

/**
 * Thresholds of {@link LegibilityAnalysis}: when a held formation reads poorly from a viewpoint.
 *
 * @param glowDiameter          apparent diameter of one lit drone's glow, metres (the LED diffuser
 *                              of a show drone is 5–10 cm, but at night its halo reads as ~0.5 m)
 * @param minMedianSpacingArcmin flag when the median angular distance to the nearest lit neighbour
 *                              is below this, arc-minutes (human acuity ≈ 1′, Snellen 20/20; two
 *                              point lights merge well before that at night, hence 2′)
 * @param maxOverlapFraction    flag when more than this share of lit drones have their glow
 *                              overlapping another's, 0..1
 * @param minApparentSizeDeg    flag when the formation spans less than this, degrees, in its
 *                              larger dimension (a thumb at arm's length is ≈ 2°)
 * @param minPlaneAngleDeg      flag a planar formation whose plane is within this angle of the
 *                              line of sight (seen edge-on), degrees
 * @param defaultDistance       the default viewpoint (plans without a site) stands this far in
 *                              front of (−y) the show centre, metres
 * @param defaultEyeHeight      and this high, metres
 */
public record LegibilityOptions(double glowDiameter, double minMedianSpacingArcmin, double maxOverlapFraction,
                                double minApparentSizeDeg, double minPlaneAngleDeg, double defaultDistance,
                                double defaultEyeHeight) {
    public static final LegibilityOptions DEFAULT = new LegibilityOptions(0.5, 2.0, 0.2, 3.0, 15.0, 300.0, 2.0);

    public LegibilityOptions {
        Wind.require(glowDiameter >= 0 && Double.isFinite(glowDiameter), "glow diameter must be >= 0 m, was " + glowDiameter);
        Wind.require(minMedianSpacingArcmin >= 0, "minimum spacing must be >= 0 arc-minutes, was " + minMedianSpacingArcmin);
        Wind.require(maxOverlapFraction >= 0 && maxOverlapFraction <= 1, "overlap fraction must be in [0, 1], was " + maxOverlapFraction);
        Wind.require(minApparentSizeDeg >= 0, "minimum apparent size must be >= 0 degrees, was " + minApparentSizeDeg);
        Wind.require(minPlaneAngleDeg >= 0 && minPlaneAngleDeg <= 90, "plane angle must be in [0, 90] degrees, was " + minPlaneAngleDeg);
        Wind.require(defaultDistance > 0 && Double.isFinite(defaultDistance), "default viewing distance must be > 0 m, was " + defaultDistance);
        Wind.require(Double.isFinite(defaultEyeHeight), "default eye height must be finite, was " + defaultEyeHeight);
    }
}
