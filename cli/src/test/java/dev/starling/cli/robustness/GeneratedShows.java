package dev.starling.cli.robustness;

import java.util.Locale;

/**
 * Show files made for tests: a fleet of any size flying a few parametric shapes sized so that
 * each holds every drone at the CAPT spacing (√2 · 1.5 m plus margin), inside a geofence
 * that fits the takeoff grid.
 */
final class GeneratedShows {
    private GeneratedShows() {
    }

    /** Metres per drone of a formation's area so that sampling keeps ~2.2 m spacing with room to spare. */
    private static final double AREA_PER_DRONE = 9.0;

    /**
     * A show of {@code drones} drones: sphere, torus, heart and grid, each holding every drone.
     * Sizes grow as √drones; the altitude band and geofence grow with them.
     */
    static String parametric(String name, int drones) {
        double area = AREA_PER_DRONE * drones;
        double sphere = Math.sqrt(area / Math.PI);                 // surface π d²
        double torusTube = Math.max(6, sphere / 3);
        double torus = area / (Math.PI * Math.PI * torusTube) + torusTube; // surface π² D d (D centre-line)
        double heart = Math.sqrt(area / 0.62);                     // a heart fills ~62% of its square
        double grid = Math.sqrt(area * 1.2);
        double half = Math.max(heart, Math.max(torus, grid)) / 2;
        int columns = (int) Math.ceil(Math.sqrt(drones));
        double padHalf = columns * 2.5 / 2;
        double reach = Math.max(half, padHalf) + 80;
        double centreZ = 20 + half + 5;
        double top = centreZ + half + 40;
        return String.format(Locale.ROOT, """
                {
                  "format": "starling-show/1",
                  "name": "%s",
                  "drones": %d,
                  "limits": {
                    "minSeparation": 1.5, "maxSpeedXY": 8, "maxSpeedUp": 4, "maxSpeedDown": 3, "maxAcceleration": 4,
                    "minAltitude": 20, "maxAltitude": %.1f,
                    "geofence": [[%.1f, %.1f], [%.1f, %.1f], [%.1f, %.1f], [%.1f, %.1f]]
                  },
                  "takeoff": { "spacing": 2.5, "columns": %d, "launchAltitude": 20 },
                  "scenes": [
                    { "name": "Sphere", "formation": { "type": "shape", "shape": "sphere", "size": %.1f },
                      "placement": { "center": [0, 40, %.1f] }, "color": "#3399FF", "hold": 4 },
                    { "name": "Torus", "formation": { "type": "shape", "shape": "torus", "size": %.1f, "height": %.1f },
                      "placement": { "center": [0, 40, %.1f] }, "color": "#FFCC33", "hold": 4 },
                    { "name": "Heart", "formation": { "type": "shape", "shape": "heart", "size": %.1f },
                      "placement": { "center": [0, 40, %.1f] }, "color": "#FF3355", "hold": 4 },
                    { "name": "Grid", "formation": { "type": "shape", "shape": "grid", "size": %.1f },
                      "placement": { "center": [0, 40, %.1f], "rotation": [0, 0, 20] }, "color": "#33FF99", "hold": 4 }
                  ]
                }
                """, name, drones, top, -reach, -reach, reach, -reach, reach, reach, -reach, reach, columns,
                sphere, centreZ, torus, torusTube, centreZ, heart, centreZ, grid, centreZ);
    }
}
