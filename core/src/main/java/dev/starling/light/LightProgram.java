package dev.starling.light;

import java.util.Arrays;

/**
 * A drone's light program: keyframes of (time, RGB). At a keyframe marked <em>fade</em> the
 * colour ramps linearly from the previous keyframe's colour, starting at the previous
 * keyframe's time; otherwise it steps at the keyframe's time. Before the first keyframe the
 * light is off (black). Colours are packed 0xRRGGBB.
 *
 * <p>Immutable; times strictly increase.
 */
public final class LightProgram {
    private final double[] times;
    private final int[] rgb;
    private final boolean[] fade;

    private LightProgram(double[] times, int[] rgb, boolean[] fade) {
        this.times = times;
        this.rgb = rgb;
        this.fade = fade;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A program that is dark all the time. */
    public static LightProgram dark() {
        return new LightProgram(new double[] {0}, new int[] {0}, new boolean[] {false});
    }

    public int size() {
        return times.length;
    }

    public double time(int k) {
        return times[k];
    }

    public int rgb(int k) {
        return rgb[k];
    }

    public boolean fade(int k) {
        return fade[k];
    }

    /** Colour (0xRRGGBB) at time {@code t}. */
    public int colorAt(double t) {
        int n = times.length;
        if (n == 0 || t < times[0]) {
            return 0;
        }
        int i = Arrays.binarySearch(times, t);
        int k = i >= 0 ? i : -i - 2;
        if (k + 1 < n && fade[k + 1]) {
            double u = (t - times[k]) / (times[k + 1] - times[k]);
            return lerp(rgb[k], rgb[k + 1], u);
        }
        return rgb[k];
    }

    /**
     * Whether {@code other} shows the same colours as this program at every instant of [t0, t1],
     * judged by their keyframes alone: the same ones, bit for bit, from the last at or before t0
     * (or none before it in both) to the first at or after t1 (a fade into it is compared too).
     */
    public boolean sameOver(LightProgram other, double t0, double t1) {
        if (other == this) {
            return true;
        }
        int a = lastAtOrBefore(t0), b = other.lastAtOrBefore(t0);
        if ((a < 0) != (b < 0)) {
            return false;
        }
        a = Math.max(a, 0);
        b = Math.max(b, 0);
        while (true) {
            boolean endA = a >= times.length, endB = b >= other.times.length;
            if (endA || endB) {
                return endA == endB;
            }
            if (Double.doubleToRawLongBits(times[a]) != Double.doubleToRawLongBits(other.times[b])
                    || rgb[a] != other.rgb[b] || fade[a] != other.fade[b]) {
                return false;
            }
            if (times[a] >= t1) {
                return true;
            }
            a++;
            b++;
        }
    }

    /** Index of the last keyframe at or before {@code t}, −1 if none. */
    private int lastAtOrBefore(double t) {
        int i = Arrays.binarySearch(times, t);
        return i >= 0 ? i : -i - 2;
    }

    /**
     * A reader of this program's colours at times that mostly follow each other: it walks from
     * the keyframe of its last query instead of searching, so a sweep over the show costs
     * O(keyframes + queries). The colours are exactly {@link #colorAt}'s. Not thread-safe.
     */
    public Cursor cursor() {
        return new Cursor();
    }

    /** See {@link #cursor()}. */
    public final class Cursor {
        private int k = -1; // the last keyframe at or before the last query, −1 before the first

        private Cursor() {
        }

        /** {@link LightProgram#colorAt(double)}. */
        public int colorAt(double t) {
            int n = times.length;
            if (n == 0 || t < times[0]) {
                k = -1;
                return 0;
            }
            if (k < 0) {
                k = 0;
            }
            while (k + 1 < n && times[k + 1] <= t) {
                k++;
            }
            while (times[k] > t) {
                k--;
            }
            if (k + 1 < n && fade[k + 1]) {
                double u = (t - times[k]) / (times[k + 1] - times[k]);
                return lerp(rgb[k], rgb[k + 1], u);
            }
            return rgb[k];
        }
    }

    /** Linear blend of two packed colours, each channel rounded to the nearest integer. */
    public static int lerp(int c0, int c1, double u) {
        int r = (int) Math.round(((c0 >> 16) & 255) * (1 - u) + ((c1 >> 16) & 255) * u);
        int g = (int) Math.round(((c0 >> 8) & 255) * (1 - u) + ((c1 >> 8) & 255) * u);
        int b = (int) Math.round((c0 & 255) * (1 - u) + (c1 & 255) * u);
        return (r << 16) | (g << 8) | b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LightProgram p && Arrays.equals(times, p.times)
                && Arrays.equals(rgb, p.rgb) && Arrays.equals(fade, p.fade);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(times) * 31 + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "LightProgram[" + times.length + " keyframes]";
    }

    /** Builds a program keyframe by keyframe; times must strictly increase. */
    public static final class Builder {
        private double[] times = new double[8];
        private int[] rgb = new int[8];
        private boolean[] fade = new boolean[8];
        private int n;

        /** Colour steps to {@code color} at time {@code t}. */
        public Builder set(double t, int color) {
            return add(t, color, false);
        }

        /** Colour fades from the previous keyframe's colour to {@code color}, arriving at {@code t}. */
        public Builder fadeTo(double t, int color) {
            if (n == 0) {
                throw new IllegalStateException("a fade needs a keyframe before it");
            }
            return add(t, color, true);
        }

        /** Number of keyframes so far. */
        public int size() {
            return n;
        }

        /** Colour of the last keyframe, or 0 when there is none. */
        public int lastColor() {
            return n == 0 ? 0 : rgb[n - 1];
        }

        /** Time of the last keyframe, or -infinity when there is none. */
        public double lastTime() {
            return n == 0 ? Double.NEGATIVE_INFINITY : times[n - 1];
        }

        private Builder add(double t, int color, boolean isFade) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("keyframe time must be finite, was " + t);
            }
            if (n > 0 && !(t > times[n - 1])) {
                throw new IllegalArgumentException("keyframe at t=" + t + " is not after the previous one at t="
                        + times[n - 1] + ": times must strictly increase");
            }
            if ((color & ~0xFFFFFF) != 0) {
                throw new IllegalArgumentException("colour must be 0xRRGGBB, was 0x" + Integer.toHexString(color));
            }
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
                rgb = Arrays.copyOf(rgb, n * 2);
                fade = Arrays.copyOf(fade, n * 2);
            }
            times[n] = t;
            rgb[n] = color;
            fade[n] = isFade;
            n++;
            return this;
        }

        public LightProgram build() {
            if (n == 0) {
                return dark();
            }
            return new LightProgram(Arrays.copyOf(times, n), Arrays.copyOf(rgb, n), Arrays.copyOf(fade, n));
        }
    }
}
