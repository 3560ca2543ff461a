/** The Plan (per-drone trajectories and light programs) and the show planner that builds it. */
package dev.starling.plan;
