package dev.starling.analysis;

import java.util.List;
import java.util.Locale;

/**
 * How each held formation reads from each audience viewpoint ({@link LegibilityAnalysis#analyze}).
 *
 * @param options     thresholds used
 * @param viewpoints  the viewpoints, with where they came from ({@code site} or {@code default})
 * @param views       one entry per (scene, viewpoint), scenes in plan order, viewpoints in site order
 * @param poorCount   entries that read poorly
 * @param runtimeMs   wall-clock time of the analysis, ms
 */
public record LegibilityReport(LegibilityOptions options, List<Eye> viewpoints, List<SceneView> views,
                               int poorCount, double runtimeMs) {
    public LegibilityReport {
        viewpoints = List.copyOf(viewpoints);
        views = List.copyOf(views);
    }

    /** A viewpoint's eye, metres in the show frame; {@code source} is {@code site} or {@code default}. */
    public record Eye(String name, double x, double y, double z, String source) {
    }

    /**
     * One held formation seen from one viewpoint, at the hold's midpoint. Angles are measured at
     * the eye; lit drones are those whose colour is not black.
     *
     * @param scene              scene name
     * @param viewpoint          viewpoint name
     * @param time               seconds from show start (the hold's midpoint)
     * @param litDrones          lit drones in front of the viewer
     * @param distanceM          median distance from the eye to the lit drones
     * @param minSpacingArcmin   smallest angular distance between two lit drones
     * @param medianSpacingArcmin median over lit drones of the angle to the nearest lit neighbour
     * @param overlapFraction    share of lit drones whose glow overlaps another's
     * @param glowArcmin         angular diameter of a glow at the median distance
     * @param widthDeg           apparent width, degrees
     * @param heightDeg          apparent height, degrees
     * @param planar             true when the lit drones lie close to a plane
     * @param planeAngleDeg      angle between that plane and the line of sight, degrees (90 face-on,
     *                           0 edge-on; 90 when not planar)
     * @param legible            no flag raised
     * @param reasons            the flags raised, in words
     */
    public record SceneView(String scene, String viewpoint, double time, int litDrones, double distanceM,
                            double minSpacingArcmin, double medianSpacingArcmin, double overlapFraction,
                            double glowArcmin, double widthDeg, double heightDeg, boolean planar,
                            double planeAngleDeg, boolean legible, List<String> reasons) {
        public SceneView {
            reasons = List.copyOf(reasons);
        }
    }

    /** A human table, one line per (scene, viewpoint). */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("Legibility (glow ").append(String.format(Locale.ROOT, "%.2f m", options.glowDiameter()))
                .append("; flags: median spacing < ").append(String.format(Locale.ROOT, "%.1f′", options.minMedianSpacingArcmin()))
                .append(", overlap > ").append(String.format(Locale.ROOT, "%.0f %%", 100 * options.maxOverlapFraction()))
                .append(", size < ").append(String.format(Locale.ROOT, "%.1f°", options.minApparentSizeDeg()))
                .append(", plane within ").append(String.format(Locale.ROOT, "%.0f°", options.minPlaneAngleDeg()))
                .append(" of the line of sight)\n");
        if (views.isEmpty()) {
            sb.append("  no held formations (the plan has no scenes)\n");
            return sb.toString();
        }
        sb.append(String.format(Locale.ROOT, "  %-18s %-14s %6s %7s %8s %8s %7s %13s %6s  %s%n", "scene", "viewpoint", "lit",
                "dist m", "min ′", "median ′", "overlap", "size °", "plane°", "verdict"));
        for (SceneView v : views) {
            sb.append(String.format(Locale.ROOT, "  %s %s %6d %7.0f %8.2f %8.2f %6.0f%% %6.1f x %-5.1f %6s  %s%n",
                    Text.pad(v.scene(), 18), Text.pad(v.viewpoint(), 14), v.litDrones(), v.distanceM(), v.minSpacingArcmin(),
                    v.medianSpacingArcmin(), 100 * v.overlapFraction(), v.widthDeg(), v.heightDeg(),
                    v.planar() ? String.format(Locale.ROOT, "%.0f", v.planeAngleDeg()) : "3D",
                    v.legible() ? "reads well" : "POOR: " + String.join("; ", v.reasons())));
        }
        sb.append(poorCount == 0 ? "  PASS: every formation reads well from every viewpoint\n"
                : "  WARN: " + poorCount + " scene/viewpoint pair(s) read poorly\n");
        return sb.toString();
    }
}
