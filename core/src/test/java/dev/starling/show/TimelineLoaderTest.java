package dev.starling.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.audio.BeatGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The show's clock as the loader reads it: cue lists, beat grids and Audacity label files; pins
 * that name them; and the errors a designer makes (a cue that does not exist, a pin that goes
 * back in time, a garbage label line, two scenes of one name), each naming field or line.
 */
class TimelineLoaderTest {
    @TempDir
    Path dir;

    /** Three scenes: Hi at bar 9, Heart holds until "drop", Car at 75.5 s. */
    private static final String PINNED = """
            {
              "format": "starling-show/1",
              "name": "Test",
              "drones": 64,
              "cues": { "bpm": 96, "offset": 0.5, "beatsPerBar": 4, "labels": "song.txt",
                        "marks": [ { "name": "drop", "time": 60.0 } ] },
              "limits": {
                "minSeparation": 1.5, "maxSpeedXY": 8, "maxSpeedUp": 4, "maxSpeedDown": 3,
                "maxAcceleration": 4, "minAltitude": 20, "maxAltitude": 180
              },
              "takeoff": { "spacing": 2.5, "columns": 8, "launchAltitude": 20 },
              "scenes": [
                { "name": "Hi", "formation": { "type": "text", "text": "HI", "height": 20 },
                  "placement": { "center": [0, 20, 60] }, "at": "bar:9", "hold": 10 },
                { "name": "Heart", "formation": { "type": "shape", "shape": "heart", "size": 30 },
                  "placement": { "center": [0, 20, 60] }, "at": "chorus", "until": "drop" },
                { "name": "Car", "formation": { "type": "shape", "shape": "ring", "size": 30 },
                  "placement": { "center": [0, 20, 60] }, "at": 75.5, "hold": 5 }
              ]
            }
            """;

    @BeforeEach
    void labels() throws IOException {
        Files.writeString(dir.resolve("song.txt"),
                "12.000000\t12.000000\tverse\n"
                        + "40,250000\t44,000000\tchorus\n"     // a decimal comma, as Audacity writes in some locales
                        + "\\\t100.000000\t2000.000000\n");    // a spectral label's frequency range: skipped
    }

    private Show parse(String json) {
        return ShowLoader.parse(json, dir, "show.json");
    }

    private InputException error(String find, String replace) {
        assertTrue(PINNED.contains(find), find);
        return assertThrows(InputException.class, () -> parse(PINNED.replace(find, replace)));
    }

    @Test
    void pinsResolveToCuesBarsAndSeconds() {
        Show s = parse(PINNED);
        // bar 9 at 96 bpm in 4/4: 8 bars × 2.5 s after the first beat at 0.5 s
        assertEquals(20.5, s.scenes().get(0).at().time(), 1e-12);
        assertEquals("bar:9", s.scenes().get(0).at().written());
        assertEquals(40.25, s.scenes().get(1).at().time(), 1e-12);
        assertEquals(60.0, s.scenes().get(1).until().time(), 1e-12);
        assertEquals(75.5, s.scenes().get(2).at().time(), 1e-12);
        List<String> names = s.timeline().cues().stream().map(Cue::name).toList();
        assertEquals(List.of("verse", "chorus", "drop"), names, "cues in time order, from labels and marks");
        assertEquals("song.txt:2", s.timeline().cue("chorus").origin());
        assertEquals(80.5, s.timeline().beats().beat(129), 1e-12, "beat 129 = bar 33 at 4/4");
    }

    @Test
    void aCueThatDoesNotExistNamesTheFieldAndTheCuesThereAre() {
        InputException e = error("\"at\": \"chorus\"", "\"at\": \"chorous\"");
        assertEquals("scenes[1].at", e.path());
        assertTrue(e.getMessage().contains("no cue is named \"chorous\""), e.getMessage());
        assertTrue(e.hint().contains("did you mean \"chorus\"?"), e.hint());
        assertTrue(e.line() > 0);
    }

    @Test
    void aPinThatGoesBackInTimeIsRefused() {
        InputException e = error("\"at\": 75.5", "\"at\": 59.9");
        assertEquals("scenes[2].at", e.path());
        assertTrue(e.getMessage().contains("goes backwards in time"), e.getMessage());
        assertTrue(e.getMessage().contains("scenes[1].until"), e.getMessage());
        InputException within = error("\"at\": \"chorus\", \"until\": \"drop\"", "\"at\": \"drop\", \"until\": \"chorus\"");
        assertEquals("scenes[1].until", within.path());
    }

    @Test
    void twoScenesOfOneNameAreRefused() {
        InputException e = error("\"name\": \"Car\"", "\"name\": \"Hi\"");
        assertEquals("scenes[2].name", e.path());
        assertTrue(e.getMessage().contains("two scenes are named \"Hi\""), e.getMessage());
    }

    @Test
    void garbageInTheLabelFileNamesItsLine() throws IOException {
        Files.writeString(dir.resolve("song.txt"), "12.0\t12.0\tverse\nthis is not a label\n40.25\t40.25\tchorus\n");
        InputException e = assertThrows(InputException.class, () -> parse(PINNED));
        assertEquals("song.txt", e.file());
        assertEquals(2, e.line());
        assertTrue(e.hint().contains("start<TAB>end<TAB>name"), e.hint());
        Files.writeString(dir.resolve("song.txt"), "12.0\tsoon\tverse\n");
        assertEquals(1, assertThrows(InputException.class, () -> parse(PINNED)).line());
        Files.writeString(dir.resolve("song.txt"), "12.0\t12.0\tverse\n13.0\t13.0\tverse\n");
        InputException twice = assertThrows(InputException.class, () -> parse(PINNED));
        assertTrue(twice.getMessage().contains("a second label named \"verse\""), twice.getMessage());
    }

    @Test
    void bothHoldAndUntilOrBothTransitionAndAtAreRefused() {
        assertEquals("scenes[1].hold", error("\"until\": \"drop\"", "\"until\": \"drop\", \"hold\": 3").path());
        assertEquals("scenes[2].transition", error("\"at\": 75.5", "\"at\": 75.5, \"transition\": 9").path());
        assertEquals("scenes[2].hold", error("\"at\": 75.5, \"hold\": 5", "\"at\": 75.5").path(),
                "a scene without hold or until");
    }

    @Test
    void barsNeedABeatGridAndCountFromOne() {
        InputException noGrid = error("\"bpm\": 96, \"offset\": 0.5, \"beatsPerBar\": 4, ", "");
        assertEquals("scenes[0].at", noGrid.path());
        assertTrue(noGrid.hint().contains("\"bpm\""), noGrid.hint());
        assertEquals("scenes[0].at", error("\"bar:9\"", "\"bar:0\"").path());
        assertEquals("scenes[0].at", error("\"bar:9\"", "\"bar:nine\"").path());
        assertEquals("cues.bpm", error("\"bpm\": 96", "\"bpm\": -96").path());
    }

    @Test
    void cueNamesAreUniqueAndKeepTheGridsPrefixesFree() {
        InputException twice = error("\"name\": \"drop\"", "\"name\": \"verse\"");
        assertTrue(twice.getMessage().contains("two cues are named \"verse\""), twice.getMessage());
        InputException prefix = error("\"name\": \"drop\"", "\"name\": \"bar:3\"");
        assertEquals("cues.marks[0].name", prefix.path());
        InputException unknown = error("\"marks\"", "\"markers\"");
        assertEquals("cues.markers", unknown.path());
        assertTrue(unknown.hint().contains("marks"), unknown.hint());
    }

    @Test
    void aListOfCuesIsAcceptedToo() {
        String list = PINNED.replaceFirst("(?s)\"cues\": \\{.*?\\] \\},",
                "\"cues\": [ { \"name\": \"chorus\", \"time\": 40.25 }, { \"name\": \"drop\", \"time\": 60 } ],")
                .replace("\"at\": \"bar:9\", ", "");
        Show s = parse(list);
        assertNotNull(s.timeline().cue("drop"));
        assertEquals(null, s.timeline().beats());
        assertEquals(null, s.scenes().get(0).at());
    }
}
