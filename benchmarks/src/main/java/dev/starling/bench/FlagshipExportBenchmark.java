package dev.starling.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.starling.formation.ShowTargets;
import dev.starling.io.ExportFormat;
import dev.starling.io.ExportOptions;
import dev.starling.io.Exporter;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.plan.ShowPlanner;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import dev.starling.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code .skyc} export of the flagship show (shows/chongqing/show.json, 5000 drones) as
 * designed, with its light effects, against the same show with every scene's {@code "effects"}
 * removed (scene colours and cross-fades only, the lights before effects existed), in one run.
 *
 * <p>Workload: the show is loaded, sampled and choreographed once per trial exactly as
 * {@code starling plan} does (without the repair loop, which the flagship does not need); the
 * benchmark is {@link Exporter#export} to a temporary {@code .skyc}, atomic write included.
 * Keyframe counts and file sizes are printed.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests &&
 * java -jar benchmarks/target/benchmarks.jar FlagshipExportBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class FlagshipExportBenchmark {
    /** The flagship's light effects as designed, or none (scene colours only). */
    public enum Lights { EFFECTS, PLAIN }

    @Param({"EFFECTS", "PLAIN"})
    Lights lights;

    /** The show file; relative paths resolve against the working directory (run from the repository root). */
    @Param({"shows/chongqing/show.json"})
    String show;

    private Plan plan;
    private Path dir;
    private Path out;
    private final ExportOptions options = ExportOptions.defaults();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        plan = plan(Path.of(show), lights == Lights.EFFECTS);
        long keys = 0;
        for (LightProgram p : plan.lights()) {
            keys += p.size();
        }
        System.out.printf("%n[light keyframes] lights=%s keyframes=%d (%.1f per drone)%n", lights, keys,
                keys / (double) plan.droneCount());
        dir = Files.createTempDirectory("starling-flagship-export");
        out = dir.resolve("show.skyc");
    }

    @Benchmark
    public List<Path> exportSkyc() throws IOException {
        return Exporter.export(plan, ExportFormat.SKYC, out, options);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (Files.exists(out)) {
            System.out.printf("%n[skyc size] lights=%s bytes=%d%n", lights, Files.size(out));
            Files.delete(out);
        }
        Files.deleteIfExists(dir);
    }

    /** Plans {@code file} as {@code starling plan} does; without its effects when {@code effects} is false. */
    static Plan plan(Path file, boolean effects) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Show s;
        if (effects) {
            s = ShowLoader.load(abs);
        } else {
            ObjectMapper m = new ObjectMapper();
            JsonNode root = m.readTree(abs.toFile());
            for (JsonNode scene : root.path("scenes")) {
                ((ObjectNode) scene).remove("effects");
            }
            s = ShowLoader.parse(m.writeValueAsString(root), abs.getParent(), abs.toString());
        }
        Path site = abs.resolveSibling("site.json");
        List<dev.starling.site.Viewpoint> vps = Files.exists(site) ? Site.read(site).viewpoints() : List.of();
        ShowPlanner.Choreography ch = ShowPlanner.choreograph(s, ShowTargets.sampleAll(s, vps), (f, what) -> { });
        return ch.assemble().plan();
    }
}
