package dev.starling.verify;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What the {@link Verifier} found: one {@link CheckResult} per {@link Check} (in enum order),
 * the closest approach of any two airborne drones, the first violations in detail, and how the
 * run went. Drone ids are plan indices (0-based); times are show seconds.
 *
 * @param checks             one result per check, in {@link Check} order
 * @param minSeparation      smallest distance between two airborne drones, metres: exact to
 *                           {@link Verifier#SEPARATION_TOLERANCE} when below 1.1 × the limit;
 *                           above that, the smallest distance seen at the sampling instants, at
 *                           most {@code margin} above the true closest approach (every pair is
 *                           proven at least the limit apart either way); NaN when separation was
 *                           not checked or no two airborne drones ever came within the sampling
 *                           radius (limit + margin)
 * @param minSeparationDroneA lower drone index of that pair, or −1
 * @param minSeparationDroneB higher drone index of that pair, or −1
 * @param minSeparationTime  when, seconds; NaN when unknown
 * @param violations         the earliest violations (by time, then check, then drones), at most
 *                           {@link VerifyOptions#maxViolations()}; per violating drone or pair its worst instance
 * @param droneCount         drones in the plan
 * @param startTime          earliest knot, seconds
 * @param endTime            latest knot, seconds
 * @param groundAltitude     the ground altitude used, metres
 * @param samples            separation sampling instants (0 when separation was not checked)
 * @param largestStep        longest interval between two separation samples, seconds
 * @param margin             the sampling margin: no drone moves farther than this between two
 *                           consecutive samples, metres
 * @param fineChecks         sample intervals that needed the exact pair minimum
 * @param threads            worker threads used
 * @param seconds            wall-clock run time
 * @param windowMinSeparation per {@link VerifyOptions#windows()} window, in order, the smallest
 *                           distance between two airborne drones inside it when below 1.1 × the
 *                           separation limit (exact to {@link Verifier#SEPARATION_TOLERANCE}),
 *                           else {@code +∞}; empty when separation was not checked. Not part of
 *                           the JSON report (a plan's transitions carry it).
 */
public record VerificationReport(
        List<CheckResult> checks,
        double minSeparation,
        int minSeparationDroneA,
        int minSeparationDroneB,
        double minSeparationTime,
        List<Violation> violations,
        int droneCount,
        double startTime,
        double endTime,
        double groundAltitude,
        int samples,
        double largestStep,
        double margin,
        long fineChecks,
        int threads,
        double seconds,
        @JsonIgnore List<Double> windowMinSeparation) {

    public VerificationReport {
        checks = List.copyOf(checks);
        windowMinSeparation = List.copyOf(windowMinSeparation);
        violations = List.copyOf(violations);
    }

    /** The checks, their units and what their worst value means. */
    public enum Check {
        /** Distance between two airborne drones; worst = smallest. */
        SEPARATION("separation", "m", true),
        /** Horizontal speed; worst = largest. */
        SPEED_XY("speed horizontal", "m/s", false),
        /** Climb rate; worst = largest. */
        SPEED_UP("speed up", "m/s", false),
        /** Descent rate; worst = largest. */
        SPEED_DOWN("speed down", "m/s", false),
        /** Acceleration magnitude (velocity jumps at joints included); worst = largest. */
        ACCELERATION("acceleration", "m/s²", false),
        /** Altitude between the first climb and the last descent; worst = lowest. */
        ALTITUDE_MIN("altitude min", "m", true),
        /** Altitude at any time; worst = highest. */
        ALTITUDE_MAX("altitude max", "m", false),
        /** Horizontal distance outside the geofence polygon (negative: inside by that much); worst = largest. */
        GEOFENCE("geofence", "m", false),
        /** Distance between takeoff pads and between landing pads; worst = smallest. */
        GROUND_SPACING("ground spacing", "m", true),
        /** Largest colour channel of any light keyframe, 0–255; worst = largest. */
        LIGHT_RANGE("light colour", "/255", false),
        /** Flashes per second reached by more than the allowed fraction of the fleet at once; worst = largest. */
        LIGHT_FLASH("light flashes", "Hz", false),
        /** Brightness (largest channel) while the show wants the drone dark: on the ground or taking off; worst = largest. */
        LIGHT_GROUND("lit on ground", "%", false);

        private final String label;
        private final String unit;
        private final boolean lowerBound;

        Check(String label, String unit, boolean lowerBound) {
            this.label = label;
            this.unit = unit;
            this.lowerBound = lowerBound;
        }

        /** Short human name, e.g. "speed up". */
        public String label() {
            return label;
        }

        /** SI unit of values and limit. */
        public String unit() {
            return unit;
        }

        /** True when the limit is a minimum (values below it violate), false when a maximum. */
        public boolean lowerBound() {
            return lowerBound;
        }

        /** The camelCase key used in JSON, e.g. "speedUp". */
        public String key() {
            String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
            StringBuilder sb = new StringBuilder(parts[0]);
            for (int k = 1; k < parts.length; k++) {
                sb.append(Character.toUpperCase(parts[k].charAt(0))).append(parts[k].substring(1));
            }
            return sb.toString();
        }
    }

    /**
     * One check's outcome.
     *
     * @param check   which check
     * @param checked true when its limit was given (the geofence: when a polygon was given)
     * @param limit   the bound, in {@link Check#unit()}; NaN when not given (and for the geofence, whose bound is 0)
     * @param worst   the worst value over the whole plan (see {@link Check}); NaN when it was not computed
     * @param droneA  drone with the worst value, or −1
     * @param droneB  the other drone of a pair check, or −1
     * @param time    when the worst value occurs, seconds; NaN when unknown
     * @param count   violating drones (per-drone checks) or drone pairs (separation, ground spacing)
     */
    public record CheckResult(Check check, boolean checked, double limit, double worst, int droneA, int droneB,
                              double time, int count) {
        /** True when the check was not asked for or found no violation. */
        public boolean passed() {
            return !checked || count == 0;
        }
    }

    /**
     * A violation: the worst instance for one drone (or one pair).
     *
     * @param check  which check
     * @param droneA the drone (lower index of a pair)
     * @param droneB the other drone of a pair, or −1
     * @param time   when, seconds
     * @param value  the offending value, in the check's unit
     * @param limit  the bound it breaks
     */
    public record Violation(Check check, int droneA, int droneB, double time, double value, double limit) {
    }

    /** True when every checked bound holds. */
    public boolean clean() {
        for (CheckResult c : checks) {
            if (!c.passed()) {
                return false;
            }
        }
        return true;
    }

    /** The result of {@code c}. */
    public CheckResult check(Check c) {
        return checks.get(c.ordinal());
    }

    /** Total violating drones and pairs over all checks. */
    public long violationCount() {
        long s = 0;
        for (CheckResult c : checks) {
            if (c.checked()) {
                s += c.count();
            }
        }
        return s;
    }
}
