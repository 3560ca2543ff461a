package dev.starling.bench;

import dev.starling.io.ExportFormat;
import dev.starling.io.ExportOptions;
import dev.starling.io.Exporter;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * End-to-end export of a flagship-sized plan through {@link Exporter#export}: formatting,
 * compression, the atomic write to a temporary file with fsync and the rename.
 *
 * <p>Workload: {@code n} drones on a 100 × 100 ground grid (2 m spacing), a 10-minute show of
 * about 20 segments per drone (ground wait, takeoff climb, four transitions to random points of
 * a 240 m × 120 m vertical formation plane with trapezoidal profiles — quadratic, line,
 * quadratic, as the planner makes them — each followed by a hold, landing back home) and about
 * 12 light keyframes per drone (steps and fades). Seeded, built once per trial. The Skybrush
 * limit of 5000 drones per {@code .skyc} splits larger fleets into several files; CSV samples at
 * 4 Hz. The file sizes are printed after each trial.
 *
 * <p>Run: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar ExportBenchmark -f 1 -wi 2 -i 3 -p n=5000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ExportBenchmark {
    @Param({"1000", "5000", "20000"})
    int n;

    @Param({"SKYC", "CSV"})
    ExportFormat format;

    private Plan plan;
    private Path dir;
    private Path out;
    private final ExportOptions options = ExportOptions.defaults();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        plan = flagship(n, 20261125L);
        dir = Files.createTempDirectory("starling-export-bench");
        out = dir.resolve(format == ExportFormat.CSV ? "show.zip" : "show.skyc");
    }

    @Benchmark
    public List<Path> export() throws IOException {
        return Exporter.export(plan, format, out, options);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        long total = 0;
        List<Path> files = Exporter.outputs(n, format, out, options);
        for (Path f : files) {
            total += Files.size(f);
        }
        System.out.printf("%n[export sizes] n=%d format=%s files=%d bytes=%d (%.1f MB)%n", n, format, files.size(),
                total, total / 1e6);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The synthetic flagship-sized plan described in the class comment. */
    static Plan flagship(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int scenes = 4;
        double[][] fx = new double[scenes][n], fz = new double[scenes][n];
        for (int s = 0; s < scenes; s++) {
            for (int i = 0; i < n; i++) {
                fx[s][i] = rnd.nextDouble(-120, 120);
                fz[s][i] = rnd.nextDouble(30, 150);
            }
        }
        List<Trajectory> trs = new ArrayList<>(n);
        List<LightProgram> lights = new ArrayList<>(n);
        double[] p = new double[3];
        for (int i = 0; i < n; i++) {
            double gx = (i % 100) * 2.0 - 99, gy = (i / 100) * 2.0 + 20;
            double y = 40 + 0.001 * i;
            Trajectory.Builder b = Trajectory.startingAt(0, gx, gy, 0).holdUntil(5);
            trapezoid(b, 20, gx, gy, 20);
            double t = 20;
            for (int s = 0; s < scenes; s++) {
                t = Math.round((t + 25) * 1000) / 1000.0;
                trapezoid(b, t, fx[s][i], y, fz[s][i]);
                t += 100;
                b.holdUntil(t);
            }
            t += 25;
            trapezoid(b, t, gx, gy, 20);
            trapezoid(b, 600, gx, gy, 0);
            trs.add(b.build());

            LightProgram.Builder lp = LightProgram.builder().set(5, 0x202020);
            double lt = 20;
            for (int s = 0; s < scenes; s++) {
                int c = rnd.nextInt(1 << 24);
                lp.fadeTo(lt + 25, c);
                lp.set(lt + 60, c);
                lp.fadeTo(lt + 61.5, rnd.nextInt(1 << 24));
                lt += 125;
            }
            lp.fadeTo(590, 0);
            lights.add(lp.build());
        }
        Limits limits = new Limits(2.0, 8, 4, 3, 4, 3, 160, null);
        return new Plan("Flagship-sized synthetic (" + n + " drones)", limits, trs, lights, List.of());
    }

    /**
     * Appends a rest-to-rest move to (x, y, z) arriving at {@code t1}: accelerate for a quarter
     * of the time (quadratic), cruise for half (line), decelerate (quadratic). Knots on 1 ms.
     */
    static void trapezoid(Trajectory.Builder b, double t1, double x, double y, double z) {
        double t0 = b.endTime();
        double[] a = new double[3];
        b.endPoint(a, 0);
        double ta = Math.round((t1 - t0) / 4 * 1000) / 1000.0;
        double tc = t1 - t0 - 2 * ta;
        double rate = 1 / (ta + tc);
        double s1 = rate * ta / 2, s2 = s1 + rate * tc;
        double dx = x - a[0], dy = y - a[1], dz = z - a[2];
        b.quadTo(t0 + ta, a[0], a[1], a[2], a[0] + s1 * dx, a[1] + s1 * dy, a[2] + s1 * dz);
        b.lineTo(t0 + ta + tc, a[0] + s2 * dx, a[1] + s2 * dy, a[2] + s2 * dz);
        double sc = s2 + rate * ta / 2;
        b.quadTo(t1, a[0] + sc * dx, a[1] + sc * dy, a[2] + sc * dz, x, y, z);
    }
}
