/**
 * The show's soundtrack as the planner and exporters need it: format and length read from an
 * MP3, WAV or OGG Vorbis file without decoding it, with clear errors for files that are empty,
 * cut short, misnamed or far too long, and the music's beat grid. Decoding for playback lives
 * with the preview.
 *
 * <p>May import: {@code root}.
 */
package dev.starling.audio;
