package dev.starling.analysis;

import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Monte-Carlo contact risk: how likely two drones are to touch when the plan is flown with GNSS
 * error and in wind (model and parameters: {@link RiskProfile}, docs/analysis.md).
 *
 * <p>Steps: (1) {@link Encounters}: find, on the time grid, every pair that could come within
 * contact distance at the k-sigma level of the error model, soundly between grid points;
 * (2) {@link ContactSimulation}: simulate only the drones in those encounters, run by run,
 * in parallel over runs with one {@link java.util.SplittableRandom} split per run;
 * (3) tally: P(contact) for the whole show and per phase with Wilson 95 % intervals (rule of
 * three when no run had a contact), the riskiest pairs and moments, and the planned separation a
 * target risk needs.
 *
 * <p>Cost: (1) O(steps × (drones + candidate pairs)); (2) O(runs × (drone-steps + pair-steps of
 * the encounters)) / threads. Deterministic: the same seed gives the same report (bar the
 * timings) for any thread count.
 */
public final class RiskAnalysis {
    static final int TOP_PAIRS = 10;
    static final int TOP_MOMENTS = 10;

    private RiskAnalysis() {
    }

    /** {@link #analyze(Plan, RiskProfile)} with {@link RiskProfile#DEFAULT}. */
    public static RiskReport analyze(Plan plan) {
        return analyze(plan, RiskProfile.DEFAULT);
    }

    /** Estimates the contact risk of {@code plan} under {@code profile}. */
    public static RiskReport analyze(Plan plan, RiskProfile profile) {
        long t0 = System.nanoTime();
        List<Phase> phases = phases(plan);
        double[] phaseStart = new double[phases.size()];
        for (int i = 0; i < phaseStart.length; i++) {
            phaseStart[i] = phases.get(i).start;
        }
        Encounters enc = Encounters.build(plan, profile);
        long t1 = System.nanoTime();
        ContactSimulation.Tally tally = ContactSimulation.run(enc, profile, phaseStart);
        long t2 = System.nanoTime();
        int runs = profile.runs();

        List<RiskReport.PhaseRisk> phaseRisks = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            Phase ph = phases.get(p);
            int overlapping = 0;
            for (int e = 0; e < enc.count; e++) {
                double s = enc.time(enc.k0[e]), f = enc.time(enc.k1[e] + 1);
                if (s < ph.end && f > ph.start) {
                    overlapping++;
                }
            }
            phaseRisks.add(new RiskReport.PhaseRisk(ph.name, ph.kind, ph.start, ph.end, overlapping,
                    Probability.of(tally.phaseContacts[p], runs)));
        }

        Integer[] order = new Integer[enc.count];
        for (int e = 0; e < enc.count; e++) {
            order[e] = e;
        }
        Arrays.sort(order, (x, y) -> {
            if (tally.encContacts[x] != tally.encContacts[y]) {
                return Integer.compare(tally.encContacts[y], tally.encContacts[x]);
            }
            int c = Double.compare(tally.encWorst[x], tally.encWorst[y]);
            if (c != 0) {
                return c;
            }
            c = Double.compare(enc.plannedMin[x], enc.plannedMin[y]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        List<RiskReport.PairRisk> pairs = new ArrayList<>();
        for (int q = 0; q < Math.min(TOP_PAIRS, enc.count); q++) {
            int e = order[q];
            pairs.add(new RiskReport.PairRisk(enc.a[e], enc.b[e], Plan.droneName(enc.a[e]), Plan.droneName(enc.b[e]),
                    enc.time(enc.k0[e]), enc.time(enc.k1[e] + 1), enc.plannedMin[e], enc.plannedMinTime[e],
                    Probability.of(tally.encContacts[e], runs), tally.encSumMicro[e] / 1e6 / runs, tally.encWorst[e],
                    tally.encWorstRun[e], tally.encWorstTime[e]));
        }

        List<Integer> buckets = new ArrayList<>();
        for (int b = 0; b < tally.buckets; b++) {
            if (tally.bucketRuns[b] > 0) {
                buckets.add(b);
            }
        }
        buckets.sort((x, y) -> tally.bucketRuns[x] != tally.bucketRuns[y]
                ? Long.compare(tally.bucketRuns[y], tally.bucketRuns[x]) : Integer.compare(x, y));
        List<RiskReport.Moment> moments = new ArrayList<>();
        for (int q = 0; q < Math.min(TOP_MOMENTS, buckets.size()); q++) {
            int b = buckets.get(q);
            double time = enc.t0 + b * ContactSimulation.MOMENT;
            moments.add(new RiskReport.Moment(time, phases.get(phaseIndex(phaseStart, time)).name,
                    Probability.of(tally.bucketRuns[b], runs)));
        }

        RiskReport.Closest closest = null;
        int best = -1;
        for (int e = 0; e < enc.count; e++) {
            if (best < 0 || tally.encWorst[e] < tally.encWorst[best]
                    || (tally.encWorst[e] == tally.encWorst[best] && tally.encWorstRun[e] < tally.encWorstRun[best])) {
                best = e;
            }
        }
        if (best >= 0) {
            closest = new RiskReport.Closest(tally.encWorstRun[best], enc.a[best], enc.b[best],
                    Plan.droneName(enc.a[best]), Plan.droneName(enc.b[best]), tally.encWorstTime[best],
                    tally.encWorst[best], enc.plannedMin[best]);
        }

        RiskReport.Margin margin = margin(enc, tally, profile);
        long t3 = System.nanoTime();
        return new RiskReport(profile, runs, profile.seed(), profile.threads(), plan.droneCount(), enc.drones.length,
                enc.count, enc.pairIntervals, enc.entries(), Probability.of(tally.anyContact, runs),
                Probability.of(tally.windAboveRating, runs), phaseRisks, pairs, moments, closest, margin,
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t0) / 1e6);
    }

    /** The margin estimate of {@link RiskReport.Margin}. */
    static RiskReport.Margin margin(Encounters enc, ContactSimulation.Tally tally, RiskProfile p) {
        double target = p.targetRisk();
        double perEncounter = enc.count == 0 ? target : target / enc.count;
        double contact = p.contactDistance();
        double plannedMin = contact + p.stochasticBound();
        for (int e = 0; e < enc.count; e++) {
            plannedMin = Math.min(plannedMin, enc.plannedMin[e]);
        }
        long n = tally.histBelow + tally.histAbove;
        for (long c : tally.hist) {
            n += c;
        }
        if (n == 0) {
            double req = contact + p.stochasticBound();
            return new RiskReport.Margin(target, perEncounter, req, "no-encounters", req, "no-encounters", 0, 0, 0,
                    plannedMin, plannedMin >= req);
        }
        double sum = 0, sum2 = 0;
        double lo = ContactSimulation.HIST_LO, bin = ContactSimulation.HIST_BIN;
        double top = lo + ContactSimulation.HIST_BINS * bin;
        sum += tally.histBelow * lo;
        sum2 += tally.histBelow * lo * lo;
        sum += tally.histAbove * top;
        sum2 += tally.histAbove * top * top;
        for (int q = 0; q < tally.hist.length; q++) {
            if (tally.hist[q] != 0) {
                double x = lo + (q + 0.5) * bin;
                sum += tally.hist[q] * x;
                sum2 += tally.hist[q] * x * x;
            }
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
        double[] perEnc = quantile(tally, n, target, mean, sd);
        double[] show = quantile(tally, n, perEncounter, mean, sd);
        double req = Math.max(contact, contact + perEnc[0]);
        double reqShow = Math.max(contact, contact + show[0]);
        return new RiskReport.Margin(target, perEncounter, req, perEnc[1] == 0 ? "empirical" : "gaussian-tail",
                reqShow, show[1] == 0 ? "empirical" : "gaussian-tail", mean, sd, n, plannedMin, plannedMin >= reqShow);
    }

    /**
     * The (1 − p) quantile of the deviation and how it was found: {q, 0} empirical when at least
     * 10 samples lie beyond it, else {mean + z·sd, 1}.
     */
    private static double[] quantile(ContactSimulation.Tally tally, long n, double p, double mean, double sd) {
        double tail = p * n;
        if (tail >= 10) {
            long cum = tally.histAbove;
            for (int q = tally.hist.length - 1; q >= 0; q--) {
                if (cum + tally.hist[q] > tail) {
                    return new double[] {ContactSimulation.HIST_LO + (q + 1) * ContactSimulation.HIST_BIN, 0};
                }
                cum += tally.hist[q];
            }
            return new double[] {ContactSimulation.HIST_LO, 0};
        }
        return new double[] {mean + inverseNormal(1 - p) * sd, 1};
    }

    /**
     * Φ⁻¹(q), the standard normal quantile, by Acklam's rational approximation (relative error
     * below 1.2e-9) for 0 &lt; q &lt; 1.
     */
    static double inverseNormal(double q) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (q < low) {
            double r = Math.sqrt(-2 * Math.log(q));
            return (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5])
                    / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
        }
        if (q > 1 - low) {
            double r = Math.sqrt(-2 * Math.log(1 - q));
            return -(((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5])
                    / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
        }
        double r = q - 0.5, s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r
                / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }

    /** A named span of the show: takeoff, a transition, a hold, a gap, landing (or the whole show). */
    record Phase(String name, String kind, double start, double end) {
    }

    /**
     * The phases of {@code plan} from its scene timeline: takeoff before the first scene,
     * "→ name" transitions [start, holdStart], holds [holdStart, holdEnd], gaps between scenes and
     * landing after the last; a plan without scenes is one phase "show".
     */
    static List<Phase> phases(Plan plan) {
        double start = plan.startTime(), end = plan.endTime();
        List<Phase> out = new ArrayList<>();
        List<SceneSpan> scenes = new ArrayList<>(plan.scenes());
        scenes.sort((x, y) -> Double.compare(x.start(), y.start()));
        if (scenes.isEmpty()) {
            out.add(new Phase("show", "show", start, end));
            return out;
        }
        double cursor = start;
        for (int i = 0; i < scenes.size(); i++) {
            SceneSpan s = scenes.get(i);
            // Clamp to the timeline so far: overlapping scene spans still give ascending phases.
            double ts = Math.max(cursor, s.start()), hs = Math.max(ts, s.holdStart()), he = Math.max(hs, s.holdEnd());
            if (ts > cursor) {
                out.add(new Phase(i == 0 ? "takeoff" : "between " + scenes.get(i - 1).name() + " and " + s.name(),
                        i == 0 ? "takeoff" : "gap", cursor, ts));
            }
            if (hs > ts) {
                out.add(new Phase("→ " + s.name(), "transition", ts, hs));
            }
            if (he > hs) {
                out.add(new Phase(s.name(), "hold", hs, he));
            }
            cursor = he;
        }
        if (end > cursor) {
            out.add(new Phase("landing", "landing", cursor, end));
        }
        if (out.isEmpty()) {
            out.add(new Phase("show", "show", start, end));
        }
        return out;
    }

    private static int phaseIndex(double[] phaseStart, double t) {
        int i = Arrays.binarySearch(phaseStart, t);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }
}
