/**
 * The independent verifier: continuous-time separation, speed, acceleration, altitude, geofence
 * and light checks. It reads flights (trajectories), light programs and limits only, never the
 * planner's types, so a flight file from any tool is checked the same way.
 *
 * <p>May import: {@code root}, {@code base}, {@code trajectory}, {@code light}, {@code show}.
 */
package dev.starling.verify;
