package dev.starling.cli.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.starling.cli.Starling;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the robustness tests share: the CLI run in-process or in a child JVM, folder snapshots,
 * the test show and a small synthetic plan.
 */
final class Cli {
    private Cli() {
    }

    /** Exit code, stdout and stderr of one in-process run. */
    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** Runs {@code starling args...} in this JVM, as {@link Starling#main} would, capturing both streams. */
    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Starling.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * {@code starling args...} in a child JVM with this test's class path and the given JVM
     * options (heap, processor count), stdout and stderr merged into {@code log}.
     */
    static ProcessBuilder childJvm(List<String> jvmOptions, Path log, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Starling.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    /** Runs a child JVM to its end (at most {@code bound}) and returns its exit code and output. */
    static Run runChild(List<String> jvmOptions, Path log, java.time.Duration bound, String... args)
            throws IOException, InterruptedException {
        Process p = childJvm(jvmOptions, log, args).start();
        if (!p.waitFor(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("starling " + String.join(" ", args) + " did not finish within " + bound
                    + ":\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log), "");
    }

    /** The test copy of shows/hello/show.json (64 drones, three scenes), as text. */
    static String hello() {
        try (InputStream in = Cli.class.getResourceAsStream("/robustness/hello.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with the one occurrence of {@code from} replaced; fails when it is not there exactly once. */
    static String replaceOnce(String text, String from, String to) {
        int i = text.indexOf(from);
        if (i < 0 || text.indexOf(from, i + 1) >= 0) {
            throw new IllegalArgumentException("'" + from + "' must occur exactly once in the seed");
        }
        return text.substring(0, i) + to + text.substring(i + from.length());
    }

    /** {@code text} with the first occurrence of {@code from} replaced. */
    static String replaceFirst(String text, String from, String to) {
        int i = text.indexOf(from);
        if (i < 0) {
            throw new IllegalArgumentException("'" + from + "' is not in the seed");
        }
        return text.substring(0, i) + to + text.substring(i + from.length());
    }

    /** Every regular file under {@code dir} (relative path → bytes), sorted; empty when dir is missing. */
    static Map<String, byte[]> snapshot(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Fails unless {@code after} holds exactly the files of {@code before}, byte for byte. */
    static void assertSameFiles(Map<String, byte[]> before, Map<String, byte[]> after, String context) {
        assertEquals(before.keySet(), after.keySet(), context + ": files in the output folder");
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertArrayEquals(e.getValue(), after.get(e.getKey()), context + ": " + e.getKey() + " changed");
        }
    }

    /** Fails when output shows a stack trace or an exception class name to the user. */
    static void assertNoStackTrace(String output) {
        assertFalse(output.contains("\tat "), () -> "stack trace shown to the user:\n" + output);
        assertFalse(output.contains("Exception"), () -> "exception name shown to the user:\n" + output);
        assertFalse(output.contains("internal error"), () -> "internal error instead of a bad-input message:\n" + output);
    }

    /** Names of leftover temporaries ({@code *.part}, {@code *.tmp}) anywhere under {@code dir}. */
    static List<String> temporaries(Path dir) {
        List<String> out = new ArrayList<>();
        for (String name : snapshot(dir).keySet()) {
            String base = Path.of(name).getFileName().toString();
            if (base.endsWith(".part") || base.endsWith(".tmp")) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * A small valid plan: {@code n} drones in a row 2 m apart, climbing to 15 m, drifting and
     * holding until 9 s, with a red → blue light fade.
     */
    static Plan smallPlan(int n) {
        List<Trajectory> trs = new ArrayList<>();
        List<LightProgram> lights = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            trs.add(Trajectory.startingAt(0, 2.0 * i, 0, 0)
                    .quadTo(2, 2.0 * i, 0, 0, 2.0 * i, 0, 5)
                    .lineTo(4, 2.0 * i, 0, 15)
                    .quadTo(6, 2.0 * i, 0, 20, 2.0 * i + 1, 3, 20)
                    .holdUntil(9).build());
            lights.add(LightProgram.builder().set(0.5, 0xFF0000).fadeTo(4, 0x0000FF).build());
        }
        return new Plan("robustness", new Limits(1.5, 8, 4, 3, 5, 2, 100, null), trs, lights, List.of());
    }

    /** True when this JVM runs as root, where file permissions do not stop reads. */
    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
