package dev.starling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's show stream: {@link WebPack} writes it, the page's own {@code decode.js} reads it
 * back (run here under Node.js, skipped without it): every drone's position equals the plan's
 * within 1 mm at many times, every colour exactly, and the live minimum separation equals brute force.
 */
class WebPackTest {
    /** Rounding to the 1 mm grid moves a position by at most √3 / 2 mm. */
    static final double POSITION_TOLERANCE = 0.9e-3;
    static final int DRONES = 60;

    @TempDir
    Path dir;

    /** Random lines, quadratics and cubics on the 1 ms grid, steps and fades, a drone that stays dark. */
    static Plan randomPlan(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Trajectory> trs = new ArrayList<>();
        List<LightProgram> lights = new ArrayList<>();
        for (int i = 0; i < DRONES; i++) {
            double t = rnd.nextInt(0, 3000) / 1000.0;
            Trajectory.Builder b = Trajectory.startingAt(t, rnd.nextDouble(-300, 300), rnd.nextDouble(-50, 400), rnd.nextDouble(0, 5));
            for (int s = 0; s < 12; s++) {
                t += rnd.nextInt(1, 6000) / 1000.0;
                double[] p = new double[9];
                for (int k = 0; k < 9; k++) {
                    p[k] = rnd.nextDouble(-400, 400) + (k % 3 == 2 ? 500 : 0);
                }
                switch (rnd.nextInt(3)) {
                    case 0 -> b.lineTo(t, p[0], p[1], p[2]);
                    case 1 -> b.quadTo(t, p[0], p[1], p[2], p[3], p[4], p[5]);
                    default -> b.cubicTo(t, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
                }
            }
            trs.add(b.build());
            LightProgram.Builder l = LightProgram.builder();
            double lt = rnd.nextInt(0, 2000) / 1000.0;
            for (int k = 0; i % 7 != 3 && k < 10; k++) {
                int c = rnd.nextInt(0, 1 << 24);
                if (k == 0 || rnd.nextBoolean()) {
                    l.set(lt, c);
                } else {
                    l.fadeTo(lt, c);
                }
                lt += rnd.nextInt(1, 5000) / 1000.0;
            }
            lights.add(l.build());
        }
        return new Plan("random", Limits.NONE, trs, lights, List.of());
    }

    @Test
    void pageDecodesWhatThePlanSays() throws Exception {
        Path node = node();
        Plan plan = randomPlan(20261206);
        Path bin = dir.resolve("show.bin");
        Files.write(bin, WebPack.pack(plan));
        Path decode = dir.resolve("decode.mjs");
        Files.writeString(decode, WebCommand.resource("decode.js"));
        double end = plan.endTime() + 1;
        List<Double> times = new ArrayList<>();
        for (int k = 0; k <= 200; k++) {
            times.add(-1 + end * k / 200.0);
        }
        Path script = dir.resolve("check.mjs");
        Files.writeString(script, """
                import { readFileSync } from 'node:fs';
                import { inflateRaw, decodeShow, position, colour, MinSeparation } from './decode.mjs';
                const show = decodeShow(await inflateRaw(readFileSync(process.argv[2])));
                const times = JSON.parse(process.argv[3]);
                const cursor = new Int32Array(show.n), p = new Float64Array(3 * show.n);
                const out = [];
                for (const t of times) {
                  for (let i = 0; i < show.n; i++) position(show, i, t, cursor, p, 3 * i);
                  const x = [], y = [], z = [];
                  for (let i = 0; i < show.n; i++) { x.push(p[3 * i]); y.push(p[3 * i + 1]); z.push(p[3 * i + 2]); }
                  out.push({ t, p: Array.from(p), c: Array.from({ length: show.n }, (_, i) => colour(show, i, t)),
                    sep: new MinSeparation().compute(x, y, z, show.n) });
                }
                console.log(JSON.stringify(out));
                """);
        Process proc = new ProcessBuilder(node.toString(), script.toString(), bin.toString(), new ObjectMapper().writeValueAsString(times))
                .redirectErrorStream(true).start();
        String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, proc.exitValue(), text);
        JsonNode frames = new ObjectMapper().readTree(text);
        double[] q = new double[3];
        double worst = 0;
        for (JsonNode f : frames) {
            double t = f.get("t").asDouble();
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < DRONES; i++) {
                plan.trajectories().get(i).position(t, q, 0);
                for (int a = 0; a < 3; a++) {
                    worst = Math.max(worst, Math.abs(f.get("p").get(3 * i + a).asDouble() - q[a]));
                }
                assertEquals(plan.lights().get(i).colorAt(t), f.get("c").get(i).asInt(), "drone " + i + " colour at t=" + t);
                for (int j = 0; j < i; j++) {
                    double dx = f.get("p").get(3 * i).asDouble() - f.get("p").get(3 * j).asDouble();
                    double dy = f.get("p").get(3 * i + 1).asDouble() - f.get("p").get(3 * j + 1).asDouble();
                    double dz = f.get("p").get(3 * i + 2).asDouble() - f.get("p").get(3 * j + 2).asDouble();
                    best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
                }
            }
            assertEquals(best, f.get("sep").asDouble(), 1e-9, "minimum separation at t=" + t);
        }
        assertTrue(worst <= POSITION_TOLERANCE, "a drone is " + worst + " m off");
    }

    private static Path node() {
        Optional<Path> found = Optional.empty();
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, "node");
            if (Files.isExecutable(p)) {
                found = Optional.of(p);
                break;
            }
        }
        Assumptions.assumeTrue(found.isPresent(), "decode.js test skipped: no node on the PATH");
        return found.get();
    }
}
