package dev.starling.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.formation.Targets;
import dev.starling.show.Limits;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import dev.starling.formation.ShowTargets;
import dev.starling.trajectory.Trajectory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Properties of the hello show's plan that hold by construction, checked independently of the planner's own figures. */
class ShowPlannerTest {
    /** Tolerance for positions, metres. */
    private static final double POS_EPS = 1e-6;
    /** Relative tolerance on limits (ms rounding only ever lowers rates). */
    private static final double LIMIT_EPS = 1e-9;

    private static Show show;
    private static List<Targets> targets;
    private static ShowPlanner.Assembled result;

    @BeforeAll
    static void planHello() {
        show = ShowLoader.load(Path.of("../shows/hello/show.json"));
        targets = ShowTargets.sampleAll(show);
        result = ShowPlanner.choreograph(show, targets, ShowPlanner.Progress.NONE).assemble();
    }

    @Test
    void everyDroneStartsAndEndsOnAPadOnTheGround() {
        Plan plan = result.plan();
        assertEquals(show.drones(), plan.droneCount());
        double[] px = new double[show.drones()], py = new double[show.drones()];
        ShowPlanner.pads(show.takeoff(), show.drones(), px, py);
        boolean[] padUsed = new boolean[show.drones()];
        double[] p = new double[3];
        for (int i = 0; i < plan.droneCount(); i++) {
            Trajectory tr = plan.trajectories().get(i);
            tr.position(tr.startTime(), p, 0);
            assertEquals(px[i], p[0], POS_EPS);
            assertEquals(py[i], p[1], POS_EPS);
            assertEquals(0, p[2], POS_EPS);
            tr.position(tr.endTime(), p, 0);
            assertEquals(0, p[2], POS_EPS, "drone " + i + " lands");
            int pad = padAt(px, py, p[0], p[1]);
            assertTrue(pad >= 0, "drone " + i + " lands on a pad");
            assertTrue(!padUsed[pad], "pad " + pad + " used twice");
            padUsed[pad] = true;
            assertEquals(plan.endTime(), tr.endTime(), 1e-9, "all drones share the timeline");
        }
    }

    @Test
    void formationsAreReachedAtEveryHold() {
        Plan plan = result.plan();
        double[] p = new double[3];
        for (int k = 0; k < show.scenes().size(); k++) {
            SceneSpan span = plan.scenes().get(k);
            Targets g = targets.get(k);
            boolean[] taken = new boolean[g.size()];
            for (int i = 0; i < plan.droneCount(); i++) {
                plan.trajectories().get(i).position((span.holdStart() + span.holdEnd()) / 2, p, 0);
                int j = nearest(g, p);
                assertTrue(dist(g, j, p) < POS_EPS, "drone " + i + " sits on a target in scene " + k);
                assertTrue(!taken[j], "target " + j + " of scene " + k + " taken twice");
                taken[j] = true;
                int expected = g.rgb()[j];
                assertEquals(expected, plan.lights().get(i).colorAt((span.holdStart() + span.holdEnd()) / 2),
                        "drone " + i + " shows its point's colour in scene " + k);
            }
            assertEquals(show.scenes().get(k).hold(), span.holdEnd() - span.holdStart(), 1e-6);
        }
    }

    @Test
    void speedsAndAccelerationStayWithinLimitsAtDenseSamples() {
        Limits lim = show.limits();
        Plan plan = result.plan();
        double[] v = new double[3], a = new double[3];
        for (Trajectory tr : plan.trajectories()) {
            for (int s = 0; s < tr.segmentCount(); s++) {
                for (int k = 0; k <= 16; k++) {
                    double u = k / 16.0;
                    tr.evalVelocity(s, u, v, 0);
                    tr.evalAcceleration(s, u, a, 0);
                    assertTrue(Math.hypot(v[0], v[1]) <= lim.maxSpeedXY() * (1 + LIMIT_EPS));
                    assertTrue(v[2] <= lim.maxSpeedUp() * (1 + LIMIT_EPS));
                    assertTrue(-v[2] <= lim.maxSpeedDown() * (1 + LIMIT_EPS));
                    assertTrue(Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2])
                            <= lim.maxAcceleration() * (1 + LIMIT_EPS));
                }
            }
        }
    }

    @Test
    void transitionsAreAsShortAsTheLimitsAllow() {
        for (TransitionStats ts : result.transitions()) {
            assertTrue(ts.duration() >= ts.lowerBound() - 1e-9, ts.name() + " beats its lower bound");
            // the shared profile is set by the tightest drone: within ms rounding plus the
            // difference between the tightest-speed and the longest-move drone
            assertTrue(ts.duration() <= ts.lowerBound() * 1.5 + 0.01, ts.name() + " far from its bound: "
                    + ts.duration() + " vs " + ts.lowerBound());
        }
    }

    @Test
    void lightsAreDarkOnTheGround() {
        Plan plan = result.plan();
        for (int i = 0; i < plan.droneCount(); i++) {
            assertEquals(0, plan.lights().get(i).colorAt(0));
            assertEquals(0, plan.lights().get(i).colorAt(plan.endTime()));
        }
    }

    @Test
    void identicalInputGivesIdenticalPlan() {
        ShowPlanner.Assembled again = ShowPlanner.choreograph(show, ShowTargets.sampleAll(show),
                ShowPlanner.Progress.NONE).assemble();
        assertEquals(result.plan(), again.plan());
    }

    private static int padAt(double[] px, double[] py, double x, double y) {
        for (int j = 0; j < px.length; j++) {
            if (Math.abs(px[j] - x) < POS_EPS && Math.abs(py[j] - y) < POS_EPS) {
                return j;
            }
        }
        return -1;
    }

    private static int nearest(Targets g, double[] p) {
        int best = -1;
        double bd = Double.POSITIVE_INFINITY;
        for (int j = 0; j < g.size(); j++) {
            double d = dist(g, j, p);
            if (d < bd) {
                bd = d;
                best = j;
            }
        }
        return best;
    }

    private static double dist(Targets g, int j, double[] p) {
        return Math.sqrt(Math.pow(g.x()[j] - p[0], 2) + Math.pow(g.y()[j] - p[1], 2) + Math.pow(g.z()[j] - p[2], 2));
    }
}
