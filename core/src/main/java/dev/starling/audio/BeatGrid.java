package dev.starling.audio;

/**
 * The music's beat grid: beat 1 (the first beat of bar 1) falls at {@code offset} seconds of show
 * time, and beats follow every 60/{@code bpm} seconds. Scenes address it as {@code "beat:129"}
 * (the 129th beat) or {@code "bar:33"} (the first beat of the 33rd bar); both count from 1, as a
 * musician does.
 *
 * @param bpm         beats per minute, greater than 0
 * @param offset      show time of beat 1, seconds
 * @param beatsPerBar beats in a bar (4 for 4/4)
 */
public record BeatGrid(double bpm, double offset, int beatsPerBar) {
    public BeatGrid {
        if (!(bpm > 0) || !Double.isFinite(bpm) || !Double.isFinite(offset) || beatsPerBar < 1) {
            throw new IllegalArgumentException("beat grid needs bpm > 0, a finite offset and beatsPerBar >= 1, was "
                    + bpm + ", " + offset + ", " + beatsPerBar);
        }
    }

    /** Seconds between two beats. */
    public double beatSeconds() {
        return 60 / bpm;
    }

    /** Show time of beat {@code n} (1-based). */
    public double beat(long n) {
        return offset + (n - 1) * beatSeconds();
    }

    /** Show time of the first beat of bar {@code n} (1-based). */
    public double bar(long n) {
        return beat((n - 1) * beatsPerBar + 1);
    }
}
