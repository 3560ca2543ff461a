package dev.starling.show;

import dev.starling.audio.BeatGrid;
import java.util.List;

/**
 * The show's one clock: its soundtrack (or none), named cues in time order and the beat grid (or
 * none). Scenes pin their formation's completion ({@code at}) and their hold's end
 * ({@code until}) to it; the planner, reports, exporters and the preview all read it.
 *
 * @param music the soundtrack, or {@code null}
 * @param cues  named cues, sorted by time (ties keep the order written)
 * @param beats the beat grid, or {@code null}
 */
public record Timeline(Music music, List<Cue> cues, BeatGrid beats) {
    /** A show without music, cues or beats. */
    public static final Timeline NONE = new Timeline(null, List.of(), null);

    public Timeline {
        cues = List.copyOf(cues);
    }

    /** True when there is nothing on the timeline. */
    public boolean isEmpty() {
        return music == null && cues.isEmpty() && beats == null;
    }

    /** The cue named {@code name}, or {@code null}. */
    public Cue cue(String name) {
        for (Cue c : cues) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The first cue at or after {@code t} (within 1 ms), or {@code null}. */
    public Cue nextCue(double t) {
        for (Cue c : cues) {
            if (c.time() >= t - 1e-3) {
                return c;
            }
        }
        return null;
    }
}
