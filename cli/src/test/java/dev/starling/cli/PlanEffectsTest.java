package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.io.json.PlanJson;
import dev.starling.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code starling plan} and {@code validate} with light effects: the plan keeps the effects, the
 * light checks are reported like the flight checks, a hidden 10 Hz strobe on the fleet fails
 * while 2 Hz passes, and bad effect input is exit 2 with the path and a hint, nothing written.
 */
class PlanEffectsTest {
    /** hello with effects on its first scene ({@code EFFECTS} replaced by a JSON list). */
    private static Path show(Path dir, String effects) throws Exception {
        String json = Files.readString(Path.of("../shows/hello/show.json"));
        String find = "\"color\": \"#FFD27A\",";
        assertTrue(json.contains(find));
        json = json.replace(find, find + " \"effects\": " + effects + ",");
        Files.writeString(dir.resolve("keys.csv"), "t,id,r,g,b\n0,1,255,0,0\n1,1,0,0,255\n0,2,0,255,0\n");
        Files.writeString(dir.resolve("twice.csv"), "0,3,255,0,0\n0,3,0,0,255\n");
        Files.writeString(dir.resolve("stranger.csv"), "0,65,255,0,0\n");
        Path show = dir.resolve("show.json");
        Files.writeString(show, json);
        return show;
    }

    private static String strobe(double hz) {
        return "[ { \"type\": \"pulse\", \"rate\": " + hz + ", \"low\": 0, \"width\": 0.5, \"shape\": \"square\", "
                + "\"start\": 0.5, \"duration\": 3 } ]";
    }

    @Test
    void thePlanKeepsItsEffectsAndValidateReportsTheLightChecks(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run r = run("plan", show(dir, "[ { \"type\": \"gradient\", \"axis\": \"x\", \"colors\": [\"#FF0000\", \"#0000FF\"] },"
                + " { \"type\": \"pulse\", \"rate\": 2, \"start\": 1, \"duration\": 4 },"
                + " { \"type\": \"sparkle\", \"seed\": 5 }, { \"type\": \"keyframes\", \"file\": \"keys.csv\" } ]").toString(),
                "--out", out.toString(), "--export", "skyc");
        assertEquals(0, r.code(), r.err() + r.out());
        Plan plan = PlanJson.read(out.resolve("plan.json"));
        List<String> types = plan.scenes().get(0).effects().stream().map(e -> e.type()).toList();
        assertEquals(List.of("gradient", "pulse", "sparkle", "keyframes"), types);
        assertTrue(plan.scenes().get(0).effects().get(1).spec().contains("\"rate\":2.0"),
                plan.scenes().get(0).effects().get(1).spec());
        Run v = run("validate", out.resolve("show.skyc").toString(), "--no-battery");
        assertEquals(0, v.code(), v.err() + v.out());
        assertTrue(v.out().matches("(?s).*light flashes\\s+3\\.000 Hz\\s+\\S+ Hz\\s+drone-\\d+\\s+\\S+ s\\s+0\\s+PASS.*"),
                v.out());
        assertTrue(v.out().contains("lit on ground"), v.out());
    }

    @Test
    void aHiddenTenHertzStrobeFailsAndTwoHertzPasses(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Run fast = run("plan", show(dir, strobe(10)).toString(), "--out", out.toString());
        assertEquals(1, fast.code(), fast.err() + fast.out());
        assertTrue((fast.out() + fast.err()).matches("(?s).*light flashes\\s+FAIL\\s+worst\\s+1[01]\\.\\d+ Hz.*"),
                fast.out() + fast.err());
        assertFalse(Files.exists(out.resolve("plan.json")), "no plan written");
        Run slow = run("plan", show(dir, strobe(2)).toString(), "--out", out.toString());
        assertEquals(0, slow.code(), slow.err() + slow.out());
    }

    @Test
    void badEffectInputIsExit2WithPathAndHintAndNothingWritten(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"[ { \"type\": \"strobe\" } ]", "effects[0].type", "effect types: solid"},
            {"[ { \"type\": \"solid\", \"color\": \"#GGG\" } ]", "effects[0].color", "six hex digits"},
            {"[ { \"type\": \"image\", \"file\": \"missing.png\" } ]", "effects[0].file", "relative to the show file"},
            {"[ { \"type\": \"keyframes\", \"file\": \"twice.csv\" } ]", "effects[0].file", "one keyframe per time"},
            {"[ { \"type\": \"keyframes\", \"file\": \"stranger.csv\" } ]", "effects[0].file", "drone numbers from 1"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("out");
            Run r = run("plan", show(dir, c[0]).toString(), "--out", out.toString());
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().contains("scenes[0]." + c[1]), r.err());
            assertTrue(r.err().contains(c[2]), r.err());
            assertTrue(r.err().matches("(?s).*show\\.json:\\d+:\\d+:.*"), "line and column: " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out), "nothing written for " + c[0]);
        }
    }
}
