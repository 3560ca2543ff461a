package dev.starling.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.formation.Targets;
import dev.starling.show.FormationSpec;
import dev.starling.show.Landing;
import dev.starling.show.Limits;
import dev.starling.show.Pin;
import dev.starling.show.Placement;
import dev.starling.show.Scene;
import dev.starling.show.Show;
import dev.starling.show.Takeoff;
import dev.starling.show.Timeline;
import dev.starling.verify.VerifyOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Scenes pinned to cues: a pinned transition arrives exactly on its cue (the 1 ms grid), flown
 * at a gentler profile than the fastest, and the plan stays clean and within every limit; a cue
 * that leaves less time than the limits need is refused with the window, the need and the limit.
 */
class PinnedTransitionPropertiesTest {
    private static final double D_MIN = 1.5;
    private static final Limits LIMITS = new Limits(D_MIN, 8, 4, 3, 4, 10, 150, null);
    private static final double SPACING = Math.sqrt(2) * D_MIN * 1.001;

    @Property(tries = 15)
    void pinnedScenesArriveOnTheirCueWithinTheLimits(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                     @ForAll @IntRange(min = 2, max = 30) int n,
                                                     @ForAll @IntRange(min = 1, max = 3) int scenes) {
        List<Targets> targets = PlannerPropertiesTest.randomTargets(seed, n, scenes, SPACING);
        Show free = show(n, scenes, null);
        ShowPlanner.Assembled fastest = ShowPlanner.choreograph(free, targets, ShowPlanner.Progress.NONE).assemble();
        // pin every scene some seconds after the fastest flight could reach it (0 s slack included)
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] at = new double[scenes];
        double t = fastest.transitions().get(0).duration(); // takeoff
        for (int k = 0; k < scenes; k++) {
            double need = fastest.transitions().get(k + 1).duration();
            double slack = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble(0, 25);
            at[k] = Math.round((t + need + slack) * 1000) / 1000.0;
            t = at[k] + HOLD;
        }
        Show pinned = show(n, scenes, at);
        PlanRepair.Outcome o = PlanRepair.run(ShowPlanner.choreograph(pinned, targets, ShowPlanner.Progress.NONE),
                VerifyOptions.defaults().withThreads(1), line -> { });
        assertTrue(o.clean(), "a pinned CAPT transition keeps the separation: " + o.report().violations());
        List<SceneSpan> spans = o.assembled().plan().scenes();
        for (int k = 0; k < scenes; k++) {
            assertEquals(at[k], spans.get(k).holdStart(), 1e-9, "scene " + k + " completes on its cue");
            assertEquals(at[k] + HOLD, spans.get(k).holdEnd(), 1e-9, "and holds for its hold");
            TransitionStats tr = o.assembled().transitions().get(k + 1);
            assertTrue(tr.peakSpeedXY() <= fastest.transitions().get(k + 1).peakSpeedXY() + 1e-9,
                    "never faster than the fastest flight");
        }
        PlannerPropertiesTest.assertSafeByBruteForce(o.assembled().plan());
    }

    @Test
    void aCueEarlierThanTheLimitsAllowIsRefusedWithTheWindowTheNeedAndTheLimit() {
        List<Targets> targets = PlannerPropertiesTest.randomTargets(7, 12, 1, SPACING);
        Show free = show(12, 1, null);
        ShowPlanner.Assembled fastest = ShowPlanner.choreograph(free, targets, ShowPlanner.Progress.NONE).assemble();
        double takeoff = fastest.transitions().get(0).duration();
        double need = fastest.transitions().get(1).duration();
        double cue = Math.round((takeoff + need - 1.0) * 1000) / 1000.0;
        Show pinned = show(12, 1, new double[] {cue});
        TimelineException e = assertThrows(TimelineException.class,
                () -> ShowPlanner.choreograph(pinned, targets, ShowPlanner.Progress.NONE).assemble());
        assertEquals(0, e.sceneIndex());
        String m = e.getMessage();
        assertTrue(m.contains(String.format(java.util.Locale.ROOT, "needs %.3f s", need)), m);
        assertTrue(m.contains("leaves 1.000 s".replace("1.000", String.format(java.util.Locale.ROOT, "%.3f", need - 1.0))), m);
        assertTrue(m.matches(".*\\((horizontal speed|climb speed|descent speed|acceleration) [0-9.]+ m/s.*\\).*"), m);
        assertTrue(m.contains("1.000 s earlier"), m);
    }

    private static final double HOLD = 2;

    private static Show show(int n, int scenes, double[] at) {
        List<Scene> list = new ArrayList<>();
        for (int k = 0; k < scenes; k++) {
            Pin pin = at == null ? null : new Pin(Double.toString(at[k]), at[k]);
            list.add(new Scene("s" + k, FormationSpec.shape("sphere", 10.0), Placement.DEFAULT, 0xFFFFFF, HOLD, null,
                    null, pin, null));
        }
        int cols = (int) Math.ceil(Math.sqrt(n));
        return new Show(Show.FORMAT, "pinned", n, LIMITS, new Takeoff(SPACING * 1.2, cols, 12), list,
                new Landing(false), Path.of("."), null, Timeline.NONE);
    }
}
