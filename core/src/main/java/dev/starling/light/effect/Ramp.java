package dev.starling.light.effect;

import java.util.Arrays;

/**
 * Colour stops along a parameter u in [0, 1]: linear interpolation in 8-bit RGB between
 * neighbouring stops, the first colour before the first stop and the last after the last.
 *
 * @param positions stop positions, non-decreasing, in [0, 1]
 * @param colors    0xRRGGBB per stop, at least one
 */
public record Ramp(double[] positions, int[] colors) {
    public Ramp {
        if (colors.length == 0 || positions.length != colors.length) {
            throw new IllegalArgumentException("a ramp needs as many positions as colours, and at least one");
        }
        for (int k = 0; k < positions.length; k++) {
            if (!(positions[k] >= 0 && positions[k] <= 1) || (k > 0 && positions[k] < positions[k - 1])) {
                throw new IllegalArgumentException("ramp positions must increase within [0, 1]: "
                        + Arrays.toString(positions));
            }
        }
        positions = positions.clone();
        colors = colors.clone();
    }

    /** Stops spread evenly from 0 to 1 (one colour: everywhere). */
    public static Ramp even(int... colors) {
        double[] p = new double[colors.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = colors.length == 1 ? 0 : (double) k / (colors.length - 1);
        }
        return new Ramp(p, colors);
    }

    /** Writes the colour at {@code u} (clamped to [0, 1]) into {@code out[0..2]}, channels 0–255. */
    void eval(double u, double[] out) {
        int n = colors.length;
        if (n == 1 || u <= positions[0]) {
            rgb(colors[0], out);
            return;
        }
        if (u >= positions[n - 1]) {
            rgb(colors[n - 1], out);
            return;
        }
        int k = 0;
        while (positions[k + 1] < u) {
            k++;
        }
        double span = positions[k + 1] - positions[k];
        double w = span == 0 ? 1 : (u - positions[k]) / span;
        int a = colors[k], b = colors[k + 1];
        out[0] = ((a >> 16) & 255) * (1 - w) + ((b >> 16) & 255) * w;
        out[1] = ((a >> 8) & 255) * (1 - w) + ((b >> 8) & 255) * w;
        out[2] = (a & 255) * (1 - w) + (b & 255) * w;
    }

    /**
     * The colour at {@code u} of this ramp repeated cyclically: stops keep their positions in
     * each period and the last stop blends back into the first at u = 1.
     */
    void evalCyclic(double u, double[] out) {
        u -= Math.floor(u);
        int n = colors.length;
        if (n == 1) {
            rgb(colors[0], out);
            return;
        }
        double p0 = positions[0], pl = positions[n - 1];
        if (u >= p0 && u <= pl) {
            eval(u, out);
            return;
        }
        double gap = 1 - pl + p0;
        double w = gap == 0 ? 0 : (u > pl ? u - pl : u + 1 - pl) / gap;
        int a = colors[n - 1], b = colors[0];
        out[0] = ((a >> 16) & 255) * (1 - w) + ((b >> 16) & 255) * w;
        out[1] = ((a >> 8) & 255) * (1 - w) + ((b >> 8) & 255) * w;
        out[2] = (a & 255) * (1 - w) + (b & 255) * w;
    }

    static void rgb(int c, double[] out) {
        out[0] = (c >> 16) & 255;
        out[1] = (c >> 8) & 255;
        out[2] = c & 255;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ramp r && Arrays.equals(positions, r.positions) && Arrays.equals(colors, r.colors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(positions) * 31 + Arrays.hashCode(colors);
    }

    @Override
    public String toString() {
        return "Ramp" + Arrays.toString(positions) + Arrays.toString(colors);
    }
}
