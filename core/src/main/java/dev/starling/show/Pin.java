package dev.starling.show;

/**
 * A scene's pinned time: what the show file wrote ({@code 132.0}, {@code "chorus"},
 * {@code "bar:33"}) and the show time it stands for, on the 1 ms grid.
 *
 * @param written the value as written, for reports and messages
 * @param time    seconds from show start
 */
public record Pin(String written, double time) {
}
