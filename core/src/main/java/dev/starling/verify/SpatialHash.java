package dev.starling.verify;

import java.util.Arrays;

/**
 * Finds every pair of points closer than a radius, in 3D, with a uniform grid: the one spatial
 * hash of Starling, shared by the verifier and risk analysis.
 *
 * <p>Points go into cubic cells of side {@code cell} (≥ the query radius); a pair closer than
 * the radius lies in the same or in adjacent cells, so each occupied cell is compared with
 * itself and its 13 "forward" neighbours (half of the 26), which finds each pair once.
 *
 * <p>Cells are addressed densely inside the points' bounding box when that box holds at most
 * {@code 256 n + 65536} cells, 2<sup>24</sup> at most (formations, even spread over sheets,
 * usually do), and through an
 * open-addressing table keyed by a mixed hash of the cell coordinates otherwise, so memory stays
 * O(n) whatever the extent of the points. Either way an occupancy bitmap small enough to stay in
 * cache answers most neighbour lookups (which hit empty cells) without touching the tables; it
 * is cleared cell by cell, so a rebuild costs O(n). Coordinates beyond ±2<sup>30</sup> cells are
 * clamped to the border cell, which keeps every close pair (two points clamped together are
 * still compared by their true distance).
 *
 * <p>Cost: O(n) to build; O(n + pairs examined) to query. For small n the brute-force
 * {@link #pairsWithinBruteForce} (O(n²)) is as fast and is the test oracle. Output order is
 * deterministic: by cell in order of first insertion, then by point index. One instance per
 * thread; reuse it across builds to avoid allocation.
 */
public final class SpatialHash {
    private static final int CLAMP = 1 << 30;
    /** The 13 neighbour offsets (dx, dy, dz) that are lexicographically greater than (0, 0, 0). */
    private static final int[] FORWARD = buildForward();

    // occupied cells, in order of first insertion
    private int cells;
    private int[] cellX = new int[0];
    private int[] cellY = new int[0];
    private int[] cellZ = new int[0];
    private int[] cellCount = new int[0];
    private int[] cellStart = new int[0];
    private int[] cellBit = new int[0];

    // points
    private int points;
    private int[] order = new int[0];
    private int[] cellOfPoint = new int[0];
    private int[] px = new int[0];
    private int[] py = new int[0];
    private int[] pz = new int[0];

    // occupancy bitmap: dense cell index, or hash bits
    private long[] bits = new long[0];
    private int bitMask;

    // dense mode: slot = index in the bounding box of cells
    private boolean dense;
    private int minX;
    private int minY;
    private int minZ;
    private int dimX;
    private int dimY;
    private int dimZ;
    private int[] denseCell = new int[0];

    // hash mode: open addressing, slot → cell, stamps mark this build's slots
    private int[] slotCell = new int[0];
    private int[] stamp = new int[0];
    private int slotMask;
    private int gen;

    private double[] x;
    private double[] y;
    private double[] z;
    private double cellSize;

    /**
     * Indexes points {@code 0..n-1} with {@code include[i]} (or all when {@code include} is
     * null) at {@code (x[i], y[i], z[i])}, metres, in cells of side {@code cell} metres.
     * Keeps references to the arrays until the next build.
     */
    public void build(double[] x, double[] y, double[] z, int n, boolean[] include, double cell) {
        if (!(cell > 0) || Double.isInfinite(cell)) {
            throw new IllegalArgumentException("cell size must be positive and finite, was " + cell);
        }
        this.x = x;
        this.y = y;
        this.z = z;
        this.cellSize = cell;
        clearBits();
        ensurePoints(n);
        double inv = 1 / cell;
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, z0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE, z1 = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (include != null && !include[i]) {
                continue;
            }
            int cx = cellCoord(x[i] * inv), cy = cellCoord(y[i] * inv), cz = cellCoord(z[i] * inv);
            px[i] = cx;
            py[i] = cy;
            pz[i] = cz;
            x0 = Math.min(x0, cx);
            x1 = Math.max(x1, cx);
            y0 = Math.min(y0, cy);
            y1 = Math.max(y1, cy);
            z0 = Math.min(z0, cz);
            z1 = Math.max(z1, cz);
        }
        long volume = x0 > x1 ? 0 : ((long) x1 - x0 + 1) * ((long) y1 - y0 + 1) * ((long) z1 - z0 + 1);
        dense = volume > 0 && volume <= denseLimit(n);
        if (dense) {
            minX = x0;
            minY = y0;
            minZ = z0;
            dimX = x1 - x0 + 1;
            dimY = y1 - y0 + 1;
            dimZ = z1 - z0 + 1;
            ensureDense((int) volume);
        } else {
            ensureHash(n);
        }
        cells = 0;
        points = 0;
        for (int i = 0; i < n; i++) {
            if (include != null && !include[i]) {
                continue;
            }
            int c = dense ? insertDense(px[i], py[i], pz[i]) : insertHashed(px[i], py[i], pz[i]);
            cellCount[c]++;
            cellOfPoint[i] = c;
            points++;
        }
        int run = 0;
        for (int c = 0; c < cells; c++) {
            cellStart[c] = run;
            run += cellCount[c];
            cellCount[c] = 0;
        }
        for (int i = 0; i < n; i++) {
            if (include != null && !include[i]) {
                continue;
            }
            int c = cellOfPoint[i];
            order[cellStart[c] + cellCount[c]++] = i;
        }
    }

    /** Number of points indexed by the last build. */
    public int size() {
        return points;
    }

    /**
     * Appends to {@code out} every pair of indexed points closer than {@code r} metres
     * (strictly), {@code r ≤ cell}; returns the number appended.
     */
    public int pairsWithin(double r, PairList out) {
        if (r > cellSize) {
            throw new IllegalArgumentException("query radius " + r + " exceeds the cell size " + cellSize);
        }
        double r2 = r * r;
        int before = out.size();
        double[] qx = x, qy = y, qz = z;
        for (int c = 0; c < cells; c++) {
            int s0 = cellStart[c], s1 = s0 + cellCount[c];
            for (int u = s0; u < s1; u++) {
                int i = order[u];
                double xi = qx[i], yi = qy[i], zi = qz[i];
                for (int v = u + 1; v < s1; v++) {
                    int j = order[v];
                    double dx = qx[j] - xi, dy = qy[j] - yi, dz = qz[j] - zi;
                    double d2 = dx * dx + dy * dy + dz * dz;
                    if (d2 < r2) {
                        out.add(i, j, d2);
                    }
                }
            }
            int cx = cellX[c], cy = cellY[c], cz = cellZ[c];
            for (int k = 0; k < FORWARD.length; k += 3) {
                int t = dense ? findDense(cx + FORWARD[k], cy + FORWARD[k + 1], cz + FORWARD[k + 2])
                        : findHashed(cx + FORWARD[k], cy + FORWARD[k + 1], cz + FORWARD[k + 2]);
                if (t < 0) {
                    continue;
                }
                int t0 = cellStart[t], t1 = t0 + cellCount[t];
                for (int u = s0; u < s1; u++) {
                    int i = order[u];
                    double xi = qx[i], yi = qy[i], zi = qz[i];
                    for (int v = t0; v < t1; v++) {
                        int j = order[v];
                        double dx = qx[j] - xi, dy = qy[j] - yi, dz = qz[j] - zi;
                        double d2 = dx * dx + dy * dy + dz * dz;
                        if (d2 < r2) {
                            out.add(i, j, d2);
                        }
                    }
                }
            }
        }
        return out.size() - before;
    }

    /**
     * The O(n²) reference: appends every pair {@code i < j} of included points closer than
     * {@code r} metres, in order of i then j; returns the number appended.
     */
    public static int pairsWithinBruteForce(double[] x, double[] y, double[] z, int n, boolean[] include,
                                            double r, PairList out) {
        double r2 = r * r;
        int before = out.size();
        for (int i = 0; i < n; i++) {
            if (include != null && !include[i]) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                if (include != null && !include[j]) {
                    continue;
                }
                double dx = x[j] - x[i], dy = y[j] - y[i], dz = z[j] - z[i];
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 < r2) {
                    out.add(i, j, d2);
                }
            }
        }
        return out.size() - before;
    }

    private static int cellCoord(double v) {
        double f = Math.floor(v);
        if (f >= CLAMP) {
            return CLAMP;
        }
        if (f <= -CLAMP) {
            return -CLAMP;
        }
        return (int) f;
    }

    /**
     * Mixes the cell coordinates with a full-avalanche finaliser (SplitMix64's): a linear hash
     * maps the lattice of a formation onto a lattice of slots, and linear probing then runs
     * into long chains.
     */
    private static int hash(int cx, int cy, int cz) {
        long k = cx * 0x9E3779B97F4A7C15L ^ cy * 0xC2B2AE3D27D4EB4FL ^ cz * 0x165667B19E3779F9L;
        k = (k ^ (k >>> 30)) * 0xBF58476D1CE4E5B9L;
        k = (k ^ (k >>> 27)) * 0x94D049BB133111EBL;
        return (int) (k ^ (k >>> 31));
    }

    private boolean bit(int b) {
        return (bits[b >>> 6] & (1L << b)) != 0;
    }

    private int newCell(int cx, int cy, int cz, int b) {
        int c = cells++;
        cellX[c] = cx;
        cellY[c] = cy;
        cellZ[c] = cz;
        cellCount[c] = 0;
        cellBit[c] = b;
        bits[b >>> 6] |= 1L << b;
        return c;
    }

    private void clearBits() {
        for (int c = 0; c < cells; c++) {
            int b = cellBit[c];
            bits[b >>> 6] &= ~(1L << b);
        }
        cells = 0;
    }

    // ---- dense mode

    /**
     * Largest bounding box, in cells, addressed densely for n points: 4 bytes per cell of
     * index plus a bit of occupancy, at most 64 MiB; beyond it the cells are hashed.
     */
    private static long denseLimit(int n) {
        return Math.min(256L * n + (1 << 16), 1 << 24);
    }

    private int findDense(int cx, int cy, int cz) {
        int ix = cx - minX, iy = cy - minY, iz = cz - minZ;
        if (ix < 0 || ix >= dimX || iy < 0 || iy >= dimY || iz < 0 || iz >= dimZ) {
            return -1;
        }
        int s = (iz * dimY + iy) * dimX + ix;
        return bit(s) ? denseCell[s] : -1;
    }

    private int insertDense(int cx, int cy, int cz) {
        int s = ((cz - minZ) * dimY + (cy - minY)) * dimX + (cx - minX);
        if (bit(s)) {
            return denseCell[s];
        }
        int c = newCell(cx, cy, cz, s);
        denseCell[s] = c;
        return c;
    }

    private void ensureDense(int volume) {
        if (denseCell.length < volume) {
            denseCell = new int[Math.max(volume, denseCell.length * 2)];
        }
        ensureBits(volume);
    }

    // ---- hash mode

    private int findHashed(int cx, int cy, int cz) {
        int h = hash(cx, cy, cz);
        if (!bit(h & bitMask)) {
            return -1;
        }
        int s = h & slotMask;
        while (stamp[s] == gen) {
            int c = slotCell[s];
            if (cellX[c] == cx && cellY[c] == cy && cellZ[c] == cz) {
                return c;
            }
            s = (s + 1) & slotMask;
        }
        return -1;
    }

    private int insertHashed(int cx, int cy, int cz) {
        int h = hash(cx, cy, cz);
        int s = h & slotMask;
        while (stamp[s] == gen) {
            int c = slotCell[s];
            if (cellX[c] == cx && cellY[c] == cy && cellZ[c] == cz) {
                return c;
            }
            s = (s + 1) & slotMask;
        }
        stamp[s] = gen;
        int b = h & bitMask;
        int c = newCell(cx, cy, cz, b);
        slotCell[s] = c;
        return c;
    }

    private void ensureHash(int n) {
        int want = Integer.highestOneBit(Math.max(16, n) * 2 - 1) << 1;
        if (stamp.length < want) {
            stamp = new int[want];
            slotCell = new int[want];
            gen = 0;
        }
        slotMask = stamp.length - 1;
        if (++gen == 0) {
            Arrays.fill(stamp, 0);
            gen = 1;
        }
        // 32 bits per point keep false "occupied" answers near 3 %
        ensureBits(Integer.highestOneBit(Math.max(1 << 16, 32 * n) - 1) << 1);
        bitMask = Integer.highestOneBit(bits.length * 64) - 1;
    }

    private void ensureBits(int count) {
        int words = (count + 63) >>> 6;
        if (bits.length < words) {
            bits = new long[Math.max(words, bits.length * 2)];
        }
    }

    private void ensurePoints(int n) {
        if (order.length < n) {
            order = new int[n];
            cellOfPoint = new int[n];
            px = new int[n];
            py = new int[n];
            pz = new int[n];
            cellX = new int[n];
            cellY = new int[n];
            cellZ = new int[n];
            cellCount = new int[n];
            cellStart = new int[n];
            cellBit = new int[n];
        }
    }

    private static int[] buildForward() {
        int[] f = new int[13 * 3];
        int k = 0;
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dz = -1; dz <= 1; dz++) {
                    boolean forward = dx > 0 || (dx == 0 && (dy > 0 || (dy == 0 && dz > 0)));
                    if (forward) {
                        f[k++] = dx;
                        f[k++] = dy;
                        f[k++] = dz;
                    }
                }
            }
        }
        return f;
    }
}
