package dev.starling.formation;

/**
 * A planar region as pixels of side {@code pixel} metres: row 0 is the top (largest v); pixel
 * (i, j) covers u in [left + i·pixel, left + (i+1)·pixel), v in (top − (j+1)·pixel, top − j·pixel].
 *
 * @param label per pixel, row-major: 0 outside the region, else {@link #explicit(int)} or
 *              {@link #DEFAULT}
 */
record Raster(int width, int height, double left, double top, double pixel, int[] label) {
    /** Label of an inside pixel that shows the scene's default colour. */
    static final int DEFAULT = 0x2000000;
    private static final int EXPLICIT = 0x1000000;

    /** Label of an inside pixel with colour 0xRRGGBB. */
    static int explicit(int rgb) {
        return EXPLICIT | (rgb & 0xFFFFFF);
    }

    /** Colour of a label: 0xRRGGBB, or {@link Candidates#DEFAULT_COLOR}. */
    static int colorOf(int label) {
        return (label & EXPLICIT) != 0 ? label & 0xFFFFFF : Candidates.DEFAULT_COLOR;
    }

    long insideCount() {
        long n = 0;
        for (int l : label) {
            if (l != 0) {
                n++;
            }
        }
        return n;
    }

    /** Label at (u, v), 0 outside the raster. */
    int labelAt(double u, double v) {
        double fi = (u - left) / pixel, fj = (top - v) / pixel;
        if (!(fi >= 0 && fj >= 0 && fi < width && fj < height)) {
            return 0;
        }
        return label[(int) fj * width + (int) fi];
    }

    /**
     * One candidate per inside pixel, at a seeded random spot inside the pixel: jitter breaks the
     * lattice's many equal distances, which would otherwise freeze the sampler's max-min moves.
     */
    Candidates toCandidates(double area, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int n = (int) insideCount();
        double[] u = new double[n], v = new double[n], w = new double[n];
        int[] rgb = new int[n];
        int a = 0;
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                int l = label[j * width + i];
                if (l != 0) {
                    u[a] = left + (i + rnd.nextDouble()) * pixel;
                    v[a] = top - (j + rnd.nextDouble()) * pixel;
                    rgb[a] = colorOf(l);
                    a++;
                }
            }
        }
        return new Candidates(u, v, w, rgb, n, 2, area, pixel).withDomain(new Domain() {
            @Override
            public boolean snap(double[] p) {
                p[2] = 0;
                return labelAt(p[0], p[1]) != 0;
            }

            @Override
            public void tangents(double[] p, double[] t) {
                t[0] = 1;
                t[1] = 0;
                t[2] = 0;
                t[3] = 0;
                t[4] = 1;
                t[5] = 0;
            }

            @Override
            public int colorAt(double[] p) {
                return colorOf(labelAt(p[0], p[1]));
            }
        });
    }
}
