/** Skybrush-style per-drone CSV flight files and point CSVs: readers and writers. */
package dev.starling.io.csv;
