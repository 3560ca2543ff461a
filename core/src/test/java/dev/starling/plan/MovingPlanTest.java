package dev.starling.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.formation.SceneMotion;
import dev.starling.formation.ShowTargets;
import dev.starling.formation.Targets;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import dev.starling.trajectory.Trajectory;
import dev.starling.verify.VerifyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Planning moving formations: hello's text drives across (eased), its ring turns at a constant
 * rate (so the transitions into and out of it launch onto and brake off the turning ring). The
 * plan verifies clean, every drone flies its place in the motion within 1 cm, its velocity is
 * continuous where the hold starts and ends, and the reported peaks are the limits' side of them.
 */
class MovingPlanTest {
    /** How far a drone may be from its place in the motion, metres. */
    private static final double FOLLOW_TOLERANCE = 0.01;
    /** Velocity change allowed across a joint, m/s. */
    private static final double JOINT_TOLERANCE = 1e-3;

    private static Show show;
    private static ShowPlanner.Choreography choreography;
    private static PlanRepair.Outcome outcome;

    @BeforeAll
    static void plan() throws Exception {
        String json = Files.readString(Path.of("../shows/hello/show.json"));
        json = json.replace("\"color\": \"#FFD27A\",\n      \"hold\": 6", "\"color\": \"#FFD27A\",\n      \"hold\": 10, "
                + "\"motion\": [{\"t\": 0, \"center\": [-15, 20, 50]}, {\"t\": 10, \"center\": [15, 20, 50], \"ease\": \"inOut\"}]");
        json = json.replace("\"color\": \"#33CCFF\",\n      \"hold\": 6", "\"color\": \"#33CCFF\",\n      \"hold\": 6, "
                + "\"motion\": [{\"t\": 0, \"rotation\": [0, 0, 0]}, {\"t\": 6, \"rotation\": [0, 0, 60]}]");
        assertTrue(json.contains("\"ease\": \"inOut\"") && json.contains("[0, 0, 60]"), json);
        show = ShowLoader.parse(json, Path.of("../shows/hello"), "hello-moving.json");
        List<Targets> targets = ShowTargets.sampleAll(show);
        choreography = ShowPlanner.choreograph(show, targets, ShowPlanner.Progress.NONE);
        outcome = PlanRepair.run(choreography, VerifyOptions.defaults().withThreads(1), line -> { });
    }

    @Test
    void movingScenesPlanCleanWithPeaksWithinTheLimits() {
        assertTrue(outcome.clean(), outcome.report().violations().toString());
        List<MotionStats> m = outcome.assembled().motions();
        assertEquals(List.of("Hi", "Ring"), m.stream().map(MotionStats::scene).toList());
        MotionStats hi = m.get(0);
        // 30 m with 3u² − 2u³ over 10 s: peak speed 1.5 · 30 / 10, peak acceleration 6 · 30 / 10²
        assertEquals(4.5, hi.peakSpeedXY(), 1e-3);
        assertEquals(1.8, hi.peakAcceleration(), 1e-2);
        for (MotionStats s : m) {
            assertTrue(s.peakSpeedXY() <= s.limitSpeedXY() && s.peakAcceleration() <= s.limitAcceleration(), s.toString());
        }
    }

    @Test
    void everyDroneFliesItsPlaceInTheMotionWithin1cm() {
        Plan plan = outcome.assembled().plan();
        int n = show.drones();
        double[] x = new double[n], y = new double[n], z = new double[n], p = new double[3];
        int checked = 0;
        for (ShowPlanner.Step st : choreography.steps()) {
            SceneMotion mo = st.motion();
            if (mo == null) {
                continue;
            }
            SceneSpan span = plan.scenes().get(st.sceneIndex());
            for (int q = 0; q <= 97; q++) {
                double tau = mo.end() * q / 97;
                mo.positions(tau, x, y, z);
                for (int i = 0; i < n; i++) {
                    plan.trajectories().get(i).position(span.holdStart() + tau, p, 0);
                    double d = Math.sqrt(sq(p[0] - x[i]) + sq(p[1] - y[i]) + sq(p[2] - z[i]));
                    assertTrue(d <= FOLLOW_TOLERANCE, st.name() + " drone " + i + " at τ = " + tau + ": " + d + " m off");
                }
            }
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    void velocityIsContinuousWhereMovingHoldsStartAndEnd() {
        Plan plan = outcome.assembled().plan();
        double[] a = new double[3], b = new double[3];
        SceneSpan ring = plan.scenes().get(2);
        assertNotNull(ring);
        double moving = 0;
        for (double t : new double[] {ring.holdStart(), ring.holdEnd()}) {
            for (Trajectory tr : plan.trajectories()) {
                tr.velocity(t - 1e-7, a, 0);
                tr.velocity(t + 1e-7, b, 0);
                double jump = Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2]));
                assertTrue(jump <= JOINT_TOLERANCE, "velocity jumps by " + jump + " m/s at " + t);
                moving = Math.max(moving, Math.hypot(b[0], b[1]));
            }
        }
        // the ring turns 10°/s at up to 30 m from its centre: the drones join and leave it at ~5 m/s
        assertTrue(moving > 4, "the ring is joined and left moving: " + moving);
    }

    private static double sq(double v) {
        return v * v;
    }
}
