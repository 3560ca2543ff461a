package dev.starling.light.effect;

import dev.starling.audio.BeatGrid;
import java.util.SplittableRandom;

/**
 * An effect prepared for one scene: per-drone parameters computed once (gradient coordinate,
 * pixel, twinkle instants), evaluated at any show time. {@link #color} gives the effect's own
 * colour and alpha; the fade envelope and opacity are applied by {@link #weight}.
 */
abstract class Layer {
    final double t0, t1, fadeIn, fadeOut, opacity;
    final Blend blend;
    final boolean[] lit;

    Layer(Timing timing, double t0, double t1, boolean[] lit) {
        this.t0 = t0;
        this.t1 = t1;
        this.fadeIn = Math.min(timing.fadeIn(), t1 - t0);
        this.fadeOut = Math.min(timing.fadeOut(), t1 - t0);
        this.opacity = timing.opacity();
        this.blend = timing.blend();
        this.lit = lit;
    }

    /** True when the effect touches drone {@code i} at all. */
    boolean applies(int i) {
        return lit[i];
    }

    /** Opacity × fade envelope at show time {@code t}; 0 outside [t0, t1]. */
    final double weight(double t) {
        if (t < t0 || t > t1) {
            return 0;
        }
        double w = opacity;
        if (fadeIn > 0 && t < t0 + fadeIn) {
            w *= (t - t0) / fadeIn;
        }
        if (fadeOut > 0 && t > t1 - fadeOut) {
            w *= (t1 - t) / fadeOut;
        }
        return w;
    }

    /** Adds the envelope's corners and {@link #breaks} of drone {@code i} within [a, b]. */
    final void allBreaks(int i, double a, double b, Ticks out) {
        if (b < t0 || a > t1) {
            return;
        }
        out.addTime(t0);
        out.addTime(t0 + fadeIn);
        out.addTime(t1 - fadeOut);
        out.addTime(t1);
        breaks(i, Math.max(a, t0), Math.min(b, t1), out);
    }

    /**
     * How many of the effect's factors (its weight, its colour and alpha) change with time within
     * [a, b], an interval without breakpoints inside: 0, 1, or 2 when the composite may bend
     * there for other reasons (a start or end inside, overlapping fades, clipping of {@code add}).
     */
    final int varying(int i, double a, double b) {
        if (b < t0 || a > t1) {
            return 0;
        }
        // a jump at the start (on from t0) or the end (off after t1) inside the interval
        if ((a < t0 && b >= t0) || (a <= t1 && b > t1)) {
            return 2;
        }
        boolean in = fadeIn > 0 && a < t0 + fadeIn, out = fadeOut > 0 && b > t1 - fadeOut;
        if (in && out) {
            return 2;
        }
        int f = (in || out ? 1 : 0) + colorFactors(i, a, b);
        return f > 0 && blend == Blend.ADD ? 2 : f;
    }

    /** True when {@link #color} of drone {@code i} may change within [a, b] (no breakpoint inside). */
    abstract boolean colorVaries(int i, double a, double b);

    /** Factors of {@link #color} changing within [a, b]: 0, 1, or 2 when it is not linear there. */
    int colorFactors(int i, double a, double b) {
        return colorVaries(i, a, b) ? 1 : 0;
    }

    /** Writes the effect's colour for drone {@code i} at {@code t} into out[0..2] (0–255); returns its alpha. */
    abstract double color(int i, double t, double[] out);

    /** Adds the instants in [a, b] where {@link #color} of drone {@code i} bends or jumps. */
    abstract void breaks(int i, double a, double b, Ticks out);

    // ------------------------------------------------------------------ the effects

    static final class Solid extends Layer {
        final int c;

        Solid(Effect.Solid e, double t0, double t1, boolean[] lit) {
            super(e.timing(), t0, t1, lit);
            c = e.color();
        }

        double color(int i, double t, double[] out) {
            Ramp.rgb(c, out);
            return 1;
        }

        boolean colorVaries(int i, double a, double b) {
            return false;
        }

        void breaks(int i, double a, double b, Ticks out) {
        }
    }

    /** Gradients and projected pictures: a fixed colour per drone. */
    static final class PerDrone extends Layer {
        final int[] argb;

        PerDrone(Timing timing, double t0, double t1, boolean[] lit, int[] argb) {
            super(timing, t0, t1, lit);
            this.argb = argb;
        }

        double color(int i, double t, double[] out) {
            Ramp.rgb(argb[i], out);
            return (argb[i] >>> 24) / 255.0;
        }

        boolean colorVaries(int i, double a, double b) {
            return false;
        }

        void breaks(int i, double a, double b, Ticks out) {
        }
    }

    static final class Sweep extends Layer {
        final Ramp ramp;
        final double[] s;         // position along the axis over the wavelength, per drone
        final double period, origin;

        Sweep(Effect.Sweep e, double t0, double t1, boolean[] lit, double[] along, double wavelength, BeatGrid g) {
            super(e.timing(), t0, t1, lit);
            ramp = e.ramp();
            s = new double[along.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = along[i] / wavelength;
            }
            period = e.period().period(g);
            origin = e.period().origin(g, t0);
        }

        /** The ramp coordinate of drone i at t: the pattern moves one wavelength along +axis per period. */
        private double phase(int i, double t) {
            return s[i] - (t - origin) / period;
        }

        double color(int i, double t, double[] out) {
            ramp.evalCyclic(phase(i, t), out);
            return 1;
        }

        boolean colorVaries(int i, double a, double b) {
            return ramp.colors().length > 1;
        }

        void breaks(int i, double a, double b, Ticks out) {
            double hi = phase(i, a), lo = phase(i, b);
            double[] p = ramp.positions();
            for (long m = (long) Math.floor(lo) - 1; m <= (long) Math.floor(hi); m++) {
                for (double pk : p) {
                    double v = m + pk;
                    if (v >= lo && v <= hi) {
                        out.addTime(origin + (s[i] - v) * period);
                    }
                }
            }
        }
    }

    static final class Video extends Layer {
        final int[][] frames;
        final int[] pixel;
        final double fps;
        final boolean loop;

        Video(Effect.Video e, double t0, double t1, boolean[] lit, int[] pixel) {
            super(e.timing(), t0, t1, lit);
            frames = e.frames().rgb();
            fps = e.frames().fps();
            loop = e.loop();
            this.pixel = pixel;
        }

        int frame(double t) {
            long k = (long) Math.floor((t - t0) * fps + 1e-9);
            int n = frames.length;
            if (loop) {
                return (int) Math.floorMod(k, (long) n);
            }
            return (int) Math.max(0, Math.min(n - 1, k));
        }

        double color(int i, double t, double[] out) {
            Ramp.rgb(frames[frame(t)][pixel[i]], out);
            return 1;
        }

        boolean colorVaries(int i, double a, double b) {
            return frames[frame(a)][pixel[i]] != frames[frame(b)][pixel[i]];
        }

        void breaks(int i, double a, double b, Ticks out) {
            long k0 = (long) Math.floor((a - t0) * fps), k1 = (long) Math.ceil((b - t0) * fps);
            if (!loop) {
                k1 = Math.min(k1, frames.length);
            }
            int n = frames.length, px = pixel[i];
            for (long k = Math.max(0, k0); k <= k1; k++) {
                // only where this drone's pixel changes (looping: frame k shows frames[k mod n])
                int cur = frames[(int) (loop ? k % n : Math.min(k, n - 1))][px];
                int before = k == 0 ? ~cur : frames[(int) (loop ? (k - 1) % n : Math.min(k - 1, n - 1))][px];
                if (cur != before) {
                    out.addTime(t0 + k / fps);
                }
            }
        }
    }

    static final class Pulse extends Layer {
        final double period, origin, low, width;
        final boolean square;

        Pulse(Effect.Pulse e, double t0, double t1, boolean[] lit, BeatGrid g) {
            super(e.timing(), t0, t1, lit);
            period = e.rate().period(g);
            origin = e.rate().origin(g, t0);
            low = e.low();
            width = e.width();
            square = e.shape().equals("square");
        }

        /** Brightness in [low, 1] at t. */
        double level(double t) {
            double x = (t - origin) / period;
            double phi = x - Math.floor(x);
            if (phi >= width) {
                return low;
            }
            return square ? 1 : 1 - (1 - low) * phi / width;
        }

        boolean colorVaries(int i, double a, double b) {
            return true;
        }

        double color(int i, double t, double[] out) {
            double v = 255 * level(t);
            out[0] = v;
            out[1] = v;
            out[2] = v;
            return 1;
        }

        void breaks(int i, double a, double b, Ticks out) {
            long m0 = (long) Math.floor((a - origin) / period) - 1, m1 = (long) Math.ceil((b - origin) / period);
            for (long m = m0; m <= m1; m++) {
                double s = origin + m * period;
                out.addTime(s);
                out.addTime(s + width * period);
            }
        }
    }

    static final class Sparkle extends Layer {
        final int c;
        final double length;
        final int[] first;
        final double[] at;

        Sparkle(Effect.Sparkle e, double t0, double t1, boolean[] lit) {
            super(e.timing(), t0, t1, lit);
            c = e.color();
            length = e.length();
            int n = lit.length;
            first = new int[n + 1];
            double[] buf = new double[64];
            int m = 0;
            for (int i = 0; i < n; i++) {
                first[i] = m;
                if (!lit[i]) {
                    continue;
                }
                // one stream per (seed, drone): the same drone twinkles the same way in any fleet
                SplittableRandom r = new SplittableRandom(e.seed() * 0x9E3779B97F4A7C15L + i);
                double t = t0 - length + expo(r, e.rate());
                while (t < t1) {
                    if (m == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, m * 2);
                    }
                    buf[m++] = t;
                    t += expo(r, e.rate());
                }
            }
            first[n] = m;
            at = java.util.Arrays.copyOf(buf, m);
        }

        private static double expo(SplittableRandom r, double rate) {
            return -Math.log(1 - r.nextDouble()) / rate;
        }

        double color(int i, double t, double[] out) {
            Ramp.rgb(c, out);
            double a = 0;
            for (int k = firstEnding(i, t); k < first[i + 1]; k++) {
                double u = (t - at[k]) / length;
                if (u > 1) {
                    continue;
                }
                if (u < 0) {
                    break;
                }
                a = Math.max(a, 1 - Math.abs(2 * u - 1));
            }
            return a;
        }

        boolean colorVaries(int i, double a, double b) {
            int k = firstEnding(i, a);
            return k < first[i + 1] && at[k] <= b;
        }

        @Override
        int colorFactors(int i, double a, double b) {
            int k = firstEnding(i, a);
            if (k >= first[i + 1] || at[k] > b) {
                return 0;
            }
            // two twinkles in the interval: their maximum bends where they cross
            return k + 1 < first[i + 1] && at[k + 1] <= b ? 2 : 1;
        }

        /** Index of drone i's first twinkle that has not ended by t (binary search). */
        int firstEnding(int i, double t) {
            int lo = first[i], hi = first[i + 1];
            double start = t - length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (at[mid] < start) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        void breaks(int i, double a, double b, Ticks out) {
            for (int k = firstEnding(i, a); k < first[i + 1]; k++) {
                double s = at[k];
                if (s + length < a) {
                    continue;
                }
                if (s > b) {
                    break;
                }
                out.addTime(s);
                out.addTime(s + length / 2);
                out.addTime(s + length);
            }
        }
    }

    static final class Keys extends Layer {
        final Effect.DroneKeys keys;
        final double origin;
        final boolean step;

        Keys(Effect.Keyframes e, double start, double t0, double t1, boolean[] lit) {
            super(e.timing(), t0, t1, lit);
            keys = e.keys();
            origin = start;
            step = e.step();
        }

        @Override
        boolean applies(int i) {
            return keys.first()[i + 1] > keys.first()[i];
        }

        boolean colorVaries(int i, double a, double b) {
            return !step;
        }

        double color(int i, double t, double[] out) {
            int lo = keys.first()[i], hi = keys.first()[i + 1];
            double[] kt = keys.t();
            double u = t - origin;
            if (lo == hi || u < kt[lo]) {
                return 0;
            }
            // the last keyframe at or before u (binary search)
            int k = lo, h = hi - 1;
            while (k < h) {
                int mid = (k + h + 1) >>> 1;
                if (kt[mid] <= u) {
                    k = mid;
                } else {
                    h = mid - 1;
                }
            }
            int c0 = keys.rgb()[k];
            if (step || k + 1 == hi) {
                Ramp.rgb(c0, out);
                return 1;
            }
            int c1 = keys.rgb()[k + 1];
            double w = (u - kt[k]) / (kt[k + 1] - kt[k]);
            out[0] = ((c0 >> 16) & 255) * (1 - w) + ((c1 >> 16) & 255) * w;
            out[1] = ((c0 >> 8) & 255) * (1 - w) + ((c1 >> 8) & 255) * w;
            out[2] = (c0 & 255) * (1 - w) + (c1 & 255) * w;
            return 1;
        }

        void breaks(int i, double a, double b, Ticks out) {
            int lo = keys.first()[i], hi = keys.first()[i + 1];
            for (int k = lo; k < hi; k++) {
                double s = origin + keys.t()[k];
                if (s >= a - 1 && s <= b + 1) {
                    out.addTime(s);
                }
            }
        }
    }
}
