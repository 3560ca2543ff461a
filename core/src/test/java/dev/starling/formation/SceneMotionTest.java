package dev.starling.formation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Moving formations as the loader sees them: a rigid motion keeps every pair's distance, and a
 * motion that breaks a limit (speed, acceleration, a velocity jump, a scale under √2·d_min, parts
 * that overlap) is refused at load with the scene, the key and the drone named.
 */
class SceneMotionTest {
    /** Distances kept by a rigid motion, metres: rounding of a 3×3 rotation of ~100 m offsets. */
    private static final double RIGID_TOLERANCE = 1e-9;

    /** A show of {@code drones} drones whose one scene (a sphere, or what {@code scene} says) holds for 20 s. */
    static String show(int drones, String scene) {
        return """
                {"format": "starling-show/1", "name": "moving", "drones": %d,
                 "limits": {"minSeparation": 1.5, "maxSpeedXY": 8, "maxSpeedUp": 4, "maxSpeedDown": 3,
                            "maxAcceleration": 4, "minAltitude": 10, "maxAltitude": 150},
                 "takeoff": {"spacing": 2.5, "columns": 10, "launchAltitude": 10},
                 "scenes": [%s],
                 "landing": {"returnHome": false}}""".formatted(drones, scene);
    }

    static String sphere(String motion) {
        return """
                {"name": "ball", "formation": {"type": "shape", "shape": "sphere", "size": 30},
                 "placement": {"center": [0, 20, 60]}, "hold": 20, "motion": %s}""".formatted(motion);
    }

    static Show parse(String json) {
        return ShowLoader.parse(json, Path.of("."), "test.json");
    }

    @Property(tries = 12)
    void rigidMotionKeepsEveryPairsDistance(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder keys = new StringBuilder("[");
        double t = 0;
        for (int k = 0; k < 4; k++) {
            String[] eases = {"linear", "in", "out", "inOut"};
            keys.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"t\": %.3f, \"center\": [%.2f, %.2f, %.2f], \"rotation\": [%.2f, %.2f, %.2f], \"ease\": \"%s\"}",
                    t, r.nextDouble(-5, 5), 20 + r.nextDouble(-5, 5), 60 + r.nextDouble(-5, 5),
                    r.nextDouble(-40, 40), r.nextDouble(-40, 40), r.nextDouble(-40, 40), eases[r.nextInt(4)]));
            t += r.nextDouble(2, 6);
        }
        keys.append("]");
        // a long hold: the rigidity property does not depend on the limits, only the load check does
        Show show = parse(show(60, sphere(keys.toString()).replace("\"hold\": 20", "\"hold\": 1000")));
        // sampled without the load check: random easings may jump in velocity, which is no matter here
        Targets base = Formations.sample(show.scenes().get(0).formation(), show.scenes().get(0).placement(),
                0xFFFFFF, show.drones(), ShowTargets.minSpacing(show), show.baseDir());
        SceneMotion m = SceneMotion.of(show, 0, base);
        assertNotNull(m);
        int n = base.size();
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int q = 0; q <= 50; q++) {
            double tau = m.end() * q / 50 + (q % 2) * 1e-3;
            m.positions(tau, x, y, z);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double d0 = Math.sqrt(sq(base.x()[i] - base.x()[j]) + sq(base.y()[i] - base.y()[j])
                            + sq(base.z()[i] - base.z()[j]));
                    double d = Math.sqrt(sq(x[i] - x[j]) + sq(y[i] - y[j]) + sq(z[i] - z[j]));
                    assertEquals(d0, d, RIGID_TOLERANCE, "pair " + i + "," + j + " at τ = " + tau);
                }
            }
        }
    }

    @Test
    void aMotionFasterThanMaxSpeedXYIsRefusedAtLoadWithTheKeyNamed() {
        // 100 m in 10 s at constant speed: 10 m/s > 8 m/s, between key 1 and key 2
        Show show = parse(show(40, sphere("""
                [{"t": 0, "center": [0, 20, 60]}, {"t": 5, "center": [0, 20, 60]},
                 {"t": 15, "center": [100, 20, 60]}]""")));
        InputException e = assertThrows(InputException.class, () -> ShowTargets.sampleAll(show));
        assertEquals("scenes[0].motion[2]", e.path(), e.describe());
        assertTrue(e.getMessage().contains("limits.maxSpeedXY 8 m/s"), e.getMessage());
        assertTrue(e.getMessage().contains("scene \"ball\""), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*lit drone \\d+ flies 1[0-9.]+ m/s horizontally.*"), e.getMessage());
    }

    @Test
    void aVelocityJumpAtAKeyIsRefused() {
        // linear from rest at t = 2: the drones would jump from 0 to 2 m/s
        Show show = parse(show(40, sphere("""
                [{"t": 2, "center": [0, 20, 60]}, {"t": 12, "center": [20, 20, 60]}]""")));
        InputException e = assertThrows(InputException.class, () -> ShowTargets.sampleAll(show));
        assertEquals("scenes[0].motion[0]", e.path(), e.describe());
        assertTrue(e.getMessage().contains("velocity jumps by 2 m/s at 2 s"), e.getMessage());
    }

    @Test
    void aScaleUnderRootTwoMinSeparationIsRefusedWithTheSmallestScaleAllowed() {
        Show show = parse(show(200, sphere("""
                [{"t": 0, "scale": 1}, {"t": 10, "scale": 0.5, "ease": "inOut"}]""")));
        InputException e = assertThrows(InputException.class, () -> ShowTargets.sampleAll(show));
        assertEquals("scenes[0].motion[1].scale", e.path(), e.describe());
        assertTrue(e.getMessage().contains("scene \"ball\" scales down to 0.5"), e.getMessage());
        assertTrue(e.hint().matches("the smallest scale allowed is 0\\.[0-9]+;.*"), e.hint());
        double allowed = Double.parseDouble(e.hint().replaceAll("the smallest scale allowed is ([0-9.]+);.*", "$1"));
        // that scale is accepted
        Show ok = parse(show(200, sphere(String.format(Locale.ROOT,
                "[{\"t\": 0, \"scale\": 1}, {\"t\": 10, \"scale\": %.3f, \"ease\": \"inOut\"}]", allowed))));
        assertEquals(200, ShowTargets.sampleAll(ok).get(0).size());
    }

    @Test
    void partsThatComeTooCloseAsTheyMoveAreRefused() {
        // two rings side by side, 8 m apart: the right one swings into the left one
        String scene = """
                {"name": "rings", "hold": 20, "parts": [
                  {"name": "left", "formation": {"type": "shape", "shape": "ring", "size": 20, "count": 20},
                   "placement": {"center": [-14, 20, 60]}},
                  {"name": "right", "formation": {"type": "shape", "shape": "ring", "size": 20, "count": 20},
                   "placement": {"center": [14, 20, 60]},
                   "motion": [{"t": 0, "center": [14, 20, 60]}, {"t": 10, "center": [4, 20, 60], "ease": "inOut"}]}]}""";
        Show show = parse(show(60, scene));
        InputException e = assertThrows(InputException.class, () -> ShowTargets.sampleAll(show));
        assertEquals("scenes[0].parts[1].motion[1]", e.path(), e.describe());
        assertTrue(e.getMessage().matches("(?s).*of part 0 and lit drone \\d+ of part 1 come [0-9.]+ m close.*"),
                e.getMessage());
    }

    @Test
    void partsAreLaidOutPartAfterPartThenOneReserve() {
        String scene = """
                {"name": "rings", "hold": 20, "parts": [
                  {"formation": {"type": "shape", "shape": "ring", "size": 20, "count": 20},
                   "placement": {"center": [-14, 20, 60]}, "color": "#FF0000"},
                  {"formation": {"type": "shape", "shape": "ring", "size": 20, "count": 25},
                   "placement": {"center": [14, 20, 60]}, "color": "#00FF00",
                   "motion": [{"t": 0, "rotation": [0, 0, 0]}, {"t": 10, "rotation": [0, 90, 0], "ease": "inOut"}]}]}""";
        Targets t = ShowTargets.sampleAll(parse(show(60, scene))).get(0);
        assertEquals(45, t.litCount());
        for (int i = 0; i < 45; i++) {
            assertEquals(i < 20 ? 0xFF0000 : 0x00FF00, t.rgb()[i], "point " + i);
            assertEquals(i < 20 ? -14 : 14, t.x()[i], 10.01, "point " + i);
        }
        assertTrue(Spacing.min(t) >= ShowTargets.minSpacing(parse(show(60, scene))) - 1e-9);
    }

    private static double sq(double v) {
        return v * v;
    }
}
