/**
 * Piecewise Bézier trajectories (degree ≤ 3): the one representation of motion, with analytic
 * evaluation.
 *
 * <p>May import: nothing of Starling's.
 */
package dev.starling.trajectory;
