package dev.starling.render;

import dev.starling.io.json.PlanJson;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plans built without the planner, for render tests and measurements: n drones rise from a ground
 * grid at the origin, fly into the text "AI+车" standing in the plane facing the south bank
 * (y = 0, its foot {@value #TEXT_BASE_Z} m up, sized for about 1.8 m between drones, above the
 * demo's 1.5 m limit), hold it, and come back down. Lights: off on the
 * ground, dim white while climbing, the text's colours in formation ("AI" blue, "+" white, "车"
 * red), fading out on landing. Deterministic.
 *
 * <p>{@code main(n, file)} writes such a plan as {@code plan.json}, e.g. for
 * {@code starling render FILE --benchmark}.
 */
final class DemoPlans {
    static final String TEXT = "AI+车";
    static final double TEXT_BASE_Z = 35;
    /** Text height per square root of drone count, metres: about 1.8 m between drones with the bundled font. */
    static final double HEIGHT_PER_SQRT_DRONE = 2.27;
    static final double GRID_SPACING = 2.0;
    static final double LAUNCH_Z = 10;
    static final double CLIMB_END = 8;
    static final double HOLD_START = 20;
    static final double HOLD_END = 30;
    static final double RETURN_END = 42;
    static final double LAND_END = 50;
    static final int[] GLYPH_COLORS = {0x3FA9FF, 0x3FA9FF, 0xFFFFFF, 0xFF3B30};

    private DemoPlans() {
    }

    /** The "AI+车" show for {@code n} drones. */
    static Plan aiCar(int n) {
        double[][] target = textTargets(n);
        int cols = (int) Math.ceil(Math.sqrt(n));
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Ground pads sorted by column, targets by x: neighbours on the ground stay neighbours in the air.
        Arrays.sort(order, (a, b) -> Double.compare(target[a][0] * 1000 + target[a][1], target[b][0] * 1000 + target[b][1]));
        List<Trajectory> trs = new ArrayList<>(n);
        List<LightProgram> lights = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double gx = (k / cols - (cols - 1) / 2.0) * GRID_SPACING;
            double gy = (k % cols - (cols - 1) / 2.0) * GRID_SPACING;
            double tx = target[i][0], tz = target[i][1];
            trs.add(Trajectory.startingAt(0, gx, gy, 0)
                    .cubicTo(CLIMB_END, gx, gy, 0, gx, gy, LAUNCH_Z, gx, gy, LAUNCH_Z)
                    .cubicTo(HOLD_START, gx, gy, LAUNCH_Z, tx, 0, tz, tx, 0, tz)
                    .holdUntil(HOLD_END)
                    .cubicTo(RETURN_END, tx, 0, tz, gx, gy, LAUNCH_Z, gx, gy, LAUNCH_Z)
                    .cubicTo(LAND_END, gx, gy, LAUNCH_Z, gx, gy, 0, gx, gy, 0)
                    .build());
            int color = (int) target[i][2];
            lights.add(LightProgram.builder()
                    .set(1.0, 0x303030)
                    .fadeTo(HOLD_START, color)
                    .set(HOLD_END, color)
                    .fadeTo(RETURN_END, 0x303030)
                    .fadeTo(LAND_END - 1, 0x000000)
                    .build());
        }
        Limits limits = new Limits(1.5, 10, 5, 4, 5, 0, 200, null);
        return new Plan("Demo: " + TEXT, limits, trs, lights,
                List.of(new SceneSpan(TEXT, CLIMB_END, HOLD_START, HOLD_END)));
    }

    /**
     * n points inside the glyphs of {@link #TEXT}, on the finest square grid that yields at least
     * n, thinned evenly to exactly n: {x, z, colour} each.
     */
    static double[][] textTargets(int n) {
        Font font = font().deriveFont(200f);
        GlyphVector gv = font.createGlyphVector(new FontRenderContext(null, true, true), TEXT);
        java.awt.Shape outline = gv.getOutline();
        Rectangle2D b = outline.getBounds2D();
        double height = textHeight(n);
        double scale = height / b.getHeight();
        double centreZ = TEXT_BASE_Z + height / 2;
        double lo = 0.05, hi = 50;
        List<double[]> pts = List.of();
        for (int iter = 0; iter < 40; iter++) {
            double s = Math.sqrt(lo * hi);
            List<double[]> p = grid(gv, b, s);
            if (p.size() >= n) {
                pts = p;
                lo = s;
            } else {
                hi = s;
            }
        }
        double[][] out = new double[n][];
        for (int k = 0; k < n; k++) {
            double[] p = pts.get((int) ((long) k * pts.size() / n));
            double x = (p[0] - b.getCenterX()) * scale;
            double z = centreZ - (p[1] - b.getCenterY()) * scale;
            out[k] = new double[] {x, z, p[2]};
        }
        return out;
    }

    /** Height of the text block for n drones, metres. */
    static double textHeight(int n) {
        return HEIGHT_PER_SQRT_DRONE * Math.sqrt(n);
    }

    private static List<double[]> grid(GlyphVector gv, Rectangle2D b, double step) {
        List<double[]> out = new ArrayList<>();
        java.awt.Shape[] glyphs = new java.awt.Shape[gv.getNumGlyphs()];
        for (int g = 0; g < glyphs.length; g++) {
            glyphs[g] = gv.getGlyphOutline(g);
        }
        for (double y = b.getMinY() + step / 2; y < b.getMaxY(); y += step) {
            for (double x = b.getMinX() + step / 2; x < b.getMaxX(); x += step) {
                for (int g = 0; g < glyphs.length; g++) {
                    if (glyphs[g].contains(x, y)) {
                        out.add(new double[] {x, y, GLYPH_COLORS[Math.min(g, GLYPH_COLORS.length - 1)]});
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static Font font() {
        try (InputStream in = DemoPlans.class.getResourceAsStream(FontAtlas.BUNDLED_FONT)) {
            if (in != null) {
                return Font.createFont(Font.TRUETYPE_FONT, in);
            }
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the bundled font does not load", e);
        }
        return new Font(Font.SANS_SERIF, Font.BOLD, 12);
    }

    /** Writes {@code aiCar(n)} to a plan file: {@code DemoPlans N FILE}. */
    public static void main(String[] args) throws IOException {
        PlanJson.write(aiCar(Integer.parseInt(args[0])), Path.of(args[1]));
    }
}
