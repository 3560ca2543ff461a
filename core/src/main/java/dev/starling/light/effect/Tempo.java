package dev.starling.light.effect;

import dev.starling.audio.BeatGrid;

/**
 * A repetition period: a fixed number of seconds, or the music's beat or bar (then repetitions
 * fall on the beat grid: beat 1 starts one).
 *
 * @param kind    what the period follows
 * @param seconds the period for {@link Kind#SECONDS}, unused otherwise
 */
public record Tempo(Kind kind, double seconds) {
    /** What a period follows. */
    public enum Kind { SECONDS, BEAT, BAR }

    public Tempo {
        if (kind == Kind.SECONDS && !(seconds > 0 && Double.isFinite(seconds))) {
            throw new IllegalArgumentException("a period must be a positive number of seconds, was " + seconds);
        }
    }

    /** Every {@code s} seconds. */
    public static Tempo every(double s) {
        return new Tempo(Kind.SECONDS, s);
    }

    /** The period in seconds ({@code grid} is required for beats and bars). */
    public double period(BeatGrid grid) {
        return switch (kind) {
            case SECONDS -> seconds;
            case BEAT -> grid.beatSeconds();
            case BAR -> grid.beatSeconds() * grid.beatsPerBar();
        };
    }

    /** Show time at which a repetition starts: the grid's beat 1, or {@code start} for seconds. */
    public double origin(BeatGrid grid, double start) {
        return kind == Kind.SECONDS ? start : grid.offset();
    }

    /** As written in a show file: a number of seconds, {@code "beat"} or {@code "bar"}. */
    public String written() {
        return kind == Kind.SECONDS ? Double.toString(seconds) : kind == Kind.BEAT ? "beat" : "bar";
    }
}
