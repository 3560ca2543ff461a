/**
 * Light effects on the timeline: the designer's vocabulary (solid, gradient, sweep, image and
 * video projection, pulse, sparkle, per-drone keyframes) as records, and their evaluation per
 * drone on Skybrush's 20 ms ticks into {@link dev.starling.light.LightProgram} keyframes.
 *
 * <p>May import: {@code root}, {@code light}, {@code audio}.
 */
package dev.starling.light.effect;
