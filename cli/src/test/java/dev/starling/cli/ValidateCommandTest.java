package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starling.io.json.PlanJson;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import dev.starling.verify.VerificationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Four drones in a 2 × 2 grid {@code spacing} apart: climb 20 m, hold, land. */
    private Path planFile(double spacing, Limits limits) throws IOException {
        List<Trajectory> trs = new ArrayList<>();
        List<LightProgram> lights = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double x = (i % 2) * spacing, y = (i / 2) * spacing;
            trs.add(Trajectory.startingAt(0, x, y, 0).cubicTo(10, x, y, 0, x, y, 20, x, y, 20).holdUntil(20)
                    .cubicTo(30, x, y, 20, x, y, 0, x, y, 0).build());
            lights.add(LightProgram.dark());
        }
        Path f = dir.resolve("plan-" + spacing + ".json");
        PlanJson.write(new Plan("grid", limits, trs, lights, List.of()), f);
        return f;
    }

    private static Limits limits(double sep) {
        return new Limits(sep, 5, 4, 4, 3, 5, 50, null);
    }

    @Test
    void cleanPlanPassesWithExitZeroAndATable() throws IOException {
        Run r = run("validate", planFile(2.5, limits(2)).toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("RESULT: PASS"), r.out());
        assertTrue(r.out().contains("separation"), r.out());
        assertTrue(r.out().contains("minSeparation    2.000 m  (plan.json)"), r.out());
        assertTrue(r.out().contains("Closest approach of airborne drones: 2.500 m"), r.out());
        assertFalse(r.out().contains("FAIL"), r.out());
        // drones farther apart than the sampling radius: proven apart, no closest pair to name
        Run far = run("validate", planFile(6, limits(2)).toString(), "--quiet");
        assertEquals(0, far.code());
        assertTrue(far.out().contains(">= 2.000 m"), far.out());
        assertTrue(far.out().contains(">= 4.000 m"), "pads farther than twice the limit: " + far.out());
        assertTrue(far.out().contains("every pair stayed at least 2.000 m apart"), far.out());
    }

    @Test
    void violationsExitOneAndNameTheDrones() throws IOException {
        Run r = run("validate", planFile(1.2, limits(1.5)).toString(), "--quiet");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("RESULT: FAIL"), r.out());
        assertTrue(r.out().contains("drone-00001 & drone-00002"), r.out());
        assertTrue(r.out().contains("ground spacing"), r.out());
    }

    @Test
    void flagsWinOverTheLimitsFileWhichWinsOverTheFile() throws IOException {
        Path plan = planFile(3, limits(2));
        Path lim = dir.resolve("limits.json");
        Files.writeString(lim, "{\"minSeparation\": 3.5, \"maxSpeedXY\": 1, \"geofence\": [[-10,-10],[10,-10],[10,10],[-10,10]]}");
        Run r = run("validate", plan.toString(), "--limits", lim.toString(), "--max-speed-xy", "9", "--json");
        assertEquals(1, r.code(), "3 m apart breaks the 3.5 m from --limits");
        JsonNode j = JSON.readTree(r.out());
        assertEquals(ValidateCommand.JSON_FORMAT, j.get("format").asText());
        assertFalse(j.get("clean").asBoolean());
        assertEquals("--limits", j.at("/limits/minSeparation/source").asText());
        assertEquals(3.5, j.at("/limits/minSeparation/value").asDouble());
        assertEquals("--max-speed-xy", j.at("/limits/maxSpeedXY/source").asText());
        assertEquals(9, j.at("/limits/maxSpeedXY/value").asDouble());
        assertEquals("plan.json", j.at("/limits/maxAcceleration/source").asText());
        assertEquals("--limits", j.at("/limits/geofence/source").asText());
        assertEquals(VerificationReport.Check.values().length, j.get("checks").size(), "one entry per check");
        JsonNode sep = j.get("checks").get(0);
        assertEquals("separation", sep.get("check").asText());
        assertEquals(4, sep.get("count").asInt(), "the four side-by-side pairs at 3 m");
        assertEquals(3.0, sep.get("worst").asDouble(), 1e-9);
        assertEquals("drone-00001", sep.get("droneAName").asText());
        assertTrue(j.get("violations").size() >= 4);
        assertEquals(8, j.get("violationsTotal").asInt(), "4 pairs in the air and the same 4 pairs of pads");
    }

    @Test
    void aShowFileServesAsLimitsAndUnknownLimitsAreRefused() throws IOException {
        Path plan = planFile(3, Limits.NONE);
        Path show = dir.resolve("show.json");
        Files.writeString(show, "{\"format\": \"starling-show/1\", \"limits\": {\"minSeparation\": 2.5, \"maxAltitude\": 10}}");
        Run r = run("validate", plan.toString(), "--limits", show.toString(), "--json");
        assertEquals(1, r.code(), "20 m is above the 10 m ceiling");
        JsonNode j = JSON.readTree(r.out());
        assertEquals("--limits", j.at("/limits/maxAltitude/source").asText());
        assertTrue(j.at("/limits/maxSpeedUp/source").isNull(), "not given anywhere");
        assertFalse(j.get("checks").get(2).get("checked").asBoolean());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"minSeperation\": 2}");
        Run b = run("validate", plan.toString(), "--limits", bad.toString());
        assertEquals(2, b.code());
        assertTrue(b.err().contains("unknown limit 'minSeperation'"), b.err());
        assertTrue(b.err().contains("known limits"), b.err());
    }

    @Test
    void readsSkycWithItsValidationSettingsAndChecksAccelerationOnlyOnRequest() throws IOException {
        // two drones climbing to 10 m, 1 m apart in Skybrush's Y (our x), with a 1.5 m minDistance
        String drone = "{\"type\":\"generic\",\"settings\":{\"name\":\"%s\",\"trajectory\":{\"version\":1,"
                + "\"points\":[[0,[0,%s,0],[]],[5,[0,%s,10],[]],[9,[0,%s,10],[]]]}}}";
        String show = "{\"version\":1,\"settings\":{\"validation\":{\"minDistance\":1.5,\"maxVelocityZ\":3,"
                + "\"minNavAltitude\":2.5}},\"swarm\":{\"drones\":[" + String.format(drone, "alpha", 0, 0, 0) + ","
                + String.format(drone, "beta", 1, 1, 1) + "]}}";
        Path skyc = dir.resolve("show.skyc");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(skyc))) {
            z.putNextEntry(new ZipEntry("show.json"));
            z.write(show.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Run r = run("validate", skyc.toString(), "--json");
        assertEquals(1, r.code());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(".skyc", j.get("input").asText());
        assertEquals(".skyc", j.at("/limits/minSeparation/source").asText());
        assertEquals(".skyc", j.at("/limits/maxSpeedDown/source").asText());
        assertFalse(j.at("/checks/4/checked").asBoolean(), "no acceleration limit in a .skyc");
        assertEquals("alpha", j.at("/checks/0/droneAName").asText());
        assertEquals("beta", j.at("/checks/0/droneBName").asText());
        Run acc = run("validate", skyc.toString(), "--json", "--max-acceleration", "0.1");
        JsonNode ja = JSON.readTree(acc.out());
        assertTrue(ja.at("/checks/4/checked").asBoolean());
        assertEquals("--max-acceleration", ja.at("/limits/maxAcceleration/source").asText());
        assertEquals(2, ja.at("/checks/4/count").asInt(), "straight climbs start and stop with a jolt");
    }

    @Test
    void readsACsvFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("csv"));
        String h = "Time [msec],x [m],y [m],z [m],Red,Green,Blue\n";
        Files.writeString(folder.resolve("d1.csv"), h + "0,0,0,0,0,0,0\n5000,0,0,10,255,0,0\n10000,0,0,10,255,0,0\n");
        Files.writeString(folder.resolve("d2.csv"), h + "0,5,0,0,0,0,0\n5000,5,0,10,0,255,0\n10000,5,0,10,0,255,0\n");
        Run r = run("validate", folder.toString(), "--min-separation", "2", "--max-speed-up", "3", "--quiet");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Skybrush CSV folder"), r.out());
        assertTrue(r.out().contains("minSeparation    2.000 m  (--min-separation)"), r.out());
    }

    @Test
    void badInputExitsTwoWithoutAStackTrace() throws IOException {
        Run missing = run("validate", dir.resolve("nope.json").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("file not found"), missing.err());
        Path junk = dir.resolve("junk.skyc");
        Files.write(junk, new byte[] {'P', 'K', 9, 9, 9});
        Run zip = run("validate", junk.toString());
        assertEquals(2, zip.code());
        assertFalse(zip.err().contains("Exception"), zip.err());
        Run neg = run("validate", planFile(3, limits(2)).toString(), "--min-separation", "-1");
        assertEquals(2, neg.code());
        assertTrue(neg.err().contains("--min-separation"), neg.err());
        Run nan = run("validate", planFile(3, limits(2)).toString(), "--step", "0");
        assertEquals(2, nan.code());
    }

    @Test
    void helpTeachesByExample() {
        Run r = run("validate", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("starling validate show.skyc --max-acceleration 4"), r.out());
        assertTrue(r.out().contains("Exit codes"), r.out());
    }
}
