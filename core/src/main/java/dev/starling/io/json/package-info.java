/**
 * Starling's own lossless plan.json (starling-plan/1): reader and writer.
 *
 * <p>May import: {@code root}, {@code base}, {@code io}, {@code plan}, {@code show}, {@code trajectory}, {@code
 * light}, {@code light.effect}, {@code audio}.
 */
package dev.starling.io.json;
