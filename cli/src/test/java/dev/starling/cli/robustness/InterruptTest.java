package dev.starling.cli.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.starling.io.json.PlanJson;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No data lost when a command dies: a child JVM runs {@code starling export} or {@code starling
 * plan} and is killed midway, by SIGKILL ({@link Process#destroyForcibly()}, nothing runs) or by
 * SIGINT (Ctrl-C, sent with {@code kill -INT}: shutdown hooks run). Afterwards every file under
 * its final name is either the previous one, byte for byte, or the complete new one (equal to a
 * reference run's output); SIGINT leaves no temporary behind, and SIGKILL leaves at most the
 * hidden {@code .NAME.*.part} temporary, never a half-written file under the final name.
 */
class InterruptTest {
    static final byte[] PREVIOUS = "the previous export, which must survive\n".getBytes(StandardCharsets.US_ASCII);
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ export

    /** A plan whose CSV export at 50 Hz takes tens of seconds: 1500 drones, 10 minutes, 120 segments each. */
    static Plan bigPlan() {
        int n = 1500;
        List<Trajectory> trs = new ArrayList<>(n);
        List<LightProgram> lights = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double x = (i % 50) * 3.0, y = (i / 50) * 3.0;
            Trajectory.Builder b = Trajectory.startingAt(0, x, y, 0).lineTo(5, x, y, 20);
            for (int s = 1; s < 120; s++) {
                double z = 20 + 5 * Math.sin(s * 0.3 + i * 0.01);
                b.quadTo(5 + 5 * s - 2.5, x + 1, y, z + 1, x, y, z);
            }
            trs.add(b.build());
            lights.add(LightProgram.builder().set(1, 0x3366FF).fadeTo(300, 0xFF6633).build());
        }
        return new Plan("big", new Limits(1.5, 8, 4, 3, 5, 2, 100, null), trs, lights, List.of());
    }

    /** Starts the big export into out/show.zip over a previous file, and waits until its temporary has bytes. */
    private Process startBigExport(Path out) throws Exception {
        Path plan = dir.resolve("big.json");
        PlanJson.write(bigPlan(), plan);
        Files.createDirectories(out.getParent());
        Files.write(out, PREVIOUS);
        Process p = Cli.childJvm(List.of("-Xmx1g"), dir.resolve("export.log"), "export", plan.toString(), "--format", "csv",
                "--rate", "50", "--out", out.toString(), "-q").start();
        awaitOrFail(p, () -> partBytes(out.getParent()) > 0, "the export's temporary file to get bytes");
        return p;
    }

    @Test
    void sigkillMidExportLeavesThePreviousFileIntact() throws Exception {
        Path out = dir.resolve("out/show.zip");
        Process p = startBigExport(out);
        p.destroyForcibly();
        assertTrue(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "killed");
        assertArrayEquals(PREVIOUS, Files.readAllBytes(out), "the previous file under the final name is intact");
        for (String name : Cli.snapshot(out.getParent()).keySet()) {
            assertTrue(name.equals("show.zip") || (name.startsWith(".show.zip.") && name.endsWith(".part")),
                    "only the previous file and at most the hidden temporary remain: " + name);
        }
    }

    @Test
    void ctrlCMidExportLeavesThePreviousFileAndNoTemporary() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")), "kill(1)");
        Path out = dir.resolve("out/show.zip");
        Process p = startBigExport(out);
        sigint(p);
        assertTrue(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "Ctrl-C ends the export");
        assertEquals(130, p.exitValue(), "the exit status of a Ctrl-C'd JVM");
        assertArrayEquals(PREVIOUS, Files.readAllBytes(out), "the previous file is intact");
        assertEquals(List.of("show.zip"), List.copyOf(Cli.snapshot(out.getParent()).keySet()), "no temporary left");
    }

    // ------------------------------------------------------------------ plan

    /**
     * Ctrl-C while the plan command samples, verifies or writes: each of plan.json, report.json,
     * show.skyc and show-csv.zip is afterwards either the previous file or the complete new one.
     */
    @ParameterizedTest(name = "Ctrl-C while {0}")
    @ValueSource(strings = {"sampling", "verifying", "writing"})
    void ctrlCMidPlanLeavesOldOrCompleteFilesAndNoTemporary(String stage) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")), "kill(1)");
        Path show = dir.resolve("mid.json");
        Files.writeString(show, GeneratedShows.parametric("Ctrl-C", 500), StandardCharsets.UTF_8);
        Path ref = dir.resolve("reference");
        Cli.Run r = Cli.run("plan", show.toString(), "--out", ref.toString(), "--export", "skyc,csv", "-q");
        assertEquals(0, r.code(), r::all);

        Path out = dir.resolve("out");
        Files.createDirectories(out);
        List<String> names = List.of("plan.json", "show.skyc", "show-csv.zip");
        for (String n : names) {
            Files.write(out.resolve(n), PREVIOUS);
        }
        Path log = dir.resolve("plan.log");
        Process p = Cli.childJvm(List.of("-Xmx1g"), log, "plan", show.toString(), "--out", out.toString(),
                "--export", "skyc,csv").start();
        awaitOrFail(p, () -> read(log).contains("  " + stage + " ..."), "the '" + stage + "' stage");
        sigint(p);
        assertTrue(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "Ctrl-C ends the plan");
        assertEquals(130, p.exitValue(), () -> "interrupted while " + stage + ", not finished:\n" + read(log));

        Map<String, byte[]> after = Cli.snapshot(out);
        assertEquals(List.of(), Cli.temporaries(out), "no temporary left");
        for (String n : names) {
            byte[] now = after.get(n);
            assertTrue(now != null, n + " still there");
            assertTrue(Arrays.equals(PREVIOUS, now) || Arrays.equals(Files.readAllBytes(ref.resolve(n)), now),
                    n + " is the previous file or the complete new one");
        }
        for (String n : after.keySet()) {
            assertTrue(names.contains(n) || n.equals("report.json"), "unexpected file " + n);
        }
        if (after.containsKey("report.json")) {
            assertTrue(read(out.resolve("report.json")).trim().endsWith("}"), "report.json complete");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void sigint(Process p) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -INT");
    }

    /** Polls every 2 ms until {@code condition} holds; fails if the process ends or time runs out first. */
    private static void awaitOrFail(Process p, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertFalse(System.nanoTime() > end, "timed out waiting for " + what);
            if (!p.isAlive()) {
                throw new AssertionError("the command ended (exit " + p.exitValue() + ") before " + what);
            }
            Thread.sleep(2);
        }
    }

    private static long partBytes(Path folder) {
        try (var s = Files.list(folder)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".part")).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
