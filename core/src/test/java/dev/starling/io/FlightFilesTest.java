package dev.starling.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.io.csv.SkybrushCsvWriter;
import dev.starling.io.json.PlanJson;
import dev.starling.plan.Plan;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reader for every flight-file format: each is told apart by content and flies as written. */
class FlightFilesTest {
    /** plan.json is lossless; .skyc rounds control points to 1 mm. */
    private static final double POSITION_TOLERANCE = 0.002;

    private static final Plan PLAN = SyntheticPlans.plan(11, 6, 5, true);

    @Test
    void readsEachFormatAsWhatItIs(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("plan.json");
        PlanJson.write(PLAN, json);
        Path skyc = Exporter.export(PLAN, ExportFormat.SKYC, dir.resolve("show.skyc"), ExportOptions.defaults()).get(0);
        Path zip = Exporter.export(PLAN, ExportFormat.CSV, dir.resolve("show.zip"), ExportOptions.defaults()).get(0);
        Path folder = Files.createDirectory(dir.resolve("csv"));
        unzip(zip, folder);

        assertFlies(FlightFiles.read(json), FlightFiles.Kind.PLAN_JSON);
        assertFlies(FlightFiles.read(skyc), FlightFiles.Kind.SKYC);
        assertFlies(FlightFiles.read(zip), FlightFiles.Kind.CSV_ZIP);
        assertFlies(FlightFiles.read(folder), FlightFiles.Kind.CSV_FOLDER);
    }

    @Test
    void theContentDecidesNotTheName(@TempDir Path dir) throws IOException {
        Path skycNamedJson = dir.resolve("show.json");
        Files.copy(Exporter.export(PLAN, ExportFormat.SKYC, dir.resolve("a.skyc"), ExportOptions.defaults()).get(0),
                skycNamedJson);
        assertEquals(FlightFiles.Kind.SKYC, FlightFiles.read(skycNamedJson).kind());
        Path jsonNamedSkyc = dir.resolve("plan.skyc");
        PlanJson.write(PLAN, jsonNamedSkyc);
        assertEquals(FlightFiles.Kind.PLAN_JSON, FlightFiles.read(jsonNamedSkyc).kind());
    }

    @Test
    void aMissingFileSaysSoWithTheFormatsItTakes(@TempDir Path dir) {
        InputException e = assertThrows(InputException.class, () -> FlightFiles.read(dir.resolve("nope.json")));
        assertTrue(e.describe().contains("file not found"), e.describe());
        assertTrue(e.hint().contains(".skyc"), e.describe());
    }

    @Test
    void aBrokenZipIsAnInputErrorNotACrash(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.zip");
        Files.write(broken, "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        InputException e = assertThrows(InputException.class, () -> FlightFiles.read(broken));
        assertTrue(e.file().endsWith("broken.zip"), e.describe());
        assertTrue(e.describe().contains("ZIP"), e.describe());
    }

    @Test
    void textThatIsNotAPlanIsAnInputError(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertThrows(InputException.class, () -> FlightFiles.read(text));
    }

    private static void assertFlies(FlightFiles.Flight f, FlightFiles.Kind kind) {
        assertEquals(kind, f.kind());
        assertEquals(PLAN.droneCount(), f.plan().droneCount());
        assertEquals(PLAN.droneCount(), f.droneNames().size());
        double[] a = new double[3];
        double[] b = new double[3];
        boolean csv = kind == FlightFiles.Kind.CSV_ZIP || kind == FlightFiles.Kind.CSV_FOLDER;
        for (int i = 0; i < PLAN.droneCount(); i++) {
            Trajectory want = PLAN.trajectories().get(i);
            Trajectory got = f.plan().trajectories().get(i);
            // CSV rows are samples a reader joins by straight lines: within the writer's own bound
            double tolerance = csv ? SkybrushCsvWriter.interpolationErrorBound(want, ExportOptions.DEFAULT_CSV_RATE_HZ)
                    + SkybrushCsvWriter.ROUNDING_ERROR + 1e-9 : POSITION_TOLERANCE;
            for (double t = want.startTime(); t <= want.endTime(); t += 0.5) {
                want.position(t, a, 0);
                got.position(t, b, 0);
                for (int k = 0; k < 3; k++) {
                    assertEquals(a[k], b[k], tolerance, kind + " drone " + i + " at t=" + t);
                }
            }
        }
    }

    private static void unzip(Path zip, Path folder) throws IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                Path out = folder.resolve(Path.of(e.getName()).getFileName().toString());
                try (var in = z.getInputStream(e); OutputStream o = Files.newOutputStream(out)) {
                    in.transferTo(o);
                }
            }
        }
    }
}
