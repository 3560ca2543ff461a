package dev.starling.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.io.skyc.SkycReader;
import dev.starling.plan.Plan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export that fails or is killed midway leaves the previous flight files exactly as they
 * were, and nothing it leaves behind can be taken for a flight file.
 */
class ExportWriterCrashTest {
    @TempDir
    Path dir;

    /** Thrown by a progress callback to abort an export. */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super("aborted by the test");
        }
    }

    static Map<Path, byte[]> snapshot(Path dir) throws IOException {
        Map<Path, byte[]> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                m.put(p.getFileName(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    static void assertSameFiles(Map<Path, byte[]> before, Map<Path, byte[]> after) {
        assertEquals(before.keySet(), after.keySet(), "no file added or removed");
        for (Path p : before.keySet()) {
            assertArrayEquals(before.get(p), after.get(p), p + " unchanged");
        }
    }

    @Test
    void failureMidwayLeavesPreviousFilesIntact() throws IOException {
        Plan previous = SyntheticPlans.plan(31, 40, 6, true);
        Plan next = SyntheticPlans.plan(32, 40, 6, true);
        ExportOptions split = ExportOptions.defaults().withMaxDronesPerFile(16);
        Object[][] cases = {
            {ExportFormat.SKYC, "show.skyc", ExportOptions.defaults()},
            {ExportFormat.CSV, "show.zip", ExportOptions.defaults()},
            {ExportFormat.SKYC, "fleet.skyc", split},
        };
        for (Object[] c : cases) {
            ExportFormat f = (ExportFormat) c[0];
            Path out = dir.resolve((String) c[1]);
            ExportOptions opts = (ExportOptions) c[2];
            List<Path> written = Exporter.export(previous, f, out, opts);
            Map<Path, byte[]> before = snapshot(dir);
            int[] calls = {0};
            // fail in the last file, after its first batch (and after every earlier part of a
            // split is complete in its temporary file)
            ExportOptions failing = opts.withProgress((file, done, total) -> {
                calls[0]++;
                if (file.equals(written.get(written.size() - 1))) {
                    throw new Abort();
                }
            });
            assertThrows(Abort.class, () -> Exporter.export(next, f, out, failing));
            assertTrue(calls[0] >= written.size(), "the export was under way when it failed");
            assertSameFiles(before, snapshot(dir));
        }
    }

    /**
     * Child JVM: exports a plan as CSV to args[0], announces on stdout when the temporary file is
     * half written, then blocks on stdin so that the parent kills it right there.
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Plan plan = SyntheticPlans.plan(33, 400, 20, true);
        ExportOptions opts = ExportOptions.defaults().withProgress((file, done, total) -> {
            if (done >= total / 2) {
                System.out.println("midway " + done + " " + total);
                System.out.flush();
                try {
                    System.in.read();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        Exporter.export(plan, ExportFormat.CSV, out, opts);
        System.out.println("finished");
    }

    @Test
    void killedExportLeavesPreviousFileIntact() throws Exception {
        Path out = dir.resolve("show.zip");
        Exporter.export(SyntheticPlans.plan(34, 10, 4, true), ExportFormat.CSV, out, ExportOptions.defaults());
        byte[] previous = Files.readAllBytes(out);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ExportWriterCrashTest.class.getName(), out.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Path> partials;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            assertTrue(line != null && line.startsWith("midway"), "child reported: " + line);
            partials = temporaries(dir);
            assertEquals(1, partials.size(), "the export is writing its temporary file");
            assertTrue(Files.size(partials.get(0)) > 0);
            child.destroyForcibly();
            child.waitFor();
        } finally {
            child.destroyForcibly();
        }
        assertArrayEquals(previous, Files.readAllBytes(out), "the previous file is intact");
        // a SIGKILL runs no cleanup: the half-written temporary may remain, but it is a hidden
        // .part file that no reader or glob for flight files picks up
        for (Path p : temporaries(dir)) {
            String name = p.getFileName().toString();
            assertTrue(name.startsWith(".show.zip.") && name.endsWith(".part"), name);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.filter(p -> p.toString().endsWith(".zip")).toList());
        }
        // and the next export goes through
        Plan again = SyntheticPlans.plan(35, 10, 4, true);
        Exporter.export(again, ExportFormat.CSV, out, ExportOptions.defaults());
        assertEquals(10, dev.starling.io.csv.SkybrushCsvReader.read(out).droneCount());
        Path skyc = dir.resolve("show.skyc");
        Exporter.export(again, ExportFormat.SKYC, skyc, ExportOptions.defaults());
        assertEquals(10, SkycReader.read(skyc).droneCount());
    }

    @Test
    void exportedFilesGetTheUsualPermissions() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");
        Path control = Files.createFile(dir.resolve("control.txt"));
        var expected = Files.getPosixFilePermissions(control);
        Plan plan = SyntheticPlans.plan(36, 3, 3, true);
        for (ExportFormat f : ExportFormat.values()) {
            Path out = dir.resolve("show" + f.extension());
            Exporter.export(plan, f, out, ExportOptions.defaults());
            assertEquals(expected, Files.getPosixFilePermissions(out), f + ": same as any new file (umask), not 0600");
        }
    }

    static List<Path> temporaries(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".part")).forEach(out::add);
        }
        return out;
    }
}
