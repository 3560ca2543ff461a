package dev.starling.analysis;

import dev.starling.base.Parallel;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Per-drone energy over the planned flight and the margin left at landing, with the multirotor
 * power model documented on {@link DroneProfile} (and in docs/analysis.md).
 *
 * <p>Integration: a stationary segment costs hover power (plus drag in the mean wind) times its
 * duration, exactly; a moving segment is integrated with 4-point Gauss–Legendre quadrature on
 * sub-intervals of at most {@value #MAX_SUBINTERVAL} s (the integrand is smooth within a Bézier
 * segment except where the climb rate changes sign). LED energy of stationary segments is
 * integrated exactly over the light program's keyframes. Only time above
 * {@link DroneProfile#airborneAbove()} counts.
 *
 * <p>Cost: O(segments + light keyframes) per drone, parallel over drones; deterministic.
 */
public final class BatteryAnalysis {
    /** Longest Gauss–Legendre sub-interval on a moving segment, seconds. */
    static final double MAX_SUBINTERVAL = 0.5;
    /** Drones listed as below the reserve, at most. */
    static final int LIST_LIMIT = 100;
    /** Drones listed with the least energy left. */
    static final int LOWEST = 5;

    private static final double[] GL_X = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
    private static final double[] GL_W = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};

    private BatteryAnalysis() {
    }

    /** {@link #analyze(Plan, DroneProfile, Wind, int)} with the default drone, wind and thread count. */
    public static BatteryReport analyze(Plan plan) {
        return analyze(plan, DroneProfile.DEFAULT, Wind.DEFAULT, Parallel.defaultThreads());
    }

    /**
     * Energy of every drone of {@code plan} flown by {@code drone} in the steady part of
     * {@code wind} (gusts average out in energy).
     */
    public static BatteryReport analyze(Plan plan, DroneProfile drone, Wind wind, int threads) {
        return analyze(plan, drone, wind, threads, null);
    }

    /**
     * {@link #analyze(Plan, DroneProfile, Wind, int)}, taking over from {@code memo} (if not null)
     * the energy of every segment that the last plan analysed with it flew the same way under the
     * same lights, drone and wind, and keeping this plan's for the next: the same report either way.
     */
    public static BatteryReport analyze(Plan plan, DroneProfile drone, Wind wind, int threads, AnalysisMemo memo) {
        long t0 = System.nanoTime();
        int n = plan.droneCount();
        double[] energyJ = new double[n];
        double[] airborne = new double[n];
        double wx = wind.meanX(), wy = wind.meanY();
        AnalysisMemo.Round round = memo == null ? null : memo.round(plan);
        AnalysisMemo.Battery kept = round == null ? null
                : new AnalysisMemo.Battery(drone, wx, wy, new double[round.now.count()], new double[round.now.count()]);
        AnalysisMemo.Battery last = round == null || round.before == null || round.before.battery == null
                || !round.before.battery.sameModel(drone, wx, wy) ? null : round.before.battery;
        Parallel.forRanges(n, Math.max(1, threads) * 4, threads, (chunk, lo, hi) -> {
            double[] out = new double[2];
            double[] buf = new double[9];
            Motion motion = new Motion();
            for (int i = lo; i < hi; i++) {
                Trajectory tr = plan.trajectories().get(i);
                LightProgram lights = plan.lights().get(i);
                if (kept == null) {
                    integrate(tr, lights, drone, wx, wy, out, buf, motion);
                } else {
                    integrate(tr, lights, drone, wx, wy, out, buf, motion, round, i, last, kept);
                }
                energyJ[i] = out[0];
                airborne[i] = out[1];
            }
        });
        if (kept != null) {
            round.battery = kept;
        }
        double usable = drone.usableWh();
        double reserve = drone.reserveWh();
        List<BatteryReport.DroneEnergy> all = new ArrayList<>(n);
        double sum = 0, max = 0, maxMeanPower = 0;
        for (int i = 0; i < n; i++) {
            double wh = energyJ[i] / 3600;
            double left = usable - wh;
            double meanPower = airborne[i] > 0 ? energyJ[i] / airborne[i] : 0;
            all.add(new BatteryReport.DroneEnergy(i, Plan.droneName(i), wh, left, left / usable, airborne[i],
                    meanPower, left < reserve));
            sum += wh;
            max = Math.max(max, wh);
            maxMeanPower = Math.max(maxMeanPower, meanPower);
        }
        List<BatteryReport.DroneEnergy> byMargin = new ArrayList<>(all);
        byMargin.sort(Comparator.comparingDouble(BatteryReport.DroneEnergy::remainingWh)
                .thenComparingInt(BatteryReport.DroneEnergy::drone));
        List<BatteryReport.DroneEnergy> below = new ArrayList<>();
        int belowCount = 0;
        for (BatteryReport.DroneEnergy e : byMargin) {
            if (e.belowReserve()) {
                belowCount++;
                if (below.size() < LIST_LIMIT) {
                    below.add(e);
                }
            }
        }
        double avail = (usable - reserve) * 3600;
        double hoverEndurance = avail / drone.hoverPower();
        double planEndurance = maxMeanPower > 0 ? avail / maxMeanPower : hoverEndurance;
        double ms = (System.nanoTime() - t0) / 1e6;
        return new BatteryReport(drone, wind.meanSpeed(), drone.hoverPower(), usable, reserve, hoverEndurance,
                planEndurance, n, n == 0 ? 0 : sum / n, max, byMargin.isEmpty() ? null : byMargin.get(0), belowCount,
                below, byMargin.subList(0, Math.min(LOWEST, byMargin.size())), ms);
    }

    /**
     * Energy (J) into {@code out[0]} and airborne time (s) into {@code out[1]} for one drone.
     * {@code buf} holds at least 9 doubles of scratch.
     */
    static void integrate(Trajectory tr, LightProgram lights, DroneProfile p, double wx, double wy,
                          double[] out, double[] buf) {
        integrate(tr, lights, p, wx, wy, out, buf, new Motion());
    }

    /** {@link #integrate(Trajectory, LightProgram, DroneProfile, double, double, double[], double[])} with its scratch segment. */
    static void integrate(Trajectory tr, LightProgram lights, DroneProfile p, double wx, double wy,
                          double[] out, double[] buf, Motion motion) {
        integrate(tr, lights, p, wx, wy, out, buf, motion, null, 0, null, null);
    }

    /**
     * The same for drone {@code drone} of {@code round}'s plan, taking over the energy of each
     * segment that {@code last} (if not null) holds for an equal segment under the same lights,
     * and keeping every segment's in {@code kept} (if not null). Each segment's energy is summed
     * on its own, then added in flight order, so the total does not depend on what was taken over.
     */
    private static void integrate(Trajectory tr, LightProgram lights, DroneProfile p, double wx, double wy,
                                  double[] out, double[] buf, Motion motion, AnalysisMemo.Round round, int drone,
                                  AnalysisMemo.Battery last, AnalysisMemo.Battery kept) {
        double par = 0.5 * p.airDensity() * p.dragArea();
        double hoverStill = p.hoverShaftPower() / p.efficiency() + p.avionicsPower();
        double w2 = wx * wx + wy * wy;
        double hoverWind = hoverStill + par * w2 * Math.sqrt(w2) / p.efficiency();
        double energy = 0, air = 0; // summed in flight order
        double[] seg = new double[2];
        LightProgram.Cursor colors = lights.cursor();
        int firstKey = 0; // keyframes before it end before the current segment starts
        for (int s = 0; s < tr.segmentCount(); s++) {
            double a = tr.knot(s), b = tr.knot(s + 1), dur = b - a;
            while (firstKey + 1 < lights.size() && lights.time(firstKey + 1) <= a) {
                firstKey++;
            }
            int g = round == null ? -1 : round.now.first(drone) + s;
            int o = last == null ? -1 : round.old(g);
            if (o >= 0 && round.oldLights(o).sameOver(lights, a, b)) {
                seg[0] = last.energy()[o];
                seg[1] = last.airborne()[o];
            } else {
                seg[0] = 0;
                seg[1] = 0;
                if (!isStationary(tr, s)) {
                    motion.load(tr, s);
                    moving(a, dur, colors, p, wx, wy, motion, buf, seg);
                } else if (tr.control(s, 0, 2) > p.airborneAbove()) {
                    seg[0] = hoverWind * dur + p.ledPower() * ledIntegral(lights, firstKey, a, b) / 765.0;
                    seg[1] = dur;
                }
            }
            if (kept != null) {
                kept.energy()[g] = seg[0];
                kept.airborne()[g] = seg[1];
            }
            energy += seg[0];
            air += seg[1];
        }
        out[0] = energy;
        out[1] = air;
    }

    /**
     * Adds a moving segment's energy (J) to {@code acc[0]} and its airborne time (s) to
     * {@code acc[1]}: the segment is {@code motion}, from time {@code a} for {@code dur} seconds.
     * One flat loop over the quadrature nodes, in its own method: the nested loops inside
     * {@link #integrate} were compiled three times (twice on stack replacement) for 2 s of C2.
     */
    private static void moving(double a, double dur, LightProgram.Cursor colors, DroneProfile p, double wx, double wy,
                               Motion motion, double[] buf, double[] acc) {
        double pih = p.hoverShaftPower();
        double eta = p.efficiency();
        double par = 0.5 * p.airDensity() * p.dragArea();
        double mg = p.mass() * DroneProfile.G;
        int sub = Math.max(1, (int) Math.ceil(dur / MAX_SUBINTERVAL));
        double h = dur / sub;
        for (int j = 0; j < 4 * sub; j++) {
            int q = j & 3;
            double mid = a + ((j >> 2) + 0.5) * h;
            double t = mid + 0.5 * h * GL_X[q];
            double u = (t - a) / dur;
            if (motion.z(u) <= p.airborneAbove()) {
                continue;
            }
            motion.derivatives(u, buf, 3);
            double tx = buf[6], ty = buf[7], tz = buf[8] + DroneProfile.G;
            double ratio = Math.sqrt(tx * tx + ty * ty + tz * tz) / DroneProfile.G;
            double ax = buf[3] - wx, ay = buf[4] - wy, az = buf[5];
            double air2 = ax * ax + ay * ay + az * az;
            double power = (pih * ratio * Math.sqrt(ratio) + par * air2 * Math.sqrt(air2)
                    + mg * Math.max(0, buf[5])) / eta + p.avionicsPower();
            int c = colors.colorAt(t);
            power += p.ledPower() * (((c >> 16) & 255) + ((c >> 8) & 255) + (c & 255)) / 765.0;
            double w = 0.5 * h * GL_W[q];
            acc[0] += w * power;
            acc[1] += w;
        }
    }

    /** True when every control point of segment {@code s} equals its start point. */
    static boolean isStationary(Trajectory tr, int s) {
        for (int k = 1; k <= tr.degree(s); k++) {
            for (int a = 0; a < 3; a++) {
                if (tr.control(s, k, a) != tr.control(s, 0, a)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * ∫ (r + g + b)(t) dt over [t0, t1] for a light program, exactly: channels are constant
     * between keyframes, or linear into a fade keyframe (before rounding to integers). Keyframes
     * before {@code from} must end at or before {@code t0} (they add nothing).
     */
    static double ledIntegral(LightProgram lp, int from, double t0, double t1) {
        int n = lp.size();
        double total = 0;
        for (int k = from; k < n; k++) {
            double a = lp.time(k);
            double b = k + 1 < n ? lp.time(k + 1) : Double.POSITIVE_INFINITY;
            double lo = Math.max(a, t0), hi = Math.min(b, t1);
            if (hi <= lo) {
                if (a >= t1) {
                    break;
                }
                continue;
            }
            double s0 = channelSum(lp.rgb(k));
            if (k + 1 < n && lp.fade(k + 1)) {
                double s1 = channelSum(lp.rgb(k + 1));
                double f0 = s0 + (s1 - s0) * (lo - a) / (b - a);
                double f1 = s0 + (s1 - s0) * (hi - a) / (b - a);
                total += 0.5 * (f0 + f1) * (hi - lo);
            } else {
                total += s0 * (hi - lo);
            }
        }
        return total;
    }

    private static double channelSum(int c) {
        return ((c >> 16) & 255) + ((c >> 8) & 255) + (c & 255);
    }

    /**
     * One Bézier segment's height, velocity and acceleration at normalised parameter u, with
     * {@link Trajectory#evalPosition}, {@link Trajectory#evalVelocity} and
     * {@link Trajectory#evalAcceleration}'s own arithmetic, so the same bits: what does not
     * depend on u (control-point differences, 1/duration) is computed once per segment instead
     * of at every quadrature node, and x and y of the position, which the integrand never
     * uses, not at all. Mutable scratch, one per thread.
     */
    static final class Motion {
        private final double[] z = new double[4];   // z of the control points
        private final double[] d = new double[9];   // first differences P(k+1) − P(k), 3k + axis
        private final double[] e = new double[6];   // second differences P(k+2) − 2 P(k+1) + P(k), 3k + axis
        private int degree;
        private double inv, inv2;

        /** Makes this segment {@code s} of {@code tr}. */
        void load(Trajectory tr, int s) {
            degree = tr.degree(s);
            inv = 1.0 / (tr.knot(s + 1) - tr.knot(s));
            inv2 = inv * inv;
            for (int k = 0; k <= degree; k++) {
                z[k] = tr.control(s, k, 2);
            }
            for (int a = 0; a < 3; a++) {
                for (int k = 0; k < degree; k++) {
                    d[3 * k + a] = tr.control(s, k + 1, a) - tr.control(s, k, a);
                }
                for (int k = 0; k + 1 < degree; k++) {
                    e[3 * k + a] = tr.control(s, k + 2, a) - 2 * tr.control(s, k + 1, a) + tr.control(s, k, a);
                }
            }
        }

        /** Height at u, metres: {@link Trajectory#evalPosition}'s z. */
        double z(double u) {
            double v = 1 - u;
            return switch (degree) {
                case 1 -> v * z[0] + u * z[1];
                case 2 -> v * v * z[0] + 2 * u * v * z[1] + u * u * z[2];
                default -> v * v * v * z[0] + 3 * u * v * v * z[1] + 3 * u * u * v * z[2] + u * u * u * z[3];
            };
        }

        /** Velocity (m/s) at u into {@code out[off..off+2]}, acceleration (m/s²) into {@code out[off+3..off+5]}. */
        void derivatives(double u, double[] out, int off) {
            double v = 1 - u;
            switch (degree) {
                case 1 -> {
                    for (int a = 0; a < 3; a++) {
                        out[off + a] = d[a] * inv;
                        out[off + 3 + a] = 0;
                    }
                }
                case 2 -> {
                    for (int a = 0; a < 3; a++) {
                        out[off + a] = 2 * (v * d[a] + u * d[3 + a]) * inv;
                        out[off + 3 + a] = 2 * e[a] * inv2;
                    }
                }
                default -> {
                    double w0 = v * v, w1 = 2 * u * v, w2 = u * u;
                    for (int a = 0; a < 3; a++) {
                        out[off + a] = 3 * (w0 * d[a] + w1 * d[3 + a] + w2 * d[6 + a]) * inv;
                        out[off + 3 + a] = 6 * (v * e[a] + u * e[3 + a]) * inv2;
                    }
                }
            }
        }
    }
}
