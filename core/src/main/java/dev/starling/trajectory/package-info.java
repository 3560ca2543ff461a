/** Piecewise Bézier trajectories (degree ≤ 3): the one representation of motion, with analytic evaluation. */
package dev.starling.trajectory;
