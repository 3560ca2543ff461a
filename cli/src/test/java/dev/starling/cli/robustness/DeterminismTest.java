package dev.starling.cli.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same show file gives byte-identical plan.json, .skyc and CSV ZIP whatever the thread
 * count: planned in a child JVM that sees 1 processor with {@code --threads 1}, in one that sees
 * 4 with {@code --threads 4}, and twice in this JVM with {@code --threads 2}. Every parallel step
 * (sampling, assignment certificate, verification, deflate) sizes its pool from the processor
 * count, so the child JVMs change all of them, not only the verifier's.
 */
class DeterminismTest {
    static final List<String> OUTPUTS = List.of("plan.json", "show.skyc", "show-csv.zip");
    static final Duration BOUND = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void helloIsByteIdenticalWhateverTheThreads() throws Exception {
        Path show = dir.resolve("hello.json");
        Files.writeString(show, Files.readString(Path.of("../shows/hello/show.json")), StandardCharsets.UTF_8);
        assertSameBytesEveryWay(show);
    }

    @Test
    void fiveHundredDronesAreByteIdenticalWhateverTheThreads() throws Exception {
        Path show = dir.resolve("mid.json");
        Files.writeString(show, GeneratedShows.parametric("Mid-size determinism", 500), StandardCharsets.UTF_8);
        assertSameBytesEveryWay(show);
    }

    private void assertSameBytesEveryWay(Path show) throws IOException, InterruptedException {
        Path one = plan(show, "one", List.of("-XX:ActiveProcessorCount=1", "-Xmx1g"), "1");
        Path four = plan(show, "four", List.of("-XX:ActiveProcessorCount=4", "-Xmx1g"), "4");
        Path again = dir.resolve("again"), twice = dir.resolve("twice");
        for (Path out : List.of(again, twice)) {
            Cli.Run r = Cli.run("plan", show.toString(), "--out", out.toString(), "--export", "skyc,csv", "--threads", "2", "-q");
            assertEquals(0, r.code(), r::all);
        }
        for (String f : OUTPUTS) {
            byte[] ref = Files.readAllBytes(one.resolve(f));
            assertTrue(ref.length > 0, f);
            assertArrayEquals(ref, Files.readAllBytes(four.resolve(f)), f + ": 1 thread vs 4 threads");
            assertArrayEquals(ref, Files.readAllBytes(again.resolve(f)), f + ": 1 thread vs 2 threads in-process");
            assertArrayEquals(ref, Files.readAllBytes(twice.resolve(f)), f + ": the same run twice");
        }
    }

    private Path plan(Path show, String name, List<String> jvm, String threads) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        Cli.Run r = Cli.runChild(jvm, dir.resolve(name + ".log"), BOUND, "plan", show.toString(), "--out", out.toString(),
                "--export", "skyc,csv", "--threads", threads, "-q");
        assertEquals(0, r.code(), r::all);
        return out;
    }
}
