package dev.starling.bench;

import dev.starling.io.ExportOptions;
import dev.starling.io.FlightFiles;
import dev.starling.io.csv.SkybrushCsvWriter;
import dev.starling.plan.Plan;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * The CSV export's compression, hand-written {@code StructuredDeflater} against
 * {@link java.util.zip.Deflater} at level 1, each on all cores (one compressor per worker, one
 * ZIP entry per drone), end to end: formatting, compressing and writing the ZIP to a file.
 *
 * <p>Workloads: {@code plan=FLAGSHIP} reads {@code -Dflagship=PATH} (a plan.json, default
 * {@code /tmp/cq/plan.json}, made by {@code starling plan shows/chongqing/show.json --out /tmp/cq});
 * {@code plan=SYNTHETIC} is {@link ExportBenchmark}'s 5000-drone, 10-minute plan. The archive
 * size of each side is printed after each trial.
 *
 * <p>Run: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar CsvDeflateBenchmark -f 1 -wi 2 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class CsvDeflateBenchmark {
    @Param({"FLAGSHIP", "SYNTHETIC"})
    String plan;

    @Param({"STRUCTURED", "ZLIB"})
    SkybrushCsvWriter.Compression compression;

    private Plan flight;
    private Path dir;
    private Path out;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        flight = plan.equals("FLAGSHIP")
                ? FlightFiles.readPlan(Path.of(System.getProperty("flagship", "/tmp/cq/plan.json")))
                : ExportBenchmark.flagship(5000, 20261125L);
        dir = Files.createTempDirectory("starling-deflate-bench");
        out = dir.resolve("show.zip");
    }

    @Benchmark
    public long export() throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            SkybrushCsvWriter.write(flight, ExportOptions.DEFAULT_CSV_RATE_HZ, o, out, ExportOptions.Progress.NONE,
                    compression);
        }
        return Files.size(out);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        System.out.printf("%n%s %s: archive %d bytes%n", plan, compression, Files.size(out));
        Files.deleteIfExists(out);
        Files.deleteIfExists(dir);
    }
}
