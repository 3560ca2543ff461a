package dev.starling.plan;

import dev.starling.show.Pin;

/**
 * When a scene happens in a plan, in seconds from show start: the transition into it starts at
 * {@code start}, the formation is reached at {@code holdStart} and held until {@code holdEnd}.
 * {@code at} and {@code until} are what the show pinned those two times to, or {@code null}
 * where it did not pin them.
 */
public record SceneSpan(String name, double start, double holdStart, double holdEnd, Pin at, Pin until) {
    public SceneSpan {
        if (!(start <= holdStart && holdStart <= holdEnd)) {
            throw new IllegalArgumentException("scene '" + name + "' needs start <= holdStart <= holdEnd, was "
                    + start + ", " + holdStart + ", " + holdEnd);
        }
    }

    /** A scene whose times were not pinned. */
    public SceneSpan(String name, double start, double holdStart, double holdEnd) {
        this(name, start, holdStart, holdEnd, null, null);
    }
}
