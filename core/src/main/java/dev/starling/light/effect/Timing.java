package dev.starling.light.effect;

/**
 * When an effect plays within its scene's hold and how it mixes in.
 *
 * @param start    when it starts, or {@code null} for the hold's start
 * @param end      when it ends, or {@code null} (then {@code duration}, or the hold's end)
 * @param duration seconds from {@code start}, or NaN when not given ({@code end} or the hold's end)
 * @param fadeIn   seconds over which the effect's weight ramps up from 0, ≥ 0
 * @param fadeOut  seconds over which it ramps down to 0 at its end, ≥ 0
 * @param opacity  the effect's weight once faded in, in [0, 1]
 * @param blend    how its colour combines with the colour below
 */
public record Timing(TimeRef start, TimeRef end, double duration, double fadeIn, double fadeOut, double opacity,
                     Blend blend) {
    public Timing {
        if (!(fadeIn >= 0) || !(fadeOut >= 0) || !(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("fades must be >= 0 s and opacity in [0, 1], was " + fadeIn + ", "
                    + fadeOut + ", " + opacity);
        }
        if (end != null && !Double.isNaN(duration)) {
            throw new IllegalArgumentException("an effect gives end or duration, not both");
        }
    }

    /** Spans the whole hold, no fades, full opacity. */
    public static Timing whole(Blend blend) {
        return new Timing(null, null, Double.NaN, 0, 0, 1, blend);
    }

    /**
     * Show seconds {start, end} of the effect in a hold from {@code holdStart} to
     * {@code holdEnd}, cut to the hold; end &lt; start when nothing of it falls inside.
     */
    public double[] resolve(double holdStart, double holdEnd) {
        double s = start == null ? holdStart : start.resolve(holdStart);
        double e = end != null ? end.resolve(holdStart) : !Double.isNaN(duration) ? s + duration : holdEnd;
        return new double[] {Math.max(s, holdStart), Math.min(e, holdEnd)};
    }

    /**
     * A time as written: seconds from the hold's start, or an absolute show time named by a cue
     * ({@code "chorus"}, {@code "bar:33"}, {@code "beat:129"}).
     *
     * @param seconds  the offset from the hold's start, or the show time when {@code absolute}
     * @param absolute true for a cue
     * @param written  the value as written, for reports
     */
    public record TimeRef(double seconds, boolean absolute, String written) {
        double resolve(double holdStart) {
            return absolute ? seconds : holdStart + seconds;
        }
    }
}
