package dev.starling.formation;

/**
 * A filled planar region (text, image, SVG, heart, annulus) that can rasterise itself at any
 * pixel size; its candidates are the centres of inside pixels, its area the inside pixel count
 * times the pixel area, measured on a raster of about {@link #AREA_PIXELS} pixels.
 */
abstract class RegionShape extends SampledShape {
    /** Pixels of the raster that measures the area (error well under 1 % for formations). */
    static final long AREA_PIXELS = 1L << 21;
    /** Largest raster made for candidates (4 bytes per pixel). */
    static final long MAX_PIXELS = 24_000_000L;
    /**
     * Most pixels along one side of any raster: a drawing squashed to a needle (an SVG control
     * point at 1e21) otherwise asked for a raster 2^31 pixels tall, past int and memory.
     */
    static final int MAX_SIDE = 1 << 15;

    /** Bounds of the region in the local frame, metres: u0 &lt; u1, v0 &lt; v1. */
    final double u0, v0, u1, v1;
    private double area = Double.NaN;

    RegionShape(double u0, double v0, double u1, double v1) {
        this.u0 = u0;
        this.v0 = v0;
        this.u1 = u1;
        this.v1 = v1;
    }

    /** The region as pixels of side {@code pixel} metres, covering the bounds with a 1-pixel margin. */
    abstract Raster raster(double pixel);

    @Override
    public final int dimension() {
        return 2;
    }

    @Override
    public final double measure() {
        if (Double.isNaN(area)) {
            double bbox = Math.max((u1 - u0) * (v1 - v0), 1e-300);
            double p = Math.max(Math.sqrt(bbox / AREA_PIXELS), longestSide() / MAX_SIDE);
            Raster r = raster(p);
            area = r.insideCount() * r.pixel() * r.pixel();
        }
        return area;
    }

    @Override
    public final double[] bounds() {
        return new double[] {u0, v0, 0, u1, v1, 0};
    }

    @Override
    Candidates candidates(double step, long seed) {
        double bbox = (u1 - u0 + 2 * step) * (v1 - v0 + 2 * step);
        double p = Math.max(Math.max(step, Math.sqrt(bbox / MAX_PIXELS)), longestSide() / MAX_SIDE);
        double inside = measure() / (p * p);
        if (inside > MAX_CANDIDATES) {
            p *= Math.sqrt(inside / MAX_CANDIDATES);
        }
        return raster(p).toCandidates(measure(), seed);
    }

    private double longestSide() {
        return Math.max(u1 - u0, v1 - v0);
    }

    /** Raster dimensions for these bounds at pixel size p (1-pixel margin all round). */
    final int rasterWidth(double p) {
        return (int) Math.ceil((u1 - u0) / p) + 2;
    }

    final int rasterHeight(double p) {
        return (int) Math.ceil((v1 - v0) / p) + 2;
    }
}
