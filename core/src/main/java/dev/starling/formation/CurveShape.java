package dev.starling.formation;

import java.util.List;

/**
 * Polylines in the local frame (metres): glyph or SVG outlines in stroke mode, a ring, a helix.
 * Candidates are spaced evenly by arc length along every polyline, so points follow the lines.
 */
final class CurveShape extends SampledShape {
    /**
     * One polyline: vertices as {u0, v0, w0, u1, v1, w1, ...}; {@code closed} adds the segment
     * from the last vertex back to the first.
     *
     * @param label {@link Raster#explicit(int)} or {@link Raster#DEFAULT}
     */
    record Polyline(double[] xyz, boolean closed, int label) {
        double length() {
            double len = 0;
            int n = xyz.length / 3;
            for (int i = 1; i < n; i++) {
                len += seg(i - 1, i);
            }
            if (closed && n > 2) {
                len += seg(n - 1, 0);
            }
            return len;
        }

        double seg(int a, int b) {
            double du = xyz[3 * b] - xyz[3 * a], dv = xyz[3 * b + 1] - xyz[3 * a + 1], dw = xyz[3 * b + 2] - xyz[3 * a + 2];
            return Math.sqrt(du * du + dv * dv + dw * dw);
        }
    }

    private final List<Polyline> lines;
    private final double length;
    private final double[] bounds;
    private final String noun;
    private final String description;

    CurveShape(List<Polyline> lines, String noun, String description) {
        this.lines = List.copyOf(lines);
        double len = 0;
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Polyline p : this.lines) {
            len += p.length();
            double[] xyz = p.xyz();
            for (int i = 0; i < xyz.length; i++) {
                b[i % 3] = Math.min(b[i % 3], xyz[i]);
                b[3 + i % 3] = Math.max(b[3 + i % 3], xyz[i]);
            }
        }
        if (this.lines.isEmpty()) {
            b = new double[6];
        }
        this.length = len;
        this.bounds = b;
        this.noun = noun;
        this.description = description;
    }

    /** The polylines, in the local frame. */
    List<Polyline> lines() {
        return lines;
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public double measure() {
        return length;
    }

    @Override
    public double[] bounds() {
        return bounds.clone();
    }

    @Override
    public String describe() {
        return description.contains("%s")
                ? String.format(description, bounds[5] - bounds[2] > 0 ? size3(bounds) : size2(bounds))
                : description;
    }

    @Override
    String noun() {
        return noun;
    }

    @Override
    Candidates candidates(double step, long seed) {
        double h = Math.max(step, length / MAX_CANDIDATES);
        int cap = 0;
        for (Polyline p : lines) {
            cap += (int) Math.ceil(p.length() / h) + 1;
        }
        double[] u = new double[cap], v = new double[cap], w = new double[cap];
        int[] rgb = new int[cap];
        int n = 0;
        int[] runs = new int[lines.size() + 1];
        boolean[] closed = new boolean[lines.size()];
        int run = 0;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (Polyline p : lines) {
            runs[run] = n;
            closed[run++] = p.closed();
            double[] xyz = p.xyz();
            int verts = xyz.length / 3;
            int segs = p.closed() && verts > 2 ? verts : verts - 1;
            double next = h / 2; // arc-length position of the next candidate on this polyline
            double at = 0;
            int color = Raster.colorOf(p.label());
            for (int s = 0; s < segs; s++) {
                int a = s, b = (s + 1) % verts;
                double len = p.seg(a, b);
                while (next <= at + len && n < cap) {
                    // jittered along the line: breaks ties between equal distances (see Raster)
                    double jittered = Math.min(at + len, Math.max(at, next + (rnd.nextDouble() - 0.5) * h));
                    double t = len > 0 ? (jittered - at) / len : 0;
                    u[n] = xyz[3 * a] + t * (xyz[3 * b] - xyz[3 * a]);
                    v[n] = xyz[3 * a + 1] + t * (xyz[3 * b + 1] - xyz[3 * a + 1]);
                    w[n] = xyz[3 * a + 2] + t * (xyz[3 * b + 2] - xyz[3 * a + 2]);
                    rgb[n] = color;
                    n++;
                    next += h;
                }
                at += len;
            }
        }
        runs[run] = n;
        return new Candidates(u, v, w, rgb, n, 1, length, h, runs, closed, null);
    }
}
