package dev.starling.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.light.LightProgram;
import dev.starling.light.effect.Blend;
import dev.starling.light.effect.Effect;
import dev.starling.light.effect.LightDesign;
import dev.starling.light.effect.Tempo;
import dev.starling.light.effect.Timing;
import dev.starling.light.effect.TransitionLights;
import dev.starling.plan.Plan;
import dev.starling.show.LightLimits;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import dev.starling.verify.VerificationReport.Check;
import dev.starling.verify.VerificationReport.CheckResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LightChecksTest {
    static final int N = 200;
    /** Flash rates are counted per one-second window: a square wave of f Hz shows f or f + 0.5. */
    static final double RATE_RESOLUTION = 0.5;

    /**
     * A hovering fleet whose light programs come from a white scene with a hidden square strobe
     * of {@code hz} at full brightness from 10 s to 20 s on the first {@code strobing} drones.
     */
    static Plan strobe(double hz, int strobing) {
        double[] x = new double[N], y = new double[N], z = new double[N];
        int[] white = new int[N], keysFirst = new int[N + 1];
        List<double[]> keys = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            x[i] = i * 2;
            z[i] = 50;
            white[i] = 0xFFFFFF;
        }
        Effect pulse = new Effect.Pulse(new Timing(new Timing.TimeRef(5, false, "5"), null, 10, 0, 0, 1,
                Blend.MULTIPLY), Tempo.every(1 / hz), 0, 0.5, "square");
        // the strobe is hidden among drones that hold still: keyframes keep the others steady white
        List<Effect> effects = List.of(pulse);
        LightDesign.SceneInput strobe = new LightDesign.SceneInput(0, 5, 40, white, x, y, z, effects,
                TransitionLights.CROSSFADE);
        LightDesign.SceneInput calm = new LightDesign.SceneInput(0, 5, 40, white, x, y, z, List.of(),
                TransitionLights.CROSSFADE);
        List<LightProgram> a = LightDesign.build(N, List.of(strobe), 45, 48, null);
        List<LightProgram> b = LightDesign.build(N, List.of(calm), 45, 48, null);
        List<LightProgram> lights = new ArrayList<>();
        List<Trajectory> tr = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            lights.add(i < strobing ? a.get(i) : b.get(i));
            tr.add(Trajectory.stationary(0, 50, x[i], y[i], z[i]));
        }
        return new Plan("strobe", Limits.NONE, tr, lights, List.of());
    }

    static CheckResult flash(Plan p) {
        return p.verify(Limits.NONE, VerifyOptions.defaults().withThreads(1)).check(Check.LIGHT_FLASH);
    }

    @Test
    void tenHertzStrobeOnHalfTheFleetIsFlagged() {
        CheckResult r = flash(strobe(10, N / 2));
        assertFalse(r.passed());
        assertEquals(10, r.worst(), RATE_RESOLUTION);
        assertEquals(N / 2, r.count(), "every strobing drone named");
        assertTrue(r.time() >= 9 && r.time() <= 20, "at " + r.time());
        assertTrue(r.droneA() >= 0 && r.droneA() < N / 2);
    }

    @Test
    void twoHertzOnHalfTheFleetPasses() {
        CheckResult r = flash(strobe(2, N / 2));
        assertTrue(r.passed());
        assertEquals(2, r.worst(), RATE_RESOLUTION);
    }

    @Test
    void tenHertzOnATenthOfTheFleetPassesTheAreaRule() {
        CheckResult r = flash(strobe(10, N / 10));
        assertTrue(r.passed(), "10% of the fleet is below the 20% area");
        assertTrue(r.worst() <= RATE_RESOLUTION, "only the lights coming on count: " + r.worst());
    }

    @Test
    void lightLimitsOfThePlanApply() {
        Plan p = strobe(2, N / 2);
        Plan strict = new Plan(p.name(), p.limits(), p.trajectories(), p.lights(), p.scenes(), p.timeline(),
                new LightLimits(1, 0.2, 0.2, true, false));
        assertFalse(flash(strict).passed());
    }

    @Test
    void aDroneLitOnTheGroundIsFlagged() {
        List<Trajectory> tr = new ArrayList<>();
        List<LightProgram> lights = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tr.add(Trajectory.startingAt(0, i * 3, 0, 0).holdUntil(2).lineTo(10, i * 3, 0, 30).holdUntil(20)
                    .lineTo(30, i * 3, 0, 0).build());
            lights.add(i == 1 ? LightProgram.builder().set(0, 0x808080).build()
                    : LightProgram.builder().set(0, 0).set(11, 0xFFFFFF).set(19, 0).build());
        }
        Plan p = new Plan("ground", Limits.NONE, tr, lights, List.of(), null, LightLimits.DEFAULT);
        assertTrue((new Plan("file", Limits.NONE, tr, lights, List.of())).verify(Limits.NONE,
                VerifyOptions.defaults().withThreads(1)).check(Check.LIGHT_GROUND).passed(),
                "a flight file carries no show that wants drones dark on the ground");
        CheckResult r = p.verify(Limits.NONE, VerifyOptions.defaults().withThreads(1))
                .check(Check.LIGHT_GROUND);
        assertFalse(r.passed());
        assertEquals(1, r.count());
        assertEquals(1, r.droneA());
        assertEquals(100 * 0x80 / 255.0, r.worst(), 1e-9);
    }

    @Test
    void colourRangeReportsTheBrightestChannel() {
        CheckResult r = strobe(2, 10).verify(Limits.NONE, VerifyOptions.defaults().withThreads(1))
                .check(Check.LIGHT_RANGE);
        assertTrue(r.passed());
        assertEquals(255, r.worst());
    }
}
