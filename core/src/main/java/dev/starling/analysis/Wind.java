package dev.starling.analysis;

/**
 * The wind a show flies in: a steady mean plus gusts. Show frame (x right, y away from the
 * audience, z up), m/s, seconds.
 *
 * <p>Gusts are a zero-mean Gauss–Markov (Ornstein–Uhlenbeck) velocity with correlation time
 * {@code gustTau}, split into a component shared by the whole fleet (one realisation per
 * Monte-Carlo run: the large eddies, hundreds of metres across, that every drone meets) and a
 * per-drone component (small-scale turbulence and rotor-wash interaction), with variance
 * fractions {@code commonFraction} and {@code 1 − commonFraction}. The Dryden model of
 * MIL-HDBK-1797 puts the longitudinal length scale near 100 m altitude at about 260 m, so two
 * drones 2 m apart see almost the same gust (correlation ≈ e^{−2/260}); a per-drone share of 20 %
 * of the variance is deliberately pessimistic. See docs/analysis.md.
 *
 * @param meanSpeed      steady horizontal wind speed, m/s (≥ 0)
 * @param directionDeg   direction the wind blows <em>towards</em>, degrees counter-clockwise from +x
 * @param gustSigma      RMS of the horizontal gust vector's magnitude, m/s (per horizontal axis
 *                       σ = gustSigma/√2)
 * @param gustTau        gust correlation time, seconds (&gt; 0)
 * @param commonFraction share of the gust variance common to all drones, 0..1
 * @param verticalRatio  vertical gust σ as a fraction of the per-axis horizontal σ, ≥ 0
 */
public record Wind(double meanSpeed, double directionDeg, double gustSigma, double gustTau,
                   double commonFraction, double verticalRatio) {
    /**
     * 5 m/s steady with gusts to about 8 m/s: a 1.5 m/s RMS gust vector (σ ≈ 1.06 m/s per axis,
     * turbulence intensity ≈ 21 %, peaks ≈ 3σ ≈ 3 m/s above the mean), 5 s correlation time,
     * 80 % of the variance shared by the fleet.
     */
    public static final Wind DEFAULT = new Wind(5, 0, 1.5, 5, 0.8, 0.3);
    /** Still air. */
    public static final Wind CALM = new Wind(0, 0, 0, 5, 0.8, 0.3);

    public Wind {
        require(meanSpeed >= 0 && Double.isFinite(meanSpeed), "mean wind speed must be a finite number >= 0 m/s, was " + meanSpeed);
        require(Double.isFinite(directionDeg), "wind direction must be finite degrees, was " + directionDeg);
        require(gustSigma >= 0 && Double.isFinite(gustSigma), "gust sigma must be a finite number >= 0 m/s, was " + gustSigma);
        require(gustTau > 0 && Double.isFinite(gustTau), "gust correlation time must be > 0 s, was " + gustTau);
        require(commonFraction >= 0 && commonFraction <= 1, "common gust fraction must be in [0, 1], was " + commonFraction);
        require(verticalRatio >= 0 && Double.isFinite(verticalRatio), "vertical gust ratio must be >= 0, was " + verticalRatio);
    }

    /** x component of the mean wind, m/s. */
    public double meanX() {
        return meanSpeed * Math.cos(Math.toRadians(directionDeg));
    }

    /** y component of the mean wind, m/s. */
    public double meanY() {
        return meanSpeed * Math.sin(Math.toRadians(directionDeg));
    }

    /** Per-axis horizontal σ of the fleet-wide gust, m/s. */
    double commonSigmaH() {
        return gustSigma / Math.sqrt(2) * Math.sqrt(commonFraction);
    }

    /** Per-axis horizontal σ of each drone's own gust, m/s. */
    double droneSigmaH() {
        return gustSigma / Math.sqrt(2) * Math.sqrt(1 - commonFraction);
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
