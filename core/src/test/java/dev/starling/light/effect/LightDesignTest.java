package dev.starling.light.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.light.LightProgram;
import dev.starling.light.SkybrushLightCodec;
import dev.starling.audio.BeatGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every effect type, built into light programs, encoded to Skybrush bytecode and decoded again,
 * shows the colour the effect defines ({@link SceneLights#colorAt}) at random (drone, tick)
 * pairs of the hold, within one 8-bit step.
 */
class LightDesignTest {
    static final int N = 300;
    static final int PAIRS = 1000;
    static final double HOLD_START = 12.34, HOLD_END = 42.5;
    static final BeatGrid BEATS = new BeatGrid(96, 0.21, 4);

    static Timing whole(Blend b) {
        return Timing.whole(b);
    }

    static Timing window(double start, double duration, double fadeIn, double fadeOut, Blend b) {
        return new Timing(new Timing.TimeRef(start, false, Double.toString(start)), null, duration, fadeIn, fadeOut,
                1, b);
    }

    static Effect.Picture picture() {
        int w = 37, h = 23;
        int[] argb = new int[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int a = (c + r) % 5 == 0 ? 0 : 255;
                argb[r * w + c] = (a << 24) | ((c * 7) << 16) | ((r * 11) << 8) | ((c * r) & 255);
            }
        }
        return new Effect.Picture(w, h, argb);
    }

    static Effect.Frames frames() {
        int w = 16, h = 9, f = 12;
        int[][] rgb = new int[f][w * h];
        for (int k = 0; k < f; k++) {
            for (int p = 0; p < w * h; p++) {
                rgb[k][p] = ((k * 20) << 16) | ((p % 256) << 8) | ((p * k) & 255);
            }
        }
        return new Effect.Frames(w, h, 12.5, rgb);
    }

    static Effect.DroneKeys keys() {
        SplittableRandom r = new SplittableRandom(5);
        int[] first = new int[N + 1];
        List<Double> t = new ArrayList<>();
        List<Integer> c = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            first[i] = t.size();
            if (i % 3 == 0) {
                double at = r.nextDouble(0, 2);
                for (int k = 0; k < 8; k++) {
                    t.add(at);
                    c.add(r.nextInt(1 << 24));
                    at += r.nextDouble(0.01, 3);
                }
            }
        }
        first[N] = t.size();
        double[] tt = new double[t.size()];
        int[] cc = new int[c.size()];
        for (int k = 0; k < tt.length; k++) {
            tt[k] = t.get(k);
            cc[k] = c.get(k);
        }
        return new Effect.DroneKeys(first, tt, cc);
    }

    static Effect.Axis axis(double x, double y, double z) {
        return new Effect.Axis(x, y, z, "axis");
    }

    static List<List<Effect>> stacks() {
        Ramp three = Ramp.even(0xFF0000, 0x00FF00, 0x0000FF);
        List<Effect> each = List.of(
                new Effect.Solid(window(1, 5, 0.5, 1.2, Blend.NORMAL), 0x3366FF),
                new Effect.Gradient(whole(Blend.NORMAL), three, axis(1, 0, 0), false, null, Double.NaN),
                new Effect.Gradient(whole(Blend.SCREEN), Ramp.even(0xFFFFFF, 0x101010), axis(0, 0, 1), true, null,
                        Double.NaN),
                new Effect.Sweep(whole(Blend.NORMAL), Ramp.even(0xFFC850, 0xFFFFFF, 0x402000), axis(1, 0, 0.2),
                        new Tempo(Tempo.Kind.BAR, 0), Double.NaN),
                new Effect.Sweep(window(3, 9, 1, 1, Blend.ADD), three, axis(-1, 0, 0), Tempo.every(1.7), 23),
                new Effect.Image(whole(Blend.NORMAL), "p.png", picture(), "front"),
                new Effect.Video(window(2, 10, 0, 0.5, Blend.NORMAL), "v.mp4", frames(), "front", true),
                new Effect.Pulse(whole(Blend.MULTIPLY), new Tempo(Tempo.Kind.BEAT, 0), 0.2, 0.5, "decay"),
                new Effect.Pulse(window(4, 6, 0, 0, Blend.MULTIPLY), Tempo.every(0.5), 0, 0.5, "square"),
                new Effect.Sparkle(whole(Blend.NORMAL), 0xFFFFFF, 42, 0.8, 0.4),
                new Effect.Keyframes(window(1, 20, 0, 0, Blend.NORMAL), "k.csv", keys(), false),
                new Effect.Keyframes(window(1, 20, 0, 0, Blend.MULTIPLY), "k.csv", keys(), true));
        List<List<Effect>> out = new ArrayList<>();
        for (Effect e : each) {
            out.add(List.of(e));
        }
        out.add(each); // everything at once, in order
        return out;
    }

    static LightDesign.SceneInput scene(List<Effect> effects) {
        SplittableRandom r = new SplittableRandom(11);
        double[] x = new double[N], y = new double[N], z = new double[N];
        int[] rgb = new int[N];
        for (int i = 0; i < N; i++) {
            x[i] = r.nextDouble(-80, 80);
            y[i] = r.nextDouble(15, 25);
            z[i] = r.nextDouble(60, 140);
            rgb[i] = i % 10 == 9 ? 0 : 0xFFC850; // one in ten is an unlit reserve drone
        }
        return new LightDesign.SceneInput(5.0, HOLD_START, HOLD_END, rgb, x, y, z, effects,
                TransitionLights.CROSSFADE);
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void exportedProgramsShowTheEffectsAtRandomTicks(List<Effect> effects) {
        LightDesign.SceneInput s = scene(effects);
        List<LightDesign.SceneInput> scenes = List.of(s);
        SceneLights[] prepared = LightDesign.prepare(scenes, BEATS);
        List<LightProgram> programs = LightDesign.build(N, scenes, prepared, 50, 55);
        SplittableRandom r = new SplittableRandom(3);
        long th = LightDesign.tick(HOLD_START), te = LightDesign.tick(HOLD_END);
        double[] c = new double[3], tmp = new double[3];
        for (int k = 0; k < PAIRS; k++) {
            int i = r.nextInt(N);
            long tick = r.nextLong(th, te + 1);
            double t = LightDesign.tickTime(tick);
            LightProgram decoded = SkybrushLightCodec.decode(SkybrushLightCodec.encode(programs.get(i)));
            int got = decoded.colorAt(t);
            prepared[0].colorAt(i, t, c, tmp);
            for (int ch = 0, sh = 16; ch < 3; ch++, sh -= 8) {
                double err = Math.abs(((got >> sh) & 255) - c[ch]);
                assertTrue(err <= LightDesign.TICK_ERROR, "drone " + i + " t=" + t + " channel " + ch + ": exported "
                        + ((got >> sh) & 255) + ", effect " + c[ch] + " (" + effects.get(0).type() + ")");
            }
        }
    }

    @Test
    void unlitDronesStayDarkUnderEffectsOtherThanKeyframes() {
        List<Effect> effects = new ArrayList<>(stacks().get(stacks().size() - 1));
        effects.removeIf(e -> e instanceof Effect.Keyframes);
        LightDesign.SceneInput s = scene(effects);
        List<LightProgram> programs = LightDesign.build(N, List.of(s), 50, 55, BEATS);
        for (int i = 9; i < N; i += 10) {
            for (LightProgram p = programs.get(i); ; ) {
                for (int k = 0; k < p.size(); k++) {
                    assertEquals(0, p.rgb(k), "reserve drone " + i + " lit");
                }
                break;
            }
        }
    }

    @Test
    void buildIsDeterministicAndKeyframesLieOnTicks() {
        LightDesign.SceneInput s = scene(stacks().get(stacks().size() - 1));
        List<LightProgram> a = LightDesign.build(N, List.of(s), 50, 55, BEATS);
        List<LightProgram> b = LightDesign.build(N, List.of(s), 50, 55, BEATS);
        assertEquals(a, b);
        for (LightProgram p : a) {
            for (int k = 0; k < p.size(); k++) {
                double ticks = p.time(k) * LightDesign.TICKS_PER_SECOND;
                assertEquals(Math.rint(ticks), ticks, 1e-9);
            }
        }
    }

    @Test
    void constantEffectsAddNoKeyframesBeyondTheTransition() {
        Ramp r = Ramp.even(0xFF0000, 0x0000FF);
        LightDesign.SceneInput s = scene(List.of(new Effect.Gradient(whole(Blend.NORMAL), r, axis(1, 0, 0), false,
                null, Double.NaN)));
        List<LightProgram> p = LightDesign.build(N, List.of(s), 50, 55, BEATS);
        // dark, start of the fade, arrival, start of the landing fade, dark
        assertTrue(p.get(0).size() <= 5, p.get(0).size() + " keyframes");
    }
}
