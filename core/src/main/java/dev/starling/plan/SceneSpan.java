package dev.starling.plan;

import dev.starling.light.effect.TransitionLights;
import dev.starling.show.Pin;
import java.util.List;

/**
 * When a scene happens in a plan, in seconds from show start: the transition into it starts at
 * {@code start}, the formation is reached at {@code holdStart} and held until {@code holdEnd}.
 * {@code at} and {@code until} are what the show pinned those two times to, or {@code null}
 * where it did not pin them. {@code effects} are the light effects of its hold (as the show
 * gave them, with their show times); {@code lights} what its transition does with the lights.
 */
public record SceneSpan(String name, double start, double holdStart, double holdEnd, Pin at, Pin until,
                        List<EffectSpan> effects, TransitionLights lights) {
    public SceneSpan {
        effects = effects == null ? List.of() : List.copyOf(effects);
        lights = lights == null ? TransitionLights.CROSSFADE : lights;
        if (!(start <= holdStart && holdStart <= holdEnd)) {
            throw new IllegalArgumentException("scene '" + name + "' needs start <= holdStart <= holdEnd, was "
                    + start + ", " + holdStart + ", " + holdEnd);
        }
    }

    /** A scene without light effects. */
    public SceneSpan(String name, double start, double holdStart, double holdEnd, Pin at, Pin until) {
        this(name, start, holdStart, holdEnd, at, until, List.of(), TransitionLights.CROSSFADE);
    }

    /** A scene whose times were not pinned. */
    public SceneSpan(String name, double start, double holdStart, double holdEnd) {
        this(name, start, holdStart, holdEnd, null, null);
    }
}
