/**
 * Flight files in and out: the one reader of every format ({@code FlightFiles}), the exporter
 * and the pieces the format sub-packages share (ZIP writing, the structured DEFLATE encoder,
 * ordered parallel pipelines). {@code io} and its format sub-packages are one family: the entry
 * points dispatch to the formats, the formats use the shared pieces.
 *
 * <p>May import: {@code root}, {@code base}, {@code plan}, {@code io.csv}, {@code io.json}, {@code io.skyc}.
 */
package dev.starling.io;
