/**
 * The Plan (per-drone trajectories and light programs) and the show planner that builds it from
 * sampled formations, assignments and trajectories, checked by the verifier.
 *
 * <p>May import: {@code root}, {@code base}, {@code show}, {@code formation}, {@code assign},
 * {@code trajectory}, {@code light}, {@code light.effect}, {@code audio}, {@code verify}.
 */
package dev.starling.plan;
