package dev.starling.plan;

/**
 * When a scene happens in a plan, in seconds from show start: the transition into it starts at
 * {@code start}, the formation is reached at {@code holdStart} and held until {@code holdEnd}.
 */
public record SceneSpan(String name, double start, double holdStart, double holdEnd) {
    public SceneSpan {
        if (!(start <= holdStart && holdStart <= holdEnd)) {
            throw new IllegalArgumentException("scene '" + name + "' needs start <= holdStart <= holdEnd, was "
                    + start + ", " + holdStart + ", " + holdEnd);
        }
    }
}
