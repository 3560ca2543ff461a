package dev.starling.formation;

/**
 * A sampled formation with what a report needs.
 *
 * @param targets        the points in the show frame: lit first, then dark reserve
 * @param shape          the formation's geometry (for {@link Shape#describe()})
 * @param litMinSpacing  smallest distance between two lit points, metres (exact; +∞ for one point)
 * @param minSpacing     smallest distance between any two points, lit or reserve (exact)
 * @param idealSpacing   spacing a perfect spread of the lit points would have, metres
 *                       ({@link Shape#idealSpacing(int)}; NaN for point files)
 */
public record FormationResult(Targets targets, Shape shape, double litMinSpacing, double minSpacing,
                              double idealSpacing) {
}
