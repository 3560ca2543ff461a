package dev.starling.io.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanJsonTest {
    static Plan samplePlan() {
        Trajectory a = Trajectory.startingAt(0, 1.5, -2.25, 0)
                .lineTo(2.001, 1.5, -2.25, 10)
                .quadTo(4.5, 3, 0.1, 10, 5, 1.0 / 3, 12)
                .cubicTo(7.25, 6, 1, 12, 7, -0.0, 11, 8, 2, 10)
                .holdUntil(9)
                .build();
        Trajectory b = Trajectory.stationary(0.5, 9, -1e-9, 123456.789, 3);
        LightProgram la = LightProgram.builder().set(0, 0xFF0000).set(2, 0xFF0000).fadeTo(5, 0x0000FF).build();
        LightProgram lb = LightProgram.dark();
        Limits limits = new Limits(1.5, 8, 3, 2.5, Double.NaN, 3, 120, new double[][] {{-50, -10}, {50, -10}, {0, 80}});
        return new Plan("Chongqing \u591c", limits, List.of(a, b), List.of(la, lb),
                List.of(new SceneSpan("takeoff", 0, 0, 2.001), new SceneSpan("\u4e91", 2.001, 7.25, 9)));
    }

    static byte[] bytes(Plan p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanJson.write(p, out);
        return out.toByteArray();
    }

    static Plan parse(String json) {
        return PlanJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "plan.json");
    }

    @Test
    void roundTripIsLossless() throws IOException {
        Plan p = samplePlan();
        Plan q = PlanJson.read(new ByteArrayInputStream(bytes(p)), "mem");
        assertEquals(p.name(), q.name());
        assertEquals(p.limits(), q.limits());
        assertEquals(p.scenes(), q.scenes());
        assertEquals(p.trajectories(), q.trajectories(), "every double must come back bit-identical");
        assertEquals(p.lights(), q.lights());
        // -0.0 survives (Trajectory.equals compares with Double.compare)
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(q.trajectories().get(0).control(2, 2, 1)));
    }

    /**
     * Many drones (formatted in parallel, written in order) with awkward doubles: every value
     * comes back bit-identical, in its drone's place, and two writes give the same bytes.
     */
    @Test
    void manyDronesWithAwkwardDoublesRoundTripInOrder() throws IOException {
        java.util.Random rnd = new java.util.Random(17);
        double[] awkward = {9.999999999999999E8, 2e-3, 5e-324, Double.MIN_NORMAL, 1.0E7, 9999999.999999998, 0.1 + 0.2,
            -0.0, 4.35e-5, 123456789.01234567, Math.PI, 1 / 3.0};
        int n = 400;
        java.util.List<Trajectory> trs = new java.util.ArrayList<>();
        java.util.List<LightProgram> lights = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = awkward[i % awkward.length] * (i % 2 == 0 ? 1 : -1);
            double y = rnd.nextDouble() * 1e3 - 500;
            double z = Double.longBitsToDouble(rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) % 1e6;
            trs.add(Trajectory.startingAt(0, x, y, z).lineTo(1 + rnd.nextDouble(), y, x, z + 1).holdUntil(3).build());
            lights.add(LightProgram.builder().set(0, i * 997).fadeTo(2.5, 0x00FF00 + i).build());
        }
        Plan p = new Plan("many", samplePlan().limits(), trs, lights, List.of(new SceneSpan("s", 0, 1, 3)));
        byte[] b = bytes(p);
        Plan q = PlanJson.read(new ByteArrayInputStream(b), "mem");
        assertEquals(p.trajectories(), q.trajectories(), "every double bit-identical, every drone in its place");
        assertEquals(p.lights(), q.lights());
        assertArrayEquals(b, bytes(p));
        String text = new String(b, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"drones\":[\n{\"name\":\"drone-00001\""), "first drone follows the bracket");
        assertTrue(text.contains("}\n,{\"name\":\"drone-00400\""), "drones separated by a newline and a comma");
        assertTrue(text.endsWith("}]}\n"));
    }

    @Test
    void samePlanGivesSameBytes() throws IOException {
        assertArrayEquals(bytes(samplePlan()), bytes(samplePlan()));
    }

    @Test
    void limitsNotGivenStayNotGiven() throws IOException {
        Plan q = PlanJson.read(new ByteArrayInputStream(bytes(samplePlan())), "mem");
        assertTrue(Double.isNaN(q.limits().maxAcceleration()));
        String json = new String(bytes(samplePlan()), StandardCharsets.UTF_8);
        assertTrue(!json.contains("maxAcceleration"), "absent bounds are omitted, not written as null or NaN");
    }

    @Test
    void wrongFormatNamesTheField() {
        InputException e = assertThrows(InputException.class,
                () -> parse("{\"format\":\"starling-plan/2\",\"drones\":[]}"));
        assertEquals("format", e.path());
        assertEquals("plan.json", e.file());
    }

    @Test
    void malformedStructuresAreInputErrorsNotCrashes() {
        String drone = "{\"start\":[0,0,0,0],\"segments\":[[1,0,0,1]]}";
        String[][] cases = {
            {"{\"format\":\"starling-plan/1\",\"scenes\":{},\"drones\":[" + drone + "]}", "scenes"},
            {"{\"format\":\"starling-plan/1\",\"scenes\":[3],\"drones\":[" + drone + "]}", "scenes[0]"},
            {"{\"format\":\"starling-plan/1\",\"limits\":{\"geofence\":{}},\"drones\":[" + drone + "]}", "limits.geofence"},
            {"{\"format\":\"starling-plan/1\",\"limits\":[],\"drones\":[" + drone + "]}", "limits"},
            {"{\"format\":\"starling-plan/1\",\"drones\":[7]}", "drones[0]"},
            {"{\"format\":\"starling-plan/1\",\"drones\":[{\"start\":[0,0,0,0],\"segments\":[[1,0,0,1]],\"lights\":{}}]}",
                "drones[0].lights"},
            {"{\"format\":\"starling-plan/1\",\"drones\":[{\"start\":[0,0,0,0],\"segments\":[[1,0,0,1]],"
                + "\"lights\":[[0,255,0,0,2]]}]}", "drones[0].lights[0][4]"},
            {"{\"format\":\"starling-plan/1\",\"drones\":[{\"start\":[0,0,0,0],\"segments\":[[1,0,0,1]],"
                + "\"lights\":[[0,256,0,0,0]]}]}", "drones[0].lights[0][1]"},
            {"{\"format\":\"starling-plan/1\",\"drones\":[{\"start\":[0,0,0,0],\"segments\":[[1,0,0]]}]}",
                "drones[0].segments[0]"},
            {"{\"format\":\"starling-plan/1\",\"drones\":[{\"start\":[0,0,0,0],\"segments\":[[0,0,0,1]]}]}",
                "drones[0].segments[0]"},
        };
        for (String[] c : cases) {
            InputException e = assertThrows(InputException.class, () -> parse(c[0]), c[0]);
            assertEquals(c[1], e.path(), c[0]);
            assertEquals("plan.json", e.file());
        }
    }

    @Test
    void malformedJsonReportsLine() {
        InputException e = assertThrows(InputException.class, () -> parse("{\n\"format\": \"starling-plan/1\",\n\"drones\": [,]}"));
        assertEquals(3, e.line());
    }

    /**
     * droneJson builds each drone's bytes itself; they must be exactly what a Jackson generator
     * of the same factory settings writes, for every degree, holds, awkward doubles and fades.
     */
    @Test
    void droneBytesAreTheGeneratorsBytes() throws IOException {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(23);
        double[] awkward = {9.999999999999999E8, 2e-3, 5e-324, Double.MIN_NORMAL, 1.0E7, 9999999.999999998, 0.1 + 0.2,
            -0.0, 0.0, 4.35e-5, 123456789.01234567, Math.PI, 1 / 3.0, 1e-7, 100, -1e9};
        java.util.List<Trajectory> trs = new java.util.ArrayList<>();
        java.util.List<LightProgram> lights = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double t = rnd.nextDouble(-5, 5);
            Trajectory.Builder b = Trajectory.startingAt(t, awkward[i % awkward.length], rnd.nextDouble(-1e3, 1e3), -0.0);
            LightProgram.Builder l = LightProgram.builder();
            double[] p = new double[9];
            for (int sg = 0; sg < 1 + i % 7; sg++) {
                t += awkward[(i + sg) % awkward.length] > 0 ? 0.001 + rnd.nextDouble(30) : 2.5;
                for (int k = 0; k < 9; k++) {
                    p[k] = rnd.nextInt(3) == 0 ? awkward[rnd.nextInt(awkward.length)] : rnd.nextDouble(-500, 500);
                }
                if (rnd.nextInt(3) == 0) {
                    b.holdUntil(t); // repeats its point: written from the previous coordinates' text
                } else {
                    b.segment(t, 1 + rnd.nextInt(3), p);
                }
                if (rnd.nextBoolean() || l.size() == 0) {
                    l.set(t, rnd.nextInt(1 << 24));
                } else {
                    l.fadeTo(t, rnd.nextInt(1 << 24));
                }
            }
            trs.add(b.build());
            lights.add(i % 5 == 4 ? LightProgram.dark() : l.build());
        }
        Plan plan = new Plan("generator", samplePlan().limits(), trs, lights, List.of(new SceneSpan("s", 0, 1, 3)));
        com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
        for (int i = 0; i < plan.droneCount(); i++) {
            Trajectory tr = plan.trajectories().get(i);
            LightProgram lp = plan.lights().get(i);
            ByteArrayOutputStream want = new ByteArrayOutputStream();
            try (com.fasterxml.jackson.core.JsonGenerator g = factory.createGenerator(want)) {
                g.writeStartObject();
                g.writeStringField("name", Plan.droneName(i));
                g.writeArrayFieldStart("start");
                g.writeNumber(tr.startTime());
                for (int a = 0; a < 3; a++) {
                    g.writeNumber(tr.control(0, 0, a));
                }
                g.writeEndArray();
                g.writeArrayFieldStart("segments");
                for (int sg = 0; sg < tr.segmentCount(); sg++) {
                    g.writeStartArray();
                    g.writeNumber(tr.knot(sg + 1));
                    for (int k = 1; k <= tr.degree(sg); k++) {
                        for (int a = 0; a < 3; a++) {
                            g.writeNumber(tr.control(sg, k, a));
                        }
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("lights");
                for (int k = 0; k < lp.size(); k++) {
                    int c = lp.rgb(k);
                    g.writeStartArray();
                    g.writeNumber(lp.time(k));
                    g.writeNumber((c >> 16) & 255);
                    g.writeNumber((c >> 8) & 255);
                    g.writeNumber(c & 255);
                    g.writeNumber(lp.fade(k) ? 1 : 0);
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            assertEquals(want.toString(StandardCharsets.UTF_8),
                    new String(PlanJson.droneJson(plan, i), StandardCharsets.UTF_8), "drone " + i);
        }
    }

    @Test
    void aPlanWrittenWithTheMemoOfAnEarlierVersionHasTheBytesOfAFreshWrite(@org.junit.jupiter.api.io.TempDir
                                                                           java.nio.file.Path dir) throws IOException {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(8);
        PlanJson.Memo memo = new PlanJson.Memo();
        Plan plan = randomPlan(rnd, 30);
        for (int round = 0; round < 4; round++) {
            java.nio.file.Path withMemo = dir.resolve("memo-" + round + ".json");
            java.nio.file.Path fresh = dir.resolve("fresh-" + round + ".json");
            try (dev.starling.base.AtomicFiles.Staged st = PlanJson.stage(plan, withMemo, memo)) {
                st.commit();
            }
            PlanJson.write(plan, fresh);
            assertArrayEquals(java.nio.file.Files.readAllBytes(fresh), java.nio.file.Files.readAllBytes(withMemo),
                    "round " + round);
            if (round > 0) {
                // most segments came from the last plan's text, some were formatted afresh
                int segments = plan.trajectories().stream().mapToInt(Trajectory::segmentCount).sum();
                assertTrue(memo.copiedSegments() > segments / 2, memo.copiedSegments() + " of " + segments);
                assertTrue(memo.copiedSegments() < segments, memo.copiedSegments() + " of " + segments);
            }
            plan = edited(rnd, plan);
        }
    }

    /** Drones flying lines, curves and holds (coordinates with long decimals, some −0.0). */
    private static Plan randomPlan(java.util.SplittableRandom rnd, int n) {
        java.util.List<Trajectory> trs = new java.util.ArrayList<>();
        java.util.List<LightProgram> lights = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double t = rnd.nextDouble(0, 3);
            Trajectory.Builder b = Trajectory.startingAt(t, rnd.nextDouble(-50, 50), -0.0, 0);
            for (int s = 0; s < 12; s++) {
                t += rnd.nextDouble(0.1, 5);
                double x = rnd.nextDouble(-50, 50), y = s % 5 == 0 ? -0.0 : rnd.nextDouble(-50, 50);
                double z = rnd.nextDouble(0, 120);
                switch (rnd.nextInt(4)) {
                    case 0 -> b.holdUntil(t);
                    case 1 -> b.lineTo(t, x, y, z);
                    case 2 -> b.quadTo(t, x / 3, y, z / 7, x, y, z);
                    default -> b.cubicTo(t, x, y / 3, z, y, x, z / 3, x, y, z);
                }
            }
            trs.add(b.build());
            lights.add(LightProgram.builder().set(0, rnd.nextInt(0x1000000)).fadeTo(t, rnd.nextInt(0x1000000)).build());
        }
        return new Plan("memo", Limits.NONE, trs, lights, List.of());
    }

    /** {@code p} with its drones renumbered and one segment of about every third drone flown another way. */
    private static Plan edited(java.util.SplittableRandom rnd, Plan p) {
        java.util.List<Trajectory> trs = new java.util.ArrayList<>(p.trajectories());
        java.util.List<LightProgram> lights = new java.util.ArrayList<>(p.lights());
        for (int i = trs.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            java.util.Collections.swap(trs, i, j);
            java.util.Collections.swap(lights, i, j);
        }
        for (int i = 0; i < trs.size(); i += 3) {
            Trajectory tr = trs.get(i);
            int m = rnd.nextInt(tr.segmentCount());
            Trajectory.Builder b = Trajectory.startingAt(tr.startTime(), tr.control(0, 0, 0), tr.control(0, 0, 1),
                    tr.control(0, 0, 2));
            for (int s = 0; s < tr.segmentCount(); s++) {
                int deg = tr.degree(s);
                double[] pts = new double[3 * deg];
                for (int k = 1; k <= deg; k++) {
                    for (int a = 0; a < 3; a++) {
                        pts[3 * (k - 1) + a] = tr.control(s, k, a);
                    }
                }
                if (s == m) {
                    b.quadTo(tr.knot(s + 1), rnd.nextDouble(-50, 50), rnd.nextDouble(-50, 50), 60,
                            pts[3 * deg - 3], pts[3 * deg - 2], pts[3 * deg - 1]);
                } else {
                    b.segment(tr.knot(s + 1), deg, pts);
                }
            }
            trs.set(i, b.build());
        }
        return new Plan(p.name(), p.limits(), trs, lights, p.scenes());
    }
}
