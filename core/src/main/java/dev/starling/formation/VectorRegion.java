package dev.starling.formation;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A region given by vector shapes in the local frame (metres, v up), painted in order like a
 * painter: a later shape's colour covers an earlier one's. Rasterised with Java2D, antialiasing
 * off, so a pixel is inside exactly when its centre is inside a shape (under the shape's own
 * winding rule).
 */
final class VectorRegion extends RegionShape {
    /** One filled shape and its colour label ({@link Raster#explicit(int)} or {@link Raster#DEFAULT}). */
    record Painted(java.awt.Shape shape, int label) {
    }

    private final List<Painted> items;
    private final String noun;
    private final String description;

    private VectorRegion(List<Painted> items, Rectangle2D b, String noun, String description) {
        super(b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
        this.items = List.copyOf(items);
        this.noun = noun;
        this.description = description;
    }

    /**
     * A region from shapes already in metres. {@code description} may contain {@code %s}, replaced
     * by the size.
     */
    static VectorRegion of(List<Painted> items, String noun, String description) {
        Rectangle2D b = null;
        for (Painted p : items) {
            Rectangle2D r = p.shape().getBounds2D();
            b = b == null ? r : b.createUnion(r);
        }
        if (b == null) {
            b = new Rectangle2D.Double();
        }
        return new VectorRegion(new ArrayList<>(items), b, noun, description);
    }

    @Override
    Raster raster(double p) {
        int w = rasterWidth(p), h = rasterHeight(p);
        double left = u0 - p, top = v1 + p;
        Map<Integer, Integer> palette = new LinkedHashMap<>();
        for (Painted it : items) {
            palette.putIfAbsent(it.label(), palette.size() + 1);
        }
        int[] labelOf = new int[palette.size() + 1];
        palette.forEach((label, index) -> labelOf[index] = label);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setTransform(new AffineTransform(1 / p, 0, 0, -1 / p, -left / p, top / p));
            for (Painted it : items) {
                g.setColor(new Color(palette.get(it.label())));
                g.fill(it.shape());
            }
        } finally {
            g.dispose();
        }
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int[] label = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            int idx = px[i] & 0xFFFFFF;
            label[i] = idx == 0 ? 0 : labelOf[idx];
        }
        return new Raster(w, h, left, top, p, label);
    }

    /** The painted shapes in metres, in painting order. */
    List<Painted> items() {
        return items;
    }

    @Override
    public String describe() {
        return description.contains("%s") ? String.format(description, size2(bounds())) : description;
    }

    @Override
    String noun() {
        return noun;
    }
}
