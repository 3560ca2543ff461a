package dev.starling.io.skyc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.starling.InputException;
import dev.starling.io.ExportOptions;
import dev.starling.io.SkybrushFrame;
import dev.starling.io.SyntheticPlans;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The {@code .skyc} layout, checked against Skybrush's own rules with an independent player
 * written here from Skybrush's semantics (points shifted by takeoffTime, each segment the Bézier
 * curve through the previous point, its control points and its end point).
 */
class SkycWriterTest {
    /** Tolerance required by the brief for positions read back from a .skyc, metres. */
    static final double ONE_MM = 1e-3;
    static final ObjectMapper JSON = new ObjectMapper();

    static byte[] write(Plan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SkycWriter.write(plan, 0, plan.droneCount(), plan.name(), out, Path.of("mem.skyc"), ExportOptions.Progress.NONE);
        return out.toByteArray();
    }

    static JsonNode showJson(byte[] skyc) throws IOException {
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(skyc))) {
            ZipEntry e = zin.getNextEntry();
            assertEquals("show.json", e.getName());
            JsonNode root = JSON.readTree(zin.readAllBytes());
            assertEquals(null, zin.getNextEntry(), "show.json is the only entry");
            return root;
        }
    }

    /** Position of a Skybrush trajectory at show time t, in the show frame; Skybrush's semantics. */
    static void play(JsonNode traj, double t, double[] out) {
        double t0 = traj.path("takeoffTime").asDouble(0);
        JsonNode pts = traj.get("points");
        double[] sb = new double[3];
        if (t <= t0 + pts.get(0).get(0).asDouble()) {
            point(pts.get(0).get(1), sb);
        } else if (t >= t0 + pts.get(pts.size() - 1).get(0).asDouble()) {
            point(pts.get(pts.size() - 1).get(1), sb);
        } else {
            int j = 1;
            while (t0 + pts.get(j).get(0).asDouble() < t) {
                j++;
            }
            double ta = t0 + pts.get(j - 1).get(0).asDouble(), tb = t0 + pts.get(j).get(0).asDouble();
            double u = (t - ta) / (tb - ta);
            JsonNode ctrl = pts.get(j).get(2);
            double[][] p = new double[ctrl.size() + 2][3];
            point(pts.get(j - 1).get(1), p[0]);
            for (int k = 0; k < ctrl.size(); k++) {
                point(ctrl.get(k), p[k + 1]);
            }
            point(pts.get(j).get(1), p[p.length - 1]);
            for (int level = p.length - 1; level > 0; level--) {
                for (int k = 0; k < level; k++) {
                    for (int a = 0; a < 3; a++) {
                        p[k][a] = (1 - u) * p[k][a] + u * p[k + 1][a];
                    }
                }
            }
            sb = p[0];
        }
        SkybrushFrame.toShow(sb, 0, out, 0);
    }

    static void point(JsonNode n, double[] out) {
        for (int a = 0; a < 3; a++) {
            out[a] = n.get(a).asDouble();
        }
    }

    static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    @Test
    void layoutFollowsSkybrushRules() throws IOException {
        Plan plan = SyntheticPlans.plan(1, 6, 12, true);
        JsonNode root = showJson(write(plan));
        assertEquals(1, root.get("version").asInt());
        assertEquals("outdoor", root.at("/environment/type").asText());
        assertEquals(plan.name(), root.at("/meta/title").asText());
        JsonNode drones = root.at("/swarm/drones");
        assertEquals(6, drones.size());
        for (int i = 0; i < drones.size(); i++) {
            JsonNode d = drones.get(i);
            assertEquals("generic", d.get("type").asText());
            JsonNode s = d.get("settings");
            assertEquals(Plan.droneName(i), s.get("name").asText());
            assertEquals(1, s.at("/trajectory/version").asInt());
            assertEquals(1, s.at("/lights/version").asInt());
            JsonNode pts = s.at("/trajectory/points");
            assertEquals(s.get("home"), pts.get(0).get(1), "home is the first point");
            assertEquals(0, pts.get(0).get(0).asDouble());
            assertEquals(0, pts.get(0).get(2).size(), "the first point has no control points");
            Trajectory tr = plan.trajectories().get(i);
            assertEquals(tr.segmentCount() + 1, pts.size(), "knots on the ms grid map one to one");
            long prev = -1;
            for (int j = 0; j < pts.size(); j++) {
                JsonNode p = pts.get(j);
                double t = p.get(0).asDouble();
                long ms = Math.round(t * 1000);
                assertEquals(ms / 1000.0, t, 0, "times have millisecond resolution");
                assertTrue(ms > prev, "times strictly increase");
                prev = ms;
                assertEquals(3, p.get(1).size());
                if (j > 0) {
                    assertEquals(tr.degree(j - 1) - 1, p.get(2).size(), "degree d stores d-1 control points");
                }
                for (JsonNode c : p.get(1)) {
                    assertEquals(Math.round(c.asDouble() * 1000) / 1000.0, c.asDouble(), 0, "millimetre positions");
                }
            }
        }
    }

    @Test
    void validationLimitsMapToSkybrushNames() throws IOException {
        JsonNode v = showJson(write(SyntheticPlans.plan(2, 1, 3, true))).at("/settings/validation");
        Limits l = SyntheticPlans.LIMITS;
        assertEquals(l.maxAltitude(), v.get("maxAltitude").asDouble());
        assertEquals(l.maxSpeedXY(), v.get("maxVelocityXY").asDouble());
        assertEquals(l.maxSpeedDown(), v.get("maxVelocityZ").asDouble(), "Skybrush's maxVelocityZ is the descent bound");
        assertEquals(l.maxSpeedUp(), v.get("maxVelocityZUp").asDouble());
        assertEquals(l.maxAcceleration(), v.get("maxAccelerationXY").asDouble());
        assertEquals(l.maxAcceleration(), v.get("maxAccelerationZ").asDouble());
        assertEquals(l.minSeparation(), v.get("minDistance").asDouble());

        Plan none = new Plan("x", Limits.NONE, List.of(Trajectory.stationary(0, 1, 0, 0, 0)),
                List.of(LightProgram.dark()), List.of());
        assertTrue(showJson(write(none)).path("settings").isMissingNode(), "bounds not given are left out");
    }

    @Test
    void playerMatchesPlanWithinOneMillimetre() throws IOException {
        Plan plan = SyntheticPlans.plan(3, 20, 25, true);
        JsonNode drones = showJson(write(plan)).at("/swarm/drones");
        SplittableRandom rnd = new SplittableRandom(33);
        double[] a = new double[3], b = new double[3];
        double worst = 0;
        for (int k = 0; k < 1000; k++) {
            int i = rnd.nextInt(plan.droneCount());
            Trajectory tr = plan.trajectories().get(i);
            double t = rnd.nextDouble(tr.startTime() - 1, tr.endTime() + 1);
            tr.position(t, a, 0);
            play(drones.get(i).at("/settings/trajectory"), t, b);
            worst = Math.max(worst, dist(a, b));
        }
        assertTrue(worst <= SkycWriter.ROUNDING_ERROR + 1e-9, "worst " + worst);
        assertTrue(worst <= ONE_MM);
    }

    @Test
    void offGridKnotsStayWithinTheProvenBound() throws IOException {
        SplittableRandom rnd = new SplittableRandom(4);
        for (boolean smooth : new boolean[] {true, false}) {
            for (int rep = 0; rep < 6; rep++) {
                double t0 = rnd.nextDouble(0, 3);
                Trajectory tr = smooth ? SyntheticPlans.c1(rnd, t0, 15, false) : SyntheticPlans.kinked(rnd, t0, 15, false);
                MillisecondGrid.Snapped s = MillisecondGrid.snap(tr);
                Plan plan = new Plan("p", Limits.NONE, List.of(tr), List.of(LightProgram.dark()), List.of());
                JsonNode traj = showJson(write(plan)).at("/swarm/drones/0/settings/trajectory");
                double bound = s.maxError() + SkycWriter.ROUNDING_ERROR;
                assertEquals(bound, SkycWriter.positionErrorBound(tr), 1e-15);
                double[] a = new double[3], b = new double[3];
                for (int k = 0; k < 2000; k++) {
                    double t = rnd.nextDouble(tr.startTime() - 0.01, tr.endTime() + 0.01);
                    tr.position(t, a, 0);
                    play(traj, t, b);
                    assertTrue(dist(a, b) <= bound + 1e-9, "at t=" + t + ": " + dist(a, b) + " > " + bound);
                }
                if (smooth) {
                    // C1: only the acceleration jumps (here by up to ~300 m/s²), so half a
                    // millisecond costs at most |Δa|·(0.5 ms)²/2 per side: tens of micrometres
                    assertTrue(s.maxError() < 1e-4, "C1 grid error " + s.maxError());
                    assertTrue(bound <= ONE_MM);
                }
            }
        }
    }

    @Test
    void gridKnotsAreKeptExactly() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int rep = 0; rep < 20; rep++) {
            Trajectory tr = SyntheticPlans.kinked(rnd, Math.round(rnd.nextDouble(0, 100) * 1000) / 1000.0, 10, true);
            MillisecondGrid.Snapped s = MillisecondGrid.snap(tr);
            assertEquals(tr.segmentCount(), s.segments());
            assertTrue(s.maxError() < 1e-9, "on-grid error " + s.maxError());
            for (int j = 0; j < s.segments(); j++) {
                assertEquals(tr.degree(j), s.degree()[j]);
                for (int k = 0; k <= tr.degree(j); k++) {
                    for (int a = 0; a < 3; a++) {
                        assertEquals(tr.control(j, k, a), s.ctrl()[j * MillisecondGrid.STRIDE + 3 * k + a], 1e-9);
                    }
                }
            }
        }
    }

    @Test
    void segmentsShorterThanAMillisecondMerge() throws IOException {
        Trajectory tr = Trajectory.startingAt(1, 0, 0, 0).lineTo(1.0002, 0.001, 0, 0).lineTo(3, 4, 0, 0).build();
        MillisecondGrid.Snapped s = MillisecondGrid.snap(tr);
        assertEquals(1, s.segments());
        Plan plan = new Plan("p", Limits.NONE, List.of(tr), List.of(LightProgram.dark()), List.of());
        JsonNode traj = showJson(write(plan)).at("/swarm/drones/0/settings/trajectory");
        double[] a = new double[3], b = new double[3];
        for (double t = 0.9; t < 3.1; t += 1e-4) {
            tr.position(t, a, 0);
            play(traj, t, b);
            assertTrue(dist(a, b) <= s.maxError() + SkycWriter.ROUNDING_ERROR + 1e-12);
        }
        Trajectory blip = Trajectory.startingAt(2, 0, 0, 5).lineTo(2.0004, 0.002, 0, 5).build();
        MillisecondGrid.Snapped one = MillisecondGrid.snap(blip);
        assertEquals(0, one.segments(), "a flight under 1 ms is a single point");
        assertEquals(0.002, one.maxError(), 1e-12);
    }

    @Test
    void lightTestVectorsAreWrittenByteForByte() throws IOException {
        LightProgram redThenBlue = LightProgram.builder().set(0, 0xFF0000).set(2, 0xFF0000).fadeTo(5, 0x0000FF).build();
        LightProgram greenToWhite = LightProgram.builder().set(1, 0x00FF00).fadeTo(3, 0xFFFFFF).build();
        Plan plan = new Plan("lights", Limits.NONE,
                List.of(Trajectory.stationary(0, 6, 0, 0, 0), Trajectory.stationary(0, 6, 2, 0, 0)),
                List.of(redThenBlue, greenToWhite), List.of());
        JsonNode drones = showJson(write(plan)).at("/swarm/drones");
        assertEquals("BP8AAGQIAAD/lgEEAAD/AQA=", drones.get(0).at("/settings/lights/data").asText());
        assertEquals("AzIEAP8AAAj///9kBP///wEA", drones.get(1).at("/settings/lights/data").asText());
    }

    @Test
    void framesConvertToSkybrushAxes() throws IOException {
        // a drone at show (x right 1, y away 2, z up 3) is at Skybrush (X front 2, Y left -1, Z 3)
        Plan plan = new Plan("frame", Limits.NONE, List.of(Trajectory.stationary(0, 1, 1, 2, 3)),
                List.of(LightProgram.dark()), List.of());
        JsonNode home = showJson(write(plan)).at("/swarm/drones/0/settings/home");
        assertArrayEquals(new double[] {2, -1, 3},
                new double[] {home.get(0).asDouble(), home.get(1).asDouble(), home.get(2).asDouble()});
    }

    @Test
    void samePlanGivesSameBytes() throws IOException {
        Plan plan = SyntheticPlans.plan(6, 300, 8, true);
        assertArrayEquals(write(plan), write(plan));
    }

    @Test
    void takeoffTimeIsTheFirstKnot() throws IOException {
        Trajectory tr = Trajectory.startingAt(12.5, 0, 0, 0).lineTo(14.25, 0, 0, 10).build();
        Plan plan = new Plan("late", Limits.NONE, List.of(tr), List.of(LightProgram.dark()), List.of());
        JsonNode traj = showJson(write(plan)).at("/swarm/drones/0/settings/trajectory");
        assertEquals(12.5, traj.get("takeoffTime").asDouble());
        assertEquals(1.75, traj.at("/points/1/0").asDouble(), "point times count from takeoffTime");
    }

    @Test
    void refusesLightsBeforeShowStartAndOversizedFleets() {
        Plan early = new Plan("early", Limits.NONE, List.of(Trajectory.stationary(0, 1, 0, 0, 0)),
                List.of(LightProgram.builder().set(-1, 0xFFFFFF).build()), List.of());
        InputException e = assertThrows(InputException.class, () -> write(early));
        assertEquals("drones[0].lights", e.path());
        Plan big = SyntheticPlans.stationary(5001, 2);
        assertThrows(IllegalArgumentException.class, () -> SkycWriter.write(big, 0, 5001, "x",
                new ByteArrayOutputStream(), Path.of("x.skyc"), ExportOptions.Progress.NONE));
        assertFalse(big.droneCount() <= ExportOptions.SKYBRUSH_MAX_DRONES);
    }
}
