package dev.starling.verify;

import dev.starling.show.Limits;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * How the {@link Verifier} runs. Every field has a default ({@link #defaults()}); the
 * {@code with*} methods return changed copies.
 *
 * @param groundAltitude altitude in metres at or below which a drone counts as on the ground:
 *                       separation is enforced only while both drones of a pair are above it
 *                       (takeoff and landing pads are checked instead), and a drone is airborne
 *                       for the minimum-altitude rule only above it. {@link Double#NEGATIVE_INFINITY}
 *                       enforces separation everywhere. Default {@link Limits#DEFAULT_GROUND_ALTITUDE}.
 * @param threads        worker threads (≥ 1); results do not depend on it. Default: available processors.
 * @param sampleStep     fixed separation sampling step in seconds, or NaN to choose it from the
 *                       fleet's speed (default): the step shrinks where drones move fast and
 *                       grows over holds. Either way the check is sound between samples.
 * @param progress       receives the fraction done (0..1, non-decreasing) from a single thread
 *                       at a time; null for none
 * @param maxViolations  how many violations the report lists in detail (counts are always complete)
 * @param windows        time windows (e.g. a plan's transitions) whose own closest approach the
 *                       report gives ({@link VerificationReport#windowMinSeparation()}); reporting
 *                       only, the checks do not depend on them. Default none.
 * @param memo           the last verification of an earlier version of these flights, to take
 *                       over the separation sweep where nothing changed ({@link VerifyMemo}); the
 *                       report is the same with or without it. Filled in by each verification
 *                       that has it. Default null (none).
 */
public record VerifyOptions(double groundAltitude, int threads, double sampleStep, DoubleConsumer progress,
                            int maxViolations, List<Window> windows, VerifyMemo memo) {
    /**
     * A closed time window [start, end] in show seconds.
     *
     * @param start first instant, seconds
     * @param end   last instant, seconds, ≥ start
     */
    public record Window(double start, double end) {
        public Window {
            if (!(Double.isFinite(start) && Double.isFinite(end) && end >= start)) {
                throw new IllegalArgumentException("window must be finite with end >= start, was [" + start + ", "
                        + end + "]");
            }
        }
    }

    /** Default number of violations listed in a report. */
    public static final int DEFAULT_MAX_VIOLATIONS = 100;

    public VerifyOptions {
        if (Double.isNaN(groundAltitude) || groundAltitude == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("groundAltitude must be a number or -infinity, was " + groundAltitude);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (!Double.isNaN(sampleStep) && !(sampleStep >= 1e-4 && Double.isFinite(sampleStep))) {
            // the sweep takes duration / sampleStep instants: 1e-300 s never finished
            throw new IllegalArgumentException("sampleStep must be at least 0.0001 s, finite, or NaN (auto), was "
                    + sampleStep);
        }
        if (maxViolations < 0) {
            throw new IllegalArgumentException("maxViolations must not be negative, was " + maxViolations);
        }
        windows = List.copyOf(windows);
    }

    /** Ground at 2.5 m, all processors, automatic step, no progress, 100 violations listed. */
    public static VerifyOptions defaults() {
        return new VerifyOptions(Limits.DEFAULT_GROUND_ALTITUDE, Runtime.getRuntime().availableProcessors(),
                Double.NaN, null, DEFAULT_MAX_VIOLATIONS, List.of(), null);
    }

    public VerifyOptions withGroundAltitude(double metres) {
        return new VerifyOptions(metres, threads, sampleStep, progress, maxViolations, windows, memo);
    }

    public VerifyOptions withThreads(int n) {
        return new VerifyOptions(groundAltitude, n, sampleStep, progress, maxViolations, windows, memo);
    }

    public VerifyOptions withSampleStep(double seconds) {
        return new VerifyOptions(groundAltitude, threads, seconds, progress, maxViolations, windows, memo);
    }

    public VerifyOptions withProgress(DoubleConsumer callback) {
        return new VerifyOptions(groundAltitude, threads, sampleStep, callback, maxViolations, windows, memo);
    }

    public VerifyOptions withWindows(List<Window> w) {
        return new VerifyOptions(groundAltitude, threads, sampleStep, progress, maxViolations, w, memo);
    }

    /** These options with {@code m} as the memo of the last verification (null: none). */
    public VerifyOptions withMemo(VerifyMemo m) {
        return new VerifyOptions(groundAltitude, threads, sampleStep, progress, maxViolations, windows, m);
    }

    public VerifyOptions withMaxViolations(int n) {
        return new VerifyOptions(groundAltitude, threads, sampleStep, progress, n, windows, memo);
    }
}
