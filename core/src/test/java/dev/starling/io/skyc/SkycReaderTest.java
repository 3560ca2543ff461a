package dev.starling.io.skyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkycReaderTest {
    /** Positions are parsed from decimal text and moved between frames exactly; evaluation adds rounding only. */
    private static final double EXACT = 0;
    private static final double EVAL_TOLERANCE = 1e-12;
    private static final String RED_FADE_BLUE = "BP8AAGQIAAD/lgEEAAD/AQA=";

    @TempDir
    Path dir;

    /** A drone flying a line, a quadratic and a cubic; Skybrush frame X front, Y left. */
    private static final String CURVY_DRONE = """
            {"type":"generic","settings":{"name":"Curvy","home":[0,0,0],
             "trajectory":{"version":1,"takeoffTime":10,"points":[
               [0,[0,0,0],[]],
               [2,[0,0,4],[]],
               [4,[2,0,4],[[1,1,5]]],
               [7,[2,-3,6],[[2,0,6],[2,-3,5]]]]},
             "lights":{"version":1,"data":"BP8AAGQIAAD/lgEEAAD/AQA="}}}""";

    @Test
    void readsInlineDronesToExactShowFramePositions() throws IOException {
        Path f = skyc(Map.of("show.json", show(CURVY_DRONE + "," + hover("Still", 1, 0, 3))));
        SkycReader.SkycShow s = SkycReader.readShow(f);
        Plan plan = s.plan();
        assertEquals(2, plan.droneCount());
        assertEquals(java.util.List.of("Curvy", "Still"), s.droneNames());
        assertEquals("Test show", plan.name());
        Trajectory t = plan.trajectories().get(0);
        assertEquals(3, t.segmentCount());
        assertEquals(10, t.startTime(), EXACT, "times count from takeoffTime");
        assertEquals(12, t.knot(1), EXACT);
        assertEquals(17, t.endTime(), EXACT);
        assertEquals(1, t.degree(0));
        assertEquals(2, t.degree(1));
        assertEquals(3, t.degree(2));
        // Skybrush (X, Y, Z) = (our y, -our x, z): the quadratic's control point (1, 1, 5) is our (-1, 1, 5)
        assertEquals(-1, t.control(1, 1, 0), EXACT);
        assertEquals(1, t.control(1, 1, 1), EXACT);
        assertEquals(5, t.control(1, 1, 2), EXACT);
        // cubic end (2, -3, 6) is our (3, 2, 6); first control (2, 0, 6) is our (0, 2, 6)
        assertEquals(3, t.control(2, 3, 0), EXACT);
        assertEquals(2, t.control(2, 3, 1), EXACT);
        assertEquals(0, t.control(2, 1, 0), EXACT);
        double[] p = new double[3];
        t.position(15.5, p, 0); // u = 0.5 on the cubic: (P0 + 3 P1 + 3 P2 + P3) / 8 in Skybrush X, Y, Z
        double sx = (2 + 3 * 2 + 3 * 2 + 2) / 8.0, sy = (0 + 0 + 3 * -3 + -3) / 8.0, sz = (4 + 3 * 6 + 3 * 5 + 6) / 8.0;
        assertEquals(-sy, p[0], EVAL_TOLERANCE);
        assertEquals(sx, p[1], EVAL_TOLERANCE);
        assertEquals(sz, p[2], EVAL_TOLERANCE);
        t.position(13, p, 0); // u = 0.5 on the quadratic: (P0 + 2 P1 + P2) / 4
        assertEquals(-(0 + 2 * 1 + 0) / 4.0, p[0], EVAL_TOLERANCE);
        assertEquals((0 + 2 * 1 + 2) / 4.0, p[1], EVAL_TOLERANCE);
        LightProgram lp = plan.lights().get(0);
        assertEquals(0xFF0000, lp.colorAt(1), "light time 0 is show start, not takeoff");
        assertEquals(0x0000FF, lp.colorAt(5));
        Trajectory still = plan.trajectories().get(1);
        assertEquals(17, still.endTime(), EXACT, "a one-point drone holds until the show ends");
        still.position(12, p, 0);
        assertEquals(1, p[1], EXACT, "Skybrush X = our y");
        assertEquals(0xFFFFFF, plan.lights().get(1).colorAt(3), "no lights: Skybrush shows white");
    }

    @Test
    void validationSettingsBecomeLimits() throws IOException {
        String settings = "\"settings\":{\"validation\":{\"maxAltitude\":120,\"maxVelocityXY\":8,\"maxVelocityZ\":3,"
                + "\"maxVelocityZUp\":4,\"minDistance\":1.5,\"minNavAltitude\":2.5,\"maxAccelerationXY\":4}},";
        Path f = skyc(Map.of("show.json", "{\"version\":1," + settings + "\"swarm\":{\"drones\":[" + hover("a", 0, 0, 5)
                + "]},\"environment\":{\"type\":\"indoor\"}}"));
        SkycReader.SkycShow s = SkycReader.readShow(f);
        Limits l = s.plan().limits();
        assertEquals(1.5, l.minSeparation());
        assertEquals(8, l.maxSpeedXY());
        assertEquals(4, l.maxSpeedUp(), "maxVelocityZUp wins for climbing");
        assertEquals(3, l.maxSpeedDown(), "maxVelocityZ bounds descent");
        assertEquals(120, l.maxAltitude());
        assertTrue(Double.isNaN(l.maxAcceleration()), "Skybrush has no acceleration-magnitude bound");
        assertTrue(Double.isNaN(l.minAltitude()));
        assertEquals(2.5, s.minNavAltitude());
        assertEquals("indoor", s.environment());
    }

    @Test
    void resolvesReferencesToOtherEntries() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("show.json", "{\"version\":1,\"settings\":{\"$ref\":\"./settings.json#/show\"},\"swarm\":{\"drones\":["
                + "{\"type\":\"generic\",\"settings\":{\"name\":\"R1\","
                + "\"trajectory\":{\"$ref\":\"./drones/drone_01/trajectory.json#\"},"
                + "\"lights\":{\"$ref\":\"./drones/drone_01/lights.json#\"}}},"
                + "{\"$ref\":\"./drones/drone_02/drone.json#\"}]}}");
        files.put("settings.json", "{\"show\":{\"validation\":{\"minDistance\":2}}}");
        files.put("drones/drone_01/trajectory.json", "{\"version\":1,\"points\":[[0,[0,0,0],[]],[3,[3,0,0],[[1,0,1],[2,0,1]]]]}");
        files.put("drones/drone_01/lights.json", "{\"version\":1,\"data\":\"" + RED_FADE_BLUE + "\"}");
        files.put("drones/drone_02/drone.json", "{\"type\":\"generic\",\"settings\":{\"name\":\"R2\","
                + "\"trajectory\":{\"$ref\":\"trajectory.json#\"}}}");
        files.put("drones/drone_02/trajectory.json", "{\"version\":1,\"takeoffTime\":1,\"points\":[[0,[5,5,0],[]],[1,[5,5,1],[]]]}");
        SkycReader.SkycShow s = SkycReader.readShow(skyc(files));
        Plan plan = s.plan();
        assertEquals(java.util.List.of("R1", "R2"), s.droneNames());
        assertEquals(2, plan.limits().minSeparation(), "settings behind a $ref with a JSON pointer");
        Trajectory t = plan.trajectories().get(0);
        assertEquals(3, t.degree(0));
        assertEquals(3, t.control(0, 3, 1), EXACT, "Skybrush X = our y");
        assertEquals(0xFF0000, plan.lights().get(0).colorAt(1));
        Trajectory t2 = plan.trajectories().get(1);
        assertEquals(1, t2.startTime(), EXACT, "nested reference resolved relative to its own file");
        assertEquals(-5, t2.control(0, 1, 0), EXACT);
    }

    @Test
    void badFilesAreInputErrorsThatSayWhatIsWrong() throws IOException {
        Path notZip = dir.resolve("junk.skyc");
        Files.write(notZip, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertMessage(notZip, "ZIP");
        assertMessage(skyc(Map.of("other.json", "{}")), "no show.json");
        assertMessage(skyc(Map.of("show.json", "{\"version\":1,\"swarm\":{\"drones\":[")), "malformed JSON");
        assertMessage(skyc(Map.of("show.json", "{\"version\":2,\"swarm\":{\"drones\":[" + hover("a", 0, 0, 1) + "]}}")),
                "unsupported version");
        assertMessage(skyc(Map.of("show.json", "{\"swarm\":{\"drones\":[" + hover("a", 0, 0, 1) + "]}}")), "no version");
        assertMessage(skyc(Map.of("show.json", "{\"version\":1,\"swarm\":{\"drones\":[]}}")), "no drones");
        assertMessage(skyc(Map.of("show.json", show(drone("[]", null)))), "empty");
        assertMessage(skyc(Map.of("show.json", show(drone("[[0,[0,0,0],[]],[2,[0,0,1],[]],[2,[0,0,2],[]]]", null)))),
                "does not increase");
        assertMessage(skyc(Map.of("show.json", show(drone("[[0,[0,0,0],[]],[1,[0,\"NaN\",1],[]]]", null)))),
                "points[1][1][1]");
        assertMessage(skyc(Map.of("show.json", show(drone("[[0,[0,0,0],[]],[1,[0,1e999,1],[]]]", null)))), "finite");
        assertMessage(skyc(Map.of("show.json", show(drone("[[0,[0,0,0],[]],[1,[0,0,1],[[0,0,0],[0,0,0],[0,0,0]]]]", null)))),
                "0, 1 or 2");
        assertMessage(skyc(Map.of("show.json", show(drone("[[0,[0,0,0],[]],[1,[0,0,1],[]]]", "\"%%%\"")))), "base64");
        assertMessage(skyc(Map.of("show.json", show(drone("[[0,[0,0,0],[]],[1,[0,0,1],[]]]", "\"BP8AAA==\"")))),
                "light program");
        assertMessage(skyc(Map.of("show.json", show("{\"$ref\":\"../escape.json#\"}"))), "..");
        assertMessage(skyc(Map.of("show.json", show("{\"$ref\":\"./missing.json#\"}"))), "not in the archive");
        assertMessage(skyc(Map.of("show.json", show("{\"$ref\":\"/abs.json#\"}"))), "relative");
        assertMessage(skyc(Map.of("show.json", show("{\"$ref\":\"./a.json#\"}"), "a.json", "{\"$ref\":\"./a.json#\"}")),
                "chained");
        assertMessage(skyc(Map.of("show.json", "{\"version\":1,\"environment\":{\"type\":\"space\"},\"swarm\":{\"drones\":["
                + hover("a", 0, 0, 1) + "]}}")), "environment");
        InputException e = assertThrows(InputException.class,
                () -> SkycReader.read(skyc(Map.of("show.json", show(drone("[[0,[0,0,0],[]],[2,[0,0,1],[]],[1,[0,0,2],[]]]", null))))));
        assertEquals("swarm.drones[0].settings.trajectory.points[2][0]", e.path(), "the error names the JSON path");
        assertTrue(e.describe().contains(".skyc"), "and the file: " + e.describe());
    }

    @Test
    void zipBombIsRefused() throws IOException {
        Path f = dir.resolve("bomb.skyc");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("show.json"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            z.write('{');
            for (int i = 0; i < 64; i++) {
                z.write(spaces);
            }
            z.write('}');
            z.closeEntry();
        }
        assertMessage(f, "zip bomb");
    }

    /** More drones than any show may have is refused while reading, before the plan is built. */
    @Test
    @Tag("slow")
    void moreDronesThanShowMaxIsRefused() throws IOException {
        Path f = dir.resolve("huge.skyc");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("show.json"));
            z.write("{\"version\":1,\"swarm\":{\"drones\":[".getBytes(StandardCharsets.UTF_8));
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
            for (int i = 0; i <= dev.starling.show.Show.MAX_DRONES; i++) {
                if (i > 0) {
                    z.write(',');
                }
                // distinct drones, so the entry compresses like real data and not like a zip bomb
                z.write(hover("d" + i, rnd.nextInt(100_000) / 10.0, rnd.nextInt(100_000) / 10.0, 1)
                        .getBytes(StandardCharsets.UTF_8));
            }
            z.write("]}}".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertMessage(f, "more than " + dev.starling.show.Show.MAX_DRONES + " drones");
    }

    private void assertMessage(Path f, String fragment) {
        InputException e = assertThrows(InputException.class, () -> SkycReader.read(f));
        String text = e.describe();
        assertTrue(text.contains(fragment), "expected '" + fragment + "' in: " + text);
    }

    private static String show(String drones) {
        return "{\"version\":1,\"swarm\":{\"drones\":[" + drones + "]},\"meta\":{\"title\":\"Test show\"}}";
    }

    private static String hover(String name, double x, double y, double z) {
        return "{\"type\":\"generic\",\"settings\":{\"name\":\"" + name + "\",\"trajectory\":{\"version\":1,"
                + "\"points\":[[2," + "[" + x + "," + y + "," + z + "],[]]]}}}";
    }

    private static String drone(String points, String lights) {
        return "{\"type\":\"generic\",\"settings\":{\"name\":\"d\",\"trajectory\":{\"version\":1,\"points\":" + points + "}"
                + (lights == null ? "" : ",\"lights\":{\"version\":1,\"data\":" + lights + "}") + "}}";
    }

    private int counter;

    private Path skyc(Map<String, String> entries) throws IOException {
        Path f = dir.resolve("show" + (counter++) + ".skyc");
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return f;
    }
}
