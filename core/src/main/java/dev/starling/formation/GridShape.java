package dev.starling.formation;

/**
 * A rectangular lattice of k points inside {@code width} × {@code height} metres, square cells:
 * the row count is chosen to make the cell as large as the rectangle allows; rows run top to
 * bottom, a partial last row is centred. Deterministic, no sampling.
 */
final class GridShape extends Shape {
    private final double width, height;

    GridShape(double width, double height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double measure() {
        return width * height;
    }

    @Override
    public double[] bounds() {
        return new double[] {-width / 2, -height / 2, 0, width / 2, height / 2, 0};
    }

    @Override
    public String describe() {
        return "grid, " + size2(bounds());
    }

    /** {rows, columns, cell} maximising the cell for k points. */
    double[] layout(int k) {
        int bestRows = 1, bestCols = k;
        double best = -1;
        for (int rows = 1; rows <= k; rows++) {
            int cols = (k + rows - 1) / rows;
            if ((long) (rows - 1) * cols >= k) {
                continue; // a row would stay empty
            }
            double cell = Math.min(cols > 1 ? width / (cols - 1) : Double.POSITIVE_INFINITY,
                    rows > 1 ? height / (rows - 1) : Double.POSITIVE_INFINITY);
            if (cell > best) {
                best = cell;
                bestRows = rows;
                bestCols = cols;
            }
        }
        return new double[] {bestRows, bestCols, best};
    }

    @Override
    LocalPoints sample(int k, long seed) {
        double[] l = layout(k);
        int rows = (int) l[0], cols = (int) l[1];
        double cell = Double.isInfinite(l[2]) ? 0 : l[2];
        double[] u = new double[k], v = new double[k], w = new double[k];
        int[] rgb = new int[k];
        int i = 0;
        for (int r = 0; r < rows; r++) {
            int inRow = Math.min(cols, k - r * cols);
            double v0 = (rows - 1) * cell / 2 - r * cell;
            double u0 = -(inRow - 1) * cell / 2;
            for (int c = 0; c < inRow; c++) {
                u[i] = u0 + c * cell;
                v[i] = v0;
                rgb[i] = Candidates.DEFAULT_COLOR;
                i++;
            }
        }
        return new LocalPoints(u, v, w, rgb, Spacing.min(u, v, w, k));
    }
}
