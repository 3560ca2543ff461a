package dev.starling.render;

import dev.starling.plan.SceneSpan;
import dev.starling.audio.BeatGrid;
import dev.starling.show.Cue;
import java.util.List;

/**
 * Where a moment falls in a plan's scene timeline: before the first scene (takeoff), in a
 * transition into a scene, holding it, after it (on the way to the next one, or landing), where
 * the scene jumps of the preview land (the start of each scene's hold), and on the show's clock:
 * the next cue and the bar and beat of the beat grid.
 */
final class Timeline {
    /**
     * A time this close before a beat already counts as that beat, seconds: pins and beat times
     * are on the 1 ms grid, and {@code offset + (n - 1) · 60 / bpm} rounds either way.
     */
    static final double BEAT_TOLERANCE = 1e-6;

    private final List<SceneSpan> scenes;
    private final double start;
    private final double end;
    private final dev.starling.show.Timeline clock;

    /**
     * @param scenes the plan's scenes, in time order
     * @param start  when the show starts, seconds
     * @param end    when it ends, seconds
     * @param clock  the show's music, cues and beat grid
     */
    Timeline(List<SceneSpan> scenes, double start, double end, dev.starling.show.Timeline clock) {
        this.scenes = List.copyOf(scenes);
        this.start = start;
        this.end = end;
        this.clock = clock;
    }

    /** A scene timeline without cues or beats. */
    Timeline(List<SceneSpan> scenes, double start, double end) {
        this(scenes, start, end, dev.starling.show.Timeline.NONE);
    }

    /** True when the show has cues or a beat grid for the HUD to count. */
    boolean hasClock() {
        return !clock.cues().isEmpty() || clock.beats() != null;
    }

    /** The first cue at or after {@code t} (the show timeline's own rule), or {@code null}. */
    Cue nextCue(double t) {
        return clock.nextCue(t);
    }

    /**
     * The 1-based beat number at {@code t}: beat n lasts from its own time to the next beat's;
     * 0 without a beat grid or before beat 1.
     */
    long beatAt(double t) {
        BeatGrid g = clock.beats();
        if (g == null) {
            return 0;
        }
        double k = Math.floor((t - g.offset() + BEAT_TOLERANCE) / g.beatSeconds());
        return k < 0 ? 0 : (long) k + 1;
    }

    /** The 1-based bar at {@code t}; 0 without a beat grid or before beat 1. */
    long barAt(double t) {
        long n = beatAt(t);
        return n == 0 ? 0 : (n - 1) / clock.beats().beatsPerBar() + 1;
    }

    /** The beat within its bar at {@code t}, 1..beatsPerBar; 0 without a beat grid or before beat 1. */
    int beatInBar(double t) {
        long n = beatAt(t);
        return n == 0 ? 0 : (int) ((n - 1) % clock.beats().beatsPerBar()) + 1;
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
