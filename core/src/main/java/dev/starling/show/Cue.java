package dev.starling.show;

/**
 * A named time on the show's clock, seconds from show start: a marker in the music that scenes
 * can be pinned to ({@code "at": "chorus"}).
 *
 * @param name   the cue's name, unique in the show
 * @param time   seconds from show start (0 or more)
 * @param origin where it was written, for messages: {@code cues[2]} or {@code assets/song.txt:14}
 */
public record Cue(String name, double time, String origin) {
}
