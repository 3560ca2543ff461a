package dev.starling.show;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShowLoaderTest {
    /** A valid show touching every field; the error cases below each break one thing in it. */
    static final String VALID = """
            {
              "format": "starling-show/1",
              "name": "Test",
              "drones": 64,
              "limits": {
                "minSeparation": 1.5, "maxSpeedXY": 8, "maxSpeedUp": 4, "maxSpeedDown": 3,
                "maxAcceleration": 4, "minAltitude": 20, "maxAltitude": 180,
                "geofence": [[-100, -50], [100, -50], [100, 100], [-100, 100]]
              },
              "takeoff": { "spacing": 2.5, "columns": 8, "launchAltitude": 20 },
              "scenes": [
                { "name": "Hi", "formation": { "type": "text", "text": "HI", "height": 20 },
                  "placement": { "center": [0, 20, 60] }, "color": "#FF8800", "hold": 10 },
                { "name": "Heart", "formation": { "type": "shape", "shape": "heart", "size": 30, "count": 48 },
                  "placement": { "center": [5, 25, 70], "plane": "yz", "rotation": [0, 0, 15] },
                  "hold": 8, "transition": 12 },
                { "name": "Car", "formation": { "type": "svg", "file": "assets/car.svg", "width": 40 },
                  "placement": { "center": [0, 20, 60] }, "hold": 5 }
              ],
              "landing": { "returnHome": true }
            }
            """;

    @TempDir
    static Path dir;

    @BeforeEach
    void assets() throws IOException {
        Files.createDirectories(dir.resolve("assets"));
        Files.writeString(dir.resolve("assets/car.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>");
    }

    static Show parse(String json) {
        return ShowLoader.parse(json, dir, "show.json");
    }

    static String mutate(String find, String replace) {
        int at = VALID.indexOf(find);
        if (at < 0) {
            throw new IllegalArgumentException("test text not found: " + find);
        }
        return VALID.substring(0, at) + replace + VALID.substring(at + find.length());
    }

    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            throw new IllegalArgumentException("not found: " + needle);
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void validFileBindsToTheExpectedRecords() {
        Show s = parse(VALID);
        assertEquals(Show.FORMAT, s.format());
        assertEquals("Test", s.name());
        assertEquals(64, s.drones());
        assertEquals(new Limits(1.5, 8, 4, 3, 4, 20, 180,
                new double[][] {{-100, -50}, {100, -50}, {100, 100}, {-100, 100}}), s.limits());
        assertEquals(new Takeoff(2.5, 8, 20), s.takeoff());
        assertEquals(new Landing(true), s.landing());
        assertEquals(dir, s.baseDir());
        assertEquals(3, s.scenes().size());

        Scene hi = s.scenes().get(0);
        assertEquals("Hi", hi.name());
        assertEquals(FormationSpec.text("HI", 20.0), hi.formation());
        assertArrayEquals(new double[] {0, 20, 60}, hi.placement().center());
        assertEquals("xz", hi.placement().plane());
        assertNull(hi.placement().rotation());
        assertEquals(0xFF8800, hi.color());
        assertEquals(10, hi.hold());
        assertNull(hi.transition());

        Scene heart = s.scenes().get(1);
        assertEquals(new FormationSpec("shape", null, null, null, null, null, "heart", 30.0, null, null, null, null, 48),
                heart.formation());
        assertArrayEquals(new double[] {5, 25, 70}, heart.placement().center());
        assertEquals("yz", heart.placement().plane());
        assertArrayEquals(new double[] {0, 0, 15}, heart.placement().rotation());
        assertEquals(ShowValidator.DEFAULT_COLOR, heart.color());
        assertEquals(12.0, heart.transition());

        Scene car = s.scenes().get(2);
        assertEquals("svg", car.formation().type());
        assertEquals("assets/car.svg", car.formation().file());
        assertEquals(40.0, car.formation().width());
    }

    @Test
    void optionalFieldsTakeTheirDefaults() {
        String json = mutate(",\n    \"geofence\": [[-100, -50], [100, -50], [100, 100], [-100, 100]]", "")
                .replace(",\n  \"landing\": { \"returnHome\": true }", "");
        Show s = parse(json);
        assertTrue(!s.limits().hasGeofence());
        assertEquals(new Landing(false), s.landing());
    }

    @Test
    void loadResolvesAssetsAgainstTheShowFilesFolder() throws IOException {
        Path file = dir.resolve("show.json");
        Files.writeString(file, VALID);
        Show s = ShowLoader.load(file);
        assertEquals(file.toAbsolutePath().getParent(), s.baseDir());
        assertTrue(Files.isRegularFile(s.baseDir().resolve(s.scenes().get(2).formation().file())));
    }

    @Test
    void aClosedGeofenceRingIsAcceptedWithoutItsRepeatedVertex() {
        Show s = parse(mutate("[-100, 100]]", "[-100, 100], [-100, -50]]"));
        assertEquals(4, s.limits().geofence().length);
    }

    /**
     * Each case breaks one thing: {name, find, replace, expected path, message fragment, hint
     * fragment, text whose line the error must report (null: the value's own line is unknown)}.
     */
    static Stream<Arguments> errors() {
        return Stream.of(
                // malformed and truncated JSON
                err("truncated", VALID.substring(VALID.indexOf("\"Heart\"")), "", "scenes[1]",
                        "ends before the JSON is complete", "truncated", null),
                err("trailing comma", "\"hold\": 5 }", "\"hold\": 5, }", "scenes[2]",
                        "malformed JSON", "no comma before a closing }", "\"hold\": 5, }"),
                err("missing comma", "\"hold\": 5 }", "\"hold\": 5 \"x\": 1 }", "scenes[2]",
                        "malformed JSON", "comma is missing", "\"hold\": 5 \"x\""),
                err("comment", "\"name\": \"Test\",", "\"name\": \"Test\", // title", null,
                        "malformed JSON", "no comments", "// title"),
                err("single quotes", "\"name\": \"Test\",", "'name': \"Test\",", null,
                        "malformed JSON", "double quotes", "'name'"),
                err("not an object", VALID, "[" + VALID + "]", null, "one JSON object", "wrap the show", null),
                err("empty file", VALID, "   ", null, "empty", "format", null),
                err("content after the object", VALID, VALID + "{}", null, "after the end", "exactly one", null),
                // duplicate keys, non-finite numbers
                err("duplicate key", "\"hold\": 10", "\"hold\": 10, \"hold\": 11", "scenes[0].hold",
                        "duplicate key \"hold\"", "keep one", "\"hold\": 11"),
                err("NaN", "\"hold\": 10", "\"hold\": NaN", "scenes[0].hold", "NaN", "finite", "NaN"),
                err("-Infinity", "\"hold\": 10", "\"hold\": -Infinity", "scenes[0].hold", "Infinity", "finite", "-Infinity"),
                err("1e999", "\"maxAltitude\": 180", "\"maxAltitude\": 1e999", "limits.maxAltitude",
                        "infinite", "finite", "1e999"),
                // wrong types
                err("number as string", "\"hold\": 10", "\"hold\": \"10\"", "scenes[0].hold",
                        "expected a number, found a string", "without quotes", "\"10\""),
                err("string as number", "\"name\": \"Test\"", "\"name\": 5", "name",
                        "expected a string", "double quotes", "\"name\": 5"),
                err("float count", "\"count\": 48", "\"count\": 48.5", "scenes[1].formation.count",
                        "expected a whole number", "decimals", "48.5"),
                err("int overflow", "\"columns\": 8", "\"columns\": 80000000000", "takeoff.columns",
                        "too large", "2147483647", "80000000000"),
                err("boolean as string", "\"returnHome\": true", "\"returnHome\": \"yes\"", "landing.returnHome",
                        "expected true or false", "without quotes", "\"yes\""),
                err("bad array element", "\"center\": [0, 20, 60] }, \"color\"",
                        "\"center\": [0, \"x\", 60] }, \"color\"", "scenes[0].placement.center[1]",
                        "expected a number, found a string", "number", "\"x\""),
                err("object for array", "\"scenes\": [", "\"scenes\": \"none\", \"x\": [", "scenes",
                        "expected an array", null, "\"none\""),
                // missing fields: located at the enclosing object
                err("missing hold", ", \"hold\": 5 }", " }", "scenes[2].hold",
                        "missing required field \"hold\"", "\"hold\": 15", "{ \"name\": \"Car\""),
                err("null hold", "\"hold\": 5 }", "\"hold\": null }", "scenes[2].hold",
                        "is null", "\"hold\": 15", "\"hold\": null"),
                err("missing format", "\"format\": \"starling-show/1\",", "", "format",
                        "missing required field \"format\"", "starling-show/1", null),
                err("missing limit", "\"maxSpeedUp\": 4, ", "", "limits.maxSpeedUp",
                        "missing required field \"maxSpeedUp\"", "m/s", "\"limits\""),
                err("missing center", "\"placement\": { \"center\": [0, 20, 60] }, \"color\"",
                        "\"placement\": { }, \"color\"", "scenes[0].placement.center", "missing", "center", "\"placement\": { }"),
                err("no scenes", VALID.substring(VALID.indexOf("\"scenes\": ["), VALID.indexOf("\"landing\"")),
                        "\"scenes\": [],\n  ", "scenes", "at least one scene", "add a scene", "\"scenes\": []"),
                // unknown fields and values
                err("unknown field", "\"text\": \"HI\"", "\"text\": \"HI\", \"heigth\": 3", "scenes[0].formation.heigth",
                        "unknown field \"heigth\"", "did you mean \"height\"?", "\"heigth\""),
                err("unknown top-level field", "\"name\": \"Test\",", "\"name\": \"Test\", \"dornes\": 3,", "dornes",
                        "unknown field", "did you mean \"drones\"?", "\"dornes\""),
                err("case of a limit", "\"maxSpeedXY\": 8", "\"maxSpeedXy\": 8", "limits.maxSpeedXy",
                        "unknown field", "did you mean \"maxSpeedXY\"?", "\"maxSpeedXy\""),
                err("unknown type", "\"type\": \"text\"", "\"type\": \"txt\"", "scenes[0].formation.type",
                        "unknown formation type \"txt\"", "did you mean \"text\"? valid types: text, image, svg, mesh, points, shape",
                        "\"txt\""),
                err("unknown shape", "\"shape\": \"heart\"", "\"shape\": \"hart\"", "scenes[1].formation.shape",
                        "unknown shape", "did you mean \"heart\"?", "\"hart\""),
                err("field of another type", "\"text\": \"HI\"", "\"text\": \"HI\", \"size\": 3", "scenes[0].formation.size",
                        "does not apply to a text formation", "text, height, font, mode", "\"size\": 3"),
                err("unknown plane", "\"plane\": \"yz\"", "\"plane\": \"zy\"", "scenes[1].placement.plane",
                        "unknown plane", "xz, yz, xy", "\"zy\""),
                err("bad colour", "\"#FF8800\"", "\"orange\"", "scenes[0].color", "#RRGGBB", "six hex digits", "\"orange\""),
                err("wrong format version", "starling-show/1", "starling-show/2", "format", "reads starling-show/1",
                        null, "starling-show/2"),
                err("plan file", "starling-show/1", "starling-plan/1", "format", "not a show file", "show.json", "starling-plan/1"),
                // numbers out of range
                err("negative hold", "\"hold\": 10", "\"hold\": -1", "scenes[0].hold", "greater than 0", "positive",
                        "\"hold\": -1"),
                err("zero height", "\"height\": 20", "\"height\": 0", "scenes[0].formation.height", "greater than 0", "positive",
                        "\"height\": 0"),
                err("zero transition", "\"transition\": 12", "\"transition\": 0", "scenes[1].transition", "greater than 0",
                        "positive", "\"transition\": 0"),
                err("zero separation", "\"minSeparation\": 1.5", "\"minSeparation\": 0", "limits.minSeparation",
                        "greater than 0", "1.5", "\"minSeparation\": 0"),
                err("negative speed", "\"maxSpeedDown\": 3", "\"maxSpeedDown\": -3", "limits.maxSpeedDown",
                        "greater than 0", "positive", "-3"),
                err("altitude band upside down", "\"maxAltitude\": 180", "\"maxAltitude\": 15", "limits.maxAltitude",
                        "must be above minAltitude 20", null, "\"maxAltitude\": 15"),
                err("launch below the band", "\"launchAltitude\": 20", "\"launchAltitude\": 10", "takeoff.launchAltitude",
                        "outside the altitude band 20–180", "minAltitude to maxAltitude", "\"launchAltitude\": 10"),
                err("takeoff spacing under separation", "\"spacing\": 2.5", "\"spacing\": 1", "takeoff.spacing",
                        "less than limits.minSeparation", "2.13", "\"spacing\": 1"),
                err("zero columns", "\"columns\": 8", "\"columns\": 0", "takeoff.columns", "at least 1", null, "\"columns\": 0"),
                err("more columns than drones", "\"columns\": 8", "\"columns\": 65", "takeoff.columns",
                        "more than the 64 drones", "at most 64", "\"columns\": 65"),
                err("count above fleet", "\"count\": 48", "\"count\": 65", "scenes[1].formation.count",
                        "more than the fleet's 64 drones", "at most 64", "\"count\": 65"),
                err("zero count", "\"count\": 48", "\"count\": 0", "scenes[1].formation.count", "at least 1", null, "\"count\": 0"),
                err("fleet of zero", "\"drones\": 64", "\"drones\": 0", "drones", "at least 1 drone", null, "\"drones\": 0"),
                err("fractional fleet", "\"drones\": 64", "\"drones\": 64.5", "drones", "whole number", null, "64.5"),
                err("fleet as text", "\"drones\": 64", "\"drones\": \"many\"", "drones", "expected a whole number", null, "\"many\""),
                err("fleet beyond MAX_DRONES", "\"drones\": 64", "\"drones\": 100001", "drones",
                        "more than the 100000 Starling accepts", "sub-fleets", "100001"),
                err("formation above the ceiling", "\"center\": [5, 25, 70]", "\"center\": [5, 25, 200]",
                        "scenes[1].placement.center[2]", "outside the altitude band", null, "200]"),
                err("short centre", "\"center\": [5, 25, 70]", "\"center\": [5, 25]", "scenes[1].placement.center",
                        "[x, y, z]", null, "[5, 25]"),
                err("short rotation", "\"rotation\": [0, 0, 15]", "\"rotation\": [15]", "scenes[1].placement.rotation",
                        "[rx, ry, rz]", null, "[15]"),
                err("a field another shape takes", "\"size\": 30,", "\"size\": 30, \"turns\": 4,", "scenes[1].formation.turns",
                        "does not apply to the heart shape", "size, mode", "\"turns\": 4"),
                err("torus tube too thick", "\"shape\": \"heart\", \"size\": 30,",
                        "\"shape\": \"torus\", \"size\": 30, \"height\": 15,", "scenes[1].formation.height",
                        "thinner than half", "below 15", "\"height\": 15"),
                err("negative drawing width", "\"width\": 40", "\"width\": -40", "scenes[2].formation.width",
                        "greater than 0", null, "\"width\": -40"),
                err("image with no size", ", \"width\": 40", "", "scenes[2].formation", "needs \"width\" or \"height\"",
                        null, "\"type\": \"svg\""),
                // assets
                err("missing asset", "assets/car.svg", "assets/cra.svg", "scenes[2].formation.file",
                        "asset file not found: " + dir.resolve("assets/cra.svg"), "did you mean \"car.svg\"?", "cra.svg"),
                err("asset in a missing folder", "assets/car.svg", "nowhere/car.svg", "scenes[2].formation.file",
                        "not found", "does not exist either", "nowhere/car.svg"),
                err("asset is a folder", "assets/car.svg", "assets", "scenes[2].formation.file", "is a folder", null,
                        "\"assets\""),
                // geofence
                err("fence of two vertices", "[[-100, -50], [100, -50], [100, 100], [-100, 100]]", "[[-100, -50], [100, -50]]",
                        "limits.geofence", "at least 3", null, "\"geofence\""),
                err("bow-tie fence", "[[-100, -50], [100, -50], [100, 100], [-100, 100]]",
                        "[[-100, -50], [100, 100], [100, -50], [-100, 100]]", "limits.geofence[2]", "crosses itself",
                        "in order around the boundary", "\"geofence\""),
                err("fence vertex of three numbers", "[[-100, -50], [100, -50]", "[[-100, -50, 3], [100, -50]",
                        "limits.geofence[0]", "[x, y]", null, "\"geofence\""),
                err("fence too small for the takeoff grid", "[[-100, -50], [100, -50], [100, 100], [-100, 100]]",
                        "[[-5, -5], [5, -5], [5, 5], [-5, 5]]", "takeoff", "leaves the geofence", "enlarge", "\"takeoff\""),
                err("formation centre outside the fence", "\"center\": [5, 25, 70]", "\"center\": [500, 25, 70]",
                        "scenes[1].placement.center", "outside the geofence", null, "[500, 25, 70]"));
    }

    static Arguments err(String name, String find, String replace, String path, String message, String hint, String lineOf) {
        return Arguments.of(name, find, replace, path, message, hint, lineOf);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void everyBadInputIsAnInputExceptionThatPointsAtTheFix(String name, String find, String replace, String path,
                                                           String message, String hint, String lineOf) {
        String json = mutate(find, replace);
        InputException e = assertThrows(InputException.class, () -> parse(json));
        String text = e.describe();
        assertEquals("show.json", e.file(), text);
        assertEquals(path, e.path() == null || e.path().isEmpty() ? null : e.path(), text);
        assertTrue(e.getMessage().contains(message), () -> "message lacks '" + message + "': " + text);
        if (hint != null) {
            assertTrue(e.hint() != null && e.hint().contains(hint), () -> "hint lacks '" + hint + "': " + text);
        } else {
            assertTrue(e.hint() != null && !e.hint().isBlank(), () -> "no hint: " + text);
        }
        assertTrue(e.line() > 0 && e.column() > 0, () -> "no line:column: " + text);
        if (lineOf != null) {
            assertEquals(lineOf(json, lineOf), e.line(), text);
        }
        assertTrue(text.startsWith("show.json:" + e.line() + ":" + e.column() + ": "), text);
    }

    @Test
    void aBillionDronesIsRefusedAtOnce() {
        String json = mutate("\"drones\": 64", "\"drones\": 1000000000");
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(InputException.class, () -> parse(json)));
        assertEquals("drones", e.path());
        assertTrue(e.getMessage().contains("100000"), e.describe());
    }

    @Test
    void theFleetSizeIsCheckedBeforeAnyOtherField() {
        // a fleet far too large wins over every later error: nothing is built for it
        String json = mutate("\"drones\": 64", "\"drones\": 99999999999999999999999").replace("\"hold\": 10", "\"hold\": -1");
        InputException e = assertThrows(InputException.class, () -> parse(json));
        assertEquals("drones", e.path());
    }

    @Test
    void unknownFieldsListTheObjectsFieldsInDocumentationOrder() {
        InputException e = assertThrows(InputException.class,
                () -> parse(mutate("\"spacing\": 2.5", "\"spacing\": 2.5, \"colums\": 3")));
        assertEquals("did you mean \"columns\"? the fields of \"takeoff\" are: spacing, columns, launchAltitude", e.hint());
    }

    @Test
    void aMissingShowFileSaysWhere() {
        Path nowhere = dir.resolve("no-such-show.json");
        InputException e = assertThrows(InputException.class, () -> ShowLoader.load(nowhere));
        assertTrue(e.getMessage().contains(nowhere.toAbsolutePath().toString()), e.describe());
    }

    @Test
    void aFolderPointsAtTheShowFileInside() throws IOException {
        Path folder = dir.resolve("a-show");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("show.json"), "{}");
        InputException e = assertThrows(InputException.class, () -> ShowLoader.load(folder));
        assertTrue(e.hint().contains(folder.resolve("show.json").toString()), e.describe());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() throws IOException {
        Path file = dir.resolve("latin1.json");
        byte[] bytes = VALID.replace("\"Test\"", "\"Caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, bytes);
        InputException e = assertThrows(InputException.class, () -> ShowLoader.load(file));
        assertEquals(lineOf(VALID, "\"Test\""), e.line(), e.describe());
        assertTrue(e.getMessage().contains("UTF-8"), e.describe());
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path file = dir.resolve("bom.json");
        byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(file, bytes);
        assertEquals("Test", ShowLoader.load(file).name());
    }

    @Test
    void columnsCountCharactersNotBytes() {
        // the CJK name before the error is 4 characters but 12 bytes in UTF-8
        String json = mutate("\"name\": \"Test\",", "\"name\": \"新韵重庆\", \"x\": 1,");
        InputException e = assertThrows(InputException.class, () -> parse(json));
        String line = json.lines().toList().get(e.line() - 1);
        assertEquals(line.indexOf("\"x\"") + 1, e.column(), e.describe());
    }

    @Test
    void fontFilePathsMustExistButFamilyNamesAreLeftToTheRenderer() {
        assertEquals("Noto Sans CJK SC", parse(mutate("\"text\": \"HI\"", "\"text\": \"HI\", \"font\": \"Noto Sans CJK SC\""))
                .scenes().get(0).formation().font());
        InputException e = assertThrows(InputException.class,
                () -> parse(mutate("\"text\": \"HI\"", "\"text\": \"HI\", \"font\": \"fonts/missing.otf\"")));
        assertEquals("scenes[0].formation.font", e.path());
    }

    @Test
    void everyFormationTypeNamesItsFieldsInTheDocs() throws IOException {
        Path doc = Path.of("..", "docs", "show-format.md");
        String md = Files.readString(doc);
        for (String type : FormationSpec.TYPES) {
            assertTrue(md.contains("`" + type + "`"), "docs/show-format.md lacks type " + type);
        }
        for (String shape : FormationSpec.SHAPES) {
            assertTrue(md.contains("`" + shape + "`"), "docs/show-format.md lacks shape " + shape);
        }
        for (var rc : ShowFile.class.getRecordComponents()) {
            assertTrue(md.contains("`" + rc.getName() + "`"), "docs lack field " + rc.getName());
        }
        for (Class<?> c : List.of(ShowFile.LimitsFile.class, ShowFile.TakeoffFile.class, ShowFile.SceneFile.class,
                ShowFile.PlacementFile.class, ShowFile.LandingFile.class, FormationSpec.class)) {
            for (var rc : c.getRecordComponents()) {
                assertTrue(md.contains("`" + rc.getName() + "`"), "docs lack field " + rc.getName());
            }
        }
    }
}
