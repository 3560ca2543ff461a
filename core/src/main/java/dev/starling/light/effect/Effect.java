package dev.starling.light.effect;

import java.util.Arrays;

/**
 * One light effect of a scene, as the show file describes it (validated). Effects are applied
 * in order over the scene's colours during its hold; {@link LightDesign} evaluates them per drone
 * on the 20 ms tick grid. Positions are the drone's formation point in the show frame (metres,
 * x right, y away from the audience, z up); "extent" means the bounding box of the scene's lit
 * drones.
 */
public sealed interface Effect {
    /** When it plays and how it mixes in. */
    Timing timing();

    /** The show-file {@code type}. */
    String type();

    /** One colour on every lit drone. */
    record Solid(Timing timing, int color) implements Effect {
        public String type() {
            return "solid";
        }
    }

    /**
     * Colours along a direction (linear: u = 0 at the extent's low end along {@code axis}, 1 at
     * its high end) or around a point (radial: u = distance / radius).
     *
     * @param center radial centre, or {@code null} for the extent's centre
     * @param radius radial radius in metres, or NaN for the farthest lit drone
     */
    record Gradient(Timing timing, Ramp ramp, Axis axis, boolean radial, double[] center, double radius)
            implements Effect {
        public String type() {
            return "gradient";
        }
    }

    /**
     * A repeating gradient that travels along {@code axis}: one {@code wavelength} (metres; NaN
     * for the extent along the axis) passes each drone every {@code period}. The ramp repeats
     * cyclically (its last colour blends back into the first).
     */
    record Sweep(Timing timing, Ramp ramp, Axis axis, Tempo period, double wavelength) implements Effect {
        public String type() {
            return "sweep";
        }
    }

    /**
     * A picture's colours projected onto the formation along the view ({@code front}: along +y,
     * the audience's line of sight; {@code top}: down z; {@code side}: along x), the picture
     * fitted to the extent (keeping its aspect ratio, centred). Transparent pixels leave the
     * colour below.
     */
    record Image(Timing timing, String file, Picture picture, String view) implements Effect {
        public String type() {
            return "image";
        }
    }

    /** A video's frames projected like {@link Image}; frame k shows from start + k / fps. */
    record Video(Timing timing, String file, Frames frames, String view, boolean loop) implements Effect {
        public String type() {
            return "video";
        }
    }

    /**
     * Brightness on a rhythm, multiplied into the colour below by default: each repetition jumps
     * to full and decays linearly to {@code low} over {@code width} of the period
     * ({@code shape} "decay"), or stays full for {@code width} of the period and then
     * {@code low} ({@code "square"}).
     */
    record Pulse(Timing timing, Tempo rate, double low, double width, String shape) implements Effect {
        public String type() {
            return "pulse";
        }
    }

    /**
     * Random twinkles: every lit drone flashes {@code color} about {@code rate} times a second,
     * each twinkle rising and falling linearly over {@code length} seconds; the instants come
     * from {@code seed} and the drone's index (deterministic).
     */
    record Sparkle(Timing timing, int color, long seed, double rate, double length) implements Effect {
        public String type() {
            return "sparkle";
        }
    }

    /**
     * Per-drone colours from a CSV ({@code t,id,r,g,b}: seconds from the effect's start, drone
     * number from 1, channels 0–255), faded linearly between a drone's keyframes ({@code step}:
     * switched); before a drone's first keyframe, and for drones not listed, the colour below.
     */
    record Keyframes(Timing timing, String file, DroneKeys keys, boolean step) implements Effect {
        public String type() {
            return "keyframes";
        }
    }

    /** A direction: a unit vector in the show frame, and how it was written. */
    record Axis(double x, double y, double z, String written) {
        public Axis {
            double len = Math.sqrt(x * x + y * y + z * z);
            if (!(len > 0) || !Double.isFinite(len)) {
                throw new IllegalArgumentException("an axis needs a non-zero direction");
            }
            x /= len;
            y /= len;
            z /= len;
        }
    }

    /**
     * An image decoded once: {@code argb} row-major from the top row.
     */
    record Picture(int width, int height, int[] argb) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Picture p && p.width == width && Arrays.equals(argb, p.argb);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(argb);
        }
    }

    /** Video frames decoded once: {@code rgb[k]} is frame k, 0xRRGGBB row-major from the top row. */
    record Frames(int width, int height, double fps, int[][] rgb) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Frames f && f.width == width && f.fps == fps && Arrays.deepEquals(rgb, f.rgb);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(rgb);
        }
    }

    /**
     * Keyframes per drone: those of drone i (0-based) are {@code t[first[i] .. first[i+1])} and
     * the same range of {@code rgb}, times strictly increasing.
     */
    record DroneKeys(int[] first, double[] t, int[] rgb) {
        public DroneKeys {
            for (int i = 0; i + 1 < first.length; i++) {
                for (int k = first[i] + 1; k < first[i + 1]; k++) {
                    if (!(t[k] > t[k - 1])) {
                        throw new IllegalArgumentException("keyframes of drone " + (i + 1) + " must strictly increase");
                    }
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DroneKeys d && Arrays.equals(first, d.first) && Arrays.equals(t, d.t)
                    && Arrays.equals(rgb, d.rgb);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(t);
        }
    }
}
