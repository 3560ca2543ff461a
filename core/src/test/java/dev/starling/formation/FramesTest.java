package dev.starling.formation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.plan.Plan;
import dev.starling.plan.PlanRepair;
import dev.starling.plan.SceneSpan;
import dev.starling.plan.ShowPlanner;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import dev.starling.verify.VerifyOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imported animation: a CSV frame sequence and a glTF morph-target animation are flown drone by
 * drone through their frames (within 1 cm), the CSV's colours become the light program, and
 * broken glTF files are refused quickly with a clear reason.
 */
class FramesTest {
    /** How far from its frame a drone may pass, metres. */
    private static final double FRAME_TOLERANCE = 0.01;
    /** Light colour error allowed at a frame, 8-bit levels per channel (the light design's tick error). */
    private static final int COLOUR_TOLERANCE = 2;

    private static String show(String formation, int drones) {
        return SceneMotionTest.show(drones, """
                {"name": "anim", "formation": %s, "placement": {"center": [0, 20, 60]}, "hold": 10}""".formatted(formation));
    }

    private static Plan plan(Show show) {
        ShowPlanner.Choreography ch = ShowPlanner.choreograph(show, ShowTargets.sampleAll(show), ShowPlanner.Progress.NONE);
        PlanRepair.Outcome o = PlanRepair.run(ch, VerifyOptions.defaults().withThreads(1), line -> { });
        assertTrue(o.clean(), o.report().violations().toString());
        return o.assembled().plan();
    }

    /** The drone that stands at (x, y, z) at time t, or −1. */
    private static int droneAt(Plan plan, double t, double[] p) {
        double[] q = new double[3];
        for (int i = 0; i < plan.trajectories().size(); i++) {
            plan.trajectories().get(i).position(t, q, 0);
            if (Math.abs(q[0] - p[0]) + Math.abs(q[1] - p[1]) + Math.abs(q[2] - p[2]) < 1e-3) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aCsvSequenceFliesEachIdThroughItsFramesWithItsColours(@TempDir Path dir) throws IOException {
        int side = 6, frames = 25;
        double fps = 6;
        Files.writeString(dir.resolve("grid.csv"), FrameFixtures.csvGrid(side, frames));
        Show show = ShowLoader.parse(show("{\"type\": \"frames\", \"file\": \"grid.csv\", \"fps\": 6}", 50), dir, "t.json");
        Plan plan = plan(show);
        SceneSpan span = plan.scenes().get(0);
        double[] p = new double[3];
        for (int id = 0; id < side * side; id++) {
            double u = (id % side - (side - 1) / 2.0) * 3, w = (id / side - (side - 1) / 2.0) * 3;
            int drone = droneAt(plan, span.holdStart(), new double[] {u, 20, 60 + w});
            assertTrue(drone >= 0, "id " + id + " has a drone at the hold start");
            for (int f = 0; f < frames; f++) {
                double a = Math.toRadians(40.0 * FrameFixtures.turned(f, frames));
                double t = span.holdStart() + f / fps;
                plan.trajectories().get(drone).position(t, p, 0);
                double d = Math.sqrt(sq(p[0] - u * Math.cos(a)) + sq(p[1] - 20 - u * Math.sin(a)) + sq(p[2] - 60 - w));
                assertTrue(d <= FRAME_TOLERANCE, "id " + id + " frame " + f + ": " + d + " m off");
                int red = (int) Math.round(255.0 * (frames - 1 - f) / (frames - 1));
                int c = plan.lights().get(drone).colorAt(t + 1e-6);
                assertTrue(Math.abs((c >> 16) - red) <= COLOUR_TOLERANCE && Math.abs((c & 0xFF) - (255 - red))
                        <= COLOUR_TOLERANCE, "id " + id + " frame " + f + ": colour " + Integer.toHexString(c));
            }
        }
    }

    @Test
    void anAnimationLongerThanItsHoldIsRefusedAtLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("grid.csv"), FrameFixtures.csvGrid(4, 25));
        Show show = ShowLoader.parse(show("{\"type\": \"frames\", \"file\": \"grid.csv\", \"fps\": 2}", 50), dir,
                "t.json");
        InputException e = assertThrows(InputException.class, () -> ShowTargets.sampleAll(show));
        assertEquals("scenes[0].formation.file", e.path(), e.describe());
        assertTrue(e.getMessage().contains("the animation lasts 12 s, longer than its hold of 10 s"), e.getMessage());
    }

    @Test
    void aGltfMorphTargetFliesEachVertexThroughItsFrames(@TempDir Path dir) throws IOException {
        int side = 6;
        FrameFixtures.gltfMorphGrid(dir.resolve("wave.gltf"), side);
        Show show = ShowLoader.parse(show("{\"type\": \"frames\", \"file\": \"wave.gltf\"}", 50), dir, "t.json");
        Plan plan = plan(show);
        SceneSpan span = plan.scenes().get(0);
        double[] weights = {0, 0.5, 1, 0.5, 0};
        double[] p = new double[3];
        for (int i = 0; i < side * side; i++) {
            double[] g0 = FrameFixtures.morphVertex(side, i, 0);
            int drone = droneAt(plan, span.holdStart(), new double[] {g0[0], 20 - g0[2], 60 + g0[1]});
            assertTrue(drone >= 0, "vertex " + i + " has a drone at the hold start");
            for (int f = 0; f < weights.length; f++) {
                double[] g = FrameFixtures.morphVertex(side, i, weights[f]);
                plan.trajectories().get(drone).position(span.holdStart() + 2 * f, p, 0);
                double d = Math.sqrt(sq(p[0] - g[0]) + sq(p[1] - (20 - g[2])) + sq(p[2] - (60 + g[1])));
                assertTrue(d <= FRAME_TOLERANCE, "vertex " + i + " frame " + f + ": " + d + " m off");
            }
        }
    }

    @Test
    void aTruncatedGlbIsRefusedClearly(@TempDir Path dir) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put("glTF".getBytes()).putInt(2).putInt(4000).putInt(2000).putInt(0x4E4F534A);
        Files.write(dir.resolve("cut.glb"), b.array());
        InputException e = refused(dir, "cut.glb");
        assertTrue(e.getMessage().contains("cut.glb is truncated: it should hold 4000 bytes, it has 40"), e.getMessage());
    }

    @Test
    void aGltfWithoutAnimationIsRefusedClearly(@TempDir Path dir) throws IOException {
        FrameFixtures.gltfMorphGrid(dir.resolve("still.gltf"), 4);
        String json = Files.readString(dir.resolve("still.gltf"));
        Files.writeString(dir.resolve("still.gltf"), json.substring(0, json.indexOf(",\n \"animations\"")) + "}");
        InputException e = refused(dir, "still.gltf");
        assertTrue(e.getMessage().contains("still.gltf has no animation"), e.getMessage());
    }

    @Test
    void aGltfOfTenMillionVerticesIsRefusedInBoundedTimeAndMemory(@TempDir Path dir) throws IOException {
        // declares 10^7 vertices (120 MB) in a buffer that is not there: refused from the JSON alone
        Files.writeString(dir.resolve("huge.gltf"), """
                {"asset": {"version": "2.0"}, "nodes": [{"mesh": 0}],
                 "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
                 "buffers": [{"byteLength": 120000000, "uri": "huge.bin"}],
                 "bufferViews": [{"buffer": 0, "byteLength": 120000000}],
                 "accessors": [{"bufferView": 0, "componentType": 5126, "count": 10000000, "type": "VEC3"}],
                 "animations": []}""");
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refused(dir, "huge.gltf"));
        assertTrue(e.getMessage().contains("huge.gltf has 10000000 vertices, more than the 100000"), e.getMessage());
    }

    private static InputException refused(Path dir, String file) {
        Show show = ShowLoader.parse(show("{\"type\": \"frames\", \"file\": \"" + file + "\"}", 50), dir, "t.json");
        InputException e = assertThrows(InputException.class, () -> ShowTargets.sampleAll(show));
        assertEquals("scenes[0].formation.file", e.path(), e.describe());
        return e;
    }

    private static double sq(double v) {
        return v * v;
    }

}
