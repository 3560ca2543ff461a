package dev.starling.show;

import java.util.List;

/**
 * The show file exactly as written, bound by Jackson before validation: every field is boxed so
 * that a missing one reads {@code null} and can be reported by name. {@link ShowValidator} turns
 * it into a {@link Show}. Field names here are the file's field names.
 */
record ShowFile(String format, String name, Long drones, LimitsFile limits, TakeoffFile takeoff,
                List<SceneFile> scenes, LandingFile landing) {

    record LimitsFile(Double minSeparation, Double maxSpeedXY, Double maxSpeedUp, Double maxSpeedDown,
                      Double maxAcceleration, Double minAltitude, Double maxAltitude, double[][] geofence) {
    }

    record TakeoffFile(Double spacing, Integer columns, Double launchAltitude) {
    }

    record SceneFile(String name, FormationSpec formation, PlacementFile placement, String color,
                     Double hold, Double transition, String faces) {
    }

    record PlacementFile(double[] center, String plane, double[] rotation) {
    }

    record LandingFile(Boolean returnHome) {
    }
}
