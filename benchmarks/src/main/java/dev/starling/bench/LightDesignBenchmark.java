package dev.starling.bench;

import dev.starling.io.ExportFormat;
import dev.starling.io.ExportOptions;
import dev.starling.io.Exporter;
import dev.starling.light.LightProgram;
import dev.starling.light.effect.Blend;
import dev.starling.light.effect.Effect;
import dev.starling.light.effect.LightDesign;
import dev.starling.light.effect.Ramp;
import dev.starling.light.effect.Tempo;
import dev.starling.light.effect.Timing;
import dev.starling.light.effect.TransitionLights;
import dev.starling.plan.Plan;
import dev.starling.audio.BeatGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the light programs of a flagship-sized show with every effect type
 * ({@link LightDesign#build}), and the {@code .skyc} export of those programs against today's
 * (scene colours with cross-fades only), in one run.
 *
 * <p>Workload: {@code n} drones, a 10-minute show of 8 scenes (15 s transition, 60 s hold each)
 * on random formation points of a 240 m × 120 m vertical plane, 96 bpm. Scene effects, one type
 * per scene as a designer would use them: a beat sweep, a linear and a radial gradient, a
 * projected 96 × 54 picture, a 25 fps 96 × 54 video over 20 s, a decay pulse on the beat over
 * the picture, a sparkle (0.6 twinkles/s, 0.4 s), per-drone keyframes (every third drone, 30
 * keyframes). {@code lights = PLAIN} builds the same scenes without effects. The export uses the
 * trajectories of {@link ExportBenchmark}'s synthetic flagship. Keyframe counts are printed.
 *
 * <p>Run: {@code ./mvnw -q -B package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * LightDesignBenchmark -f 1 -wi 2 -i 5 -p n=5000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class LightDesignBenchmark {
    /** With every effect type, or the scene colours alone (today's lights). */
    public enum Lights { EFFECTS, PLAIN }

    @Param({"1000", "5000"})
    int n;

    @Param({"EFFECTS", "PLAIN"})
    Lights lights;

    private List<LightDesign.SceneInput> scenes;
    private BeatGrid beats;
    private Plan plan;
    private Path dir;
    private final ExportOptions options = ExportOptions.defaults();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        beats = new BeatGrid(96, 0, 4);
        scenes = scenes(n, lights == Lights.EFFECTS, 20261206L);
        List<LightProgram> programs = LightDesign.build(n, scenes, 600 - 20, 600 - 5, beats);
        Plan base = ExportBenchmark.flagship(n, 20261125L);
        plan = new Plan(base.name(), base.limits(), base.trajectories(), programs, List.of());
        long keys = 0;
        for (LightProgram p : programs) {
            keys += p.size();
        }
        System.out.printf("%n[light keyframes] n=%d lights=%s keyframes=%d (%.1f per drone)%n", n, lights, keys,
                keys / (double) n);
        dir = Files.createTempDirectory("starling-light-bench");
    }

    @Benchmark
    public List<LightProgram> build() {
        return LightDesign.build(n, scenes, 600 - 20, 600 - 5, beats);
    }

    @Benchmark
    public List<Path> exportSkyc() throws IOException {
        return Exporter.export(plan, ExportFormat.SKYC, dir.resolve("show.skyc"), options);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Path f = dir.resolve("show.skyc");
        if (Files.exists(f)) {
            System.out.printf("%n[skyc size] n=%d lights=%s bytes=%d%n", n, lights, Files.size(f));
            Files.delete(f);
        }
        Files.deleteIfExists(dir);
    }

    static List<LightDesign.SceneInput> scenes(int n, boolean effects, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<LightDesign.SceneInput> out = new ArrayList<>();
        Ramp gold = Ramp.even(0xFFC850, 0xFFFFFF, 0xFF8C1A);
        Timing whole = Timing.whole(Blend.NORMAL);
        for (int s = 0; s < 8; s++) {
            double[] x = new double[n], y = new double[n], z = new double[n];
            int[] rgb = new int[n];
            int color = r.nextInt(1 << 24) | 0x202020;
            for (int i = 0; i < n; i++) {
                x[i] = r.nextDouble(-120, 120);
                y[i] = 40;
                z[i] = r.nextDouble(30, 150);
                rgb[i] = i % 20 == 19 ? 0 : color;
            }
            List<Effect> fx = new ArrayList<>();
            if (effects) {
                Effect.Axis ax = new Effect.Axis(1, 0, 0, "x");
                switch (s) {
                    case 0 -> fx.add(new Effect.Sweep(whole, gold, ax, new Tempo(Tempo.Kind.BEAT, 0), 80));
                    case 1 -> fx.add(new Effect.Gradient(whole, Ramp.even(0xFFB347, 0x3DDC97), new Effect.Axis(0, 0, 1,
                            "z"), false, null, Double.NaN));
                    case 2 -> fx.add(new Effect.Sparkle(whole, 0xFFFFFF, 2025, 0.6, 0.4));
                    case 3 -> fx.add(new Effect.Gradient(whole, Ramp.even(0xFFFFFF, 0x000000), ax, true, null, 30));
                    case 4 -> fx.add(new Effect.Image(whole, "pic.png", picture(r), "front"));
                    case 5 -> fx.add(new Effect.Video(new Timing(null, null, 20, 0, 0, 1, Blend.NORMAL), "clip.mp4",
                            frames(r), "front", false));
                    case 6 -> {
                        fx.add(new Effect.Image(whole, "pic.png", picture(r), "front"));
                        fx.add(new Effect.Pulse(Timing.whole(Blend.MULTIPLY), new Tempo(Tempo.Kind.BEAT, 0), 0.3, 0.5,
                                "decay"));
                    }
                    default -> fx.add(new Effect.Keyframes(whole, "keys.csv", keys(n, r), false));
                }
            }
            double start = 20 + s * 75;
            out.add(new LightDesign.SceneInput(start, start + 15, start + 75, rgb, x, y, z, fx,
                    TransitionLights.CROSSFADE));
        }
        return out;
    }

    static Effect.Picture picture(SplittableRandom r) {
        int[] argb = new int[96 * 54];
        for (int k = 0; k < argb.length; k++) {
            argb[k] = 0xFF000000 | r.nextInt(1 << 24);
        }
        return new Effect.Picture(96, 54, argb);
    }

    static Effect.Frames frames(SplittableRandom r) {
        int[][] f = new int[500][96 * 54];
        for (int k = 0; k < f.length; k++) {
            for (int p = 0; p < f[k].length; p++) {
                // a slowly moving pattern, as real footage is: most pixels change a little per frame
                f[k][p] = ((p + k) % 96 * 2 << 16) | ((p / 96 + k) % 54 * 4 << 8) | 0x40;
            }
        }
        return new Effect.Frames(96, 54, 25, f);
    }

    static Effect.DroneKeys keys(int n, SplittableRandom r) {
        int[] first = new int[n + 1];
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            first[i] = rows.size();
            if (i % 3 == 0) {
                double t = 0;
                for (int k = 0; k < 30; k++) {
                    rows.add(new double[] {t, r.nextInt(1 << 24)});
                    t += r.nextDouble(0.5, 3);
                }
            }
        }
        first[n] = rows.size();
        double[] t = new double[rows.size()];
        int[] c = new int[rows.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = rows.get(k)[0];
            c[k] = (int) rows.get(k)[1];
        }
        return new Effect.DroneKeys(first, t, c);
    }
}
