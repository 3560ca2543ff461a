package dev.starling.bench;

import dev.starling.formation.Formations;
import dev.starling.formation.Targets;
import dev.starling.show.FormationSpec;
import dev.starling.show.Placement;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One formation sampled to n lit points with the spacing guarantee, end to end as a scene does
 * it: {@link Formations#sample} reads the source (glyph outlines of the bundled CJK font, or the
 * sphere), rasterises and measures it, spreads the points (dart throwing, farthest-point sweeps,
 * continuous refinement), verifies the spacing over all pairs and places them.
 *
 * <p>Workload: the text "AI+车" (fill) and a sphere, each sized so that n points have an ideal
 * spacing of 2.5 m (sqrt(area / n)), sampled at the default minimum spacing √2 · 1.5 = 2.12 m
 * with the default seed; every invocation does the same work.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests &&
 * java -jar benchmarks/target/benchmarks.jar FormationBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FormationBenchmark {
    /** The formation sampled. */
    public enum Source {
        /** "AI+车" in the bundled Noto Sans SC subset, fill mode: a planar region. */
        TEXT,
        /** A sphere's surface: a curved surface in 3D. */
        SPHERE
    }

    /** Ideal spacing the shapes are sized for, metres. */
    static final double IDEAL = 2.5;
    /** Area of "AI+车" set 40 m tall, m² (measured by the sampler's own raster). */
    static final double TEXT_AREA_AT_40M = 976.1;

    @Param({"1000", "5000", "20000"})
    int n;

    @Param({"TEXT", "SPHERE"})
    Source source;

    private FormationSpec spec;
    private final Path base = Path.of(".");

    @Setup(Level.Trial)
    public void setUp() {
        double area = n * IDEAL * IDEAL;
        if (source == Source.TEXT) {
            double height = 40 * Math.sqrt(area / TEXT_AREA_AT_40M);
            spec = new FormationSpec("text", "AI+车", null, height, null, null, null, null, null, null, null, null, n);
        } else {
            double diameter = Math.sqrt(area / Math.PI);
            spec = new FormationSpec("shape", null, null, null, null, null, "sphere", diameter, null, null, null, null, n);
        }
    }

    @Benchmark
    public Targets sample() {
        return Formations.sample(spec, Placement.DEFAULT, 0xFFFFFF, n, Math.sqrt(2) * 1.5, base);
    }
}
