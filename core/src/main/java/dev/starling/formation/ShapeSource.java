package dev.starling.formation;

import dev.starling.InputException;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parametric formations, sized by {@code size} (metres, overall extent) and where relevant
 * {@code height} and {@code turns}:
 * <ul>
 *   <li>{@code sphere}: surface of a sphere of diameter size.</li>
 *   <li>{@code torus}: surface of a torus about the w axis (an "O" facing the audience), outer
 *       diameter size, tube diameter height (default size/4, below size/2).</li>
 *   <li>{@code ring}: a circle of diameter size (points along it); with height, a filled annulus
 *       of that radial width.</li>
 *   <li>{@code helix}: a helix of diameter size about the v axis (upright), height (default size),
 *       turns (default 3).</li>
 *   <li>{@code grid}: a square-celled lattice filling size wide × height (default size) tall.</li>
 *   <li>{@code heart}: the classic filled heart (x = 16 sin³t, y = 13 cos t − 5 cos 2t − 2 cos 3t
 *       − cos 4t), size wide.</li>
 * </ul>
 */
final class ShapeSource {
    static final List<String> SHAPES = List.of("sphere", "torus", "ring", "helix", "grid", "heart");
    /** Vertices of the polygons approximating smooth closed curves. */
    private static final int SEGMENTS = 1440;

    private ShapeSource() {
    }

    static Shape shape(String name, Double sizeField, Double heightField, Double turnsField, String mode) {
        if (name == null || name.isBlank()) {
            throw new InputException(null, "shape", "a shape formation needs a shape",
                    "add \"shape\": one of " + String.join(", ", SHAPES));
        }
        String s = name.toLowerCase(Locale.ROOT);
        if (!SHAPES.contains(s)) {
            throw new InputException(null, "shape", "unknown shape '" + name + "'", "use one of " + String.join(", ", SHAPES));
        }
        double size = Fields.positive(sizeField, "size", "40");
        switch (s) {
            case "sphere":
                return new SurfaceShape.Sphere(size / 2);
            case "torus": {
                double tube = Fields.positiveOr(heightField, size / 4, "height", String.valueOf(size / 4));
                if (tube >= size / 2) {
                    throw new InputException(null, "height", "the torus tube (height " + Fields.num(tube)
                            + ") must be thinner than half its diameter (size " + Fields.num(size) + ")",
                            "use a height below " + Fields.num(size / 2) + ", e.g. " + Fields.num(size / 4));
                }
                return new SurfaceShape.Torus((size - tube) / 2, tube / 2);
            }
            case "ring": {
                if (heightField == null) {
                    return new CurveShape(List.of(new CurveShape.Polyline(circle(size / 2), true, Raster.DEFAULT)),
                            "the ring", "ring, diameter " + Fields.num(size) + " m");
                }
                double band = Fields.positive(heightField, "height", "6");
                Area a = new Area(new Ellipse2D.Double(-size / 2, -size / 2, size, size));
                double inner = size / 2 - band;
                if (inner > 0) {
                    a.subtract(new Area(new Ellipse2D.Double(-inner, -inner, 2 * inner, 2 * inner)));
                }
                return VectorRegion.of(List.of(new VectorRegion.Painted(a, Raster.DEFAULT)), "the ring",
                        "ring, diameter " + Fields.num(size) + " m, band " + Fields.num(band) + " m");
            }
            case "helix": {
                double height = Fields.positiveOr(heightField, size, "height", "60");
                double turns = Fields.positiveOr(turnsField, 3, "turns", "3");
                int n = (int) Math.max(64, Math.ceil(turns * 720));
                double[] xyz = new double[3 * (n + 1)];
                for (int i = 0; i <= n; i++) {
                    double t = (double) i / n;
                    double a = 2 * Math.PI * turns * t;
                    xyz[3 * i] = size / 2 * Math.cos(a);
                    xyz[3 * i + 1] = height * (t - 0.5);
                    xyz[3 * i + 2] = size / 2 * Math.sin(a);
                }
                return new CurveShape(List.of(new CurveShape.Polyline(xyz, false, Raster.DEFAULT)), "the helix",
                        "helix, diameter " + Fields.num(size) + " m, height " + Fields.num(height) + " m, "
                                + Fields.num(turns) + " turns");
            }
            case "grid":
                return new GridShape(size, Fields.positiveOr(heightField, size, "height", "30"));
            case "heart":
                return heart(size, Modes.stroke(mode));
            default:
                throw new IllegalStateException(s);
        }
    }

    private static double[] circle(double r) {
        double[] xyz = new double[3 * SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            double a = 2 * Math.PI * i / SEGMENTS;
            xyz[3 * i] = r * Math.cos(a);
            xyz[3 * i + 1] = r * Math.sin(a);
        }
        return xyz;
    }

    private static Shape heart(double size, boolean stroke) {
        double[] x = new double[SEGMENTS], y = new double[SEGMENTS];
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < SEGMENTS; i++) {
            double t = 2 * Math.PI * i / SEGMENTS;
            double s = Math.sin(t);
            x[i] = 16 * s * s * s;
            y[i] = 13 * Math.cos(t) - 5 * Math.cos(2 * t) - 2 * Math.cos(3 * t) - Math.cos(4 * t);
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        double k = size / (maxX - minX);
        double cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
        String desc = "heart, " + Fields.num(size) + " m wide";
        if (stroke) {
            double[] xyz = new double[3 * SEGMENTS];
            for (int i = 0; i < SEGMENTS; i++) {
                xyz[3 * i] = (x[i] - cx) * k;
                xyz[3 * i + 1] = (y[i] - cy) * k;
            }
            return new CurveShape(List.of(new CurveShape.Polyline(xyz, true, Raster.DEFAULT)), "the heart", desc + " (stroke)");
        }
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < SEGMENTS; i++) {
            double px = (x[i] - cx) * k, py = (y[i] - cy) * k;
            if (i == 0) {
                p.moveTo(px, py);
            } else {
                p.lineTo(px, py);
            }
        }
        p.closePath();
        List<VectorRegion.Painted> items = new ArrayList<>();
        items.add(new VectorRegion.Painted(p, Raster.DEFAULT));
        return VectorRegion.of(items, "the heart", desc);
    }
}
