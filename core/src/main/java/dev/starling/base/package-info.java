/**
 * The floor every other package may stand on: atomic file writes, JSON error paths, parallel
 * index loops, bounded image reading, plain number formatting and the principal axes of a point
 * cloud.
 *
 * <p>May import: {@code root}.
 */
package dev.starling.base;
