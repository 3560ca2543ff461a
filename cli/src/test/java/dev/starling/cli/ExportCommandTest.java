package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.io.csv.SkybrushCsvReader;
import dev.starling.io.json.PlanJson;
import dev.starling.io.skyc.SkycReader;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path dir;
    Path planFile;
    Plan plan;

    @BeforeEach
    void writePlan() throws IOException {
        List<Trajectory> trs = new ArrayList<>();
        List<LightProgram> lights = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            trs.add(Trajectory.startingAt(0, 2.0 * i, 0, 0)
                    .quadTo(2, 2.0 * i, 0, 0, 2.0 * i, 0, 5)
                    .lineTo(4, 2.0 * i, 0, 15)
                    .quadTo(6, 2.0 * i, 0, 20, 2.0 * i + 1, 3, 20)
                    .holdUntil(9).build());
            lights.add(LightProgram.builder().set(0.5, 0xFF0000).fadeTo(4, 0x0000FF).build());
        }
        plan = new Plan("cli test", new Limits(1.5, 8, 4, 3, 5, 2, 100, null), trs, lights, List.of());
        planFile = dir.resolve("plan.json");
        PlanJson.write(plan, planFile);
    }

    @Test
    void writesSkycAndSaysWhatItWrote() {
        Path out = dir.resolve("show.skyc");
        Run r = run("export", planFile.toString(), "--format", "skyc", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote " + out + " ("), r.out());
        assertTrue(r.out().contains("6 drones"), r.out());
        assertTrue(r.out().contains("positions within"), r.out());
        assertEquals(6, SkycReader.read(out).droneCount());
    }

    @Test
    void writesCsvAtTheRequestedRate() throws IOException {
        Path out = dir.resolve("show.zip");
        Run r = run("export", planFile.toString(), "--format", "CSV", "--out", out.toString(), "--rate", "10");
        assertEquals(0, r.code(), r.err());
        try (ZipFile z = new ZipFile(out.toFile())) {
            String csv = new String(z.getInputStream(z.getEntry("drone-00001.csv")).readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(csv.startsWith("Time [msec],x [m],y [m],z [m],Red,Green,Blue\n0,"), csv);
            assertTrue(csv.contains("\n100,"), "rows every 100 ms at 10 Hz");
        }
        assertEquals(6, SkybrushCsvReader.read(out).droneCount());
    }

    @Test
    void convertsASkycBackToJson() {
        Path skyc = dir.resolve("show.skyc");
        assertEquals(0, run("export", planFile.toString(), "--format", "skyc", "--out", skyc.toString()).code());
        Path json = dir.resolve("back.json");
        Run r = run("export", skyc.toString(), "--format", "json", "--out", json.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(6, PlanJson.read(json).droneCount());
    }

    @Test
    void neverOverwritesItsInput() throws IOException {
        byte[] before = Files.readAllBytes(planFile);
        Run r = run("export", planFile.toString(), "--format", "json", "--out", planFile.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("also an input"), r.err());
        assertArrayEquals(before, Files.readAllBytes(planFile));
    }

    @Test
    void badInputExitsTwoWithAHint() {
        Run missing = run("export", dir.resolve("nope.json").toString(), "--format", "skyc", "--out",
                dir.resolve("x.skyc").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("file not found"), missing.err());
        assertFalse(missing.err().contains("Exception"), "no stack trace for a user");

        Run format = run("export", planFile.toString(), "--format", "kml", "--out", dir.resolve("x.kml").toString());
        assertEquals(2, format.code());
        assertTrue(format.err().contains("--format"), format.err());

        Run rate = run("export", planFile.toString(), "--format", "skyc", "--rate", "8", "--out",
                dir.resolve("x.skyc").toString());
        assertEquals(2, rate.code());
        assertTrue(rate.err().contains("--rate applies to --format csv only"), rate.err());

        Run folder = run("export", planFile.toString(), "--format", "skyc", "--out", dir.toString());
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("is a folder"), folder.err());

        Run badRate = run("export", planFile.toString(), "--format", "csv", "--rate", "0", "--out",
                dir.resolve("x.zip").toString());
        assertEquals(2, badRate.code());
        assertFalse(Files.exists(dir.resolve("x.zip")));
    }

    @Test
    void helpTeachesByExample() {
        Run r = run("export", "--help");
        assertEquals(0, r.code());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("  starling export plan.json --format skyc --out show.skyc"), r.out());
        for (String line : lines) {
            assertTrue(line.length() <= 80, "fits an 80-column terminal: " + line);
        }
        assertTrue(r.out().contains("--rate"));
    }
}
