package dev.starling.formation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.show.Limits;
import dev.starling.show.Scene;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import dev.starling.light.effect.Blend;
import dev.starling.light.effect.Effect;
import dev.starling.light.effect.Tempo;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 5000-drone Chongqing flagship loads and every scene samples to a CAPT-safe formation. */
class FlagshipShowTest {
    static final Path FLAGSHIP = ShowTargetsTest.ROOT.resolve("shows/chongqing/show.json");
    static Show show;
    static List<Targets> targets;

    @BeforeAll
    static void sample() {
        show = ShowLoader.load(FLAGSHIP);
        targets = ShowTargets.sampleAll(show);
    }

    @Test
    void theFlagshipIsTheSeedNight() {
        assertEquals(5000, show.drones());
        Set<String> names = new TreeSet<>();
        show.scenes().forEach(s -> names.add(s.name()));
        for (String required : List.of("新韵重庆", "AI+车", "千里智驾")) {
            assertTrue(names.contains(required), "missing scene " + required + " in " + names);
        }
        // the car drives on wheels that turn (issue 15): its body and two wheels are parts, each wheel rolls
        Scene car = show.scenes().stream().filter(s -> s.name().equals("智驾之车")).findFirst().orElseThrow();
        assertEquals(List.of("assets/car-body.svg", "assets/wheel.svg", "assets/wheel.svg"),
                car.parts().stream().map(p -> p.formation().file()).toList());
        assertTrue(car.motion() != null && car.parts().get(1).motion() != null && car.parts().get(2).motion() != null,
                "the car drives and its wheels turn");
        // the planet turns, as a glTF animation written by assets/planet_gltf.py
        Scene planet = show.scenes().stream().filter(s -> s.name().equals("山城之光")).findFirst().orElseThrow();
        assertEquals("assets/planet.gltf", planet.formation().file());
        assertTrue(planet.moves());
        assertTrue(show.scenes().stream().anyMatch(s -> "assets/skyline.svg".equals(s.formation().file())));
        assertTrue(show.scenes().size() >= 7);
        Limits l = show.limits();
        assertEquals(new Limits(1.5, 8, 4, 3, 4, 20, 180, l.geofence()), l);
        assertTrue(l.hasGeofence());
        assertEquals("mp3", show.timeline().music().format(), "the flagship flies to its soundtrack");
        for (Scene s : show.scenes()) {
            assertTrue(s.at() != null && s.until() != null, s.name() + " is pinned to the music");
            double hold = s.until().time() - s.at().time();
            assertTrue(hold >= 10 && hold <= 25, s.name() + " holds " + hold + " s");
            double bar = 60 / show.timeline().beats().bpm() * show.timeline().beats().beatsPerBar();
            double bars = s.at().time() / bar;
            assertEquals(Math.rint(bars), bars, 1e-9, s.name() + " completes on a downbeat");
        }
    }

    @Test
    void theFlagshipsLightsAreDesignedWithEffects() {
        Effect sweep = effect("新韵重庆", Effect.Sweep.class);
        assertEquals(Tempo.Kind.BEAT, ((Effect.Sweep) sweep).period().kind(), "the sweep rides the beat");
        Effect.Gradient rivers = (Effect.Gradient) effect("两江交汇", Effect.Gradient.class);
        assertTrue(rivers.ramp().colors().length >= 2, "the two rivers' colours");
        effect("山城之光", Effect.Sparkle.class);
        Effect.Gradient lights = (Effect.Gradient) effect("智驾之车", Effect.Gradient.class);
        assertEquals(Blend.SCREEN, lights.timing().blend(), "headlights brighten the front of the car");
    }

    private static Effect effect(String scene, Class<? extends Effect> type) {
        for (Scene s : show.scenes()) {
            if (s.name().equals(scene)) {
                for (Effect e : s.effects()) {
                    if (type.isInstance(e)) {
                        return e;
                    }
                }
            }
        }
        throw new AssertionError(scene + " has no " + type.getSimpleName() + " effect");
    }

    @Test
    void everySceneHasExactlyOneTargetPerDroneAtCaptSpacing() {
        double bound = ShowTargets.minSpacing(show);
        assertEquals(ShowTargetsTest.CAPT_SPACING, bound, ShowTargetsTest.EPS);
        assertEquals(show.scenes().size(), targets.size());
        for (int i = 0; i < targets.size(); i++) {
            Targets t = targets.get(i);
            assertEquals(5000, t.size(), "scene " + i);
            assertTrue(t.litCount() > 0);
            assertEquals(0, ShowTargetsTest.pairsCloserThan(t, bound - ShowTargetsTest.EPS),
                    "scene " + i + " (" + show.scenes().get(i).name() + ") has points closer than " + bound + " m");
            ShowTargetsTest.assertInsideLimits(show, t, i);
        }
    }
}
