/**
 * Skybrush .skyc flight files: reader and writer.
 *
 * <p>May import: {@code root}, {@code base}, {@code io}, {@code plan}, {@code show}, {@code site},
 * {@code trajectory}, {@code light}.
 */
package dev.starling.io.skyc;
