package dev.starling.render;

/**
 * What one rendered frame showed, as the HUD reports it.
 *
 * @param time          show time, seconds
 * @param scene         what the show is doing ({@code AI+车 (hold)}, {@code takeoff}), empty if the plan names no scenes
 * @param drones        fleet size
 * @param lit           drones with their light on
 * @param airborne      drones above the ground altitude (2.5 m)
 * @param minSeparation smallest distance between two airborne drones, metres; infinity when fewer than two fly
 * @param camera        the camera's name
 * @param nextCue       the name of the first cue at or after {@code time}, empty when none is left
 * @param nextCueIn     seconds from {@code time} to that cue; NaN when none is left
 * @param bar           bar of the beat grid at {@code time}, from 1; 0 without a grid or before its first beat
 * @param beat          beat within that bar, from 1; 0 without a grid or before its first beat
 */
public record FrameInfo(double time, String scene, int drones, int lit, int airborne, double minSeparation,
                        String camera, String nextCue, double nextCueIn, long bar, int beat) {
}
