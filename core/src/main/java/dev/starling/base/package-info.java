/**
 * The floor every other package may stand on: atomic file writes, JSON error paths, parallel
 * index loops and the principal axes of a point cloud. Imports nothing of Starling's but the
 * root's {@code InputException}.
 */
package dev.starling.base;
