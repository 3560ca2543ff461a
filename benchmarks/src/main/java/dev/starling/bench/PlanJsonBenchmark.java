package dev.starling.bench;

import dev.starling.io.json.PlanJson;
import dev.starling.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Writing and reading the flagship's plan.json (5000 drones, about 100 MB): the last stage of
 * every {@code starling plan} and the first of every {@code render}, {@code validate},
 * {@code export} and preview.
 *
 * <p>Workload: shows/chongqing/show.json planned once per trial as {@code starling plan} does;
 * {@code write} is {@link PlanJson#write(Plan, Path)} (atomic: temporary, fsync, rename),
 * {@code read} is {@link PlanJson#read} of that file. Compare trees by running this benchmark in
 * each, alternately (see benchmarks/compare-export.sh for the pattern).
 *
 * <p>Run from the repository root: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests &&
 * java -jar benchmarks/target/benchmarks.jar PlanJsonBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class PlanJsonBenchmark {
    /** The show file; relative paths resolve against the working directory (run from the repository root). */
    @Param({"shows/chongqing/show.json"})
    String show;

    private Plan plan;
    private Path dir;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        plan = FlagshipExportBenchmark.plan(Path.of(show), true);
        dir = Files.createTempDirectory("starling-plan-json");
        file = dir.resolve("plan.json");
        PlanJson.write(plan, file);
        System.out.printf("%n[plan.json] bytes=%d%n", Files.size(file));
    }

    @Benchmark
    public Path write() throws IOException {
        PlanJson.write(plan, file);
        return file;
    }

    @Benchmark
    public Plan read() throws IOException {
        return PlanJson.read(file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }
}
