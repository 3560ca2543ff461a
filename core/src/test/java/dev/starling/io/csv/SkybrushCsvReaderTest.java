package dev.starling.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkybrushCsvReaderTest {
    /** Decimal text to double and the frame swap are exact; milliseconds / 1000 is one rounding. */
    private static final double EXACT = 0;
    private static final double TIME_TOLERANCE = 1e-12;
    private static final String H = SkybrushCsvReader.HEADER + "\n";

    @TempDir
    Path dir;

    @Test
    void readsAZipToExactPositionsInTheShowFrame() throws IOException {
        Map<String, String> files = new TreeMap<>();
        files.put("Drone 10.csv", H + "0,1.000,2.000,0.000,0,0,0\n1000,1.000,2.000,3.000,0,0,0\n");
        files.put("Drone 2.csv", H + "0,0.000,0.000,0.000,255,0,0\n250,0.500,-1.250,1.000,255,0,0\n"
                + "500,1.000,-2.500,2.000,0,0,255\r\n750,1.000,-2.500,2.000,0,0,255\n");
        Path zip = zip(files);
        SkybrushCsvReader.CsvShow s = SkybrushCsvReader.readShow(zip);
        assertEquals(List.of("Drone 2", "Drone 10"), s.droneNames(), "numbers in names compare by value");
        Plan plan = s.plan();
        assertEquals("flights", plan.name());
        Trajectory t = plan.trajectories().get(0);
        assertEquals(3, t.segmentCount());
        assertEquals(1, t.degree(1), "samples are joined by straight lines");
        assertEquals(0.25, t.knot(1), TIME_TOLERANCE);
        // Skybrush (X, Y, Z) = (0.5, -1.25, 1) is the show frame's (x, y, z) = (1.25, 0.5, 1)
        assertEquals(1.25, t.control(0, 1, 0), EXACT);
        assertEquals(0.5, t.control(0, 1, 1), EXACT);
        assertEquals(1.0, t.control(0, 1, 2), EXACT);
        double[] p = new double[3];
        t.position(0.375, p, 0);
        assertEquals((1.25 + 2.5) / 2, p[0], 1e-12);
        LightProgram lp = plan.lights().get(0);
        assertEquals(0xFF0000, lp.colorAt(0.25), "held while the samples agree");
        assertEquals(LightProgram.lerp(0xFF0000, 0x0000FF, 0.5), lp.colorAt(0.375), "a change between samples fades");
        assertEquals(0x0000FF, lp.colorAt(0.6));
        Trajectory t10 = plan.trajectories().get(1);
        assertEquals(-2, t10.control(0, 0, 0), EXACT, "x = -Skybrush Y");
        assertEquals(1, t10.control(0, 0, 1), EXACT, "y = Skybrush X");
    }

    @Test
    void readsAFolderAndHoldsSingleSamplesToTheEnd() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("csv"));
        Files.writeString(folder.resolve("a.csv"), "\uFEFF" + H + "1000,0,0,5,10,20,30\n3000,4,0,5,10,20,30\n\n");
        Files.writeString(folder.resolve("b.csv"), H + "0,9,9,0,0,0,0\n");
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        SkybrushCsvReader.CsvShow s = SkybrushCsvReader.readShow(folder);
        assertEquals(List.of("a", "b"), s.droneNames());
        Trajectory b = s.plan().trajectories().get(1);
        assertEquals(0, b.startTime(), EXACT);
        assertEquals(3, b.endTime(), EXACT, "a single sample holds until the last drone lands");
        assertEquals(0x0A141E, s.plan().lights().get(0).colorAt(2));
    }

    @Test
    void naturalOrderIsTotal() {
        assertTrue(SkybrushCsvReader.compareNatural("d2", "d10") < 0);
        assertTrue(SkybrushCsvReader.compareNatural("d02", "d2") != 0, "ties broken by text");
        assertTrue(SkybrushCsvReader.compareNatural("d", "d1") < 0);
        assertEquals(0, SkybrushCsvReader.compareNatural("x7y", "x7y"));
    }

    @Test
    void badFilesNameTheFileRowAndColumn() throws IOException {
        assertMessage(zip(Map.of("a.csv", "time,x,y,z,r,g,b\n0,0,0,0,0,0,0\n")), "not a Skybrush CSV header");
        assertMessage(zip(Map.of("a.csv", H)), "no samples");
        assertMessage(zip(Map.of("a.csv", "")), "empty");
        assertMessage(zip(Map.of("a.csv", H + "0,0,0,0,0,0,0\n0,1,0,0,0,0,0\n")), "does not increase");
        assertMessage(zip(Map.of("a.csv", H + "0,0,0,0,0,0,0\n10,NaN,0,0,0,0,0\n")), "x [m] must be a finite number");
        assertMessage(zip(Map.of("a.csv", H + "0,0,0,0,0,0,256\n")), "Blue must be an integer 0..255");
        assertMessage(zip(Map.of("a.csv", H + "0,0,0,0,0,0\n")), "expected 7 values");
        assertMessage(zip(Map.of("a.csv", H + "0," + "1".repeat(5000) + ",0,0,0,0,0\n")), "longer than");
        assertMessage(zip(Map.of("readme.txt", "x")), "no .csv files");
        Path notZip = dir.resolve("x.zip");
        Files.writeString(notZip, "hello");
        assertMessage(notZip, "ZIP");
        InputException e = assertThrows(InputException.class,
                () -> SkybrushCsvReader.read(zip(Map.of("d.csv", H + "0,0,0,0,0,0,0\n10,0,0,zz,0,0,0\n"))));
        assertEquals(3, e.line(), "the row's line in the file");
        assertEquals(4, e.column(), "the column");
        assertTrue(e.file().endsWith("!d.csv"), e.file());
    }

    private static void assertMessage(Path f, String fragment) {
        InputException e = assertThrows(InputException.class, () -> SkybrushCsvReader.read(f));
        assertTrue(e.describe().contains(fragment), "expected '" + fragment + "' in: " + e.describe());
    }

    private int counter;

    private Path zip(Map<String, String> files) throws IOException {
        Path f = dir.resolve(counter++ == 0 ? "flights.zip" : "flights" + counter + ".zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return f;
    }
}
