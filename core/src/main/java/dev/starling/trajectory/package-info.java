/**
 * Piecewise Bézier trajectories (degree ≤ 3): the one representation of motion, with analytic
 * evaluation.
 *
 * <p>May import: {@code base} (the segment index hashes and matches in parallel).
 */
package dev.starling.trajectory;
