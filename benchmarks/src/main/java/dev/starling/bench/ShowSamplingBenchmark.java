package dev.starling.bench;

import dev.starling.formation.Targets;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import dev.starling.formation.ShowTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sampling every scene of a show into its target points, as {@code starling plan} does before
 * assigning: {@link ShowTargets#sampleAll} (scenes in parallel, up to
 * {@link ShowTargets#MAX_THREADS} threads) against one scene after another on the calling
 * thread. Each scene reads its source (font glyphs, SVG, CSV), rasterises it, spreads the lit
 * points at √2 · minSeparation, places them and adds the dark reserve; the loop ends with the
 * altitude-band and geofence check of every point.
 *
 * <p>Workload: the flagship {@code shows/chongqing/show.json} (5000 drones, 8 scenes: three CJK
 * texts, three SVG drawings, a 5000-point CSV planet, a heart), loaded and validated once per
 * trial; sampling is deterministic, so every invocation does the same work.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests &&
 * java -jar benchmarks/target/benchmarks.jar ShowSamplingBenchmark -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Djava.awt.headless=true"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class ShowSamplingBenchmark {
    /** How the scenes are spread over threads. */
    public enum Strategy {
        /** {@link ShowTargets#sampleAll}: scenes in parallel. */
        PARALLEL,
        /** {@link ShowTargets#sample} for each scene in turn on one thread. */
        SEQUENTIAL
    }

    @Param({"shows/chongqing/show.json"})
    String show;

    @Param({"PARALLEL", "SEQUENTIAL"})
    Strategy strategy;

    private Show loaded;

    @Setup(Level.Trial)
    public void setUp() {
        Path file = Path.of(show);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no show file " + file.toAbsolutePath() + ": run from the repository root");
        }
        loaded = ShowLoader.load(file);
    }

    @Benchmark
    public List<Targets> sampleAllScenes() {
        if (strategy == Strategy.PARALLEL) {
            return ShowTargets.sampleAll(loaded);
        }
        List<Targets> out = new ArrayList<>(loaded.scenes().size());
        for (int i = 0; i < loaded.scenes().size(); i++) {
            out.add(ShowTargets.sample(loaded, i));
        }
        return out;
    }
}
