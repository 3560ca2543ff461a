package dev.starling.plan;

/**
 * The shared time-scaling s(t) of one synchronized transition (CAPT): every drone flies
 * x_i(t) = a_i + s(t)·(b_i − a_i) with s going from 0 to 1. The profile is trapezoidal in s:
 * constant s'' = {@code accel} for {@code ta} seconds, constant s' = {@code cruise} for
 * {@code tc} seconds, then s'' = −accel for {@code ta} seconds (symmetric). In positions this
 * is a quadratic Bézier, a line and a quadratic Bézier: exactly what a {@code .skyc} stores.
 *
 * <p>Phase durations are whole milliseconds (so every knot of a plan lies on the 1 ms grid that
 * flight files use); rounding a phase up lowers the cruise rate and acceleration, so limits
 * still hold.
 *
 * @param ta     acceleration (and deceleration) phase, seconds
 * @param tc     cruise phase, seconds (0 for a triangular profile)
 * @param cruise s' during the cruise, 1/s
 * @param accel  |s''| during the ramps, 1/s²
 */
public record TimeScaling(double ta, double tc, double cruise, double accel) {
    private static final double MS = 1e-3;

    /** Total duration 2·ta + tc, seconds. */
    public double duration() {
        return 2 * ta + tc;
    }

    /** s at the end of the acceleration phase. */
    public double sAfterAccel() {
        return 0.5 * accel * ta * ta;
    }

    /** s at the end of the cruise phase. */
    public double sAfterCruise() {
        return sAfterAccel() + cruise * tc;
    }

    /** s(t) for t in [0, duration()]. */
    public double s(double t) {
        if (t <= 0) {
            return 0;
        }
        if (t >= duration()) {
            return 1;
        }
        if (t < ta) {
            return 0.5 * accel * t * t;
        }
        if (t < ta + tc) {
            return sAfterAccel() + cruise * (t - ta);
        }
        double r = duration() - t;
        return 1 - 0.5 * accel * r * r;
    }

    /**
     * The fastest profile with s' ≤ {@code maxRate} and |s''| ≤ {@code maxAccel}, phases rounded
     * up to whole milliseconds. {@code maxRate} may be infinite (no speed bound binds).
     */
    public static TimeScaling timeOptimal(double maxRate, double maxAccel) {
        if (!(maxAccel > 0) || Double.isInfinite(maxAccel) || !(maxRate > 0)) {
            throw new IllegalArgumentException("need positive finite acceleration bound and positive rate bound, got "
                    + maxAccel + ", " + maxRate);
        }
        double ta = maxRate / maxAccel;
        double sRamps = maxRate * ta; // s covered by both ramps at full rate
        if (sRamps >= 1 || Double.isInfinite(maxRate)) {
            // triangular: accelerate for ta, decelerate for ta; s(ta) = 1/2
            double t = ceilMs(Math.sqrt(1 / maxAccel));
            return new TimeScaling(t, 0, 1 / t, 1 / (t * t));
        }
        double taMs = ceilMs(ta);
        double tcMs = ceilMs((1 - sRamps) / maxRate);
        // s = cruise·ta + cruise·tc = 1 with accel = cruise/ta
        double cruise = 1 / (taMs + tcMs);
        return new TimeScaling(taMs, tcMs, cruise, cruise / taMs);
    }

    /**
     * A profile lasting exactly {@code duration} (rounded to ms) whose acceleration is the
     * smallest symmetric-trapezoid value ≤ {@code maxAccel} that fits; requires
     * duration ≥ the time-optimal duration for the same bounds.
     */
    public static TimeScaling fixedDuration(double duration, double maxRate, double maxAccel) {
        double total = Math.round(duration / MS) * MS;
        // Choose the ramp time so that the cruise rate is as low as possible while accel ≤ maxAccel:
        // cruise = 1/(T − ta), accel = cruise/ta. Largest ta (= T/2, triangle) gives the lowest rate;
        // it needs accel = 4/T² ≤ maxAccel.
        double ta = Math.floor(total / 2 / MS) * MS;
        double tc = total - 2 * ta;
        double cruise = 1 / (ta + tc);
        double accel = cruise / ta;
        if (accel > maxAccel * (1 + 1e-12) || cruise > maxRate * (1 + 1e-12)) {
            // Shorter ramps: solve accel·ta·(T − ta) = 1 for ta with accel = maxAccel.
            double disc = total * total - 4 / maxAccel;
            if (disc < 0) {
                throw new IllegalArgumentException("duration " + duration + " s is too short for the limits");
            }
            ta = ceilMs((total - Math.sqrt(disc)) / 2);
            tc = total - 2 * ta;
            cruise = 1 / (ta + tc);
            accel = cruise / ta;
            if (cruise > maxRate * (1 + 1e-9)) {
                throw new IllegalArgumentException("duration " + duration + " s is too short for the speed limits");
            }
        }
        return new TimeScaling(ta, tc, cruise, accel);
    }

    /**
     * Duration of the continuous time-optimal trapezoid (no millisecond rounding) with
     * s' ≤ {@code rate} and |s''| ≤ {@code accel}: the lower bound for any profile under those bounds.
     */
    public static double optimalDuration(double rate, double accel) {
        if (Double.isInfinite(rate) || rate * rate / accel >= 1) {
            return 2 * Math.sqrt(1 / accel);
        }
        return 1 / rate + rate / accel;
    }

    /** {@code t} rounded up to a whole millisecond (at least 1 ms). */
    static double ceilMs(double t) {
        return Math.max(1, Math.ceil(t / MS - 1e-9)) * MS;
    }
}
