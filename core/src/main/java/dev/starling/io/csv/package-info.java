/**
 * Skybrush-style per-drone CSV flight files and point CSVs: readers and writers.
 *
 * <p>May import: {@code root}, {@code base}, {@code io}, {@code plan}, {@code show}, {@code
 * trajectory}, {@code light}.
 */
package dev.starling.io.csv;
