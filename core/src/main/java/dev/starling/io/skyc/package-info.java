/** Skybrush .skyc flight files: reader and writer. */
package dev.starling.io.skyc;
