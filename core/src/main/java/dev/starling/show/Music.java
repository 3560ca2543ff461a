package dev.starling.show;

import java.nio.file.Path;

/**
 * The show's soundtrack, read from its file when the show was loaded.
 *
 * @param file     the audio file (absolute, inside the show's asset folder)
 * @param format   {@code mp3}, {@code wav} or {@code ogg}, from the file's content
 * @param offset   where show time 0 falls in the track, seconds: the track plays from
 *                 {@code offset} at show start (negative: the show starts before the music)
 * @param duration the track's length, seconds, read from the file
 */
public record Music(Path file, String format, double offset, double duration) {
    /** Show time at which the track ends. */
    public double endInShow() {
        return duration - offset;
    }

    /** Show time at which the track begins (0 when offset is 0). */
    public double startInShow() {
        return -offset;
    }
}
