package dev.starling.formation;

import dev.starling.base.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * A picture of a formation as the audience sees it: points projected onto the x–z plane (x to
 * the right, z up; depth y only orders the drawing, nearer drones on top), coloured dots with a
 * soft glow on a black sky. Dark reserve drones are drawn as small dim grey dots when asked for,
 * under the lit ones, else left out. Plain java.awt (headless), no OpenGL.
 */
public final class TargetsImage {
    /** Margin around the points, as a fraction of the larger extent. */
    private static final double MARGIN = 0.06;
    private static final Color RESERVE = new Color(0x50, 0x50, 0x50);

    private TargetsImage() {
    }

    /**
     * Renders {@code t} into an image whose longer side is {@code maxSide} pixels (at least 16).
     * Cost: O(n log n) for n points (depth sort) plus the drawing.
     */
    public static BufferedImage render(Targets t, int maxSide, boolean showReserve) {
        int side = Math.max(16, maxSide);
        int n = showReserve ? t.size() : t.litCount();
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double z0 = Double.POSITIVE_INFINITY, z1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            x0 = Math.min(x0, t.x()[i]);
            x1 = Math.max(x1, t.x()[i]);
            z0 = Math.min(z0, t.z()[i]);
            z1 = Math.max(z1, t.z()[i]);
        }
        if (n == 0) {
            x0 = z0 = -1;
            x1 = z1 = 1;
        }
        double extent = Math.max(Math.max(x1 - x0, z1 - z0), 1e-6);
        double span = extent * (1 + 2 * MARGIN);
        double scale = side / span;
        int w = (int) Math.max(16, Math.ceil(((x1 - x0) + 2 * MARGIN * extent) * scale));
        int h = (int) Math.max(16, Math.ceil(((z1 - z0) + 2 * MARGIN * extent) * scale));
        double left = (x0 + x1) / 2 - w / 2.0 / scale, top = (z0 + z1) / 2 + h / 2.0 / scale;

        // Dot size from the lit points' spacing, and from their density as projected (3D shapes
        // overlap in the picture): dots stay apart, and visible.
        int lit = t.litCount();
        double spacing = lit > 1 ? Spacing.min(t.x(), t.y(), t.z(), lit) : extent / 4;
        double projected = lit > 0 ? Math.sqrt(Math.max(x1 - x0, spacing) * Math.max(z1 - z0, spacing) / lit) : spacing;
        double r = Math.max(1.0, Math.min(side / 40.0, Math.min(0.32 * spacing, 0.3 * projected) * scale));

        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, w, h);
            // Farthest first (largest y), stable by index: nearer drones cover farther ones.
            double[] ys = t.y();
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (a, b) -> {
                boolean ra = a >= lit, rb = b >= lit;
                if (ra != rb) {
                    return ra ? -1 : 1; // reserve below every lit point
                }
                int c = Double.compare(ys[b], ys[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            Ellipse2D.Double dot = new Ellipse2D.Double();
            for (int q = 0; q < n; q++) {
                int i = idx[q];
                double px = (t.x()[i] - left) * scale, py = (top - t.z()[i]) * scale;
                if (i >= lit) {
                    double rr = Math.max(0.8, r * 0.5);
                    g.setColor(RESERVE);
                    dot.setFrame(px - rr, py - rr, 2 * rr, 2 * rr);
                    g.fill(dot);
                    continue;
                }
                int rgb = t.rgb()[i];
                g.setColor(new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 70));
                double gr = r * 1.8;
                dot.setFrame(px - gr, py - gr, 2 * gr, 2 * gr);
                g.fill(dot);
                g.setColor(new Color(rgb & 0xFFFFFF));
                dot.setFrame(px - r, py - r, 2 * r, 2 * r);
                g.fill(dot);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes {@link #render} as a PNG, atomically (a reader never sees half a file). */
    public static void writePng(Targets t, Path file, int maxSide, boolean showReserve) throws IOException {
        BufferedImage img = render(t, maxSide, showReserve);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }
}
