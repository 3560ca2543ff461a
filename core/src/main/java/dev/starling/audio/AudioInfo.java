package dev.starling.audio;

/**
 * What {@link AudioFiles#probe} reads of an audio file without decoding it.
 *
 * @param format     {@code mp3}, {@code wav} or {@code ogg}, from the content
 * @param duration   seconds
 * @param sampleRate samples per second per channel
 * @param channels   1 (mono) or more
 */
public record AudioInfo(String format, double duration, int sampleRate, int channels) {
}
