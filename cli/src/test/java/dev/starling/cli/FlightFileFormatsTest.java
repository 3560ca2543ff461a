package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that takes a flight file reads plan.json, a .skyc and a Skybrush CSV ZIP alike,
 * through the one reader in core ({@code FlightFiles}).
 */
class FlightFileFormatsTest {
    @TempDir
    static Path dir;
    static List<Path> files;

    @BeforeAll
    static void planHello() throws IOException {
        Run r = run("plan", "../shows/hello/show.json", "--out", dir.resolve("hello").toString(), "--export", "skyc,csv");
        assertEquals(0, r.code(), r.err());
        try (var s = Files.list(dir.resolve("hello"))) {
            List<Path> all = s.sorted().toList();
            Path json = dir.resolve("hello/plan.json");
            Path skyc = all.stream().filter(p -> p.toString().endsWith(".skyc")).findFirst().orElseThrow();
            Path zip = all.stream().filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
            files = List.of(json, skyc, zip);
        }
    }

    @Test
    void validateReadsEveryFormat() {
        String[] kinds = {"plan.json", ".skyc", "Skybrush CSV ZIP"};
        for (int k = 0; k < files.size(); k++) {
            Run r = run("validate", files.get(k).toString());
            assertEquals(0, r.code(), files.get(k) + ": " + r.out() + r.err());
            assertTrue(r.out().contains("(" + kinds[k] + ")"), r.out());
        }
    }

    @Test
    void exportConvertsEveryFormat() {
        for (Path f : files) {
            Path out = dir.resolve("converted-" + f.getFileName() + ".json");
            Run r = run("export", f.toString(), "--format", "json", "--out", out.toString(), "-q");
            assertEquals(0, r.code(), f + ": " + r.err());
            Run v = run("validate", out.toString());
            assertEquals(0, v.code(), v.out());
        }
    }

    @Test
    void riskReadsEveryFormat() {
        for (Path f : files) {
            Run r = run("risk", f.toString(), "--only", "battery");
            assertEquals(0, r.code(), f + ": " + r.out() + r.err());
            assertTrue(r.out().toLowerCase(java.util.Locale.ROOT).contains("battery"), r.out());
        }
    }

    @Test
    void renderReadsEveryFormat() throws IOException {
        RenderCommandTest.probe();
        RenderCommandTest.assumeGl();
        for (Path f : files) {
            Path png = dir.resolve("frame-" + f.getFileName() + ".png");
            Run r = run("render", f.toString(), "--at", "20", "--size", "320x180", "--out", png.toString());
            assertEquals(0, r.code(), f + ": " + r.err());
            assertTrue(Files.size(png) > 0);
        }
    }
}
