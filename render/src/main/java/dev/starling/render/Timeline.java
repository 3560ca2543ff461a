package dev.starling.render;

import dev.starling.plan.SceneSpan;
import java.util.List;

/**
 * Where a moment falls in a plan's scene timeline: before the first scene (takeoff), in a
 * transition into a scene, holding it, after it (on the way to the next one, or landing), and
 * where the scene jumps of the preview land (the start of each scene's hold).
 */
final class Timeline {
    private final List<SceneSpan> scenes;
    private final double start;
    private final double end;

    /**
     * @param scenes the plan's scenes, in time order
     * @param start  when the show starts, seconds
     * @param end    when it ends, seconds
     */
    Timeline(List<SceneSpan> scenes, double start, double end) {
        this.scenes = List.copyOf(scenes);
        this.start = start;
        this.end = end;
    }

    double start() {
        return start;
    }

    double end() {
        return end;
    }

    /** Index of the last scene whose transition has started by {@code t}, or -1 before the first. */
    int sceneAt(double t) {
        int k = -1;
        for (int i = 0; i < scenes.size(); i++) {
            if (scenes.get(i).start() <= t) {
                k = i;
            }
        }
        return k;
    }

    /**
     * What the show is doing at {@code t}, for the HUD: {@code takeoff}, {@code AI+车 (transition)},
     * {@code AI+车 (hold)}, {@code landing}; the empty string when the plan names no scenes.
     */
    String describe(double t) {
        if (scenes.isEmpty()) {
            return "";
        }
        int k = sceneAt(t);
        if (k < 0) {
            return "takeoff";
        }
        SceneSpan s = scenes.get(k);
        if (t < s.holdStart()) {
            return s.name() + " (transition)";
        }
        if (t <= s.holdEnd()) {
            return s.name() + " (hold)";
        }
        return k == scenes.size() - 1 ? "landing" : s.name() + " (leaving)";
    }

    /** Start of the next scene's hold after {@code t}, or the show's end. */
    double nextSceneTime(double t) {
        for (SceneSpan s : scenes) {
            if (s.holdStart() > t + 1e-9) {
                return s.holdStart();
            }
        }
        return end;
    }

    /**
     * Start of the hold before the one {@code t} is in: from within a hold (past its first
     * second) back to that hold's start, otherwise to the previous one; the show's start before
     * the first.
     */
    double previousSceneTime(double t) {
        double best = start;
        for (SceneSpan s : scenes) {
            if (s.holdStart() < t - 1.0) {
                best = s.holdStart();
            }
        }
        return best;
    }
}
