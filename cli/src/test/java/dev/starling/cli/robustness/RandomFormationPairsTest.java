package dev.starling.cli.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.io.json.PlanJson;
import dev.starling.plan.Plan;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import dev.starling.verify.VerificationReport;
import dev.starling.verify.Verifier;
import dev.starling.verify.VerifyOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random two-scene shows (random shapes, sizes, placements, lit counts, fleet sizes, limits and
 * takeoff spacings, some below √2 · minSeparation so the planner must repair), planned through the
 * CLI. Every outcome must be one of two: exit 0 with a plan.json that this test verifies again
 * itself, independently, against the show file's limits, and finds clean; or exit 1 with a
 * report.json that says "not clean" and no plan.json. A plan is never written as safe when it is
 * not. Pair i uses seed {@code SEED + i}; 50 pairs run by default, all 1000 under tag "slow".
 */
class RandomFormationPairsTest {
    static final long SEED = 0x5EED_0008L;
    static final String[] SHAPES = {"sphere", "torus", "ring", "helix", "grid", "heart"};
    static final String[] TEXTS = {"AI", "HI", "S", "新韵", "OK!"};

    static final AtomicInteger CLEAN = new AtomicInteger(), REFUSED = new AtomicInteger();

    @TempDir
    Path dir;

    /** Not vacuous: some random pairs do plan clean (and their plans were re-verified). */
    @AfterAll
    static void somePairsPlannedClean() {
        if (CLEAN.get() + REFUSED.get() > 10) {
            assertTrue(CLEAN.get() > 0, "no random pair planned clean: " + REFUSED.get() + " refused");
        }
    }

    static IntStream firstFifty() {
        return IntStream.range(0, 50);
    }

    static IntStream allThousand() {
        return IntStream.range(0, 1000);
    }

    @ParameterizedTest(name = "pair {0}")
    @MethodSource("firstFifty")
    void plannedCleanOrRefusedNeverUnsafe(int i, TestReporter reporter) throws IOException {
        check(i, 120, reporter);
    }

    @Tag("slow")
    @ParameterizedTest(name = "pair {0}")
    @MethodSource("allThousand")
    void allThousandPairsPlannedCleanOrRefused(int i, TestReporter reporter) throws IOException {
        check(i, 400, reporter);
    }

    private void check(int i, int maxDrones, TestReporter reporter) throws IOException {
        Path show = dir.resolve("pair-" + i + ".json");
        String json = randomShow(new SplittableRandom(SEED + i), maxDrones);
        Files.writeString(show, json, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run("plan", show.toString(), "--out", out.toString(), "-q");
        Path planFile = out.resolve("plan.json");
        Path report = out.resolve("report.json");
        String context = "pair " + i + ":\n" + json + "\n" + BadInputCorpusTest.clip(r.all());
        Cli.assertNoStackTrace(r.all());
        assertTrue(Cli.temporaries(out).isEmpty(), context);
        reporter.publishEntry("outcome", r.code() == 0 ? "clean" : "refused");
        (r.code() == 0 ? CLEAN : REFUSED).incrementAndGet();
        if (r.code() == 0) {
            Show s = ShowLoader.load(show);
            Plan plan = PlanJson.read(planFile);
            assertEquals(s.drones(), plan.droneCount(), context);
            VerificationReport v = plan.verify(s.limits(), VerifyOptions.defaults());
            assertTrue(v.clean(), () -> "written as safe but the independent re-verification finds "
                    + v.violationCount() + " violations: " + v.violations() + "\n" + context);
        } else {
            assertEquals(1, r.code(), () -> "exit 0 (clean) or 1 (refused), nothing else\n" + context);
            assertFalse(Files.exists(planFile), () -> "a refused plan is not written\n" + context);
            assertTrue(Files.readString(report).contains("\"clean\" : false") || Files.readString(report).contains("\"clean\":false"),
                    () -> "the report says why\n" + context);
            assertTrue(r.out().contains("NOT SAFE"), context);
        }
    }

    /**
     * A random valid two-scene show. Sizes are computed from the lit count so every formation can
     * hold its points at the CAPT spacing (with a random margin of 1.3 to 2.5); everything stays
     * inside a generous altitude band and geofence.
     */
    static String randomShow(SplittableRandom rnd, int maxDrones) {
        int n = 8 + rnd.nextInt(maxDrones - 7);
        double minSep = 1 + rnd.nextDouble() * 2;
        double capt = Math.sqrt(2) * minSep * 1.02;
        // a third of the shows start from a takeoff grid denser than the CAPT spacing: repair needed
        double spacing = rnd.nextInt(3) == 0 ? minSep * (1 + rnd.nextDouble() * 0.4) : capt * (1 + rnd.nextDouble());
        int columns = Math.max(1, Math.min(n, (int) Math.round(Math.sqrt(n) * (0.5 + rnd.nextDouble()))));
        StringBuilder scenes = new StringBuilder();
        double biggest = 0;
        for (int s = 0; s < 2; s++) {
            int lit = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(n) : n;
            double margin = 1.3 + rnd.nextDouble() * 1.2;
            String[] f = formation(rnd, lit, capt * margin);
            biggest = Math.max(biggest, Double.parseDouble(f[1]));
            String plane = new String[] {"xz", "yz", "xy"}[rnd.nextInt(3)];
            String rotation = rnd.nextBoolean() ? "" : String.format(Locale.ROOT, ", \"rotation\": [%.0f, %.0f, %.0f]",
                    rnd.nextDouble(-30, 30), rnd.nextDouble(-30, 30), rnd.nextDouble(-180, 180));
            if (s > 0) {
                scenes.append(",\n");
            }
            scenes.append(String.format(Locale.ROOT, "    { \"name\": \"scene %d\", \"formation\": %s,%n"
                    + "      \"placement\": { \"center\": [%.1f, %.1f, CZ], \"plane\": \"%s\"%s }, \"color\": \"#%06X\", \"hold\": %.1f }",
                    s, f[0], rnd.nextDouble(-40, 40), rnd.nextDouble(10, 60), plane, rotation, rnd.nextInt(1 << 24),
                    1 + rnd.nextDouble() * 5));
        }
        // reserve layers stand behind the formation; leave room for them and the formation itself
        double reach = biggest * 1.5 + Math.sqrt(n) * capt * 2 + columns * spacing + 100;
        double centreZ = 25 + biggest * 0.9 + Math.cbrt(n) * capt;
        String sceneText = scenes.toString().replace("CZ", String.format(Locale.ROOT, "%.1f", centreZ));
        return String.format(Locale.ROOT, """
                {
                  "format": "starling-show/1",
                  "name": "random pair",
                  "drones": %d,
                  "limits": {
                    "minSeparation": %.3f, "maxSpeedXY": %.1f, "maxSpeedUp": %.1f, "maxSpeedDown": %.1f,
                    "maxAcceleration": %.1f, "minAltitude": 15, "maxAltitude": %.1f,
                    "geofence": [[%.1f, %.1f], [%.1f, %.1f], [%.1f, %.1f], [%.1f, %.1f]]
                  },
                  "takeoff": { "spacing": %.3f, "columns": %d, "launchAltitude": 15 },
                  "scenes": [
                %s
                  ],
                  "landing": { "returnHome": %s }
                }
                """, n, minSep, 4 + rnd.nextDouble() * 8, 2 + rnd.nextDouble() * 4, 1.5 + rnd.nextDouble() * 3,
                2 + rnd.nextDouble() * 4, centreZ + biggest * 1.5 + 60, -reach, -reach, reach, -reach, reach, reach,
                -reach, reach, spacing, columns, sceneText, rnd.nextBoolean());
    }

    /** {formation JSON, its largest extent in metres} for {@code lit} points at spacing {@code d}. */
    private static String[] formation(SplittableRandom rnd, int lit, double d) {
        String count = lit == Integer.MAX_VALUE ? "" : String.format(Locale.ROOT, ", \"count\": %d", lit);
        double area = lit * d * d * 1.3;
        int kind = rnd.nextInt(SHAPES.length + 1);
        if (kind == SHAPES.length) {
            String text = TEXTS[rnd.nextInt(TEXTS.length)];
            // glyph ink covers roughly a fifth of height × width; width ≈ 0.7 height per character
            double height = Math.max(10, Math.sqrt(area / (0.2 * 0.7 * text.length())));
            // outlines: the usable centre-line is about 1.5 heights per character (both sides of a
            // thin stroke cannot both hold points), so only small counts get a stroked text
            String mode = lit <= 40 && rnd.nextBoolean() ? "stroke" : "fill";
            if (mode.equals("stroke")) {
                height = Math.max(10, lit * d / (1.2 * text.length()));
            }
            return new String[] {String.format(Locale.ROOT, "{ \"type\": \"text\", \"text\": \"%s\", \"height\": %.1f, "
                    + "\"mode\": \"%s\"%s }", text, height, mode, count), Double.toString(height * 0.8 * text.length())};
        }
        String shape = SHAPES[kind];
        return switch (shape) {
            case "sphere" -> {
                double size = Math.sqrt(area / Math.PI);
                yield new String[] {shape(shape, size, "", count), Double.toString(size)};
            }
            case "torus" -> {
                double tube = Math.max(2 * d, Math.sqrt(area) / 6);
                double size = area / (Math.PI * Math.PI * tube) + tube;
                size = Math.max(size, 2.2 * tube);
                yield new String[] {shape(shape, size, String.format(Locale.ROOT, ", \"height\": %.1f", tube), count),
                    Double.toString(size)};
            }
            case "ring" -> {
                double size = lit * d / Math.PI * 1.1;
                yield new String[] {shape(shape, Math.max(size, 2 * d), "", count), Double.toString(size)};
            }
            case "helix" -> {
                double turns = 1 + rnd.nextInt(3);
                double size = Math.max(3 * d, lit * d / (Math.PI * turns));
                double height = Math.max(turns * 2 * d, size);
                yield new String[] {shape(shape, size, String.format(Locale.ROOT, ", \"height\": %.1f, \"turns\": %.0f",
                        height, turns), count), Double.toString(Math.max(size, height))};
            }
            case "grid" -> {
                double size = Math.sqrt(area);
                yield new String[] {shape(shape, size, "", count), Double.toString(size)};
            }
            default -> {
                boolean stroke = rnd.nextBoolean();
                double size = stroke ? Math.max(4 * d, lit * d / 3.2) : Math.sqrt(area / 0.6);
                yield new String[] {shape("heart", size, stroke ? ", \"mode\": \"stroke\"" : "", count),
                    Double.toString(size)};
            }
        };
    }

    private static String shape(String shape, double size, String extra, String count) {
        return String.format(Locale.ROOT, "{ \"type\": \"shape\", \"shape\": \"%s\", \"size\": %.1f%s%s }", shape, size, extra,
                count);
    }
}
