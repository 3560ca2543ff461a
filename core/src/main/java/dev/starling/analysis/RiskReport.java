package dev.starling.analysis;

import java.util.List;
import java.util.Locale;

/**
 * Monte-Carlo contact risk of a plan under GNSS error and wind ({@link RiskAnalysis#analyze}).
 * Every probability is a field whose name starts with {@code probability} and carries its 95 %
 * confidence interval ({@link Probability}). Distances in metres, times in seconds from show start.
 *
 * @param profile                      the model and its parameters
 * @param runs                         Monte-Carlo runs
 * @param seed                         seed: the same seed gives the same numbers for any thread count
 * @param threads                      worker threads used
 * @param drones                       fleet size
 * @param dronesInvolved               drones in at least one near encounter (only these are simulated)
 * @param encounters                   near encounters: maximal time spans over which a pair comes
 *                                     within contact + the k-sigma error bound
 * @param pairTestsPerRun              pair-interval tests per run
 * @param droneStepsPerRun             error samples drawn per run (per drone per step)
 * @param probabilityContact           P(any two drones closer than the contact distance at some time)
 * @param probabilityWindAboveRating   P(the fleet-wide wind, mean + shared gust, exceeds the drones'
 *                                     rating at some time)
 * @param phases                       per takeoff / transition / hold / landing
 * @param riskiestPairs                encounters with the most contacts, then the smallest flown minima
 * @param riskiestMoments              seconds of the show with the most runs having a contact (empty
 *                                     when no run had one)
 * @param closest                      the smallest flown distance seen in any run
 * @param margin                       planned separation needed for the target risk
 * @param precomputeMs                 finding near encounters, ms
 * @param simulationMs                 the runs, ms
 * @param runtimeMs                    total wall-clock time, ms
 */
public record RiskReport(RiskProfile profile, int runs, long seed, int threads, int drones, int dronesInvolved,
                         int encounters, long pairTestsPerRun, long droneStepsPerRun, Probability probabilityContact,
                         Probability probabilityWindAboveRating, List<PhaseRisk> phases, List<PairRisk> riskiestPairs,
                         List<Moment> riskiestMoments, Closest closest, Margin margin, double precomputeMs,
                         double simulationMs, double runtimeMs) {
    public RiskReport {
        phases = List.copyOf(phases);
        riskiestPairs = List.copyOf(riskiestPairs);
        riskiestMoments = List.copyOf(riskiestMoments);
    }

    /**
     * Risk over one phase of the show.
     *
     * @param name               e.g. {@code takeoff}, {@code → AI+车}, {@code AI+车}, {@code landing}
     * @param kind               {@code takeoff}, {@code transition}, {@code hold}, {@code gap}, {@code landing} or {@code show}
     * @param start              seconds
     * @param end                seconds
     * @param encounters         near encounters overlapping the phase
     * @param probabilityContact P(a contact during this phase)
     */
    public record PhaseRisk(String name, String kind, double start, double end, int encounters,
                            Probability probabilityContact) {
    }

    /**
     * One near encounter of two drones.
     *
     * @param droneA             plan index of the first drone (the smaller)
     * @param droneB             plan index of the second
     * @param nameA              display name of the first
     * @param nameB              display name of the second
     * @param start              when the encounter starts, seconds
     * @param end                when it ends, seconds
     * @param plannedMinM        planned closest approach during the encounter
     * @param plannedMinTime     when, seconds
     * @param probabilityContact P(the two touch during the encounter)
     * @param flownMinMeanM      flown closest approach, mean over runs
     * @param flownMinWorstM     flown closest approach, smallest over runs
     * @param worstRun           the run (0-based) that gave it
     * @param worstTime          when, in that run
     */
    public record PairRisk(int droneA, int droneB, String nameA, String nameB, double start, double end,
                           double plannedMinM, double plannedMinTime, Probability probabilityContact,
                           double flownMinMeanM, double flownMinWorstM, int worstRun, double worstTime) {
    }

    /**
     * One second of the show in which runs had contacts.
     *
     * @param time               start of the second, seconds
     * @param phase              the phase it falls in
     * @param probabilityContact P(a contact starts in this second)
     */
    public record Moment(double time, String phase, Probability probabilityContact) {
    }

    /** The smallest flown distance in any run: between {@code nameA} and {@code nameB} at {@code time} in run {@code run}. */
    public record Closest(int run, int droneA, int droneB, String nameA, String nameB, double time, double distanceM,
                          double plannedMinM) {
    }

    /**
     * How far apart a plan must keep near pairs for a target risk, from the distribution of
     * deviation = planned minimum − flown minimum over all (encounter, run) samples: the required
     * planned separation is contact + the (1 − p) quantile of the deviation. Empirical when at
     * least 10 samples lie beyond the quantile, else a Gaussian tail fitted to the deviations'
     * mean and standard deviation.
     *
     * @param probabilityTarget             target risk per encounter (and for the whole show)
     * @param probabilityTargetPerEncounter target per encounter that keeps the whole show under the
     *                                      target (union bound over the encounters)
     * @param requiredSeparationM           planned separation for the target per encounter
     * @param method                        {@code empirical}, {@code gaussian-tail} or {@code no-encounters}
     * @param requiredSeparationShowM       planned separation for the target over the whole show
     * @param methodShow                    the method of that estimate
     * @param deviationMeanM                mean deviation
     * @param deviationSdM                  standard deviation of the deviation
     * @param deviationSamples              (encounter, run) samples
     * @param plannedMinSeparationM         smallest planned distance of any near pair; when there is
     *                                      none, the screen's static threshold contact + S (no pair
     *                                      comes closer than that)
     * @param meetsTarget                   the plan's smallest planned near distance is at least
     *                                      the whole-show requirement
     */
    public record Margin(double probabilityTarget, double probabilityTargetPerEncounter, double requiredSeparationM,
                         String method, double requiredSeparationShowM, String methodShow, double deviationMeanM,
                         double deviationSdM, long deviationSamples, double plannedMinSeparationM,
                         boolean meetsTarget) {
    }

    /** A human summary. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        RiskProfile p = profile;
        Wind w = p.wind();
        sb.append(String.format(Locale.ROOT, "Contact risk (Monte Carlo: %d runs, seed %d, %d thread(s), step %.2f s)%n",
                runs, seed, threads, p.step()));
        sb.append(String.format(Locale.ROOT, "  model: GNSS σ %.2f m horizontal / %.2f m vertical, τ %.0f s; wind %.1f m/s "
                        + "towards %.0f°, gusts %.1f m/s RMS (τ %.0f s, %.0f %% fleet-wide); gust push %.2f s, lag %.2f s, "
                        + "rating %.0f m/s; contact < %.2f m%n", p.gnssSigmaH(), p.gnssSigmaV(), p.gnssTau(), w.meanSpeed(),
                w.directionDeg(), w.gustSigma(), w.gustTau(), 100 * w.commonFraction(), p.gustResponse(), p.trackingLag(),
                p.windRating(), p.contactDistance()));
        sb.append(String.format(Locale.ROOT, "  near encounters: %d among %d of %d drones (%.0f-sigma screen); %d pair tests "
                + "and %d error samples per run%n", encounters, dronesInvolved, drones, p.nearSigmas(), pairTestsPerRun,
                droneStepsPerRun));
        sb.append("  P(contact, whole show)         = ").append(probabilityContact.describe()).append('\n');
        sb.append(String.format(Locale.ROOT, "  P(wind above %4.1f m/s rating)  = ", p.windRating()))
                .append(probabilityWindAboveRating.describe()).append('\n');
        if (!phases.isEmpty()) {
            sb.append("  per phase:\n");
            for (PhaseRisk ph : phases) {
                sb.append(String.format(Locale.ROOT, "    %s %7.1f–%-7.1f s %6d encounters  P = %s%n",
                        Text.pad(ph.name(), 24), ph.start(), ph.end(), ph.encounters(),
                        ph.probabilityContact().describe()));
            }
        }
        if (!riskiestPairs.isEmpty()) {
            sb.append("  riskiest pairs:\n");
            for (PairRisk pr : riskiestPairs) {
                sb.append(String.format(Locale.ROOT, "    %s – %s  planned %.2f m at t=%.1f s, flown min mean %.2f m, "
                                + "worst %.2f m (run %d, t=%.1f s)  P = %s%n", pr.nameA(), pr.nameB(), pr.plannedMinM(),
                        pr.plannedMinTime(), pr.flownMinMeanM(), pr.flownMinWorstM(), pr.worstRun(), pr.worstTime(),
                        pr.probabilityContact().describe()));
            }
        }
        if (!riskiestMoments.isEmpty()) {
            sb.append("  riskiest moments:\n");
            for (Moment m : riskiestMoments) {
                sb.append(String.format(Locale.ROOT, "    t=%6.0f s  %s P = %s%n", m.time(),
                        Text.pad(m.phase(), 24), m.probabilityContact().describe()));
            }
        }
        if (closest != null) {
            sb.append(String.format(Locale.ROOT, "  closest flown approach: %.3f m, %s – %s at t=%.1f s in run %d (planned %.2f m)%n",
                    closest.distanceM(), closest.nameA(), closest.nameB(), closest.time(), closest.run(), closest.plannedMinM()));
        }
        Margin m = margin;
        if (encounters == 0) {
            sb.append(String.format(Locale.ROOT, "  margin: no two airborne drones come within %.2f m (contact + the %.0f-sigma error "
                    + "bound) of each other: nothing can touch at that level; keep planned separations above it%n",
                    m.requiredSeparationM(), p.nearSigmas()));
            sb.append(String.format(Locale.ROOT, "  run time: %.2f s (encounters %.2f s, runs %.2f s)%n", runtimeMs / 1000,
                    precomputeMs / 1000, simulationMs / 1000));
            return sb.toString();
        }
        sb.append(String.format(Locale.ROOT, "  margin: for P(contact) ≤ %s per encounter plan near pairs ≥ %.2f m apart (%s); "
                        + "for the whole show (≤ %s each over %d encounters) ≥ %.2f m (%s)%n",
                Probability.fmt(m.probabilityTarget()), m.requiredSeparationM(), m.method(),
                Probability.fmt(m.probabilityTargetPerEncounter()), encounters, m.requiredSeparationShowM(), m.methodShow()));
        sb.append(String.format(Locale.ROOT, "          this plan's closest planned near approach: %.2f m → %s%n",
                m.plannedMinSeparationM(), m.meetsTarget() ? "meets the target" : "below the whole-show requirement"));
        sb.append(String.format(Locale.ROOT, "  run time: %.2f s (encounters %.2f s, runs %.2f s)%n", runtimeMs / 1000,
                precomputeMs / 1000, simulationMs / 1000));
        return sb.toString();
    }
}
