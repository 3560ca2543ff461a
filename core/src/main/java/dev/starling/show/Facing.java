package dev.starling.show;

import dev.starling.InputException;
import dev.starling.site.Viewpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which audience a formation faces, and how each audience sees it (a scene's {@code faces}).
 *
 * <p>A formation has a <em>front</em> ({@link Placement#front}): the side from which a drawing
 * reads as drawn. Seen from behind, text reads mirrored ('AI+车' as '车+IA'); seen along its
 * plane, it is a line. {@code faces} turns the formation about the vertical axis through its
 * centre, after its placement's rotation, and nothing else: a rigid turn keeps every spacing.
 * <ul>
 *   <li>a viewpoint name: the front's horizontal direction points at that viewpoint's eye;</li>
 *   <li>{@code "auto"}: a flat formation (text, image, SVG, ring, grid, heart) turns to the yaw
 *       that maximises the worst viewpoint's reading, |cos| of the angle between the front and
 *       the line of sight (1 face-on, 0 edge-on); of the two yaws that read equally well, 180°
 *       apart, it takes the one the main audience (the site's first viewpoint) sees un-mirrored.
 *       A 3-D formation reads from every side and stays as placed.</li>
 * </ul>
 * Without a site, {@code auto} measures from one default eye 300 m in front of (−y) the formation
 * at 2 m, so it keeps the placement; a viewpoint name needs the site.
 *
 * <p>Verdicts ({@link View}): {@code edge-on} when the line of sight is within
 * {@link #EDGE_ON_DEG} of the formation's plane (the threshold of the legibility analysis);
 * {@code mirrored} when a drawing with a handedness (text, image, SVG) is seen from behind;
 * {@code reads} otherwise; {@code 3-D} for formations that are not flat.
 */
public final class Facing {
    /** The {@code faces} value that chooses the yaw itself. */
    public static final String AUTO = "auto";
    /** A line of sight within this many degrees of the plane sees the formation edge-on. */
    public static final double EDGE_ON_DEG = 15.0;
    /** Yaws tried by {@code auto}: every quarter degree. */
    static final int AUTO_STEPS = 1440;
    /** A front whose horizontal part is shorter than this lies (nearly) flat: no yaw turns it to an eye. */
    static final double MIN_HORIZONTAL = 0.2;

    private static final Set<String> HANDED = Set.of("text", "image", "svg");
    private static final Set<String> FLAT_SHAPES = Set.of("ring", "grid", "heart");

    private Facing() {
    }

    /**
     * How one viewpoint sees a scene.
     *
     * @param angleDeg angle between the line of sight and the formation's plane, degrees: 90 face-on,
     *                 0 edge-on, negative from behind (null for a 3-D formation)
     * @param verdict  {@code reads}, {@code mirrored}, {@code edge-on} or {@code 3-D}
     */
    public record View(String viewpoint, Double angleDeg, String verdict) {
    }

    /**
     * A scene's audiences after its {@code faces}.
     *
     * @param faces  the scene's {@code faces}, or null
     * @param yawDeg the turn {@code faces} added about the vertical axis, degrees (0 without it)
     */
    public record Audience(String scene, String faces, double yawDeg, List<View> views) {
        public Audience {
            views = List.copyOf(views);
        }
    }

    /** True for formations drawn in a plane, whose reading depends on where it is seen from. */
    public static boolean flat(FormationSpec f) {
        return HANDED.contains(f.type()) || ("shape".equals(f.type()) && FLAT_SHAPES.contains(f.shape()));
    }

    /**
     * The placement scene {@code i} of {@code show} flies: its own, turned by its {@code faces}.
     *
     * @param viewpoints the site's viewpoints (the first is the main audience); may be empty
     * @throws InputException when {@code faces} names no viewpoint of the site, or a viewpoint
     *         that a formation lying flat cannot be turned towards (path {@code scenes[i].faces})
     */
    public static Placement placement(Show show, int i, List<Viewpoint> viewpoints) {
        Scene s = show.scenes().get(i);
        double yaw = yaw(show, i, viewpoints);
        return yaw == 0 ? s.placement() : turned(s.placement(), yaw);
    }

    /** Every scene's audiences, with each scene turned by its {@code faces}; same errors as {@link #placement}. */
    public static List<Audience> audiences(Show show, List<Viewpoint> viewpoints) {
        List<Audience> out = new ArrayList<>(show.scenes().size());
        for (int i = 0; i < show.scenes().size(); i++) {
            Scene s = show.scenes().get(i);
            double yaw = yaw(show, i, viewpoints);
            Placement p = yaw == 0 ? s.placement() : turned(s.placement(), yaw);
            List<double[]> eyes = eyes(p, viewpoints);
            List<String> names = names(viewpoints);
            List<View> views = new ArrayList<>(eyes.size());
            for (int k = 0; k < eyes.size(); k++) {
                views.add(view(names.get(k), s.formation(), p, eyes.get(k)));
            }
            out.add(new Audience(s.name(), s.faces(), yaw, views));
        }
        return out;
    }

    /** The yaw, degrees in (−180, 180], that scene {@code i}'s {@code faces} adds. */
    public static double yaw(Show show, int i, List<Viewpoint> viewpoints) {
        Scene s = show.scenes().get(i);
        String faces = s.faces();
        if (faces == null) {
            return 0;
        }
        Placement p = s.placement();
        double[] f = Placement.front(p, s.formation().type());
        double[] c = p.center();
        if (faces.equals(AUTO)) {
            return flat(s.formation()) ? autoYaw(f, c, eyes(p, viewpoints), HANDED.contains(s.formation().type())) : 0;
        }
        String path = JsonSource.element("scenes", i) + ".faces";
        Viewpoint v = null;
        for (Viewpoint vp : viewpoints) {
            if (vp.name().equals(faces)) {
                v = vp;
            }
        }
        if (v == null) {
            if (viewpoints.isEmpty()) {
                throw new InputException(show.source(), path, "scene \"" + s.name() + "\" faces \"" + faces
                        + "\", but the show has no site with viewpoints",
                        "put the site file (site.json) beside the show file or pass --site FILE; or write \"faces\": \"auto\"");
            }
            throw new InputException(show.source(), path, "scene \"" + s.name() + "\" faces \"" + faces
                    + "\", which is not a viewpoint of the site",
                    Suggestions.hint(faces, names(viewpoints), "viewpoints") + ", or \"auto\"");
        }
        double fh = Math.hypot(f[0], f[1]);
        if (fh < MIN_HORIZONTAL) {
            throw new InputException(show.source(), path, "scene \"" + s.name() + "\" lies flat (its front points "
                    + (f[2] > 0 ? "up" : "down") + "), so no turn about the vertical axis makes it face \"" + faces + "\"",
                    "stand it upright (placement.plane \"xz\" or \"yz\"), or leave faces out");
        }
        double want = Math.atan2(v.eyeY() - c[1], v.eyeX() - c[0]);
        return normalise(Math.toDegrees(want - Math.atan2(f[1], f[0])));
    }

    /**
     * The yaw (degrees) that maximises the smallest |cos| between the turned front and the lines of
     * sight to {@code eyes}; the first eye (the main audience) sees the front when {@code handed}
     * or always, since both yaws read equally well. Ties go to the smallest turn.
     */
    static double autoYaw(double[] f, double[] c, List<double[]> eyes, boolean handed) {
        double[][] to = new double[eyes.size()][];
        for (int k = 0; k < to.length; k++) {
            to[k] = unit(eyes.get(k), c);
        }
        double best = -1;
        double bestYaw = 0;
        for (int step = 0; step < AUTO_STEPS; step++) {
            // 0, +¼°, −¼°, +½°, ...: ties keep the smallest turn
            int k = (step + 1) / 2;
            double yaw = (step % 2 == 1 ? k : -k) * 360.0 / AUTO_STEPS;
            double[] g = rotateZ(f, yaw);
            double worst = Double.POSITIVE_INFINITY;
            for (double[] d : to) {
                worst = Math.min(worst, Math.abs(dot(g, d)));
            }
            if (worst > best + 1e-12) {
                best = worst;
                bestYaw = yaw;
            }
        }
        if (to.length > 0 && dot(rotateZ(f, bestYaw), to[0]) < 0) {
            bestYaw += 180;
        }
        return normalise(bestYaw);
    }

    private static View view(String name, FormationSpec f, Placement p, double[] eye) {
        if (!flat(f)) {
            return new View(name, null, "3-D");
        }
        double cos = dot(Placement.front(p, f.type()), unit(eye, p.center()));
        double angle = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, cos))));
        String verdict;
        if (Math.abs(angle) < EDGE_ON_DEG) {
            verdict = "edge-on";
        } else if (angle < 0 && HANDED.contains(f.type())) {
            verdict = "mirrored";
        } else {
            verdict = "reads";
        }
        return new View(name, Math.round(angle * 10) / 10.0, verdict);
    }

    /** The eyes that judge a formation at {@code p}: the viewpoints', or the default eye in front of it. */
    private static List<double[]> eyes(Placement p, List<Viewpoint> viewpoints) {
        List<double[]> eyes = new ArrayList<>();
        if (viewpoints.isEmpty()) {
            double[] c = p.center();
            eyes.add(new double[] {c[0], c[1] - 300, 2});
        }
        for (Viewpoint v : viewpoints) {
            eyes.add(new double[] {v.eyeX(), v.eyeY(), v.eyeZ()});
        }
        return eyes;
    }

    private static List<String> names(List<Viewpoint> viewpoints) {
        if (viewpoints.isEmpty()) {
            return List.of("default-front");
        }
        List<String> out = new ArrayList<>();
        for (Viewpoint v : viewpoints) {
            out.add(v.name());
        }
        return out;
    }

    private static Placement turned(Placement p, double yaw) {
        double[] r = p.rotation() == null ? new double[3] : p.rotation().clone();
        r[2] += yaw;
        return new Placement(p.center().clone(), p.plane(), r);
    }

    private static double normalise(double deg) {
        double d = deg % 360;
        if (d <= -180) {
            d += 360;
        } else if (d > 180) {
            d -= 360;
        }
        return Math.abs(d) < 1e-9 ? 0 : d;
    }

    private static double[] rotateZ(double[] v, double deg) {
        double a = Math.toRadians(deg), cs = Math.cos(a), sn = Math.sin(a);
        return new double[] {cs * v[0] - sn * v[1], sn * v[0] + cs * v[1], v[2]};
    }

    private static double[] unit(double[] to, double[] from) {
        double dx = to[0] - from[0], dy = to[1] - from[1], dz = to[2] - from[2];
        double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
        return n == 0 ? new double[3] : new double[] {dx / n, dy / n, dz / n};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
