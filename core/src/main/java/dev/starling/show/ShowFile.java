package dev.starling.show;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The show file exactly as written, bound by Jackson before validation: every field is boxed so
 * that a missing one reads {@code null} and can be reported by name. {@link ShowValidator} turns
 * it into a {@link Show}. Field names here are the file's field names.
 */
record ShowFile(String format, String name, Long drones, MusicFile music, JsonNode cues, LimitsFile limits,
                TakeoffFile takeoff, List<SceneFile> scenes, LandingFile landing) {

    /** {@code cues} and the pins {@code at}/{@code until} take several shapes: they are read as trees. */
    record MusicFile(String file, Double offset) {
    }

    record LimitsFile(Double minSeparation, Double maxSpeedXY, Double maxSpeedUp, Double maxSpeedDown,
                      Double maxAcceleration, Double minAltitude, Double maxAltitude, double[][] geofence,
                      LightLimitsFile lights) {
    }

    record LightLimitsFile(Double maxFlashRate, Double flashArea, Double flashContrast, Boolean darkOnGround,
                           Boolean darkDuringTakeoff) {
    }

    record TakeoffFile(Double spacing, Integer columns, Double launchAltitude) {
    }

    /** {@code transition} is seconds or {"duration": s, "style": "morph"}; {@code motion} a list of keys. */
    record SceneFile(String name, FormationSpec formation, PlacementFile placement, String color,
                     Double hold, JsonNode at, JsonNode until, JsonNode transition, String faces,
                     JsonNode effects, String transitionLights, Double dimLevel, JsonNode motion,
                     List<PartFile> parts) {
    }

    /** One formation of a scene with several. */
    record PartFile(String name, FormationSpec formation, PlacementFile placement, String color, JsonNode motion) {
    }

    record PlacementFile(double[] center, String plane, double[] rotation) {
    }

    record LandingFile(Boolean returnHome) {
    }
}
