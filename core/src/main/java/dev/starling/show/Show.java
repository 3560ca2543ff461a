package dev.starling.show;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated show file ({@code starling-show/1}): fleet size, limits, takeoff grid, scenes and
 * landing. Every value here has passed validation; {@code baseDir} is the folder asset paths are
 * relative to.
 */
public record Show(String format, String name, int drones, Limits limits, Takeoff takeoff,
                   List<Scene> scenes, Landing landing, Path baseDir) {
    public static final String FORMAT = "starling-show/1";
    /** Largest fleet accepted; refused before anything is allocated. */
    public static final int MAX_DRONES = 100_000;

    public Show {
        scenes = List.copyOf(scenes);
    }
}
