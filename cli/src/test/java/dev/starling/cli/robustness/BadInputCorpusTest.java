package dev.starling.cli.robustness;

import static dev.starling.cli.robustness.Cli.hello;
import static dev.starling.cli.robustness.Cli.replaceFirst;
import static dev.starling.cli.robustness.Cli.replaceOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.starling.io.ExportFormat;
import dev.starling.io.ExportOptions;
import dev.starling.io.Exporter;
import dev.starling.io.json.PlanJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad inputs, each run through the CLI in-process. Every case must end with exit
 * code 2, a message that names the file and the field and says what to do (checked by
 * fragments, and a "hint:" line), no stack trace, within its time bound, and with the output
 * folder exactly as it was before (no partial or temporary file).
 *
 * <p>A case is a name, the files it writes into its own folder, the command (paths starting
 * with {@code @} are resolved against that folder) and the fragments the error must contain.
 * Show-file cases mutate the test copy of shows/hello (64 drones, three scenes); asset cases
 * swap scene 0's formation for one that reads a hostile file; export cases corrupt a plan.json,
 * a .skyc or a Skybrush CSV ZIP exported from a small valid plan.
 */
class BadInputCorpusTest {
    /** Time bound of a case unless it says otherwise: generous, it only catches hangs. */
    static final Duration DEFAULT_BOUND = Duration.ofSeconds(60);
    /** Scene 0's formation in the seed, replaced by the asset cases. */
    static final String HI = "{ \"type\": \"text\", \"text\": \"HI\", \"height\": 30 }";

    @FunctionalInterface
    interface Setup {
        void write(Path dir) throws IOException;
    }

    /**
     * @param fragments what the error output must contain (file, field, words of the fix)
     * @param bound     the most the run may take
     * @param needsPermissions the case relies on file permissions, which root ignores
     */
    record Case(String name, Setup setup, List<String> args, List<String> fragments, Duration bound,
                boolean needsPermissions) {
        Case within(Duration d) {
            return new Case(name, setup, args, fragments, d, needsPermissions);
        }

        Case withArgs(String... more) {
            List<String> a = new ArrayList<>(args);
            a.addAll(List.of(more));
            return new Case(name, setup, a, fragments, bound, needsPermissions);
        }

        Case needingPermissions() {
            return new Case(name, setup, args, fragments, bound, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // ------------------------------------------------------------------ case builders

    /** {@code starling plan @show.json --out @out} on {@code json}, written as UTF-8. */
    static Case show(String name, String json, String... fragments) {
        return files(name, d -> Files.writeString(d.resolve("show.json"), json, StandardCharsets.UTF_8),
                List.of("plan", "@show.json", "--out", "@out", "-q"), fragments);
    }

    /** {@code starling plan @show.json --out @out} on raw bytes. */
    static Case showBytes(String name, byte[] bytes, String... fragments) {
        return files(name, d -> Files.write(d.resolve("show.json"), bytes),
                List.of("plan", "@show.json", "--out", "@out", "-q"), fragments);
    }

    /** The seed with scene 0's formation replaced by {@code formation}, plus asset files written by {@code assets}. */
    static Case asset(String name, String formation, Setup assets, String... fragments) {
        String json = replaceOnce(hello(), HI, formation);
        return files(name, d -> {
            Files.writeString(d.resolve("show.json"), json, StandardCharsets.UTF_8);
            assets.write(d);
        }, List.of("plan", "@show.json", "--out", "@out", "-q"), fragments);
    }

    /** {@code starling export @input --format FORMAT --out @out/name} after {@code setup}. */
    static Case export(String name, Setup setup, String input, String format, String outName, String... fragments) {
        return files(name, setup, List.of("export", "@" + input, "--format", format, "--out", "@out/" + outName, "-q"),
                fragments);
    }

    static Case files(String name, Setup setup, List<String> args, String... fragments) {
        return new Case(name, setup, args, List.of(fragments), DEFAULT_BOUND, false);
    }

    static Setup text(String file, String content) {
        return d -> Files.writeString(d.resolve(file), content, StandardCharsets.UTF_8);
    }

    static Setup bytes(String file, byte[] content) {
        return d -> Files.write(d.resolve(file), content);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A valid plan.json of 6 drones at {@code dir/plan.json}. */
    static void validPlan(Path dir) throws IOException {
        PlanJson.write(Cli.smallPlan(6), dir.resolve("plan.json"));
    }

    /** A valid .skyc of 6 drones at {@code dir/in.skyc}. */
    static void validSkyc(Path dir) throws IOException {
        Exporter.export(Cli.smallPlan(6), ExportFormat.SKYC, dir.resolve("in.skyc"), ExportOptions.defaults());
    }

    /** A .skyc whose show.json is {@code showJson} (plus any further entries). */
    static Setup skyc(String showJson) {
        return d -> HostileFiles.zip(d.resolve("in.skyc"), Map.of("show.json", showJson.getBytes(StandardCharsets.UTF_8)));
    }

    /** A minimal one-drone .skyc show.json with the given trajectory points and light data. */
    static String skycShow(String points, String lightData) {
        return "{\"version\": 1, \"settings\": {}, \"swarm\": {\"drones\": [{\"type\": \"generic\", \"settings\": {"
                + "\"name\": \"d1\", \"home\": [0, 0, 0], \"trajectory\": {\"version\": 1, \"takeoffTime\": 0, \"points\": "
                + points + "}, \"lights\": {\"version\": 1, \"data\": \"" + lightData + "\"}}}]}, \"meta\": {\"title\": \"t\"}}";
    }

    static final String CSV_HEADER = "Time [msec],x [m],y [m],z [m],Red,Green,Blue\n";

    /** A Skybrush CSV ZIP at {@code dir/in.zip} with drone files (name → content). */
    static Setup csvZip(Map<String, String> files) {
        return d -> {
            Map<String, byte[]> m = new LinkedHashMap<>();
            files.forEach((k, v) -> m.put(k, v.getBytes(StandardCharsets.UTF_8)));
            HostileFiles.zip(d.resolve("in.zip"), m);
        };
    }

    static Map<String, String> twoDrones(String second) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("drone-1.csv", CSV_HEADER + "0,0,0,0,255,0,0\n1000,0,0,5,255,0,0\n");
        m.put("drone-2.csv", second);
        return m;
    }

    static final String SVG_OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">";

    // ------------------------------------------------------------------ the corpus

    static List<Case> corpus() {
        String h = hello();
        List<Case> c = new ArrayList<>();

        // Malformed and truncated JSON.
        c.add(show("empty-file", "", "show.json", "empty"));
        c.add(show("whitespace-only", " \n\t \n", "show.json", "empty"));
        c.add(show("truncated-half", h.substring(0, h.length() / 2), "show.json", "truncated"));
        c.add(show("truncated-last-brace", h.substring(0, h.lastIndexOf('}')), "show.json", "truncated"));
        c.add(show("not-json", "drones = 64\nname = hello\n", "show.json", "JSON"));
        c.add(show("top-level-array", "[" + h + "]", "show.json", "one JSON object"));
        c.add(show("trailing-garbage", h + "\n{}\n", "show.json", "after the end"));
        c.add(show("missing-comma", replaceOnce(h, "\"columns\": 8,", "\"columns\": 8"), "show.json", "takeoff", "comma"));
        c.add(show("duplicate-key", replaceOnce(h, "\"columns\": 8,", "\"columns\": 8, \"columns\": 9,"),
                "show.json", "takeoff.columns", "duplicate key"));
        c.add(show("comment", replaceOnce(h, "\"drones\": 64,", "\"drones\": 64, // the fleet"), "show.json", "comment"));
        c.add(show("single-quotes", replaceOnce(h, "\"name\": \"Hello, Starling\"", "'name': 'Hello'"),
                "show.json", "double quotes"));
        c.add(show("raw-line-break-in-a-string", replaceOnce(h, "\"name\": \"Hello, Starling\"", "\"name\": \"Hello,\nStarling\""),
                "show.json", "line break"));
        c.add(show("deep-nesting", replaceOnce(h, "\"landing\": { \"returnHome\": false }",
                "\"landing\": " + "[".repeat(100_000) + "]".repeat(100_000)), "show.json", "landing", "deep"));
        c.add(show("number-of-100k-digits", replaceFirst(h, "\"hold\": 6", "\"hold\": 6" + "0".repeat(100_000)),
                "show.json", "scenes[0].hold"));

        // Non-finite and absurd numbers.
        c.add(show("nan", replaceFirst(h, "\"hold\": 6", "\"hold\": NaN"), "show.json", "scenes[0].hold", "NaN"));
        c.add(show("infinity", replaceOnce(h, "\"maxAltitude\": 180", "\"maxAltitude\": Infinity"),
                "show.json", "limits.maxAltitude", "Infinity"));
        c.add(show("overflow-1e999", replaceOnce(h, "\"maxSpeedXY\": 8", "\"maxSpeedXY\": 1e999"),
                "show.json", "limits.maxSpeedXY", "infinite"));
        c.add(show("hold-1e308", replaceFirst(h, "\"hold\": 6", "\"hold\": 1e308"), "show.json", "scenes[0].hold"));
        c.add(show("transition-1e308", replaceFirst(h, "\"hold\": 6", "\"transition\": 1e308, \"hold\": 6"),
                "show.json", "scenes[0].transition"));
        c.add(show("minSeparation-1e-300", replaceOnce(h, "\"minSeparation\": 1.5", "\"minSeparation\": 1e-300"),
                "show.json", "limits.minSeparation"));
        c.add(show("maxSpeedXY-1e-300", replaceOnce(h, "\"maxSpeedXY\": 8", "\"maxSpeedXY\": 1e-300"),
                "show.json", "limits"));
        c.add(show("maxAcceleration-1e-300", replaceOnce(h, "\"maxAcceleration\": 4", "\"maxAcceleration\": 1e-300"),
                "show.json", "limits"));
        c.add(show("maxSpeedXY-smallest-double", replaceOnce(h, "\"maxSpeedXY\": 8", "\"maxSpeedXY\": 4.9e-324"),
                "show.json", "limits", "maxSpeedXY"));
        c.add(show("center-z-2^63", replaceOnce(replaceOnce(h, "\"maxAltitude\": 180", "\"maxAltitude\": 9223372036854775808"),
                "\"center\": [0, 20, 50] },\n      \"color\": \"#FFD27A\"",
                "\"center\": [0, 20, 9223372036854775808] },\n      \"color\": \"#FFD27A\""),
                "show.json", "limits.maxAltitude", "1000000"));
        c.add(show("shape-size-1e308", replaceOnce(h, "\"size\": 36", "\"size\": 1e308"),
                "show.json", "scenes[1].formation.size"));

        // The fleet size.
        c.add(show("drones-a-billion", replaceOnce(h, "\"drones\": 64", "\"drones\": 1000000000"),
                "show.json", "drones", "100000").within(Duration.ofSeconds(5)));
        c.add(show("drones-10^30", replaceOnce(h, "\"drones\": 64", "\"drones\": 1" + "0".repeat(30)),
                "show.json", "drones", "100000").within(Duration.ofSeconds(5)));
        c.add(show("drones-zero", replaceOnce(h, "\"drones\": 64", "\"drones\": 0"), "show.json", "drones", "at least 1"));
        c.add(show("drones-negative", replaceOnce(h, "\"drones\": 64", "\"drones\": -5"), "show.json", "drones", "at least 1"));
        c.add(show("drones-decimal", replaceOnce(h, "\"drones\": 64", "\"drones\": 64.5"), "show.json", "drones", "whole number"));
        c.add(show("drones-string", replaceOnce(h, "\"drones\": 64", "\"drones\": \"64\""), "show.json", "drones", "whole number"));
        c.add(show("drones-null", replaceOnce(h, "\"drones\": 64", "\"drones\": null"), "show.json", "drones"));
        c.add(show("drones-missing", replaceOnce(h, "\"drones\": 64,", ""), "show.json", "drones", "missing"));

        // Format, types and names.
        c.add(show("format-missing", replaceOnce(h, "\"format\": \"starling-show/1\",", ""), "show.json", "format", "missing"));
        c.add(show("format-future", replaceOnce(h, "starling-show/1", "starling-show/2"), "show.json", "format", "starling-show/2"));
        c.add(files("plan-file-given-as-show", BadInputCorpusTest::validPlan,
                List.of("plan", "@plan.json", "--out", "@out", "-q"), "plan.json", "format", "starling-plan/1"));
        c.add(show("unknown-field", replaceOnce(h, HI, "{ \"type\": \"text\", \"text\": \"HI\", \"heigth\": 30 }"),
                "show.json", "scenes[0].formation.heigth", "height"));
        c.add(show("returnHome-string", replaceOnce(h, "\"returnHome\": false", "\"returnHome\": \"yes\""),
                "show.json", "landing.returnHome", "true or false"));
        c.add(show("center-strings", replaceFirst(h, "\"center\": [0, 20, 50]", "\"center\": [\"0\", \"20\", \"50\"]"),
                "show.json", "scenes[0].placement.center[0]", "without quotes"));

        // Negative and zero counts and limits.
        c.add(show("minSeparation-zero", replaceOnce(h, "\"minSeparation\": 1.5", "\"minSeparation\": 0"),
                "show.json", "limits.minSeparation", "greater than 0"));
        c.add(show("maxSpeedXY-negative", replaceOnce(h, "\"maxSpeedXY\": 8", "\"maxSpeedXY\": -8"),
                "show.json", "limits.maxSpeedXY", "greater than 0"));
        c.add(show("maxAltitude-below-minAltitude", replaceOnce(h, "\"minAltitude\": 20", "\"minAltitude\": 200"),
                "show.json", "limits", "maxAltitude"));
        c.add(show("spacing-below-minSeparation", replaceOnce(h, "\"spacing\": 2.5", "\"spacing\": 1"),
                "show.json", "takeoff.spacing", "minSeparation"));
        c.add(show("columns-zero", replaceOnce(h, "\"columns\": 8", "\"columns\": 0"), "show.json", "takeoff.columns"));
        c.add(show("columns-above-fleet", replaceOnce(h, "\"columns\": 8", "\"columns\": 65"), "show.json", "takeoff.columns"));
        c.add(show("launchAltitude-above-ceiling", replaceOnce(h, "\"launchAltitude\": 20", "\"launchAltitude\": 500"),
                "show.json", "takeoff.launchAltitude"));
        c.add(show("hold-zero", replaceFirst(h, "\"hold\": 6", "\"hold\": 0"), "show.json", "scenes[0].hold", "greater than 0"));
        c.add(show("hold-negative", replaceFirst(h, "\"hold\": 6", "\"hold\": -1"), "show.json", "scenes[0].hold", "greater than 0"));
        c.add(show("count-zero", replaceOnce(h, "\"text\": \"HI\",", "\"text\": \"HI\", \"count\": 0,"),
                "show.json", "scenes[0].formation.count"));
        c.add(show("count-negative", replaceOnce(h, "\"text\": \"HI\",", "\"text\": \"HI\", \"count\": -3,"),
                "show.json", "scenes[0].formation.count"));
        c.add(show("count-above-fleet", replaceOnce(h, "\"text\": \"HI\",", "\"text\": \"HI\", \"count\": 65,"),
                "show.json", "scenes[0].formation.count", "64"));
        c.add(show("transition-too-short", replaceFirst(h, "\"hold\": 6", "\"transition\": 0.5, \"hold\": 6"),
                "show.json", "scenes[0].transition", "too short"));

        // Unknown enum values and other structural mistakes.
        c.add(show("type-unknown", replaceOnce(h, "\"type\": \"text\"", "\"type\": \"txt\""),
                "show.json", "scenes[0].formation.type", "text"));
        c.add(show("shape-unknown", replaceOnce(h, "\"shape\": \"heart\"", "\"shape\": \"cube\""),
                "show.json", "scenes[1].formation.shape", "sphere"));
        c.add(show("plane-unknown", replaceFirst(h, "\"center\": [0, 20, 50] }", "\"center\": [0, 20, 50], \"plane\": \"xx\" }"),
                "show.json", "scenes[0].placement.plane", "xz"));
        c.add(show("mode-unknown", replaceOnce(h, "\"size\": 36", "\"size\": 36, \"mode\": \"dotted\""),
                "show.json", "scenes[1].formation.mode", "stroke"));
        c.add(show("color-word", replaceOnce(h, "\"#FFD27A\"", "\"red\""), "show.json", "scenes[0].color", "#RRGGBB"));
        c.add(show("center-two-numbers", replaceFirst(h, "\"center\": [0, 20, 50]", "\"center\": [0, 20]"),
                "show.json", "scenes[0].placement.center"));
        c.add(show("scenes-empty", h.substring(0, h.indexOf("\"scenes\"")) + "\"scenes\": [],\n  \"landing\": { \"returnHome\": false }\n}\n",
                "show.json", "scenes"));
        c.add(show("scenes-an-object", h.substring(0, h.indexOf("\"scenes\"")) + "\"scenes\": {},\n  \"landing\": { \"returnHome\": false }\n}\n",
                "show.json", "scenes"));
        c.add(show("formation-missing", replaceOnce(h, "\"formation\": " + HI + ",", ""), "show.json", "scenes[0].formation", "missing"));
        c.add(show("geofence-two-vertices", replaceOnce(h, "[[-60, -40], [60, -40], [60, 80], [-60, 80]]", "[[-60, -40], [60, -40]]"),
                "show.json", "limits.geofence", "3"));
        c.add(show("geofence-self-crossing", replaceOnce(h, "[[-60, -40], [60, -40], [60, 80], [-60, 80]]",
                "[[-60, -40], [60, 80], [60, -40], [-60, 80]]"), "show.json", "limits.geofence", "cross"));
        c.add(show("geofence-vertex-one-number", replaceOnce(h, "[[-60, -40], [60, -40]", "[[-60], [60, -40]"),
                "show.json", "limits.geofence[0]"));

        // Empty and huge strings.
        c.add(show("text-empty", replaceOnce(h, "\"text\": \"HI\"", "\"text\": \"\""), "show.json", "scenes[0].formation.text"));
        c.add(show("text-10MB", replaceOnce(h, "\"text\": \"HI\"", "\"text\": \"" + "A".repeat(10_000_000) + "\""),
                "show.json", "scenes[0].formation.text"));
        c.add(show("name-10MB", replaceOnce(h, "\"name\": \"Hello, Starling\"", "\"name\": \"" + "N".repeat(10_000_000) + "\""),
                "show.json", "name"));
        c.add(show("scene-name-empty", replaceOnce(h, "\"name\": \"Hi\"", "\"name\": \"\""), "show.json", "scenes[0].name"));

        // Encodings and the file itself.
        c.add(showBytes("utf16", h.getBytes(StandardCharsets.UTF_16), "show.json", "UTF-8"));
        c.add(showBytes("latin1-in-a-string", replaceOnce(h, "Hello, Starling", "Caf\u00e9 Starling").getBytes(StandardCharsets.ISO_8859_1),
                "show.json", "UTF-8"));
        c.add(showBytes("binary-garbage", randomBytes(4096, 7), "show.json"));
        c.add(files("show-is-a-folder", d -> Files.createDirectories(d.resolve("show.json")),
                List.of("plan", "@show.json", "--out", "@out", "-q"), "show.json", "folder"));
        c.add(files("show-missing", d -> { }, List.of("plan", "@show.json", "--out", "@out", "-q"), "show.json", "not found"));
        c.add(show("show-17MB", h + " ".repeat(17 << 20), "show.json", "MiB").within(Duration.ofSeconds(10)));

        // Asset files: missing, unreadable, empty of geometry, corrupt.
        c.add(asset("image-missing", "{ \"type\": \"image\", \"file\": \"logo.png\", \"height\": 30 }", d -> { },
                "show.json", "scenes[0].formation.file", "not found"));
        c.add(asset("image-is-a-folder", "{ \"type\": \"image\", \"file\": \"logo.png\", \"height\": 30 }",
                d -> Files.createDirectories(d.resolve("logo.png")), "show.json", "scenes[0].formation.file"));
        c.add(asset("image-unreadable", "{ \"type\": \"image\", \"file\": \"logo.png\", \"height\": 30 }", d -> {
            Files.write(d.resolve("logo.png"), HostileFiles.png(32, 32, 0xFFFFFFFF));
            Files.setPosixFilePermissions(d.resolve("logo.png"), PosixFilePermissions.fromString("---------"));
        }, "show.json", "scenes[0].formation.file").needingPermissions());
        c.add(asset("image-no-lit-pixels", "{ \"type\": \"image\", \"file\": \"logo.png\", \"height\": 30 }",
                d -> Files.write(d.resolve("logo.png"), HostileFiles.png(64, 64, 0xFF000000)),
                "show.json", "scenes[0].formation", "lit"));
        c.add(asset("image-not-an-image", "{ \"type\": \"image\", \"file\": \"logo.png\", \"height\": 30 }",
                text("logo.png", "this is not a picture\n"), "show.json", "scenes[0].formation.file"));
        c.add(asset("image-header-claims-10^10-pixels", "{ \"type\": \"image\", \"file\": \"logo.png\", \"height\": 30 }",
                d -> Files.write(d.resolve("logo.png"), HostileFiles.pngClaiming(100_000, 100_000)),
                "show.json", "scenes[0].formation.file"));
        c.add(asset("image-truncated", "{ \"type\": \"image\", \"file\": \"logo.png\", \"height\": 30 }", d -> {
            byte[] png = HostileFiles.png(64, 64, 0xFFFFFFFF);
            Files.write(d.resolve("logo.png"), Arrays.copyOf(png, png.length / 2));
        }, "show.json", "scenes[0].formation.file"));
        c.add(asset("svg-no-geometry", "{ \"type\": \"svg\", \"file\": \"art.svg\", \"height\": 30 }",
                text("art.svg", SVG_OPEN + "<g><title>nothing here</title></g></svg>"), "show.json", "scenes[0].formation"));
        c.add(asset("svg-malformed-xml", "{ \"type\": \"svg\", \"file\": \"art.svg\", \"height\": 30 }",
                text("art.svg", SVG_OPEN + "<path d=\"M0 0 L10 10\""), "show.json", "scenes[0].formation.file"));
        c.add(asset("svg-external-entity", "{ \"type\": \"svg\", \"file\": \"art.svg\", \"height\": 30 }",
                text("art.svg", "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + SVG_OPEN + "<text>&x;</text><rect width=\"50\" height=\"50\"/></svg>"),
                "show.json", "scenes[0].formation.file"));
        c.add(asset("svg-billion-laughs", "{ \"type\": \"svg\", \"file\": \"art.svg\", \"height\": 30 }",
                text("art.svg", billionLaughs()), "show.json", "scenes[0].formation.file").within(Duration.ofSeconds(20)));
        c.add(asset("svg-bad-path-data", "{ \"type\": \"svg\", \"file\": \"art.svg\", \"height\": 30 }",
                text("art.svg", SVG_OPEN + "<path d=\"M 0 0 L x y Z\"/></svg>"), "show.json", "scenes[0].formation.file"));
        c.add(asset("svg-control-point-1e21", "{ \"type\": \"svg\", \"file\": \"art.svg\", \"height\": 30 }",
                text("art.svg", SVG_OPEN + "<path d=\"M 40 262 L 36 214 C 38 1.9e21 52 172 82 164 Z\"/></svg>"),
                "show.json", "scenes[0].formation.file"));
        c.add(asset("svg-50000-point-zigzag", "{ \"type\": \"svg\", \"file\": \"art.svg\", \"height\": 30 }",
                text("art.svg", SVG_OPEN + "<polyline fill=\"none\" stroke=\"blue\" stroke-width=\"2\" points=\""
                        + "0,40 10,50 20,40 30,50 ".repeat(12_500) + "\"/></svg>"),
                "show.json", "scenes[0].formation.file", "segments").within(Duration.ofSeconds(20)));
        c.add(asset("svg-11000-looping-cubics", "{ \"type\": \"svg\", \"file\": \"art.svg\", \"height\": 30 }",
                text("art.svg", SVG_OPEN + "<path fill=\"#7FB2FF\" d=\"M 40 262 C 38 188 52 172 82 164"
                        + " 6 680 122".repeat(33_000) + " Z\"/></svg>"),
                "show.json", "scenes[0].formation.file", "segments").within(Duration.ofSeconds(20)));
        c.add(asset("svg-not-utf8", "{ \"type\": \"svg\", \"file\": \"art.svg\", \"height\": 30 }",
                bytes("art.svg", concat(ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + SVG_OPEN + "<desc>"),
                        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, ascii("</desc><rect width=\"50\" height=\"50\"/></svg>"))),
                "show.json", "scenes[0].formation.file"));
        c.add(asset("obj-degenerate-faces", "{ \"type\": \"mesh\", \"file\": \"m.obj\", \"size\": 30 }",
                text("m.obj", "v 0 0 0\nv 1 0 0\nv 2 0 0\nv 3 0 0\nf 1 2 3\nf 2 3 4\nf 1 1 2\n"),
                "show.json", "scenes[0].formation", "degenerate"));
        c.add(asset("obj-index-out-of-range", "{ \"type\": \"mesh\", \"file\": \"m.obj\", \"size\": 30 }",
                text("m.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 99\n"), "show.json", "scenes[0].formation.file", "99"));
        c.add(asset("obj-no-faces", "{ \"type\": \"mesh\", \"file\": \"m.obj\", \"size\": 30 }",
                text("m.obj", "# only vertices\nv 0 0 0\nv 1 0 0\nv 0 1 0\n"), "show.json", "scenes[0].formation.file", "face"));
        c.add(asset("obj-nan-vertex", "{ \"type\": \"mesh\", \"file\": \"m.obj\", \"size\": 30 }",
                text("m.obj", "v 0 0 0\nv NaN 0 0\nv 0 1 0\nf 1 2 3\n"), "show.json", "scenes[0].formation.file"));
        c.add(asset("points-ragged-rows", "{ \"type\": \"points\", \"file\": \"p.csv\" }",
                text("p.csv", "0,0,0\n3,0,0\n6,0,0,255\n"), "show.json", "scenes[0].formation.file", "3"));
        c.add(asset("points-nan", "{ \"type\": \"points\", \"file\": \"p.csv\" }",
                text("p.csv", "0,0,0\nNaN,0,0\n"), "show.json", "scenes[0].formation.file"));
        c.add(asset("points-too-few", "{ \"type\": \"points\", \"file\": \"p.csv\" }",
                text("p.csv", "0,0,0\n3,0,0\n6,0,0\n"), "show.json", "scenes[0].formation", "64"));
        c.add(asset("points-empty", "{ \"type\": \"points\", \"file\": \"p.csv\" }",
                text("p.csv", ""), "show.json", "scenes[0].formation.file"));
        c.add(asset("points-coordinate-1e308", "{ \"type\": \"points\", \"file\": \"p.csv\" }",
                text("p.csv", "-1e308,0,0\n1e308,0,0\n"), "show.json", "scenes[0].formation.file", "1000000"));
        c.add(asset("points-not-utf8", "{ \"type\": \"points\", \"file\": \"p.csv\" }",
                bytes("p.csv", concat(ascii("# caf"), new byte[] {(byte) 0xE9}, ascii("\n0,0,0\n"))),
                "show.json", "scenes[0].formation.file", "UTF-8"));
        c.add(asset("font-not-a-font", "{ \"type\": \"text\", \"text\": \"HI\", \"height\": 30, \"font\": \"bad.ttf\" }",
                text("bad.ttf", "not a font\n"), "show.json", "scenes[0].formation.font"));

        // Flight files given to export.
        c.add(export("plan-truncated", d -> {
            validPlan(d);
            byte[] b = Files.readAllBytes(d.resolve("plan.json"));
            Files.write(d.resolve("plan.json"), Arrays.copyOf(b, b.length / 3));
        }, "plan.json", "skyc", "show.skyc", "plan.json"));
        c.add(export("plan-future-format", d -> {
            validPlan(d);
            Path p = d.resolve("plan.json");
            Files.writeString(p, Files.readString(p).replace("starling-plan/1", "starling-plan/9"));
        }, "plan.json", "skyc", "show.skyc", "plan.json", "format", "starling-plan/9"));
        c.add(export("plan-is-a-show-file", text("plan.json", h), "plan.json", "skyc", "show.skyc", "plan.json", "format"));
        c.add(export("plan-empty", text("plan.json", ""), "plan.json", "skyc", "show.skyc", "plan.json"));
        c.add(export("plan-missing", d -> { }, "plan.json", "skyc", "show.skyc", "plan.json", "not found"));
        c.add(export("skyc-corrupt", bytes("in.skyc", concat(ascii("PK\u0003\u0004"), randomBytes(2000, 11))),
                "in.skyc", "json", "plan.json", "in.skyc", "ZIP"));
        c.add(export("skyc-truncated", d -> {
            validSkyc(d);
            byte[] b = Files.readAllBytes(d.resolve("in.skyc"));
            Files.write(d.resolve("in.skyc"), Arrays.copyOf(b, b.length / 2));
        }, "in.skyc", "json", "plan.json", "in.skyc"));
        c.add(export("skyc-zip-bomb-3GB", d -> HostileFiles.zipBomb(d.resolve("in.skyc"), "show.json", 3L << 30, ' '),
                "in.skyc", "json", "plan.json", "in.skyc", "zip bomb").within(Duration.ofSeconds(30)));
        c.add(export("skyc-100k-entries", d -> {
            HostileFiles.manyEntries(d.resolve("in.skyc"), 100_000, "drones/d", ".json", ascii("{}"));
        }, "in.skyc", "json", "plan.json", "in.skyc", "show.json").within(Duration.ofSeconds(30)));
        c.add(export("skyc-show-json-malformed", skyc("{\"version\": 1, \"swarm\": {"), "in.skyc", "json", "plan.json",
                "in.skyc", "show.json"));
        c.add(export("skyc-no-drones", skyc("{\"version\": 1, \"swarm\": {\"drones\": []}}"), "in.skyc", "json", "plan.json",
                "in.skyc", "drones"));
        c.add(export("skyc-version-2", skyc("{\"version\": 2, \"swarm\": {\"drones\": []}}"), "in.skyc", "json", "plan.json",
                "in.skyc", "version"));
        c.add(export("skyc-ref-escapes-archive", skyc(skycShow("{\"$ref\": \"../../etc/passwd\"}", "AA==")),
                "in.skyc", "json", "plan.json", "in.skyc", "$ref"));
        c.add(export("skyc-light-not-base64", skyc(skycShow("[[0, [0, 0, 0], []], [5, [0, 0, 10], []]]", "!!not base64!!")),
                "in.skyc", "json", "plan.json", "in.skyc", "lights"));
        c.add(export("skyc-time-goes-back", skyc(skycShow("[[0, [0, 0, 0], []], [5, [0, 0, 10], []], [3, [0, 0, 5], []]]", "AA==")),
                "in.skyc", "json", "plan.json", "in.skyc", "points"));
        c.add(export("skyc-nan-coordinate", skyc(skycShow("[[0, [0, 0, 0], []], [5, [0, \"x\", 10], []]]", "AA==")),
                "in.skyc", "json", "plan.json", "in.skyc", "points"));
        c.add(export("skyc-coordinate-1e308", skyc(skycShow("[[0, [0, 0, 0], []], [5, [1e308, 0, 10], []]]", "AA==")),
                "in.skyc", "json", "plan.json", "in.skyc", "points[1][1][0]", "1e9"));
        c.add(export("skyc-segment-of-1e-300-s", skyc(skycShow("[[0, [0, 0, 0], []], [1e-300, [0, 0, 7], []]]", "AA==")),
                "in.skyc", "json", "plan.json", "in.skyc", "points[1][0]", "1 µs"));
        c.add(export("skyc-minDistance-1e308", skyc(skycShow("[[0, [0, 0, 0], []], [5, [0, 0, 10], []]]", "AA==")
                .replace("\"settings\": {}", "\"settings\": {\"validation\": {\"minDistance\": 1e308}}")),
                "in.skyc", "json", "plan.json", "in.skyc", "minDistance"));
        c.add(export("csv-ragged-rows", csvZip(twoDrones(CSV_HEADER + "0,0,0,0,255,0,0\n1000,0,0,5,255,0\n")),
                "in.zip", "json", "plan.json", "in.zip", "drone-2.csv", "7"));
        c.add(export("csv-bad-header", csvZip(twoDrones("t,x,y,z\n0,0,0,0\n")), "in.zip", "json", "plan.json",
                "in.zip", "drone-2.csv", "Time [msec]"));
        c.add(export("csv-not-a-number", csvZip(twoDrones(CSV_HEADER + "0,0,0,0,255,0,0\n1000,zero,0,5,255,0,0\n")),
                "in.zip", "json", "plan.json", "in.zip", "drone-2.csv", "x [m]"));
        c.add(export("csv-time-goes-back", csvZip(twoDrones(CSV_HEADER + "0,0,0,0,255,0,0\n1000,0,0,5,255,0,0\n500,0,0,6,255,0,0\n")),
                "in.zip", "json", "plan.json", "in.zip", "drone-2.csv", "increas"));
        c.add(export("csv-not-utf8", d -> {
            Map<String, byte[]> m = new LinkedHashMap<>();
            m.put("drone-1.csv", concat(ascii(CSV_HEADER + "0,0,0,0,255,0,0\n1000,0"), new byte[] {(byte) 0xFF, (byte) 0xFE},
                    ascii(",0,5,255,0,0\n")));
            HostileFiles.zip(d.resolve("in.zip"), m);
        }, "in.zip", "json", "plan.json", "in.zip", "drone-1.csv"));
        c.add(export("csv-zip-bomb-3GB", d -> HostileFiles.zipBomb(d.resolve("in.zip"), "drone-1.csv", 3L << 30, '\n'),
                "in.zip", "json", "plan.json", "in.zip", "zip bomb").within(Duration.ofSeconds(30)));
        c.add(export("csv-100001-drone-files", d -> HostileFiles.manyEntries(d.resolve("in.zip"), 100_001, "drone-", ".csv",
                ascii(CSV_HEADER)), "in.zip", "json", "plan.json", "in.zip", "100000").within(Duration.ofSeconds(30)));
        c.add(export("csv-zip-without-csv", d -> HostileFiles.zip(d.resolve("in.zip"), Map.of("readme.txt", ascii("hi"))),
                "in.zip", "json", "plan.json", "in.zip", "CSV"));

        // The other commands that read files: validate, assign, risk, formation.
        c.add(files("validate-skyc-zip-bomb", d -> HostileFiles.zipBomb(d.resolve("in.skyc"), "show.json", 3L << 30, ' '),
                List.of("validate", "@in.skyc", "-q"), "in.skyc", "zip bomb").within(Duration.ofSeconds(30)));
        c.add(files("validate-csv-ragged-rows", csvZip(twoDrones(CSV_HEADER + "0,0,0,0,255,0,0\n1000,0,0\n")),
                List.of("validate", "@in.zip", "-q"), "in.zip", "drone-2.csv"));
        c.add(files("validate-min-separation-1e-300", BadInputCorpusTest::validPlan,
                List.of("validate", "@plan.json", "--min-separation", "1e-300", "-q"), "--min-separation", "0.1")
                .within(Duration.ofSeconds(10)));
        c.add(files("validate-min-separation-1e308", BadInputCorpusTest::validPlan,
                List.of("validate", "@plan.json", "--min-separation", "1e308", "-q"), "--min-separation"));
        c.add(files("validate-skyc-minDistance-1e-300", skyc(skycShow("[[0, [0, 0, 0], []], [5, [0, 0, 10], []]]", "AA==")
                .replace("\"settings\": {}", "\"settings\": {\"validation\": {\"minDistance\": 1e-300}}")),
                List.of("validate", "@in.skyc", "-q"), "in.skyc", "minSeparation", "0.1").within(Duration.ofSeconds(10)));
        c.add(files("validate-step-1e-300", BadInputCorpusTest::validPlan,
                List.of("validate", "@plan.json", "--step", "1e-300", "-q"), "--step").within(Duration.ofSeconds(10)));
        c.add(files("validate-max-violations-negative", BadInputCorpusTest::validPlan,
                List.of("validate", "@plan.json", "--max-violations", "-1", "-q"), "--max-violations"));
        c.add(files("validate-empty-folder", d -> Files.createDirectories(d.resolve("flights")),
                List.of("validate", "@flights", "-q"), "flights", ".csv"));
        c.add(files("assign-ragged-row", d -> {
            Files.writeString(d.resolve("a.csv"), "x,y,z\n0,0,0\n1,1\n");
            Files.writeString(d.resolve("b.csv"), "0,0,0\n5,5,5\n");
        }, List.of("assign", "@a.csv", "@b.csv"), "a.csv", "row 2"));
        c.add(files("assign-unequal-counts", d -> {
            Files.writeString(d.resolve("a.csv"), "0,0,0\n5,5,5\n");
            Files.writeString(d.resolve("b.csv"), "0,0,0\n1,1,1\n2,2,2\n");
        }, List.of("assign", "@a.csv", "@b.csv", "--out", "@out/pairs.csv"), "b.csv", "same number"));
        c.add(files("assign-coordinate-1e308", d -> {
            Files.writeString(d.resolve("a.csv"), "1e308,0,0\n-1e308,0,0\n");
            Files.writeString(d.resolve("b.csv"), "0,0,0\n1,1,1\n");
        }, List.of("assign", "@a.csv", "@b.csv"), "a.csv", "row 1", "1000000"));
        c.add(files("assign-nan", d -> {
            Files.writeString(d.resolve("a.csv"), "0,0,0\nNaN,5,5\n");
            Files.writeString(d.resolve("b.csv"), "0,0,0\n1,1,1\n");
        }, List.of("assign", "@a.csv", "@b.csv"), "a.csv"));
        c.add(files("risk-step-1e-300", BadInputCorpusTest::validPlan,
                List.of("risk", "@plan.json", "--step", "1e-300", "-q"), "step").within(Duration.ofSeconds(10)));
        c.add(files("risk-truncated-plan", d -> {
            validPlan(d);
            byte[] b = Files.readAllBytes(d.resolve("plan.json"));
            Files.write(d.resolve("plan.json"), Arrays.copyOf(b, b.length / 2));
        }, List.of("risk", "@plan.json", "-q"), "plan.json"));
        c.add(files("formation-count-a-billion", d -> { },
                List.of("formation", "--shape", "sphere", "--size", "10", "--count", "1000000000", "--out", "@out/f.csv"),
                "1000000000").within(Duration.ofSeconds(10)));
        c.add(files("formation-svg-no-geometry", text("art.svg", SVG_OPEN + "<g/></svg>"),
                List.of("formation", "--svg", "@art.svg", "--height", "30", "--count", "12", "--out", "@out/f.csv"),
                "art.svg", "--svg"));

        // Command-line values.
        c.add(files("export-onto-its-own-input", BadInputCorpusTest::validPlan,
                List.of("export", "@plan.json", "--format", "json", "--out", "@plan.json"), "plan.json", "also an input"));
        c.add(export("export-rate-zero", BadInputCorpusTest::validPlan, "plan.json", "csv", "show.zip", "--rate").withArgs("--rate", "0"));
        c.add(export("export-rate-nan", BadInputCorpusTest::validPlan, "plan.json", "csv", "show.zip", "--rate").withArgs("--rate", "NaN"));
        c.add(export("export-rate-1e308", BadInputCorpusTest::validPlan, "plan.json", "csv", "show.zip", "--rate").withArgs("--rate", "1e308"));
        c.add(export("export-format-unknown", BadInputCorpusTest::validPlan, "plan.json", "kml", "show.kml", "--format"));
        c.add(files("export-out-is-a-folder", d -> {
            validPlan(d);
            Files.createDirectories(d.resolve("out/show.skyc"));
        }, List.of("export", "@plan.json", "--format", "skyc", "--out", "@out/show.skyc"), "show.skyc", "folder"));
        c.add(files("plan-threads-zero", d -> Files.writeString(d.resolve("show.json"), h),
                List.of("plan", "@show.json", "--out", "@out", "--threads", "0", "-q"), "--threads"));
        c.add(files("plan-export-unknown", d -> Files.writeString(d.resolve("show.json"), h),
                List.of("plan", "@show.json", "--out", "@out", "--export", "kml", "-q"), "--export", "skyc"));
        c.add(files("plan-out-is-a-file", d -> {
            Files.writeString(d.resolve("show.json"), h);
            Files.writeString(d.resolve("out.txt"), "keep me");
        }, List.of("plan", "@show.json", "--out", "@out.txt", "-q"), "out.txt", "folder"));
        c.add(files("plan-rate-negative", d -> Files.writeString(d.resolve("show.json"), h),
                List.of("plan", "@show.json", "--out", "@out", "--export", "csv", "--rate", "-4", "-q"), "--rate"));
        return c;
    }

    static Stream<Arguments> cases() {
        return corpus().stream().map(Arguments::of);
    }

    static String billionLaughs() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY l0 \"ha\">\n");
        for (int i = 1; i <= 10; i++) {
            sb.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        return sb.append("]>\n").append(SVG_OPEN).append("<text>&l10;</text></svg>").toString();
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    // ------------------------------------------------------------------ the test

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithExitTwoAMessageAndNothingWritten(Case k) throws IOException {
        if (k.needsPermissions()) {
            assumeFalse(Cli.runningAsRoot(), "root reads files whatever their permissions");
        }
        Path dir = root.resolve("case");
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/previous.txt"), "an earlier result that must survive\n");
        k.setup().write(dir);
        Map<String, byte[]> before = Cli.snapshot(dir.resolve("out"));
        String[] args = k.args().stream().map(a -> a.startsWith("@") ? dir.resolve(a.substring(1)).toString() : a)
                .toArray(String[]::new);

        Cli.Run r = assertTimeoutPreemptively(k.bound(), () -> Cli.run(args), k.name() + " must finish within " + k.bound());

        String all = r.all();
        assertEquals(2, r.code(), () -> k.name() + ": exit code 2 for bad input, output:\n" + clip(all));
        Cli.assertNoStackTrace(all);
        for (String f : k.fragments()) {
            assertTrue(r.err().contains(f), () -> k.name() + ": the message must mention '" + f + "':\n" + clip(r.err()));
        }
        assertTrue(r.err().contains("error: "), () -> k.name() + ": an error line:\n" + clip(r.err()));
        assertTrue(r.err().contains("hint: ") || r.err().contains("--help"),
                () -> k.name() + ": the message must say how to fix it (a hint):\n" + clip(r.err()));
        Cli.assertSameFiles(before, Cli.snapshot(dir.resolve("out")), k.name());
    }

    @Test
    void theCorpusIsLargeAndItsNamesUnique() {
        List<Case> all = corpus();
        assertTrue(all.size() >= 50, "at least 50 bad inputs, has " + all.size());
        assertEquals(all.size(), all.stream().map(Case::name).distinct().count(), "unique case names");
    }

    static String clip(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 4000) + "... (" + s.length() + " characters)";
    }
}
