package dev.starling.analysis;

/**
 * Settings of {@link ClearanceAnalysis}.
 *
 * @param buffer  distance every drone must keep from every structure (towers, bridges, banks),
 *                metres. 10 m covers GNSS and wind errors many times over (docs/analysis.md) and
 *                the turbulence in a building's wake
 * @param step    sampling step near structures, seconds: the reported closest approach is within
 *                speed × step / 2 of the true one
 */
public record ClearanceOptions(double buffer, double step) {
    public static final ClearanceOptions DEFAULT = new ClearanceOptions(10.0, 0.1);

    public ClearanceOptions {
        Wind.require(buffer >= 0 && Double.isFinite(buffer), "clearance buffer must be >= 0 m, was " + buffer);
        Wind.require(step > 0 && Double.isFinite(step), "clearance step must be > 0 s, was " + step);
    }
}
