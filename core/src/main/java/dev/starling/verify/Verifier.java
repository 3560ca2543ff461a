package dev.starling.verify;

import dev.starling.light.LightProgram;
import dev.starling.show.LightLimits;
import dev.starling.trajectory.Trajectory;
import dev.starling.show.Limits;
import dev.starling.verify.VerificationReport.Check;
import dev.starling.verify.VerificationReport.CheckResult;
import dev.starling.verify.VerificationReport.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * The independent safety verifier: checks flights (trajectories) against
 * {@link Limits}, trusting nothing else (not the planner, not the file it came from, not the
 * plan's own limits unless passed in). Every bound that is given is checked; NaN bounds are not.
 *
 * <p><b>What is checked, and how soundly</b> (show frame: metres, seconds, z up):
 * <ul>
 *   <li><b>separation</b> between every two drones while both are above the ground altitude,
 *       in continuous time — sampled with a speed-adaptive step and a spatial hash, sound between
 *       samples, exact near misses (see {@link SeparationSweep}); no approach closer than the
 *       limit minus {@link #SEPARATION_TOLERANCE} goes unreported, and every value reported is a
 *       real distance at a real time;</li>
 *   <li><b>horizontal, climb and descent speed, acceleration, altitude band, geofence</b>,
 *       analytic on every Bézier piece (see {@link DroneChecks});</li>
 *   <li><b>ground spacing</b>: takeoff positions (first points at or below the ground altitude)
 *       pairwise at least the minimum separation apart, and likewise the landing positions
 *       (the report's worst value is the closest pair within twice the limit);</li>
 *   <li><b>lights</b>: colour range, flashes against the photosensitivity limit and lights on
 *       the ground, against the plan's {@link Plan#lightLimits()} (see {@link LightChecks}).</li>
 * </ul>
 * A value exactly at a bound passes; values beyond it by less than {@link #RELATIVE_SLACK}
 * (relative) are treated as at the bound, so a planner flying exactly at a limit is not failed
 * by floating-point rounding.
 *
 * <p><b>Cost</b>: O(segments) for the per-drone checks; the separation sweep costs
 * O(samples × (drones + candidate pairs)) where samples ≈ ∫ V(t) dt / margin (V the fleet's
 * speed bound). Runs on {@link VerifyOptions#threads()} threads with results independent of
 * the thread count.
 */
public final class Verifier {
    /** Resolution of the continuous-time minima (separation, geofence), metres. */
    public static final double SEPARATION_TOLERANCE = 1e-3;
    /** Relative slack under which a value beyond a bound counts as at the bound (floating-point rounding). */
    public static final double RELATIVE_SLACK = 1e-9;
    /** Smallest separation limit checked, metres (the show loader's floor too). */
    public static final double MIN_SEPARATION = 0.1;
    /** Largest separation limit checked, metres. */
    public static final double MAX_SEPARATION = 1e6;

    private Verifier() {
    }

    /**
     * Checks every given bound of {@code limits} (NaN = not given, not checked) on the plan's
     * trajectories; trusts nothing else.
     *
     * @throws dev.starling.InputException when the limits themselves are unusable (a geofence
     *                                     with fewer than 3 vertices, a non-positive separation)
     */
    public static VerificationReport verify(List<Trajectory> flights, Limits limits, VerifyOptions options) {
        return verify(flights, limits, options, null);
    }

    /**
     * Flight checks of {@code flights}, as above, plus the light checks of {@code lights} (one program
     * per flight, in the same order) against {@code lightLimits}. The verifier reads flights and light
     * programs only, never the planner's types, so any flight file is checked the same way.
     */
    public static VerificationReport verify(List<Trajectory> flights, List<LightProgram> lights, LightLimits lightLimits,
                                            Limits limits, VerifyOptions options) {
        if (lights.size() != flights.size()) {
            throw new IllegalArgumentException(lights.size() + " light programs for " + flights.size() + " flights");
        }
        return verify(flights, limits, options, new LightChecks.Lights(lights, lightLimits));
    }

    private static VerificationReport verify(List<Trajectory> flights, Limits limits, VerifyOptions options,
                                             LightChecks.Lights lightsOf) {
        long started = System.nanoTime();
        DoubleConsumer progress = options.progress() == null ? f -> { } : options.progress();
        double g = options.groundAltitude();
        boolean sepGiven = Limits.given(limits.minSeparation());
        if (sepGiven && !(limits.minSeparation() > 0) || Double.isInfinite(limits.minSeparation())) {
            throw new dev.starling.InputException(null, "limits.minSeparation", "must be a positive distance, was "
                    + limits.minSeparation(), null);
        }
        if (sepGiven && !(limits.minSeparation() >= MIN_SEPARATION && limits.minSeparation() <= MAX_SEPARATION)) {
            // the sweep's work grows as 1/minSeparation (1e-300 ran for ever) and its cells overflow near 1e308
            throw new dev.starling.InputException(null, "limits.minSeparation", "must be from " + MIN_SEPARATION + " to "
                    + MAX_SEPARATION + " m, was " + limits.minSeparation(), "give the drones' real safety distance, e.g. 1.5");
        }
        int threads = Math.max(1, options.threads());
        FlightTable ft = FlightTable.of(flights, threads);
        progress.accept(0.02);
        DroneChecks dc = new DroneChecks(ft, limits, g);
        dc.run(threads);
        progress.accept(0.08);
        List<CheckResult> results = new ArrayList<>();
        List<Violation> all = new ArrayList<>();

        SeparationSweep sweep = null;
        if (sepGiven) {
            int nw = options.windows().size();
            double[] ws = new double[nw], we = new double[nw];
            for (int w = 0; w < nw; w++) {
                ws[w] = options.windows().get(w).start();
                we[w] = options.windows().get(w).end();
            }
            sweep = SeparationSweep.run(ft, limits.minSeparation(), g, options.sampleStep(), threads,
                    f -> progress.accept(0.08 + 0.9 * f), ws, we, options.memo());
        }
        results.add(separation(sweep, limits.minSeparation(), all));
        results.add(perDrone(Check.SPEED_XY, limits.maxSpeedXY(), dc.xyMax, dc.xyTime, false, all));
        results.add(perDrone(Check.SPEED_UP, limits.maxSpeedUp(), dc.upMax, dc.upTime, false, all));
        results.add(perDrone(Check.SPEED_DOWN, limits.maxSpeedDown(), dc.downMax, dc.downTime, false, all));
        results.add(perDrone(Check.ACCELERATION, limits.maxAcceleration(), dc.accMax, dc.accTime, false, all));
        results.add(perDrone(Check.ALTITUDE_MIN, limits.minAltitude(), dc.zLow, dc.zLowTime, true, all));
        results.add(perDrone(Check.ALTITUDE_MAX, limits.maxAltitude(), dc.zMax, dc.zMaxTime, false, all));
        results.add(geofence(limits.geofence() != null, dc, all));
        results.add(groundSpacing(ft, limits.minSeparation(), g, all));
        if (lightsOf != null) {
            LightChecks.run(flights, ft.startTime, ft.endTime, lightsOf, g, threads, results, all);
        }
        all.sort(Comparator.comparingDouble(Violation::time).thenComparing(Violation::check)
                .thenComparingInt(Violation::droneA).thenComparingInt(Violation::droneB));
        List<Violation> listed = all.size() > options.maxViolations() ? all.subList(0, options.maxViolations()) : all;
        progress.accept(1.0);
        boolean haveMin = sweep != null && sweep.minI >= 0;
        return new VerificationReport(results,
                haveMin ? sweep.minVal : Double.NaN, haveMin ? sweep.minI : -1, haveMin ? sweep.minJ : -1,
                haveMin ? sweep.minT : Double.NaN, listed, flights.size(),
                flights.isEmpty() ? 0 : ft.startTime, flights.isEmpty() ? 0 : ft.endTime, g,
                sweep == null ? 0 : sweep.ts.length, sweep == null ? 0 : sweep.largestStep,
                sweep == null ? 0 : sweep.margin, sweep == null ? 0 : sweep.fineChecks, threads,
                (System.nanoTime() - started) / 1e9, windowMinima(sweep, limits.minSeparation()));
    }

    /** True when {@code value} breaks an upper bound, beyond rounding. */
    static boolean aboveBound(double value, double bound) {
        return value > bound + RELATIVE_SLACK * Math.max(1, Math.abs(bound));
    }

    /** The value below which a lower bound is broken, beyond rounding. */
    /** Each report window's closest approach if below the exact band (1.1 × the limit), else +∞. */
    private static List<Double> windowMinima(SeparationSweep s, double limit) {
        if (s == null) {
            return List.of();
        }
        List<Double> out = new ArrayList<>(s.windowMin.length);
        double exact = limit * (1 + SeparationSweep.EXACT_BAND);
        for (double m : s.windowMin) {
            out.add(m < belowBound(exact) ? m : Double.POSITIVE_INFINITY);
        }
        return out;
    }

    static double belowBound(double bound) {
        return bound - RELATIVE_SLACK * Math.max(1, Math.abs(bound));
    }

    private static CheckResult separation(SeparationSweep s, double limit, List<Violation> all) {
        if (s == null) {
            return new CheckResult(Check.SEPARATION, false, limit, Double.NaN, -1, -1, Double.NaN, 0);
        }
        double[][] rows = s.violations.sortedRows();
        for (double[] r : rows) {
            all.add(new Violation(Check.SEPARATION, (int) r[0], (int) r[1], r[3], r[2], limit));
        }
        boolean any = s.minI >= 0;
        return new CheckResult(Check.SEPARATION, true, limit, any ? s.minVal : Double.NaN, s.minI, s.minJ,
                any ? s.minT : Double.NaN, rows.length);
    }

    /** Worst over drones and the violators of a per-drone check (lower: a minimum bound). */
    private static CheckResult perDrone(Check c, double limit, double[] value, double[] time, boolean lower,
                                        List<Violation> all) {
        boolean given = Limits.given(limit);
        int worstI = -1;
        double worst = Double.NaN;
        int count = 0;
        double below = lower && given ? belowBound(limit) : 0;
        for (int i = 0; i < value.length; i++) {
            double v = value[i];
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            if (worstI < 0 || (lower ? v < worst : v > worst)) {
                worst = v;
                worstI = i;
            }
            if (given && (lower ? v < below : aboveBound(v, limit))) {
                count++;
                all.add(new Violation(c, i, -1, time[i], v, limit));
            }
        }
        return new CheckResult(c, given, limit, worst, worstI, -1, worstI < 0 ? Double.NaN : time[worstI], count);
    }

    private static CheckResult geofence(boolean given, DroneChecks dc, List<Violation> all) {
        if (!given) {
            return new CheckResult(Check.GEOFENCE, false, Double.NaN, Double.NaN, -1, -1, Double.NaN, 0);
        }
        int worstI = -1;
        double worst = Double.NaN;
        int count = 0;
        for (int i = 0; i < dc.fence.length; i++) {
            double outside = -dc.fence[i];
            if (worstI < 0 || outside > worst) {
                worst = outside;
                worstI = i;
            }
            if (aboveBound(outside, 0)) {
                count++;
                all.add(new Violation(Check.GEOFENCE, i, -1, dc.fenceTime[i], outside, 0));
            }
        }
        return new CheckResult(Check.GEOFENCE, true, 0, worst, worstI, -1,
                worstI < 0 ? Double.NaN : dc.fenceTime[worstI], count);
    }

    /** Takeoff and landing positions on the ground, pairwise at least {@code limit} apart. */
    private static CheckResult groundSpacing(FlightTable ft, double limit, double ground, List<Violation> all) {
        if (!Limits.given(limit)) {
            return new CheckResult(Check.GROUND_SPACING, false, limit, Double.NaN, -1, -1, Double.NaN, 0);
        }
        int n = ft.n;
        double below = belowBound(limit);
        double worst = Double.NaN, worstT = Double.NaN;
        int wi = -1, wj = -1;
        PairWorst bad = new PairWorst();
        double[] x = new double[n], y = new double[n], z = new double[n];
        boolean[] onGround = new boolean[n];
        SpatialHash hash = new SpatialHash();
        PairList pairs = new PairList();
        for (int end = 0; end < 2; end++) {
            for (int i = 0; i < n; i++) {
                int p = end == 0 ? ft.first[i] : ft.first[i + 1] - 1;
                x[i] = ft.coef[12 * p];
                y[i] = ft.coef[12 * p + 4];
                z[i] = ft.coef[12 * p + 8];
                onGround[i] = z[i] <= ground;
            }
            pairs.clear();
            // twice the limit, so a clean report still shows the closest pads
            hash.build(x, y, z, n, onGround, 2 * limit);
            hash.pairsWithin(2 * limit, pairs);
            double t = end == 0 ? ft.startTime : ft.endTime;
            for (int k = 0; k < pairs.size(); k++) {
                double d = Math.sqrt(pairs.distanceSquared(k));
                int a = pairs.a(k), b = pairs.b(k);
                if (wi < 0 || d < worst || (d == worst && (a < wi || (a == wi && b < wj)))) {
                    worst = d;
                    wi = a;
                    wj = b;
                    worstT = t;
                }
                if (d < below) {
                    bad.offer(a, b, d, t);
                }
            }
        }
        double[][] rows = bad.sortedRows();
        for (double[] r : rows) {
            all.add(new Violation(Check.GROUND_SPACING, (int) r[0], (int) r[1], r[3], r[2], limit));
        }
        return new CheckResult(Check.GROUND_SPACING, true, limit, worst, wi, wj, worstT, rows.length);
    }
}
