package dev.starling.analysis;

import dev.starling.base.Parallel;

/**
 * Parameters of the Monte-Carlo contact-risk model ({@link RiskAnalysis}); SI units. Defaults
 * are for RTK show drones (docs/analysis.md explains each value and its source).
 *
 * <p>Flown position of drone i = planned + e_i, with
 * <pre>
 *   e_i(t) = n_i(t) + c_g·(g_c(t) + g_i(t)) − τ_c·(1 + ‖w_i(t)‖/W_r)·v_i(t),   w_i = w̄ + g_c + g_i
 * </pre>
 * n_i: GNSS error, a Gauss–Markov process per drone and axis (σ_h horizontal, σ_v vertical,
 * correlation time τ), discretised exactly: e_{k+1} = φ·e_k + √(1−φ²)·σ·w, φ = exp(−Δt/τ).
 * g_c, g_i: the fleet-wide and per-drone gusts of {@link Wind}, same kind of process. c_g: how far
 * a gust pushes a drone off its track per m/s. τ_c: tracking lag of the position controller,
 * growing as the wind approaches the drone's rating W_r.
 *
 * @param gnssSigmaH      GNSS position error σ per horizontal axis, m (RTK fixed: 0.02–0.1 m
 *                        including position-control jitter; consumer GNSS: 1–2 m)
 * @param gnssSigmaV      GNSS position error σ vertical, m
 * @param gnssTau         GNSS error correlation time, s
 * @param wind            the wind model
 * @param gustResponse    c_g, metres of displacement per m/s of gust, s
 * @param trackingLag     τ_c, seconds the drone trails its set-point in still air
 * @param windRating      W_r, the drone's rated wind speed, m/s
 * @param contactDistance centre-to-centre distance at which two drones touch, m (a 0.35 m
 *                        show drone's rotor disks plus prop-wash margin)
 * @param nearSigmas      k: pairs whose planned distance never falls below contact + k·(error
 *                        bound) cannot touch at that level and are not simulated
 * @param step            Monte-Carlo time step, s; relative positions are linear between steps
 * @param groundAltitude  pairs count only while both drones are above this, m (as the verifier)
 * @param runs            Monte-Carlo runs
 * @param seed            seed of the runs; same seed, same numbers, for any thread count
 * @param threads         worker threads, ≥ 1
 * @param targetRisk      the contact probability a plan should stay under, for the margin estimate
 */
public record RiskProfile(double gnssSigmaH, double gnssSigmaV, double gnssTau, Wind wind, double gustResponse,
                          double trackingLag, double windRating, double contactDistance, double nearSigmas,
                          double step, double groundAltitude, int runs, long seed, int threads, double targetRisk) {
    /** RTK show drones in 5 m/s wind with 3 m/s gusts; 200 runs, seed 1, all cores. */
    public static final RiskProfile DEFAULT = new RiskProfile(0.10, 0.15, 30, Wind.DEFAULT, 0.1, 0.05, 12, 0.5, 6,
            0.2, 2.5, 200, 1, Parallel.defaultThreads(), 1e-3);

    public RiskProfile {
        Wind.require(wind != null, "a wind model is required");
        Wind.require(gnssSigmaH >= 0 && Double.isFinite(gnssSigmaH), "GNSS horizontal sigma must be >= 0 m, was " + gnssSigmaH);
        Wind.require(gnssSigmaV >= 0 && Double.isFinite(gnssSigmaV), "GNSS vertical sigma must be >= 0 m, was " + gnssSigmaV);
        Wind.require(gnssTau > 0, "GNSS correlation time must be > 0 s, was " + gnssTau);
        Wind.require(gustResponse >= 0 && Double.isFinite(gustResponse), "gust response must be >= 0 s, was " + gustResponse);
        Wind.require(trackingLag >= 0 && Double.isFinite(trackingLag), "tracking lag must be >= 0 s, was " + trackingLag);
        Wind.require(windRating > 0 && Double.isFinite(windRating), "wind rating must be > 0 m/s, was " + windRating);
        Wind.require(contactDistance > 0 && Double.isFinite(contactDistance), "contact distance must be > 0 m, was " + contactDistance);
        Wind.require(nearSigmas >= 1 && Double.isFinite(nearSigmas), "near-pair sigmas must be >= 1, was " + nearSigmas);
        // at least the plans' 1 ms grid: the work is duration / step, and 1e-300 s never finished
        Wind.require(step >= 1e-3 && step <= 5, "Monte-Carlo step must be in [0.001, 5] s, was " + step);
        Wind.require(Double.isFinite(groundAltitude), "ground altitude must be finite, was " + groundAltitude);
        Wind.require(runs >= 1 && runs <= 10_000_000, "runs must be in 1..10000000, was " + runs);
        Wind.require(threads >= 1, "threads must be >= 1, was " + threads);
        Wind.require(targetRisk > 0 && targetRisk < 1, "target risk must be in (0, 1), was " + targetRisk);
    }

    public RiskProfile withRuns(int n) {
        return new RiskProfile(gnssSigmaH, gnssSigmaV, gnssTau, wind, gustResponse, trackingLag, windRating,
                contactDistance, nearSigmas, step, groundAltitude, n, seed, threads, targetRisk);
    }

    public RiskProfile withSeed(long s) {
        return new RiskProfile(gnssSigmaH, gnssSigmaV, gnssTau, wind, gustResponse, trackingLag, windRating,
                contactDistance, nearSigmas, step, groundAltitude, runs, s, threads, targetRisk);
    }

    public RiskProfile withThreads(int n) {
        return new RiskProfile(gnssSigmaH, gnssSigmaV, gnssTau, wind, gustResponse, trackingLag, windRating,
                contactDistance, nearSigmas, step, groundAltitude, runs, seed, n, targetRisk);
    }

    public RiskProfile withWind(Wind w) {
        return new RiskProfile(gnssSigmaH, gnssSigmaV, gnssTau, w, gustResponse, trackingLag, windRating,
                contactDistance, nearSigmas, step, groundAltitude, runs, seed, threads, targetRisk);
    }

    /** Per-axis σ (m) of the Gaussian part of two drones' relative error, horizontal. */
    double relativeSigmaH() {
        double g = gustResponse * wind.droneSigmaH();
        return Math.sqrt(2 * (gnssSigmaH * gnssSigmaH + g * g));
    }

    /** Per-axis σ (m) of the Gaussian part of two drones' relative error, vertical. */
    double relativeSigmaV() {
        double g = gustResponse * wind.droneSigmaH() * wind.verticalRatio();
        return Math.sqrt(2 * (gnssSigmaV * gnssSigmaV + g * g));
    }

    /** k-sigma bound S (m) on the Gaussian part of the relative error: k·max(σ_h, σ_v). */
    double stochasticBound() {
        return nearSigmas * Math.max(relativeSigmaH(), relativeSigmaV());
    }

    /** k-sigma bound on the wind speed a drone meets, m/s: |w̄| + k·(total per-axis gust σ). */
    double windBound() {
        double axis = wind.gustSigma() / Math.sqrt(2) * Math.max(1, wind.verticalRatio());
        return wind.meanSpeed() + nearSigmas * axis;
    }

    /** k-sigma bound on ‖g_i − g_j‖, two drones' own gusts, m/s. */
    double gustDifferenceBound() {
        return nearSigmas * Math.sqrt(2) * wind.droneSigmaH() * Math.max(1, wind.verticalRatio());
    }

    /**
     * k-sigma bound (m) on |e_i − e_j| at one instant, given the planned speeds of the two drones
     * and the norm of their velocity difference (m/s):
     * S + τ_c·[(1 + W/W_r)·|v_i − v_j| + (G/W_r)·min(|v_i|, |v_j|)]. Derivation: docs/analysis.md.
     */
    double relativeErrorBound(double speedI, double speedJ, double relSpeed) {
        return stochasticBound() + trackingLag * ((1 + windBound() / windRating) * relSpeed
                + gustDifferenceBound() / windRating * Math.min(speedI, speedJ));
    }
}
