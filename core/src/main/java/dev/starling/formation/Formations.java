package dev.starling.formation;

import dev.starling.InputException;
import dev.starling.show.FormationSpec;
import dev.starling.show.Placement;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Turns a scene's formation into target points: reads the source (text, image, SVG, OBJ mesh,
 * CSV points, parametric shape), spreads the lit points evenly over it with a guaranteed minimum
 * spacing ({@link BlueNoise}), places them in the show frame and parks the remaining drones dark
 * in a reserve block behind the formation.
 *
 * <p>Frame: metres, x to the audience's right, y away from the audience, z up. A shape's local
 * frame (u right, v up, w = u × v) is mapped by the placement's plane: {@code xz} u→x, v→z,
 * w→−y (towards the audience); {@code yz} u→y, v→z, w→x; {@code xy} u→x, v→y, w→z. Then the
 * rotation [rx, ry, rz] (degrees, about x, then y, then z) and the centre are applied. OBJ
 * meshes keep OBJ's axes as u, v, w (y up, +z towards the viewer), so they face the audience in
 * the default plane. CSV point files are already 3D, in show-frame axes relative to the centre:
 * the plane does not apply to them, the rotation does.
 *
 * <p>Reserve: the {@code totalDrones − K} dark points stand on a square lattice of pitch
 * minSpacing in vertical layers parallel to the x–z plane, the first {@code max(2·minSpacing,
 * 4 m)} behind (+y) the formation's deepest lit point, each layer covering the lit points' x–z
 * extent (so the formation hides them from the audience; at most about four cells per reserve
 * drone) and at least a cube-root-of-the-reserve number of cells each way, never reaching below
 * the formation's lowest point. Layers fill nearest first, cells nearest the layer's centre first.
 *
 * <p>Cost: O(K) grid work per optimisation sweep, a few dozen sweeps; 5000 points on a text
 * formation take 0.67–0.75 s per call in {@code FormationBenchmark} on a 2-core machine shared
 * with a dozen busy threads (2026-11-25). Deterministic for a given seed; safe to call from
 * several threads at once.
 */
public final class Formations {
    /** Seed of {@link #sample(FormationSpec, Placement, int, int, double, Path)}. */
    public static final long DEFAULT_SEED = 0x5EED_2025_0928L;
    /** The reserve block stands at least max(2·minSpacing, this) metres behind the formation. */
    public static final double RESERVE_GAP = 4.0;

    private Formations() {
    }

    /**
     * Samples a scene's formation to exactly totalDrones target points in the show frame:
     * K = spec.count() (or totalDrones when null) lit points spread evenly over the shape, with
     * colours (image pixels / SVG fill / CSV r,g,b, else defaultColor 0xRRGGBB), plus
     * totalDrones-K dark reserve points (rgb 0). All totalDrones points pairwise >= minSpacing apart.
     * Lit points come first in Targets (litCount = K).
     * Throws dev.starling.InputException whose path is RELATIVE to the formation object
     * ("text", "font", "height", "file", "count", ...) — the caller prefixes "scenes[i].formation".
     */
    public static Targets sample(FormationSpec spec, Placement placement, int defaultColor, int totalDrones,
                                 double minSpacing, Path baseDir) {
        return sampleReport(spec, placement, defaultColor, totalDrones, minSpacing, baseDir, DEFAULT_SEED).targets();
    }

    /**
     * As {@link #sample(FormationSpec, Placement, int, int, double, Path)}, with a seed and the
     * measured spacings.
     *
     * @param minSpacing required minimum distance between any two points, metres (&gt; 0)
     * @param baseDir    folder that file and font paths are relative to (the show file's folder)
     */
    public static FormationResult sampleReport(FormationSpec spec, Placement placement, int defaultColor,
                                               int totalDrones, double minSpacing, Path baseDir, long seed) {
        if (!(minSpacing > 0) || Double.isInfinite(minSpacing)) {
            throw new IllegalArgumentException("minSpacing must be positive and finite: " + minSpacing);
        }
        if (totalDrones < 1) {
            throw new IllegalArgumentException("totalDrones must be at least 1: " + totalDrones);
        }
        Placement pl = placement == null ? Placement.DEFAULT : placement;
        checkPlacement(pl);
        int k = litCount(spec, totalDrones);
        Shape shape = shapeOf(spec, baseDir);
        LocalPoints local = shape.sample(k, seed);
        if (!(local.minSpacing() >= minSpacing * (1 + 1e-9))) {
            throw tooTight(spec, shape, local, k, minSpacing);
        }
        Targets t = place(local, pl, defaultColor, totalDrones, minSpacing);
        double all = Spacing.min(t);
        if (!(all >= minSpacing)) {
            throw new IllegalStateException("internal error: formation points " + all + " m apart, below " + minSpacing);
        }
        return new FormationResult(t, shape, local.minSpacing(), all, shape.idealSpacing(k));
    }

    /** Lit points wanted: count, or every drone. */
    static int litCount(FormationSpec spec, int totalDrones) {
        Integer count = spec.count();
        if (count == null) {
            return totalDrones;
        }
        if (count < 1) {
            throw new InputException(null, "count", "count must be at least 1, not " + count,
                    "give the number of lit drones, or leave count out to light all " + totalDrones);
        }
        if (count > totalDrones) {
            throw new InputException(null, "count", "count " + count + " is more than the fleet's " + totalDrones + " drones",
                    "use at most " + totalDrones + ", or leave count out to light every drone");
        }
        return count;
    }

    /**
     * The geometry of a formation, read and validated: errors carry paths relative to the
     * formation object. Files and fonts are found relative to {@code baseDir}.
     */
    public static Shape shapeOf(FormationSpec spec, Path baseDir) {
        if (spec == null) {
            throw new InputException(null, null, "the formation is missing", "add a formation object to the scene");
        }
        String type = spec.type();
        if (type == null) {
            throw new InputException(null, "type", "the formation has no type",
                    "add \"type\": one of text, image, svg, mesh, points, shape");
        }
        switch (type) {
            case "text":
                return TextSource.shape(spec.text(), spec.font(), spec.height(), spec.mode(), baseDir);
            case "image":
                return ImageSource.shape(spec.file(), spec.width(), spec.height(), spec.threshold(), baseDir);
            case "svg":
                return SvgSource.shape(spec.file(), spec.width(), spec.height(), spec.mode(), baseDir);
            case "mesh":
                return MeshSource.shape(spec.file(), spec.size(), baseDir);
            case "points":
                return PointsSource.shape(spec.file(), spec.scale(), baseDir);
            case "shape":
                return ShapeSource.shape(spec.shape(), spec.size(), spec.height(), spec.turns(), spec.mode());
            default:
                throw new InputException(null, "type", "unknown formation type '" + type + "'",
                        "use one of text, image, svg, mesh, points, shape");
        }
    }

    /**
     * Validates a placement; errors carry paths relative to the placement object
     * ({@code center}, {@code plane}, {@code rotation}).
     */
    public static void checkPlacement(Placement p) {
        double[] c = p.center();
        if (c == null || c.length != 3 || !finite(c)) {
            throw new InputException(null, "center", "center must be three finite numbers [x, y, z] (metres)",
                    "for example \"center\": [0, 0, 60]");
        }
        if (p.plane() != null && !p.plane().equals("xz") && !p.plane().equals("yz") && !p.plane().equals("xy")) {
            throw new InputException(null, "plane", "unknown plane '" + p.plane() + "'",
                    "use \"xz\" (facing the audience, the default), \"yz\" (side-on) or \"xy\" (flat)");
        }
        double[] r = p.rotation();
        if (r != null && (r.length != 3 || !finite(r))) {
            throw new InputException(null, "rotation", "rotation must be three finite angles [rx, ry, rz] in degrees",
                    "for example \"rotation\": [0, 0, 15]");
        }
    }

    private static boolean finite(double[] a) {
        for (double d : a) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- placement and reserve

    /** Local points to the show frame, default colour filled in, reserve block appended. */
    static Targets place(LocalPoints local, Placement p, int defaultColor, int totalDrones, double minSpacing) {
        int k = local.size();
        double[] x = new double[totalDrones], y = new double[totalDrones], z = new double[totalDrones];
        int[] rgb = new int[totalDrones];
        double[] m = p.matrix(local.source() != null);
        double[] c = p.center();
        for (int i = 0; i < k; i++) {
            double u = local.u()[i], v = local.v()[i], w = local.w()[i];
            x[i] = c[0] + m[0] * u + m[1] * v + m[2] * w;
            y[i] = c[1] + m[3] * u + m[4] * v + m[5] * w;
            z[i] = c[2] + m[6] * u + m[7] * v + m[8] * w;
            int col = local.rgb()[i];
            rgb[i] = col == Candidates.DEFAULT_COLOR ? defaultColor & 0xFFFFFF : col;
        }
        reserve(x, y, z, k, totalDrones, minSpacing);
        return new Targets(x, y, z, rgb, k);
    }

    /** Fills entries k..n-1 with the reserve block behind the lit points 0..k-1. */
    static void reserve(double[] x, double[] y, double[] z, int k, int n, double minSpacing) {
        int count = n - k;
        if (count == 0) {
            return;
        }
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double z0 = Double.POSITIVE_INFINITY, z1 = Double.NEGATIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            z0 = Math.min(z0, z[i]);
            z1 = Math.max(z1, z[i]);
            yMax = Math.max(yMax, y[i]);
        }
        double s = minSpacing * (1 + 1e-6); // pitch; the margin absorbs rounding in i * s
        int side = (int) Math.ceil(Math.cbrt(count));
        long wide = Math.max(side, (long) Math.floor((x1 - x0) / s) + 1);
        long tall = Math.max(side, (long) Math.floor((z1 - z0) / s) + 1);
        if (wide * tall > 4L * count + 64) {
            // A huge formation: only the cells nearest the centre are used, so a smaller layer
            // of the same proportions holds the reserve as well (and keeps the cell list small).
            double shrink = Math.sqrt((double) wide * tall / (4.0 * count + 64));
            wide = Math.max(1, (long) Math.ceil(wide / shrink));
            tall = Math.max(1, (long) Math.ceil(tall / shrink));
        }
        int cols = (int) wide, rows = (int) tall;
        int perLayer = cols * rows;
        double gap = Math.max(2 * minSpacing, RESERVE_GAP);
        double cx = (x0 + x1) / 2;
        double bottom = Math.max(z0, (z0 + z1) / 2 - (rows - 1) * s / 2);
        double midRow = (rows - 1) / 2.0, midCol = (cols - 1) / 2.0;
        // Cells of a layer, nearest the layer's centre first (stable: ties by row, then column).
        long[] order = new long[perLayer];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double d2 = (r - midRow) * (r - midRow) + (c - midCol) * (c - midCol);
                order[r * cols + c] = (Math.round(d2 * 4) << 32) | (r * (long) cols + c);
            }
        }
        Arrays.sort(order);
        int i = k;
        for (int layer = 0; i < n; layer++) {
            double ly = yMax + gap + layer * s;
            for (int q = 0; q < perLayer && i < n; q++) {
                int cell = (int) (order[q] & 0xFFFFFFFFL);
                int r = cell / cols, c = cell % cols;
                x[i] = cx + (c - midCol) * s;
                y[i] = ly;
                z[i] = bottom + r * s;
                i++;
            }
        }
    }

    // ---------------------------------------------------------------- errors

    /** The "cannot hold K points" error, with the scale factor that fits. */
    static InputException tooTight(FormationSpec spec, Shape shape, LocalPoints local, int k, double minSpacing) {
        double achieved = local.minSpacing();
        double factor = achieved > 0 ? minSpacing / achieved : Double.POSITIVE_INFINITY;
        double scale = Math.ceil(factor * 1.01 * 100) / 100;
        String sizes = sizeHint(spec, scale);
        String field = sizeField(spec);
        if (shape instanceof PointSetShape ps) {
            int[] pair = Spacing.closestPair(local.u(), local.v(), local.w(), k);
            int la = ps.lineOf(local.source()[pair[0]]), lb = ps.lineOf(local.source()[pair[1]]);
            String which = ps.size() == k ? "" : " (of the " + k + " points chosen from its " + ps.size() + ")";
            String msg = String.format(Locale.ROOT, "%s lines %d and %d%s are %s m apart, closer than the minimum spacing %s m",
                    ps.fileName(), Math.min(la, lb), Math.max(la, lb), which, Fields.metres(achieved), Fields.metres(minSpacing));
            String hint = Double.isInfinite(factor)
                    ? "remove the duplicate point"
                    : "move them apart, or scale the points by at least " + Fields.num(scale) + " (" + sizes + ")";
            return new InputException(null, "file", msg, hint);
        }
        String holds = "";
        if (shape.dimension() > 0 && Double.isFinite(factor)) {
            long about = (long) Math.floor(k / Math.pow(factor, shape.dimension()));
            holds = "; it holds about " + about;
        }
        String msg = String.format(Locale.ROOT, "%s cannot hold %d points %s m apart%s",
                shape instanceof SampledShape ss ? ss.noun() : "the formation", k, Fields.metres(minSpacing), holds);
        String hint = "scale it by at least " + Fields.num(scale) + " (" + sizes + "), or ask for fewer points (count)";
        return new InputException(null, field, msg, hint);
    }

    /** The field that sizes the formation, for error paths. */
    static String sizeField(FormationSpec spec) {
        switch (spec.type()) {
            case "text":
                return "height";
            case "image":
            case "svg":
                return spec.width() != null ? "width" : "height";
            case "points":
                return "scale";
            default:
                return "size";
        }
    }

    /** "height 40 → 48.4" for every field that sizes the formation. */
    static String sizeHint(FormationSpec spec, double f) {
        StringBuilder sb = new StringBuilder();
        switch (spec.type()) {
            case "text":
                hint(sb, "height", spec.height(), f);
                break;
            case "image":
            case "svg":
                hint(sb, "width", spec.width(), f);
                hint(sb, "height", spec.height(), f);
                break;
            case "points":
                hint(sb, "scale", spec.scale() == null ? 1.0 : spec.scale(), f);
                break;
            case "mesh":
                hint(sb, "size", spec.size(), f);
                break;
            default:
                hint(sb, "size", spec.size(), f);
                hint(sb, "height", spec.height(), f);
                break;
        }
        return sb.toString();
    }

    private static void hint(StringBuilder sb, String field, Double value, double f) {
        if (value == null) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(", ");
        }
        sb.append(field).append(' ').append(Fields.num(value)).append(" → ").append(Fields.num(Math.ceil(value * f * 100) / 100));
    }
}
