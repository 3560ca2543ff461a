package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.starling.io.json.PlanJson;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path planFile;

    /** 12 drones climb from pads 1.5 m apart into a 4 × 3 grid 1.4 m apart, hold, and land. */
    @BeforeEach
    void writePlan() throws IOException {
        List<Trajectory> trs = new ArrayList<>();
        List<LightProgram> lights = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double px = (i % 4) * 1.5, py = (i / 4) * 1.5;
            double fx = (i % 4) * 1.4, fz = 30 + (i / 4) * 1.4;
            trs.add(Trajectory.startingAt(0, px, py, 0).lineTo(5, px, py, 10)
                    .cubicTo(15, px, py, 10, fx, 0, fz, fx, 0, fz).holdUntil(35)
                    .cubicTo(45, fx, 0, fz, px, py, 10, px, py, 10).lineTo(50, px, py, 0).build());
            lights.add(LightProgram.builder().set(0, 0).set(15, 0xFF8800).set(35, 0).build());
        }
        Plan plan = new Plan("risk cli test", new Limits(1.0, 8, 3, 3, 4, 2, 120, null), trs, lights,
                List.of(new SceneSpan("grid", 5, 15, 35)));
        planFile = dir.resolve("plan.json");
        PlanJson.write(plan, planFile);
    }

    @Test
    void humanReportHasEveryAnalysisAndTheRunTime() {
        Run r = run("risk", planFile.toString(), "--runs", "60", "--threads", "2", "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("P(contact, whole show)"), r.out());
        assertTrue(r.out().contains("→ grid"), r.out());
        assertTrue(r.out().contains("Battery:"), r.out());
        assertTrue(r.out().contains("Legibility"), r.out());
        assertTrue(r.out().contains("Clearance: skipped"), r.out());
        assertTrue(r.out().contains("analysed in"), r.out());
        assertTrue(r.out().contains("run time:"), r.out());
    }

    @Test
    void jsonIsReproducibleFromTheSeedAndNamesEveryProbability() throws IOException {
        Run a = run("risk", planFile.toString(), "--runs", "80", "--seed", "3", "--threads", "1", "--json");
        Run b = run("risk", planFile.toString(), "--runs", "80", "--seed", "3", "--threads", "3", "--json");
        assertEquals(0, a.code(), a.err());
        JsonNode ja = JSON.readTree(a.out()), jb = JSON.readTree(b.out());
        assertEquals("starling-analysis/1", ja.get("format").asText());
        assertTrue(ja.get("risk").get("probabilityContact").get("high").isNumber());
        assertTrue(ja.get("risk").get("runtimeMs").isNumber());
        // Every object that looks like a probability estimate sits under a "probability…" field.
        List<String> misnamed = new ArrayList<>();
        checkProbabilityNames(ja, "$", misnamed);
        assertTrue(misnamed.isEmpty(), "probabilities not named probability*: " + misnamed);
        stripTimings(ja);
        stripTimings(jb);
        assertEquals(ja, jb, "same seed, different thread counts: same numbers");
        Run c = run("risk", planFile.toString(), "--runs", "80", "--seed", "4", "--json", "--only", "risk");
        JsonNode jc = JSON.readTree(c.out());
        assertTrue(jc.get("battery").isNull());
        assertFalse(jc.get("risk").get("closest").equals(ja.get("risk").get("closest")), "another seed, other numbers");
    }

    private static void checkProbabilityNames(JsonNode node, String path, List<String> misnamed) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isObject() && v.has("estimate") && v.has("low") && v.has("high") && !e.getKey().startsWith("probability")) {
                    misnamed.add(path + "." + e.getKey());
                }
                checkProbabilityNames(v, path + "." + e.getKey(), misnamed);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkProbabilityNames(node.get(i), path + "[" + i + "]", misnamed);
            }
        }
    }

    private static void stripTimings(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            o.remove(List.of("runtimeMs", "precomputeMs", "simulationMs", "threads"));
            o.forEach(RiskCommandTest::stripTimings);
        } else if (node.isArray()) {
            node.forEach(RiskCommandTest::stripTimings);
        }
    }

    @Test
    void siteGivesViewpointsAndClearance() {
        Path site = Path.of("..", "shows", "chongqing", "site.json");
        Run r = run("risk", planFile.toString(), "--site", site.toString(), "--only", "legibility,clearance", "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("south-bank"), r.out());
        assertTrue(r.out().contains("Clearance from"), r.out());
        assertTrue(r.out().contains("closest approach"), r.out());
    }

    @Test
    void badInputExitsTwoWithAReason() throws IOException {
        Run missing = run("risk", dir.resolve("nope.json").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("file not found"), missing.err());
        Run runs = run("risk", planFile.toString(), "--runs", "0");
        assertEquals(2, runs.code());
        assertTrue(runs.err().contains("runs must be"), runs.err());
        Run clearance = run("risk", planFile.toString(), "--only", "clearance");
        assertEquals(2, clearance.code());
        assertTrue(clearance.err().contains("--site"), clearance.err());
        Path badSite = dir.resolve("site.json");
        Files.writeString(badSite, "{\"format\": \"starling-site/1\", \"towers\": 3}");
        Run site = run("risk", planFile.toString(), "--site", badSite.toString());
        assertEquals(2, site.code());
        assertTrue(site.err().contains("site.json"), site.err());
        assertFalse(site.err().contains("Exception"), site.err());
    }

    @Test
    void helpTeachesByExample() {
        Run r = run("risk", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("starling risk out/chongqing/plan.json --site shows/chongqing/site.json"), r.out());
        assertTrue(r.out().contains("--runs"), r.out());
        assertTrue(r.out().contains("docs/analysis.md"), r.out());
    }
}
