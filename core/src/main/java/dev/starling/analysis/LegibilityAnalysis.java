package dev.starling.analysis;

import dev.starling.base.PrincipalAxes;
import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import dev.starling.site.Site;
import dev.starling.site.Viewpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether each held formation reads as a picture from where the audience stands: the lit drones
 * at the hold's midpoint are projected to directions at the viewpoint's eye and measured in
 * angles (arc-minutes, degrees): nearest-neighbour spacing, glow overlap, apparent size, and
 * whether a flat formation is seen edge-on. Thresholds and their reasons: {@link LegibilityOptions}
 * and docs/analysis.md.
 *
 * <p>Nearest neighbours by angle are found exactly with a sweep over the unit direction vectors
 * sorted along the wider image axis: the chord |d_i − d_j| (monotone in the angle) is at least
 * the difference of one component, so the scan stops once that difference exceeds the best chord.
 * O(n log n) for spread-out formations, O(n²) in the worst case (every drone on one sight line).
 */
public final class LegibilityAnalysis {
    private static final double ARCMIN = Math.toRadians(1.0 / 60);
    /** A formation is planar when its thinnest principal spread is below this share of the middle one. */
    static final double PLANAR_RATIO = 0.1;

    private LegibilityAnalysis() {
    }

    /** Viewpoints from {@code site} (or the default viewpoint when {@code site} is null or has none). */
    public static LegibilityReport analyze(Plan plan, Site site, LegibilityOptions options) {
        return analyze(plan, site == null ? List.of() : site.viewpoints(), options);
    }

    /**
     * Every scene's hold seen from every viewpoint in {@code viewpoints}; when that list is empty,
     * from one default viewpoint {@link LegibilityOptions#defaultDistance()} in front of (−y) the
     * centre of all held lit drones at {@link LegibilityOptions#defaultEyeHeight()}.
     */
    public static LegibilityReport analyze(Plan plan, List<Viewpoint> viewpoints, LegibilityOptions options) {
        long t0 = System.nanoTime();
        List<LegibilityReport.Eye> eyes = new ArrayList<>();
        if (viewpoints.isEmpty()) {
            double[] c = showCentre(plan);
            eyes.add(new LegibilityReport.Eye("default-front", c[0], c[1] - options.defaultDistance(),
                    options.defaultEyeHeight(), "default"));
        } else {
            for (Viewpoint v : viewpoints) {
                eyes.add(new LegibilityReport.Eye(v.name(), v.eyeX(), v.eyeY(), v.eyeZ(), "site"));
            }
        }
        int n = plan.droneCount();
        double[] x = new double[n], y = new double[n], z = new double[n];
        double[] pos = new double[3];
        List<LegibilityReport.SceneView> views = new ArrayList<>();
        int poor = 0;
        for (SceneSpan s : plan.scenes()) {
            double t = 0.5 * (s.holdStart() + s.holdEnd());
            int lit = 0;
            for (int i = 0; i < n; i++) {
                if (plan.lights().get(i).colorAt(t) != 0) {
                    plan.trajectories().get(i).position(t, pos, 0);
                    x[lit] = pos[0];
                    y[lit] = pos[1];
                    z[lit] = pos[2];
                    lit++;
                }
            }
            for (LegibilityReport.Eye eye : eyes) {
                LegibilityReport.SceneView v = view(s.name(), t, eye, x, y, z, lit, options);
                if (!v.legible()) {
                    poor++;
                }
                views.add(v);
            }
        }
        return new LegibilityReport(options, eyes, views, poor, (System.nanoTime() - t0) / 1e6);
    }

    /** Centre of the lit drones over all hold midpoints (or of all drones at the plan's midpoint). */
    static double[] showCentre(Plan plan) {
        double sx = 0, sy = 0, sz = 0;
        long count = 0;
        double[] pos = new double[3];
        for (SceneSpan s : plan.scenes()) {
            double t = 0.5 * (s.holdStart() + s.holdEnd());
            for (int i = 0; i < plan.droneCount(); i++) {
                if (plan.lights().get(i).colorAt(t) != 0) {
                    plan.trajectories().get(i).position(t, pos, 0);
                    sx += pos[0];
                    sy += pos[1];
                    sz += pos[2];
                    count++;
                }
            }
        }
        if (count == 0) {
            double t = 0.5 * (plan.startTime() + plan.endTime());
            for (int i = 0; i < plan.droneCount(); i++) {
                plan.trajectories().get(i).position(t, pos, 0);
                sx += pos[0];
                sy += pos[1];
                sz += pos[2];
                count++;
            }
        }
        return count == 0 ? new double[3] : new double[] {sx / count, sy / count, sz / count};
    }

    /** Measures {@code n} lit points (x, y, z) from {@code eye}. */
    static LegibilityReport.SceneView view(String scene, double time, LegibilityReport.Eye eye,
                                           double[] x, double[] y, double[] z, int n, LegibilityOptions o) {
        // Line of sight: from the eye to the centroid of the lit drones.
        double cx = 0, cy = 0, cz = 0;
        for (int i = 0; i < n; i++) {
            cx += x[i];
            cy += y[i];
            cz += z[i];
        }
        List<String> reasons = new ArrayList<>();
        if (n < 2) {
            reasons.add(n == 0 ? "no lit drones" : "a single lit drone");
            return new LegibilityReport.SceneView(scene, eye.name(), time, n, 0, 0, 0, 0, 0, 0, 0, false, 90, false, reasons);
        }
        cx /= n;
        cy /= n;
        cz /= n;
        double[] f = unit(cx - eye.x(), cy - eye.y(), cz - eye.z());
        double[] r = cross(f, new double[] {0, 0, 1});
        if (norm(r) < 1e-9) {
            r = new double[] {1, 0, 0};
        }
        r = unit(r[0], r[1], r[2]);
        double[] u = cross(r, f);
        // Unit directions of the drones in front of the eye.
        double[] dx = new double[n], dy = new double[n], dz = new double[n], dist = new double[n];
        double[] ax = new double[n], ay = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            double px = x[i] - eye.x(), py = y[i] - eye.y(), pz = z[i] - eye.z();
            double d = Math.sqrt(px * px + py * py + pz * pz);
            if (d == 0) {
                continue;
            }
            px /= d;
            py /= d;
            pz /= d;
            double fw = px * f[0] + py * f[1] + pz * f[2];
            if (fw <= 0) {
                continue; // behind the viewer
            }
            dx[m] = px;
            dy[m] = py;
            dz[m] = pz;
            dist[m] = d;
            ax[m] = Math.atan2(px * r[0] + py * r[1] + pz * r[2], fw);
            ay[m] = Math.atan2(px * u[0] + py * u[1] + pz * u[2], fw);
            m++;
        }
        if (m < 2) {
            reasons.add("fewer than two lit drones in front of the viewer");
            return new LegibilityReport.SceneView(scene, eye.name(), time, m, 0, 0, 0, 0, 0, 0, 0, false, 90, false, reasons);
        }
        double width = Math.toDegrees(max(ax, m) - min(ax, m));
        double height = Math.toDegrees(max(ay, m) - min(ay, m));
        // Sweep axis: the image axis with the larger spread.
        double[] key = new double[m];
        double[] axis = width >= height ? r : u;
        for (int i = 0; i < m; i++) {
            key[i] = dx[i] * axis[0] + dy[i] * axis[1] + dz[i] * axis[2];
        }
        int[] order = sortedIndices(key);
        double[] halfGlow = new double[m];
        double maxHalfGlow = 0;
        for (int i = 0; i < m; i++) {
            halfGlow[i] = Math.atan(0.5 * o.glowDiameter() / dist[i]);
            maxHalfGlow = Math.max(maxHalfGlow, halfGlow[i]);
        }
        double[] nnChord = new double[m];
        boolean[] overlap = new boolean[m];
        for (int p = 0; p < m; p++) {
            int i = order[p];
            double best2 = Double.POSITIVE_INFINITY;
            double glowChord = chord(halfGlow[i] + maxHalfGlow);
            double glowChord2 = glowChord * glowChord;
            for (int dir = -1; dir <= 1; dir += 2) {
                for (int q = p + dir; q >= 0 && q < m; q += dir) {
                    int j = order[q];
                    double dk = key[j] - key[i];
                    double dk2 = dk * dk;
                    if (dk2 > best2 && dk2 > glowChord2) {
                        break;
                    }
                    double ex = dx[j] - dx[i], ey = dy[j] - dy[i], ez = dz[j] - dz[i];
                    double c2 = ex * ex + ey * ey + ez * ez;
                    if (c2 < best2) {
                        best2 = c2;
                    }
                    if (!overlap[i] && c2 < glowChord2 && angle(c2) < halfGlow[i] + halfGlow[j]) {
                        overlap[i] = true;
                    }
                }
            }
            nnChord[i] = Math.sqrt(best2);
        }
        double[] nn = new double[m];
        int overlapping = 0;
        for (int i = 0; i < m; i++) {
            nn[i] = angle(nnChord[i] * nnChord[i]) / ARCMIN;
            if (overlap[i]) {
                overlapping++;
            }
        }
        double[] sortedDist = Arrays.copyOf(dist, m);
        Arrays.sort(sortedDist);
        double medianDist = median(sortedDist);
        Arrays.sort(nn);
        double minSpacing = nn[0];
        double medianSpacing = median(nn);
        double overlapFraction = (double) overlapping / m;
        double glowArcmin = 2 * Math.atan(0.5 * o.glowDiameter() / medianDist) / ARCMIN;
        // Plane fit: principal spreads of the lit drones.
        PrincipalAxes axes = PrincipalAxes.of(x, y, z, n);
        double[] spread = {axes.spread(2), axes.spread(1), axes.spread(0)};
        double[] normal = axes.axis(2);
        boolean planar = spread[1] > 0 && spread[0] < PLANAR_RATIO * spread[1];
        double planeAngle = 90;
        if (planar) {
            double c = Math.abs(normal[0] * f[0] + normal[1] * f[1] + normal[2] * f[2]);
            planeAngle = Math.toDegrees(Math.asin(Math.min(1, c)));
        }
        if (medianSpacing < o.minMedianSpacingArcmin()) {
            reasons.add(String.format(Locale.ROOT, "median spacing %.2f′ < %.1f′", medianSpacing, o.minMedianSpacingArcmin()));
        }
        if (overlapFraction > o.maxOverlapFraction()) {
            reasons.add(String.format(Locale.ROOT, "%.0f %% of glows overlap (> %.0f %%)", 100 * overlapFraction,
                    100 * o.maxOverlapFraction()));
        }
        if (Math.max(width, height) < o.minApparentSizeDeg()) {
            reasons.add(String.format(Locale.ROOT, "apparent size %.1f° < %.1f°", Math.max(width, height), o.minApparentSizeDeg()));
        }
        if (planar && planeAngle < o.minPlaneAngleDeg()) {
            reasons.add(String.format(Locale.ROOT, "seen edge-on: plane at %.1f° to the line of sight (< %.0f°)",
                    planeAngle, o.minPlaneAngleDeg()));
        }
        return new LegibilityReport.SceneView(scene, eye.name(), time, m, medianDist, minSpacing, medianSpacing,
                overlapFraction, glowArcmin, width, height, planar, planeAngle, reasons.isEmpty(), reasons);
    }

    /** Angle (radians) subtended by a chord of squared length {@code c2} on the unit sphere. */
    private static double angle(double c2) {
        return 2 * Math.asin(Math.min(1, 0.5 * Math.sqrt(c2)));
    }

    /** Chord length on the unit sphere for an angle (radians). */
    private static double chord(double a) {
        return 2 * Math.sin(Math.min(Math.PI, a) / 2);
    }

    private static int[] sortedIndices(double[] key) {
        Integer[] boxed = new Integer[key.length];
        for (int i = 0; i < key.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = Double.compare(key[a], key[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[key.length];
        for (int i = 0; i < key.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    private static double median(double[] sorted) {
        int m = sorted.length;
        return (m & 1) == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
    }

    private static double min(double[] a, int n) {
        double v = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            v = Math.min(v, a[i]);
        }
        return v;
    }

    private static double max(double[] a, int n) {
        double v = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            v = Math.max(v, a[i]);
        }
        return v;
    }

    private static double norm(double[] a) {
        return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    }

    private static double[] unit(double x, double y, double z) {
        double l = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / l, y / l, z / l};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
