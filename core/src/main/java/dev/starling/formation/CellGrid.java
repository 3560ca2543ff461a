package dev.starling.formation;

import java.util.Arrays;

/**
 * A static uniform grid over a point set (structure-of-arrays, compressed rows): cell lists in
 * one {@code int[]}, for neighbour queries in O(points in the cells visited). Used for the
 * sampler's candidates and for exact closest-pair searches ({@link Spacing}).
 *
 * <p>Planar sets (all z equal) get one z layer, so a query visits 9 cells instead of 27. The
 * cell size is raised when the bounding box would need more than {@link #MAX_CELLS} cells, which
 * keeps queries correct (a cell is never smaller than asked) at the cost of visiting more points.
 */
final class CellGrid {
    /** Upper bound on cells (memory: 4 bytes each), independent of the cell size asked for. */
    static final int MAX_CELLS = 1 << 22;

    final double minX, minY, minZ, cell, inv;
    final int nx, ny, nz;
    /** Cell c holds items[start[c] .. start[c + 1]). */
    final int[] start;
    final int[] items;

    private CellGrid(double[] x, double[] y, double[] z, int n, double cellAsked) {
        double x0 = Double.POSITIVE_INFINITY, y0 = x0, z0 = x0, x1 = Double.NEGATIVE_INFINITY, y1 = x1, z1 = x1;
        for (int i = 0; i < n; i++) {
            x0 = Math.min(x0, x[i]); x1 = Math.max(x1, x[i]);
            y0 = Math.min(y0, y[i]); y1 = Math.max(y1, y[i]);
            z0 = Math.min(z0, z[i]); z1 = Math.max(z1, z[i]);
        }
        if (n == 0) {
            x0 = y0 = z0 = x1 = y1 = z1 = 0;
        }
        double c = cellAsked > 0 && Double.isFinite(cellAsked) ? cellAsked : 1;
        long cells;
        int cx, cy, cz;
        while (true) {
            cx = (int) Math.min(Integer.MAX_VALUE / 4, Math.floor((x1 - x0) / c) + 1);
            cy = (int) Math.min(Integer.MAX_VALUE / 4, Math.floor((y1 - y0) / c) + 1);
            cz = (int) Math.min(Integer.MAX_VALUE / 4, Math.floor((z1 - z0) / c) + 1);
            cells = (long) cx * cy * cz;
            if (cells <= MAX_CELLS) {
                break;
            }
            c *= Math.cbrt((double) cells / MAX_CELLS) * 1.01 + 1e-9;
        }
        minX = x0;
        minY = y0;
        minZ = z0;
        cell = c;
        inv = 1 / c;
        nx = cx;
        ny = cy;
        nz = cz;
        start = new int[(int) cells + 1];
        items = new int[n];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            int k = cellIndex(x[i], y[i], z[i]);
            cellOf[i] = k;
            start[k + 1]++;
        }
        for (int k = 0; k < cells; k++) {
            start[k + 1] += start[k];
        }
        int[] fill = Arrays.copyOf(start, (int) cells);
        for (int i = 0; i < n; i++) {
            items[fill[cellOf[i]]++] = i;
        }
    }

    /** Grid over the first {@code n} points with cells at least {@code cell} wide. O(n + cells). */
    static CellGrid build(double[] x, double[] y, double[] z, int n, double cell) {
        return new CellGrid(x, y, z, n, cell);
    }

    int ix(double px) {
        int i = (int) ((px - minX) * inv);
        return i < 0 ? 0 : Math.min(i, nx - 1);
    }

    int iy(double py) {
        int i = (int) ((py - minY) * inv);
        return i < 0 ? 0 : Math.min(i, ny - 1);
    }

    int iz(double pz) {
        int i = (int) ((pz - minZ) * inv);
        return i < 0 ? 0 : Math.min(i, nz - 1);
    }

    int cellIndex(double px, double py, double pz) {
        return ix(px) + nx * (iy(py) + ny * iz(pz));
    }
}
