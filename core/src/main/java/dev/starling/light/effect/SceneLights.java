package dev.starling.light.effect;

import dev.starling.audio.BeatGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * A scene's effects prepared over its formation: the composite colour of every drone at any
 * show time of the hold. This is the definition of what the effects show; {@link LightDesign}
 * turns it into light programs and tests compare exported programs against it.
 *
 * <p>Composite at t: start from the drone's scene colour; for each effect in order that touches
 * the drone, with weight w = opacity × envelope(t) × the effect's alpha, mix the colour below
 * with blend(below, effect colour) by w. Channels are clipped to 0–255.
 */
public final class SceneLights {
    private final int[] base;
    private final Layer[] layers;

    private SceneLights(int[] base, Layer[] layers) {
        this.base = base;
        this.layers = layers;
    }

    /** True when the scene has no effect (its drones hold their scene colour). */
    public boolean isEmpty() {
        return layers.length == 0;
    }

    /**
     * Prepares {@code effects} for a hold from {@code holdStart} to {@code holdEnd} (show
     * seconds) of a formation at (x, y, z) (one point per drone, metres) whose drones show
     * {@code rgb} (0 = unlit: effects other than keyframes leave unlit drones dark).
     *
     * @param beats the show's beat grid; required when an effect's tempo is a beat or bar
     */
    public static SceneLights prepare(List<Effect> effects, int[] rgb, double[] x, double[] y, double[] z,
                                      double holdStart, double holdEnd, BeatGrid beats) {
        int n = rgb.length;
        boolean[] lit = new boolean[n];
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int litCount = 0;
        for (int i = 0; i < n; i++) {
            lit[i] = rgb[i] != 0;
            if (lit[i]) {
                litCount++;
                lo[0] = Math.min(lo[0], x[i]);
                lo[1] = Math.min(lo[1], y[i]);
                lo[2] = Math.min(lo[2], z[i]);
                hi[0] = Math.max(hi[0], x[i]);
                hi[1] = Math.max(hi[1], y[i]);
                hi[2] = Math.max(hi[2], z[i]);
            }
        }
        if (litCount == 0) {
            lo = new double[3];
            hi = new double[3];
        }
        List<Layer> out = new ArrayList<>();
        for (Effect e : effects) {
            double[] span = e.timing().resolve(holdStart, holdEnd);
            double t0 = span[0], t1 = span[1];
            if (!(t1 > t0)) {
                continue; // nothing of it falls inside the hold
            }
            Layer layer;
            if (e instanceof Effect.Solid s) {
                layer = new Layer.Solid(s, t0, t1, lit);
            } else if (e instanceof Effect.Gradient g) {
                layer = new Layer.PerDrone(g.timing(), t0, t1, lit, gradient(g, x, y, z, lit, lo, hi));
            } else if (e instanceof Effect.Sweep s) {
                double[] along = new double[n];
                double a0 = extent(s.axis(), x, y, z, lit, along);
                double len = max(along, lit) - a0;
                for (int i = 0; i < n; i++) {
                    along[i] -= a0;
                }
                double wl = Double.isNaN(s.wavelength()) ? (len > 0 ? len : 1) : s.wavelength();
                layer = new Layer.Sweep(s, t0, t1, lit, along, wl, beats);
            } else if (e instanceof Effect.Image im) {
                Effect.Picture p = im.picture();
                int[] px = pixels(im.view(), p.width(), p.height(), x, y, z, lo, hi);
                int[] argb = new int[n];
                for (int i = 0; i < n; i++) {
                    argb[i] = p.argb()[px[i]];
                }
                layer = new Layer.PerDrone(im.timing(), t0, t1, lit, argb);
            } else if (e instanceof Effect.Video v) {
                layer = new Layer.Video(v, t0, t1, lit,
                        pixels(v.view(), v.frames().width(), v.frames().height(), x, y, z, lo, hi));
            } else if (e instanceof Effect.Pulse p) {
                layer = new Layer.Pulse(p, t0, t1, lit, beats);
            } else if (e instanceof Effect.Sparkle s) {
                layer = new Layer.Sparkle(s, t0, t1, lit);
            } else {
                Effect.Keyframes k = (Effect.Keyframes) e;
                Timing.TimeRef st = k.timing().start();
                double origin = st == null ? holdStart : st.absolute() ? st.seconds() : holdStart + st.seconds();
                layer = new Layer.Keys(k, origin, t0, t1, lit);
            }
            out.add(layer);
        }
        return new SceneLights(rgb.clone(), out.toArray(new Layer[0]));
    }

    /**
     * The composite colour of drone {@code i} at show time {@code t}, channels 0–255 unrounded,
     * written into {@code out[0..2]}; {@code tmp} is scratch of length 3.
     */
    public void colorAt(int i, double t, double[] out, double[] tmp) {
        Ramp.rgb(base[i], out);
        for (Layer l : layers) {
            if (!l.applies(i)) {
                continue;
            }
            double w = l.weight(t);
            if (w == 0) {
                continue;
            }
            w *= l.color(i, t, tmp);
            if (w == 0) {
                continue;
            }
            for (int ch = 0; ch < 3; ch++) {
                double top = l.blend.apply(out[ch], tmp[ch]);
                out[ch] += w * (top - out[ch]);
            }
        }
        for (int ch = 0; ch < 3; ch++) {
            out[ch] = Math.max(0, Math.min(255, out[ch]));
        }
    }

    /** {@link #colorAt} rounded and packed 0xRRGGBB. */
    public int rgbAt(int i, double t, double[] out, double[] tmp) {
        colorAt(i, t, out, tmp);
        return pack(out);
    }

    static int pack(double[] c) {
        return ((int) Math.round(c[0]) << 16) | ((int) Math.round(c[1]) << 8) | (int) Math.round(c[2]);
    }

    /** Adds the ticks in [lo, hi] where drone {@code i}'s composite may bend or jump. */
    void breaks(int i, long lo, long hi, Ticks out) {
        double a = lo / (double) LightDesign.TICKS_PER_SECOND, b = hi / (double) LightDesign.TICKS_PER_SECOND;
        for (Layer l : layers) {
            if (l.applies(i)) {
                l.allBreaks(i, a, b, out);
            }
        }
    }

    /**
     * True when the composite of drone {@code i} is linear in time over [lo, hi] (ticks, no
     * breakpoint inside): at most one factor of all effects changes there.
     */
    boolean linear(int i, long lo, long hi) {
        double a = lo / (double) LightDesign.TICKS_PER_SECOND, b = hi / (double) LightDesign.TICKS_PER_SECOND;
        int f = 0;
        for (Layer l : layers) {
            if (l.applies(i)) {
                f += l.varying(i, a, b);
                if (f > 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when some effect touches drone {@code i}. */
    boolean touches(int i) {
        for (Layer l : layers) {
            if (l.applies(i)) {
                return true;
            }
        }
        return false;
    }

    private static int[] gradient(Effect.Gradient g, double[] x, double[] y, double[] z, boolean[] lit,
                                  double[] lo, double[] hi) {
        int n = x.length;
        double[] u = new double[n];
        if (g.radial()) {
            double[] c = g.center() != null ? g.center()
                    : new double[] {(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2};
            double r = g.radius();
            double far = 0;
            for (int i = 0; i < n; i++) {
                double dx = x[i] - c[0], dy = y[i] - c[1], dz = z[i] - c[2];
                u[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (lit[i]) {
                    far = Math.max(far, u[i]);
                }
            }
            double radius = Double.isNaN(r) ? (far > 0 ? far : 1) : r;
            for (int i = 0; i < n; i++) {
                u[i] /= radius;
            }
        } else {
            double a0 = extent(g.axis(), x, y, z, lit, u);
            double len = max(u, lit) - a0;
            for (int i = 0; i < n; i++) {
                u[i] = len > 0 ? (u[i] - a0) / len : 0;
            }
        }
        int[] argb = new int[n];
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            g.ramp().eval(u[i], c);
            argb[i] = 0xFF000000 | pack(c);
        }
        return argb;
    }

    /** Writes p·axis per drone into {@code along}; returns its minimum over lit drones. */
    private static double extent(Effect.Axis a, double[] x, double[] y, double[] z, boolean[] lit, double[] along) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            along[i] = x[i] * a.x() + y[i] * a.y() + z[i] * a.z();
            if (lit[i]) {
                m = Math.min(m, along[i]);
            }
        }
        return m == Double.POSITIVE_INFINITY ? 0 : m;
    }

    private static double max(double[] v, boolean[] lit) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            if (lit[i]) {
                m = Math.max(m, v[i]);
            }
        }
        return m == Double.NEGATIVE_INFINITY ? 0 : m;
    }

    /**
     * Pixel index of every drone in a w × h picture seen along {@code view}, the picture
     * covering the lit extent (aspect kept, centred).
     */
    static int[] pixels(String view, int w, int h, double[] x, double[] y, double[] z, double[] lo, double[] hi) {
        int hAxis = view.equals("side") ? 1 : 0;
        int vAxis = view.equals("top") ? 1 : 2;
        double eh = hi[hAxis] - lo[hAxis], ev = hi[vAxis] - lo[vAxis];
        double m = Math.max(eh / w, ev / h);
        if (!(m > 0)) {
            m = 1;
        }
        double ch = (lo[hAxis] + hi[hAxis]) / 2, cv = (lo[vAxis] + hi[vAxis]) / 2;
        int[] px = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double ph = hAxis == 0 ? x[i] : y[i];
            double pv = vAxis == 2 ? z[i] : y[i];
            int c = (int) Math.floor((ph - ch) / m + w / 2.0);
            int r = (int) Math.floor((cv - pv) / m + h / 2.0);
            c = Math.max(0, Math.min(w - 1, c));
            r = Math.max(0, Math.min(h - 1, r));
            px[i] = r * w + c;
        }
        return px;
    }
}
