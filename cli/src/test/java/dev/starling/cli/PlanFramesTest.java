package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code starling plan} on a CSV frame sequence that cannot be flown: a missing id, a duplicated
 * id, a coordinate that is not a number, or a jump between two frames faster than the limits all
 * exit 2 with the file's field, the frame and the id, and no stack trace and no plan.
 */
class PlanFramesTest {
    private static final String SHOW = """
            {"format": "starling-show/1", "name": "frames", "drones": 20,
             "limits": {"minSeparation": 1.5, "maxSpeedXY": 8, "maxSpeedUp": 4, "maxSpeedDown": 3,
                        "maxAcceleration": 4, "minAltitude": 10, "maxAltitude": 150},
             "takeoff": {"spacing": 2.5, "columns": 5, "launchAltitude": 10},
             "scenes": [{"name": "anim", "formation": {"type": "frames", "file": "anim.csv", "fps": 10},
                         "placement": {"center": [0, 20, 60]}, "hold": 5}],
             "landing": {"returnHome": false}}""";

    /** Four drones 4 m apart sliding 1.2 m to the right over 21 frames (2 s), eased; {@code edit} changes the rows. */
    private static String frames(java.util.function.UnaryOperator<String> edit) {
        StringBuilder sb = new StringBuilder("frame,id,x,y,z\n");
        for (int f = 0; f <= 20; f++) {
            for (int k = 0; k < 4; k++) {
                sb.append(edit.apply(String.format(Locale.ROOT, "%d,drone-%d,%.3f,0,%.1f", f, k,
                        1.2 * (f / 20.0) * (f / 20.0) * (3 - 2 * f / 20.0), 4.0 * k)))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static Run plan(Path dir, String csv) throws Exception {
        Files.writeString(dir.resolve("show.json"), SHOW);
        Files.writeString(dir.resolve("anim.csv"), csv);
        return run("plan", dir.resolve("show.json").toString(), "--out", dir.resolve("out").toString());
    }

    private static void refused(Run r, String... parts) {
        assertEquals(2, r.code(), r.err() + r.out());
        assertTrue(r.err().contains("scenes[0].formation.file"), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "missing \"" + p + "\" in: " + r.err());
        }
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void aCleanSequencePlans(@TempDir Path dir) throws Exception {
        Run r = plan(dir, frames(s -> s));
        assertEquals(0, r.code(), r.err() + r.out());
    }

    @Test
    void aMissingIdIsExit2WithFrameAndId(@TempDir Path dir) throws Exception {
        refused(plan(dir, frames(s -> s.startsWith("6,drone-2,") ? "" : s).replace("\n\n", "\n")),
                "frame 6: id drone-2 is missing");
    }

    @Test
    void aDuplicatedIdIsExit2WithFrameAndId(@TempDir Path dir) throws Exception {
        refused(plan(dir, frames(s -> s.startsWith("3,drone-1,") ? s.replace("drone-1", "drone-3") : s)),
                "frame 3: id drone-3 appears twice");
    }

    @Test
    void aNaNIsExit2WithFrameAndId(@TempDir Path dir) throws Exception {
        refused(plan(dir, frames(s -> s.startsWith("4,drone-0,") ? "4,drone-0,NaN,0,0.0" : s)),
                "frame 4, id drone-0: x = \"NaN\" is not a finite number");
    }

    @Test
    void aJumpOverTheLimitsIsExit2WithFramesAndId(@TempDir Path dir) throws Exception {
        // 2 m in a tenth of a second: 20 m/s
        refused(plan(dir, frames(s -> s.startsWith("8,drone-1,") ? "8,drone-1,3.100,0,4.0" : s)),
                "frame 7 to frame 8, id drone-1", "above limits.maxSpeedXY 8 m/s");
    }
}
