package dev.starling.light.effect;

import dev.starling.light.LightProgram;
import dev.starling.audio.BeatGrid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Builds every drone's light program from the show's scenes: dark on the ground and through the
 * takeoff climb, each transition as its {@link TransitionLights} says, each hold as its effects
 * say ({@link SceneLights}), and a fade to dark on the way to the landing layer.
 *
 * <p><b>Exactness.</b> All keyframes lie on Skybrush's 20 ms ticks, so exporting loses nothing
 * to time rounding. Within a hold the composite colour is linearised adaptively: the interval
 * between two consecutive breakpoints (ticks around every instant where some effect bends or
 * jumps) is one fade when at most one factor of the effects (a weight, a colour) changes in it, so
 * the composite is linear there; otherwise when the composite at its interior check points (every
 * tick of intervals up to {@value #DENSE_CHECK} ticks, else the quarter points) lies within
 * {@value #TOLERANCE} of the fade between its rounded ends; otherwise it is halved. Between
 * breakpoints every effect is linear in time, so the composite is a polynomial of low degree
 * there and the check points bound the error; at every tick the exported colour lies within
 * {@link #TICK_ERROR} of the composite (one 8-bit step). Runs of one colour and fades that continue the previous one in a
 * straight line add no keyframe.
 *
 * <p>Cost: O(keyframes × effects) per drone, plus each effect's preparation per scene
 * (O(drones)); parallel over drones, deterministic.
 */
public final class LightDesign {
    /** Ticks per second of Skybrush's light clock. */
    public static final int TICKS_PER_SECOND = 50;
    /** Largest gap (8-bit levels) between the composite and one fade before it is split. */
    public static final double TOLERANCE = 0.45;
    /**
     * Bound on |exported − composite| at any tick of a hold, 8-bit levels per channel: half a
     * level for rounding the fade's ends, half for rounding the player's interpolation (plus
     * floating-point slack); checked intervals stay below it by 0.05.
     */
    public static final double TICK_ERROR = 1.0 + 1e-9;
    /** Intervals up to this many ticks are checked at every tick. */
    static final int DENSE_CHECK = 8;
    /** Slack within which a fade counts as continuing the previous one (8-bit levels). */
    static final double COLLINEAR = 0.05;
    /** Drones per parallel task. */
    static final int CHUNK = 128;

    private LightDesign() {
    }

    /**
     * One scene as the lights see it: times in show seconds, the scene's colour and formation
     * point per drone, its effects and what the transition into it does.
     */
    public record SceneInput(double start, double holdStart, double holdEnd, int[] rgb, double[] x, double[] y,
                             double[] z, List<Effect> effects, TransitionLights transition) {
    }

    /**
     * Light programs of {@code n} drones through {@code scenes} (in show order), fading to dark
     * from {@code landingStart} to {@code landingEnd}.
     *
     * @param beats the beat grid, or {@code null} when the show has none (then no effect may use beats)
     */
    public static List<LightProgram> build(int n, List<SceneInput> scenes, double landingStart, double landingEnd,
                                           BeatGrid beats) {
        SceneLights[] prepared = new SceneLights[scenes.size()];
        for (int k = 0; k < prepared.length; k++) {
            SceneInput s = scenes.get(k);
            prepared[k] = SceneLights.prepare(s.effects(), s.rgb(), s.x(), s.y(), s.z(), tickTime(tick(s.holdStart())),
                    tickTime(tick(s.holdEnd())), beats);
        }
        return build(n, scenes, prepared, landingStart, landingEnd);
    }

    /** {@link #build} with the scenes' effects already prepared. */
    public static List<LightProgram> build(int n, List<SceneInput> scenes, SceneLights[] prepared,
                                           double landingStart, double landingEnd) {
        LightProgram[] out = new LightProgram[n];
        Runnable all = () -> new Range(scenes, prepared, landingStart, landingEnd, out, 0, n).compute();
        if (n <= CHUNK) {
            all.run();
        } else {
            ForkJoinPool.commonPool().invoke(new Range(scenes, prepared, landingStart, landingEnd, out, 0, n));
        }
        return new ArrayList<>(Arrays.asList(out));
    }

    /** Prepares the effects of every scene (hold times snapped to ticks, as {@link #build} does). */
    public static SceneLights[] prepare(List<SceneInput> scenes, BeatGrid beats) {
        SceneLights[] prepared = new SceneLights[scenes.size()];
        for (int k = 0; k < prepared.length; k++) {
            SceneInput s = scenes.get(k);
            prepared[k] = SceneLights.prepare(s.effects(), s.rgb(), s.x(), s.y(), s.z(), tickTime(tick(s.holdStart())),
                    tickTime(tick(s.holdEnd())), beats);
        }
        return prepared;
    }

    /** The nearest tick to show time {@code t}. */
    public static long tick(double t) {
        return Math.round(t * TICKS_PER_SECOND);
    }

    /** Show time of tick {@code k}. */
    public static double tickTime(long k) {
        return k / (double) TICKS_PER_SECOND;
    }

    private static final class Range extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        final transient List<SceneInput> scenes;
        final transient SceneLights[] prepared;
        final double landingStart, landingEnd;
        final transient LightProgram[] out;
        final int lo, hi;

        Range(List<SceneInput> scenes, SceneLights[] prepared, double landingStart, double landingEnd,
              LightProgram[] out, int lo, int hi) {
            this.scenes = scenes;
            this.prepared = prepared;
            this.landingStart = landingStart;
            this.landingEnd = landingEnd;
            this.out = out;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo > CHUNK) {
                int mid = (lo + hi) >>> 1;
                invokeAll(new Range(scenes, prepared, landingStart, landingEnd, out, lo, mid),
                        new Range(scenes, prepared, landingStart, landingEnd, out, mid, hi));
                return;
            }
            Drone d = new Drone();
            for (int i = lo; i < hi; i++) {
                out[i] = d.program(i, scenes, prepared, landingStart, landingEnd);
            }
        }
    }

    /** Per-thread working state: one drone's keyframes, reused from drone to drone. */
    static final class Drone {
        long[] tk = new long[64];
        int[] rgb = new int[64];
        boolean[] fade = new boolean[64];
        int size;
        final Ticks ticks = new Ticks();
        final double[] c = new double[3], tmp = new double[3];
        SceneLights lights;
        int drone;

        LightProgram program(int i, List<SceneInput> scenes, SceneLights[] prepared, double landingStart,
                             double landingEnd) {
            size = 0;
            drone = i;
            key(0, 0, false);
            for (int k = 0; k < scenes.size(); k++) {
                SceneInput s = scenes.get(k);
                lights = prepared[k];
                long ts = tick(s.start()), th = tick(s.holdStart()), te = tick(s.holdEnd());
                int target = lights.isEmpty() ? s.rgb()[i] : lights.rgbAt(i, tickTime(th), c, tmp);
                transition(ts, th, target, s.transition());
                if (!lights.isEmpty() && lights.touches(i) && te > th) {
                    hold(th, te);
                }
            }
            transition(tick(landingStart), tick(landingEnd), 0, TransitionLights.CROSSFADE);
            LightProgram.Builder b = LightProgram.builder();
            for (int k = 0; k < size; k++) {
                double t = tickTime(tk[k]);
                if (fade[k]) {
                    b.fadeTo(t, rgb[k]);
                } else {
                    b.set(t, rgb[k]);
                }
            }
            return b.build();
        }

        int lastColor() {
            return rgb[size - 1];
        }

        long lastTick() {
            return tk[size - 1];
        }

        /** Appends a keyframe; a keyframe on the last one's tick replaces it (the later one wins). */
        void key(long t, int color, boolean isFade) {
            if (size > 0 && tk[size - 1] >= t) {
                // on the same tick: keep the earlier keyframe's kind, take the new colour
                rgb[size - 1] = color;
                return;
            }
            if (size == tk.length) {
                tk = Arrays.copyOf(tk, size * 2);
                rgb = Arrays.copyOf(rgb, size * 2);
                fade = Arrays.copyOf(fade, size * 2);
            }
            tk[size] = t;
            rgb[size] = color;
            fade[size] = isFade;
            size++;
        }

        /** Fades from the colour shown at tick {@code from} to {@code color} at {@code to}. */
        void fadeFrom(long from, long to, int color) {
            int cur = lastColor();
            if (color == cur) {
                return;
            }
            if (to <= from) {
                key(Math.max(to, lastTick()), color, false);
                return;
            }
            if (lastTick() < from) {
                key(from, cur, false);
            } else if (size >= 2 && fade[size - 1] && collinear(tk[size - 2], rgb[size - 2], tk[size - 1], cur, to,
                    color)) {
                // the new fade continues the last one in a straight line: extend it
                tk[size - 1] = to;
                rgb[size - 1] = color;
                return;
            }
            key(to, color, true);
        }

        static boolean collinear(long t0, int c0, long t1, int c1, long t2, int c2) {
            double u = (t1 - t0) / (double) (t2 - t0);
            for (int sh = 16; sh >= 0; sh -= 8) {
                double a = (c0 >> sh) & 255, b = (c1 >> sh) & 255, e = (c2 >> sh) & 255;
                if (Math.abs(a + (e - a) * u - b) > COLLINEAR) {
                    return false;
                }
            }
            return true;
        }

        void transition(long ts, long th, int target, TransitionLights mode) {
            int prev = lastColor();
            if (target == prev && mode.mode() != TransitionLights.Mode.DIM) {
                return;
            }
            switch (mode.mode()) {
                case CROSSFADE -> fadeFrom(ts, th, target);
                case KEEP -> key(Math.max(th, lastTick()), target, false);
                case DIM -> {
                    long q = (th - ts) / 4;
                    if (q < 1) {
                        fadeFrom(ts, th, target);
                        return;
                    }
                    fadeFrom(ts, ts + q, scale(prev, mode.level()));
                    fadeFrom(th - q, th, target);
                }
            }
        }

        static int scale(int c, double f) {
            int r = (int) Math.round(((c >> 16) & 255) * f);
            int g = (int) Math.round(((c >> 8) & 255) * f);
            int b = (int) Math.round((c & 255) * f);
            return (r << 16) | (g << 8) | b;
        }

        /** Emits the hold from tick th (colour already shown) to te. */
        void hold(long th, long te) {
            ticks.clear();
            lights.breaks(drone, th, te, ticks);
            ticks.normalise(th, te);
            long p = ticks.v[0];
            int cp = lights.rgbAt(drone, tickTime(p), c, tmp);
            for (int k = 1; k < ticks.size; k++) {
                long q = ticks.v[k];
                int cq = lights.rgbAt(drone, tickTime(q), c, tmp);
                segment(p, cp, q, cq);
                p = q;
                cp = cq;
            }
        }

        private void segment(long p, int cp, long q, int cq) {
            // a composite linear in time needs no check: its fade is exact but for rounding the ends
            if (q - p > 1 && !lights.linear(drone, p, q) && !straight(p, cp, q, cq)) {
                long m = (p + q) >>> 1;
                int cm = lights.rgbAt(drone, tickTime(m), c, tmp);
                segment(p, cp, m, cm);
                segment(m, cm, q, cq);
                return;
            }
            fadeFrom(p, q, cq);
        }

        /** True when the composite stays within {@link #TOLERANCE} of the fade from (p, cp) to (q, cq). */
        private boolean straight(long p, int cp, long q, int cq) {
            long len = q - p;
            if (len <= DENSE_CHECK) {
                for (long m = p + 1; m < q; m++) {
                    if (!near(p, cp, q, cq, m)) {
                        return false;
                    }
                }
                return true;
            }
            return near(p, cp, q, cq, p + len / 4) && near(p, cp, q, cq, p + len / 2)
                    && near(p, cp, q, cq, p + 3 * len / 4);
        }

        private boolean near(long p, int cp, long q, int cq, long m) {
            lights.colorAt(drone, tickTime(m), c, tmp);
            double u = (m - p) / (double) (q - p);
            for (int ch = 0, sh = 16; ch < 3; ch++, sh -= 8) {
                double a = (cp >> sh) & 255, b = (cq >> sh) & 255;
                if (Math.abs(a + (b - a) * u - c[ch]) > TOLERANCE) {
                    return false;
                }
            }
            return true;
        }
    }
}
