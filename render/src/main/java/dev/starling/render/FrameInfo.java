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
 */
public record FrameInfo(double time, String scene, int drones, int lit, int airborne, double minSeparation,
                        String camera) {
}
