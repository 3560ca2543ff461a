package dev.starling.light.effect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starling.io.ExportFormat;
import dev.starling.io.ExportOptions;
import dev.starling.io.Exporter;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every effect type of {@link LightDesignTest#stacks()}, exported to a {@code .skyc} and played
 * by <em>Skybrush's own</em> loader and light player ({@code @skybrush/show-format}, the code
 * Skybrush Live runs, through {@code shared/tools/skyc-client/check-skyc.mjs}), shows the colour
 * the effect defines at 1000 (drone, tick) pairs: {@value #DRONES} drones × {@value #TIMES}
 * random ticks of the hold, within one 8-bit step ({@link LightDesign#TICK_ERROR}).
 *
 * <p>The loader is GPL-licensed and built out of tree ({@code shared/tools/skyc-client/setup.sh},
 * into {@code $SKYC_CLIENT_DIR}, default {@code /tmp/skyc-client}); without it, or without
 * {@code node}, the test is skipped and says why. Our own decoder is held to the same pairs by
 * {@link LightDesignTest}.
 */
class SkybrushLoaderLightsTest {
    static final int DRONES = 40;
    static final int TIMES = 25;
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path CHECKER = ROOT.resolveSibling("shared").resolve("tools/skyc-client/check-skyc.mjs");
    static final Path CLIENT = Path.of(System.getenv().getOrDefault("SKYC_CLIENT_DIR", "/tmp/skyc-client"));

    static List<List<Effect>> stacks() {
        return LightDesignTest.stacks();
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void skybrushPlaysTheEffectsColours(List<Effect> effects, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isRegularFile(CHECKER), "Skybrush loader glue not found at " + CHECKER);
        assumeTrue(Files.isRegularFile(CLIENT.resolve("build-info.json")), "Skybrush's loader is not built in "
                + CLIENT + ": run ../shared/tools/skyc-client/setup.sh <skybrush.js repo>");
        assumeTrue(hasNode(), "node is not installed");

        LightDesign.SceneInput s = LightDesignTest.scene(effects);
        List<LightDesign.SceneInput> scenes = List.of(s);
        SceneLights[] prepared = LightDesign.prepare(scenes, LightDesignTest.BEATS);
        List<LightProgram> programs = LightDesign.build(LightDesignTest.N, scenes, prepared, 50, 55);
        List<Trajectory> flights = new ArrayList<>();
        for (int i = 0; i < DRONES; i++) {
            // hovering where the effect placed the drone: lights and position agree
            flights.add(Trajectory.startingAt(0, s.x()[i], s.y()[i], 0).holdUntil(1)
                    .lineTo(4, s.x()[i], s.y()[i], s.z()[i]).holdUntil(56).build());
        }
        Plan plan = new Plan("effects", Limits.NONE, flights, programs.subList(0, DRONES), List.of());
        Path skyc = dir.resolve("effects.skyc");
        Exporter.export(plan, ExportFormat.SKYC, skyc, ExportOptions.defaults());

        SplittableRandom r = new SplittableRandom(17);
        long th = LightDesign.tick(LightDesignTest.HOLD_START), te = LightDesign.tick(LightDesignTest.HOLD_END);
        double[] times = new double[TIMES];
        StringJoiner arg = new StringJoiner(",");
        for (int k = 0; k < TIMES; k++) {
            times[k] = LightDesign.tickTime(r.nextLong(th, te + 1));
            arg.add(String.format(Locale.ROOT, "%.2f", times[k]));
        }
        JsonNode report = runChecker(skyc, arg.toString());
        assertTrue(report.path("ok").asBoolean(), "Skybrush's loader refused the file: " + report);
        JsonNode drones = report.path("drones");
        assertEquals(DRONES, drones.size(), "drones Skybrush read");
        double[] c = new double[3], tmp = new double[3];
        int pairs = 0;
        for (int i = 0; i < DRONES; i++) {
            JsonNode colors = drones.get(i).path("lights").path("colors");
            assertEquals(TIMES, colors.size(), "colour samples of drone " + i);
            for (int k = 0; k < TIMES; k++) {
                JsonNode rgb = colors.get(k).path("rgb");
                prepared[0].colorAt(i, times[k], c, tmp);
                for (int ch = 0; ch < 3; ch++) {
                    double err = Math.abs(rgb.get(ch).asDouble() - c[ch]);
                    int drone = i, at = k, channel = ch;
                    assertTrue(err <= LightDesign.TICK_ERROR, () -> "drone " + drone + " t=" + times[at] + " channel "
                            + channel + ": Skybrush plays " + rgb + ", the effect defines " + c[channel] + " ("
                            + effects.get(0).type() + ")");
                }
                pairs++;
            }
        }
        assertEquals(1000, pairs);
    }

    private static JsonNode runChecker(Path skyc, String times) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("node", CHECKER.toString(), "--times", times, "--max-drones",
                Integer.toString(DRONES), skyc.toString());
        pb.environment().put("SKYC_CLIENT_DIR", CLIENT.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the Skybrush checker did not finish");
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(p.exitValue() == 0, "Skybrush checker exit " + p.exitValue() + ": " + text);
        return new ObjectMapper().readTree(text);
    }

    private static boolean hasNode() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
