package dev.starling.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.io.csv.SkybrushCsvReader;
import dev.starling.io.csv.SkybrushCsvWriter;
import dev.starling.io.json.PlanJson;
import dev.starling.io.skyc.SkycReader;
import dev.starling.io.skyc.SkycWriter;
import dev.starling.light.LightProgram;
import dev.starling.light.SkybrushLightCodec;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export, read back with the independent readers ({@link SkycReader}, {@link SkybrushCsvReader},
 * {@link PlanJson}), compare with the plan: the round trip every export format must survive.
 */
class ExportRoundTripTest {
    /** What a {@code .skyc} must reproduce, metres. */
    static final double ONE_MM = 1e-3;
    /** One tick of the Skybrush light clock, seconds. */
    static final double TICK = 1.0 / SkybrushLightCodec.TICKS_PER_SECOND;
    static final int SAMPLES = 1000;

    @TempDir
    Path dir;

    static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    /** Largest position difference between two plans at {@link #SAMPLES} random (drone, time) pairs. */
    static double worstDeviation(Plan expected, Plan actual, long seed, double[] boundPerDrone) {
        assertEquals(expected.droneCount(), actual.droneCount());
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] a = new double[3], b = new double[3];
        double worst = 0;
        for (int k = 0; k < SAMPLES; k++) {
            int i = rnd.nextInt(expected.droneCount());
            Trajectory tr = expected.trajectories().get(i);
            double t = rnd.nextDouble(tr.startTime() - 1, tr.endTime() + 1);
            tr.position(t, a, 0);
            actual.trajectories().get(i).position(t, b, 0);
            double d = dist(a, b);
            if (boundPerDrone != null) {
                assertTrue(d <= boundPerDrone[i] + 1e-9, "drone " + i + " t=" + t + ": " + d + " > " + boundPerDrone[i]);
            }
            worst = Math.max(worst, d);
        }
        return worst;
    }

    /** Every keyframe's colour shows at its time rounded to the 20 ms tick of the bytecode. */
    static void assertKeyframeColours(Plan expected, Plan actual) {
        for (int i = 0; i < expected.droneCount(); i++) {
            LightProgram e = expected.lights().get(i), a = actual.lights().get(i);
            for (int k = 0; k < e.size(); k++) {
                double tick = Math.round(e.time(k) / TICK) * TICK;
                assertEquals(Integer.toHexString(e.rgb(k)), Integer.toHexString(a.colorAt(tick)),
                        "drone " + i + " keyframe " + k + " at " + e.time(k));
            }
        }
    }

    @Test
    void skycReproducesPositionsWithinOneMillimetreAndColoursAtKeyframes() throws IOException {
        for (boolean msGrid : new boolean[] {true, false}) {
            Plan plan = SyntheticPlans.plan(msGrid ? 11 : 12, 60, 20, msGrid);
            Path out = dir.resolve(msGrid ? "grid.skyc" : "offgrid.skyc");
            assertEquals(List.of(out), Exporter.export(plan, ExportFormat.SKYC, out, ExportOptions.defaults()));
            Plan back = SkycReader.read(out);
            double[] bound = new double[plan.droneCount()];
            for (int i = 0; i < bound.length; i++) {
                bound[i] = SkycWriter.positionErrorBound(plan.trajectories().get(i));
                assertTrue(bound[i] <= ONE_MM, "bound " + bound[i]);
            }
            double worst = worstDeviation(plan, back, 21, bound);
            assertTrue(worst <= ONE_MM, "worst " + worst);
            assertKeyframeColours(plan, back);
            assertEquals(plan.limits().maxSpeedXY(), back.limits().maxSpeedXY());
            assertEquals(plan.limits().maxSpeedUp(), back.limits().maxSpeedUp());
            assertEquals(plan.limits().maxSpeedDown(), back.limits().maxSpeedDown());
            assertEquals(plan.limits().minSeparation(), back.limits().minSeparation());
            assertEquals(plan.limits().maxAltitude(), back.limits().maxAltitude());
        }
    }

    @Test
    void csvReproducesPositionsWithinInterpolationBoundAndColoursAtSamples() throws IOException {
        Plan plan = SyntheticPlans.plan(13, 40, 15, false);
        for (double rate : new double[] {4, 10}) {
            Path out = dir.resolve("show-" + (int) rate + "hz.zip");
            Exporter.export(plan, ExportFormat.CSV, out, ExportOptions.defaults().withCsvRate(rate));
            SkybrushCsvReader.CsvShow show = SkybrushCsvReader.readShow(out);
            Plan back = show.plan();
            double[] bound = new double[plan.droneCount()];
            for (int i = 0; i < bound.length; i++) {
                bound[i] = SkybrushCsvWriter.interpolationErrorBound(plan.trajectories().get(i), rate)
                        + SkybrushCsvWriter.ROUNDING_ERROR;
                assertEquals(Plan.droneName(i), show.droneNames().get(i));
            }
            worstDeviation(plan, back, 22, bound);
            for (int i = 0; i < plan.droneCount(); i++) {
                Trajectory tr = plan.trajectories().get(i);
                for (double t = 0; t <= tr.endTime(); t += 1 / rate) {
                    double ts = SkybrushCsvWriter.sampleTimeMs(Math.round(t * rate), rate) / 1000.0;
                    assertEquals(plan.lights().get(i).colorAt(ts), back.lights().get(i).colorAt(ts),
                            "drone " + i + " colour at sample " + ts);
                }
            }
        }
    }

    @Test
    void lightTestVectorsSurviveSkycWriterAndReader() throws IOException {
        String[] vectors = {"BP8AAGQIAAD/lgEEAAD/AQA=", "AzIEAP8AAAj///9kBP///wEA"};
        LightProgram red = SkybrushLightCodec.decodeBase64(vectors[0]);
        LightProgram green = SkybrushLightCodec.decodeBase64(vectors[1]);
        // red held 2 s, fade to blue over 3 s, then blue; dark until 1 s, green, fade to white over 2 s
        assertEquals(0xFF0000, red.colorAt(1.99));
        assertEquals(0x0000FF, red.colorAt(5));
        assertEquals(0, green.colorAt(0.99));
        assertEquals(0x00FF00, green.colorAt(1));
        assertEquals(0xFFFFFF, green.colorAt(3));
        Plan plan = new Plan("vectors", Limits.NONE,
                List.of(Trajectory.stationary(0, 8, 0, 0, 0), Trajectory.stationary(0, 8, 3, 0, 0)),
                List.of(red, green), List.of());
        Path out = dir.resolve("vectors.skyc");
        Exporter.export(plan, ExportFormat.SKYC, out, ExportOptions.defaults());
        Plan back = SkycReader.read(out);
        assertEquals(vectors[0], SkybrushLightCodec.encodeBase64(back.lights().get(0)));
        assertEquals(vectors[1], SkybrushLightCodec.encodeBase64(back.lights().get(1)));
        for (double t = 0; t < 8; t += TICK) {
            assertEquals(red.colorAt(t), back.lights().get(0).colorAt(t), "t=" + t);
            assertEquals(green.colorAt(t), back.lights().get(1).colorAt(t), "t=" + t);
        }
    }

    @Test
    void fleetsOverFiveThousandSplitIntoValidNamedFiles() throws IOException {
        Plan plan = SyntheticPlans.stationary(10_001, 4);
        Path out = dir.resolve("show.skyc");
        List<Path> files = Exporter.export(plan, ExportFormat.SKYC, out, ExportOptions.defaults());
        assertEquals(List.of(dir.resolve("show.part1-of-3.drones00001-05000.skyc"),
                dir.resolve("show.part2-of-3.drones05001-10000.skyc"),
                dir.resolve("show.part3-of-3.drones10001-10001.skyc")), files);
        int first = 0;
        double[] a = new double[3], b = new double[3];
        for (Path f : files) {
            SkycReader.SkycShow part = SkycReader.readShow(f);
            int n = part.plan().droneCount();
            assertTrue(n >= 1 && n <= ExportOptions.SKYBRUSH_MAX_DRONES, "Skybrush Live takes at most 5000");
            assertEquals(String.format("%s (part %d of 3: %s to %s)", plan.name(), files.indexOf(f) + 1,
                    Plan.droneName(first), Plan.droneName(first + n - 1)), part.plan().name(), "the title names the part");
            for (int k = 0; k < n; k += 997) {
                assertEquals(Plan.droneName(first + k), part.droneNames().get(k), "drones keep their global names");
                plan.trajectories().get(first + k).position(3, a, 0);
                part.plan().trajectories().get(k).position(3, b, 0);
                assertTrue(dist(a, b) <= ONE_MM);
            }
            first += n;
        }
        assertEquals(plan.droneCount(), first);
        assertFalse(Files.exists(out), "no single file alongside the parts");

        // a later export that fits one file replaces the parts instead of leaving them to mislead
        Exporter.export(SyntheticPlans.stationary(30, 4), ExportFormat.SKYC, out, ExportOptions.defaults());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(out), s.filter(p -> p.toString().endsWith(".skyc")).toList());
        }
        assertEquals(30, SkycReader.read(out).droneCount());
    }

    @Test
    void jsonRoundTripIsExact() throws IOException {
        Plan plan = SyntheticPlans.plan(14, 25, 10, false);
        Path out = dir.resolve("plan.json");
        Exporter.export(plan, ExportFormat.JSON, out, ExportOptions.defaults());
        Plan back = PlanJson.read(out);
        assertEquals(plan.trajectories(), back.trajectories());
        assertEquals(plan.lights(), back.lights());
        assertEquals(plan.limits(), back.limits());
        assertEquals(0, worstDeviation(plan, back, 23, null));
    }

    @Test
    void csvZipIsAnOrdinaryZip() throws IOException {
        Plan plan = SyntheticPlans.plan(15, 12, 4, true);
        Path out = dir.resolve("show.zip");
        Exporter.export(plan, ExportFormat.CSV, out, ExportOptions.defaults());
        try (ZipFile zf = new ZipFile(out.toFile())) {
            assertEquals(12, zf.size());
            assertTrue(zf.getEntry("drone-00012.csv") != null);
        }
    }
}
