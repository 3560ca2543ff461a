package dev.starling.show;

import dev.starling.light.effect.Effect;
import dev.starling.light.effect.TransitionLights;
import java.util.List;

/**
 * One scene: a formation, where it stands, its colour, how long it is held, optionally how long
 * the transition into it takes, and which audience it faces.
 *
 * @param color      default colour 0xRRGGBB of lit points that carry no colour of their own
 *                   (written {@code "#RRGGBB"} in the show file)
 * @param hold       seconds the formation is held
 * @param transition seconds for the transition into this scene, or {@code null} for as fast as
 *                   the limits allow
 * @param faces      the site viewpoint the formation's front turns to, {@link Facing#AUTO} to
 *                   turn a flat formation to the yaw that every viewpoint reads best, or
 *                   {@code null} to keep the placement as written (see {@link Facing})
 * @param at         the show time the formation must be complete at, or {@code null} to arrive as
 *                   the transition allows
 * @param until      the show time its hold ends at, or {@code null} to hold for {@code hold}
 *                   seconds (when given, {@code hold} is 0 and ignored)
 * @param effects    light effects over the hold, in order (empty: the scene's colours)
 * @param lights     what the lights do during the transition into this scene
 * @param motion     how the whole formation moves during the hold (about the placement's centre),
 *                   or {@code null} for a still formation
 * @param parts      the formations of a scene that holds several, each with its own motion
 *                   (empty for a scene of one formation); {@code formation} and {@code placement}
 *                   are then those of the first part
 */
public record Scene(String name, FormationSpec formation, Placement placement, int color,
                    double hold, Double transition, String faces, Pin at, Pin until, List<Effect> effects,
                    TransitionLights lights, Motion motion, List<Part> parts) {

    public Scene {
        effects = effects == null ? List.of() : List.copyOf(effects);
        lights = lights == null ? TransitionLights.CROSSFADE : lights;
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** A still scene of one formation. */
    public Scene(String name, FormationSpec formation, Placement placement, int color,
                 double hold, Double transition, String faces, Pin at, Pin until, List<Effect> effects,
                 TransitionLights lights) {
        this(name, formation, placement, color, hold, transition, faces, at, until, effects, lights, null, List.of());
    }

    /** True when anything in the scene moves during its hold. */
    public boolean moves() {
        if (motion != null || (formation != null && "frames".equals(formation.type()))) {
            return true;
        }
        for (Part p : parts) {
            if (p.motion() != null) {
                return true;
            }
        }
        return false;
    }

    /** A scene without effects, cross-fading into its colours. */
    public Scene(String name, FormationSpec formation, Placement placement, int color,
                 double hold, Double transition, String faces, Pin at, Pin until) {
        this(name, formation, placement, color, hold, transition, faces, at, until, List.of(),
                TransitionLights.CROSSFADE);
    }

    /** A scene not pinned to the timeline. */
    public Scene(String name, FormationSpec formation, Placement placement, int color, double hold,
                 Double transition, String faces) {
        this(name, formation, placement, color, hold, transition, faces, null, null);
    }

    /** A scene that keeps its placement as written (no {@code faces}). */
    public Scene(String name, FormationSpec formation, Placement placement, int color, double hold,
                 Double transition) {
        this(name, formation, placement, color, hold, transition, null);
    }
}
