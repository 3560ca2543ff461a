package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code starling plan} with scenes that face an audience: the verdicts printed and reported, bad names refused. */
class PlanAudiencesTest {
    static final Path SITE = Path.of("../shows/chongqing/site.json").toAbsolutePath().normalize();

    private static Path hello(Path dir, String faces) throws Exception {
        String json = Files.readString(Path.of("../shows/hello/show.json"));
        String find = "\"color\": \"#FFD27A\"";
        assertTrue(json.contains(find));
        Path show = dir.resolve("show.json");
        Files.writeString(show, json.replace(find, find + ", \"faces\": " + faces));
        return show;
    }

    @Test
    void planPrintsAndReportsWhatEachViewpointSees(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = run("plan", hello(dir, "\"auto\"").toString(), "--out", out.toString(), "--site", SITE.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("audiences"), r.out());
        assertTrue(r.out().contains("south-bank reads"), r.out());
        JsonNode rep = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode a = rep.get("audiences");
        assertEquals(3, a.size());
        assertEquals("auto", a.get(0).get("faces").asText());
        for (JsonNode scene : a) {
            assertEquals(3, scene.get("views").size(), scene.toString());
        }
        JsonNode south = a.get(0).get("views").get(0);
        assertEquals("south-bank", south.get("viewpoint").asText());
        assertEquals("reads", south.get("verdict").asText());
        assertTrue(south.get("angleDeg").asDouble() > 15, south.toString());
    }

    @Test
    void aViewpointTheSiteLacksIsExit2WithTheNamesAndNothingWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = run("plan", hello(dir, "\"south-bnak\"").toString(), "--out", out.toString(), "--site", SITE.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("scenes[0].faces"), r.err());
        assertTrue(r.err().contains("did you mean \"south-bank\""), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out.resolve("plan.json")));
    }
}
