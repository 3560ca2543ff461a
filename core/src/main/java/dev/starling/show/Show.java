package dev.starling.show;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated show file ({@code starling-show/1}): fleet size, limits, takeoff grid, scenes and
 * landing. Every value here has passed validation; {@code baseDir} is the folder asset paths are
 * relative to; {@code source} is how errors found later (sampling the formations) name the show
 * file, or {@code null}; {@code timeline} holds the music, cues and beat grid
 * ({@link Timeline#NONE} when the show has none); {@code lightLimits} the bounds on its lights.
 */
public record Show(String format, String name, int drones, Limits limits, Takeoff takeoff,
                   List<Scene> scenes, Landing landing, Path baseDir, String source, Timeline timeline,
                   LightLimits lightLimits) {
    public static final String FORMAT = "starling-show/1";
    /** Largest fleet accepted; refused before anything is allocated. */
    public static final int MAX_DRONES = 100_000;

    public Show {
        scenes = List.copyOf(scenes);
        timeline = timeline == null ? Timeline.NONE : timeline;
        lightLimits = lightLimits == null ? LightLimits.DEFAULT : lightLimits;
    }

    /** A show with the default light limits. */
    public Show(String format, String name, int drones, Limits limits, Takeoff takeoff,
                List<Scene> scenes, Landing landing, Path baseDir, String source, Timeline timeline) {
        this(format, name, drones, limits, takeoff, scenes, landing, baseDir, source, timeline, LightLimits.DEFAULT);
    }

    /** A show without music or cues. */
    public Show(String format, String name, int drones, Limits limits, Takeoff takeoff,
                List<Scene> scenes, Landing landing, Path baseDir, String source) {
        this(format, name, drones, limits, takeoff, scenes, landing, baseDir, source, Timeline.NONE);
    }

    /** A show that did not come from a file (no {@code source}). */
    public Show(String format, String name, int drones, Limits limits, Takeoff takeoff,
                List<Scene> scenes, Landing landing, Path baseDir) {
        this(format, name, drones, limits, takeoff, scenes, landing, baseDir, null, Timeline.NONE);
    }
}
