package dev.starling.formation;

/**
 * The lit pixels of an image as a region: a pixel is lit when its alpha is above 0 and its luma
 * (Rec. 709 weights on the stored sRGB values, 0..1) is above the threshold; a drone standing on
 * it shows the pixel's colour. Image row 0 is the top; each pixel is {@code mpp} metres square.
 */
final class ImageRegion extends RegionShape {
    private final int iw, ih;
    private final double mpp;
    /** Per image pixel: 0 unlit, else {@link Raster#explicit(int)} of its colour. */
    private final int[] lit;
    private final String description;

    ImageRegion(int iw, int ih, double mpp, int[] lit, String description) {
        super(-iw * mpp / 2, -ih * mpp / 2, iw * mpp / 2, ih * mpp / 2);
        this.iw = iw;
        this.ih = ih;
        this.mpp = mpp;
        this.lit = lit;
        this.description = description;
    }

    /** Labels of an ARGB pixel array: lit pixels keep their colour. */
    static int[] lightUp(int[] argb, double threshold) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24, r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            double luma = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0;
            out[i] = a > 0 && luma > threshold ? Raster.explicit(p) : 0;
        }
        return out;
    }

    static long count(int[] labels) {
        long n = 0;
        for (int l : labels) {
            if (l != 0) {
                n++;
            }
        }
        return n;
    }

    @Override
    Raster raster(double p) {
        int w = rasterWidth(p), h = rasterHeight(p);
        double left = u0 - p, top = v1 + p;
        int[] label = new int[w * h];
        for (int j = 0; j < h; j++) {
            double v = top - (j + 0.5) * p;
            double fy = (v1 - v) / mpp;
            if (fy < 0 || fy >= ih) {
                continue;
            }
            int row = (int) fy * iw;
            for (int i = 0; i < w; i++) {
                double u = left + (i + 0.5) * p;
                double fx = (u - u0) / mpp;
                if (fx < 0 || fx >= iw) {
                    continue;
                }
                label[j * w + i] = lit[row + (int) fx];
            }
        }
        return new Raster(w, h, left, top, p, label);
    }

    @Override
    public String describe() {
        return String.format(description, size2(bounds()));
    }

    @Override
    String noun() {
        return "the image";
    }
}
