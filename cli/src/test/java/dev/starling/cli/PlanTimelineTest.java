package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starling.io.json.PlanJson;
import dev.starling.plan.Plan;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code starling plan} on a show pinned to a beat grid: every pinned scene completes on its cue
 * (printed, in report.json and in plan.json); a cue earlier than the limits allow is exit 1 with
 * the window, the need and the binding limit, and no plan; a bad cue is exit 2 with its field.
 */
class PlanTimelineTest {
    /** hello's three scenes pinned to bars of a 120 bpm grid whose first beat is at 0.5 s. */
    private static Path pinned(Path dir, String ringAt) throws Exception {
        String json = Files.readString(Path.of("../shows/hello/show.json"));
        json = json.replace("\"drones\": 64,", "\"drones\": 64,\n  \"cues\": { \"bpm\": 120, \"offset\": 0.5, "
                + "\"marks\": [ { \"name\": \"drop\", \"time\": 40 } ] },");
        json = replaceOnce(json, "\"color\": \"#FFD27A\",", "\"color\": \"#FFD27A\", \"at\": \"bar:11\",");
        json = replaceOnce(json, "\"color\": \"#FF3355\",\n      \"hold\": 6", "\"color\": \"#FF3355\", \"at\": 30.25, \"until\": \"drop\"");
        json = replaceOnce(json, "\"color\": \"#33CCFF\",", "\"color\": \"#33CCFF\", \"at\": " + ringAt + ",");
        Path show = dir.resolve("show.json");
        Files.writeString(show, json);
        return show;
    }

    private static String replaceOnce(String s, String find, String repl) {
        assertTrue(s.contains(find), find);
        return s.replace(find, repl);
    }

    @Test
    void pinnedScenesCompleteOnTheirCuesInThePrintoutTheReportAndThePlan(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = run("plan", pinned(dir, "\"beat:101\"").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("timeline:"), r.out());
        assertTrue(r.out().matches("(?s).*Ring\\s+beat:101\\s+50\\.500\\s+50\\.500\\s+0 ms.*"), r.out());
        JsonNode rep = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode scenes = rep.get("timeline").get("scenes");
        double[] cue = {20.5, 30.25, 50.5};
        for (int k = 0; k < 3; k++) {
            JsonNode s = scenes.get(k);
            assertEquals(cue[k], s.get("pinnedAt").asDouble(), 1e-9, s.toString());
            assertTrue(Math.abs(s.get("complete").asDouble() - cue[k]) <= 1e-3, "within 1 ms: " + s);
        }
        assertEquals(40.0, scenes.get(1).get("holdEnd").asDouble(), 1e-9);
        assertEquals("drop", rep.get("timeline").get("cues").get(0).get("name").asText());
        Plan plan = PlanJson.read(out.resolve("plan.json"));
        assertEquals(50.5, plan.scenes().get(2).holdStart(), 1e-9);
        assertEquals("beat:101", plan.scenes().get(2).at().written());
        assertEquals(120, plan.timeline().beats().bpm(), 0);
    }

    @Test
    void aCueEarlierThanTheLimitsAllowIsExit1WithTheReasonAndNoPlan(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("plan.json"), "an older plan");
        Run r = run("plan", pinned(dir, "\"beat:91\"").toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(r.err().contains("scenes[2] \"Ring\""), r.err());
        assertTrue(r.err().matches("(?s).*→ Ring needs [0-9.]+ s \\((horizontal|climb|descent) speed [0-9]+ m/s\\), "
                + "the cue \\(\"at\": \"beat:91\" = 45\\.500 s\\) leaves 5\\.500 s: end the hold of Heart [0-9.]+ s earlier.*"),
                r.err());
        assertTrue(r.err().contains("no plan written"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out.resolve("plan.json")), "a stale plan would be taken for this show's");
    }

    @Test
    void aCueThatDoesNotExistIsExit2AndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = run("plan", pinned(dir, "\"chorus\"").toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("scenes[2].at"), r.err());
        assertTrue(r.err().contains("no cue is named \"chorus\""), r.err());
        assertFalse(Files.exists(out));
    }

    /** A silent mono 8 kHz WAV of {@code seconds}. */
    static void wav(Path file, double seconds) throws Exception {
        int frames = (int) Math.round(seconds * 8000);
        AudioFormat f = new AudioFormat(8000, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(new byte[frames * 2]), f, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    @Test
    void musicShorterThanTheShowIsAWarningAndTheTrackTravelsWithThePlan(@TempDir Path dir) throws Exception {
        Path show = pinned(dir, "\"beat:101\"");
        wav(dir.resolve("song.wav"), 30.0);
        Files.writeString(show, Files.readString(show).replace("\"drones\": 64,",
                "\"drones\": 64,\n  \"music\": { \"file\": \"song.wav\", \"offset\": 0.0 },"));
        Path out = dir.resolve("out");
        Run r = run("plan", show.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("warning: the show ends at"), r.out());
        assertTrue(r.out().contains("after the music"), r.out());
        JsonNode rep = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(1, rep.get("timeline").get("warnings").size(), rep.get("timeline").toString());
        assertEquals(30.0, rep.get("timeline").get("music").get("duration").asDouble(), 1e-3);
        assertTrue(Files.isRegularFile(out.resolve("song.wav")), "the track is copied beside plan.json");
        assertTrue(Files.readString(out.resolve("plan.json")).contains("\"file\":\"song.wav\""),
                "plan.json names the copy relative to its folder");
        Plan plan = PlanJson.read(out.resolve("plan.json"));
        assertEquals(out.resolve("song.wav").toAbsolutePath().normalize(), plan.timeline().music().file());
    }

    @Test
    void anEmptyAudioFileIsExit2NamingTheFieldAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path show = pinned(dir, "\"beat:101\"");
        Files.write(dir.resolve("song.wav"), new byte[0]);
        Files.writeString(show, Files.readString(show).replace("\"drones\": 64,",
                "\"drones\": 64,\n  \"music\": { \"file\": \"song.wav\" },"));
        Path out = dir.resolve("out");
        Run r = run("plan", show.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("music.file"), r.err());
        assertTrue(r.err().contains("song.wav"), r.err());
        assertTrue(r.err().contains("hint:"), r.err());
        assertFalse(Files.exists(out));
    }
}
