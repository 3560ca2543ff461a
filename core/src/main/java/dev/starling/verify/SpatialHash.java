package dev.starling.verify;

import java.util.Arrays;

/**
 * Finds every pair of points closer than a radius, in 3D, by a uniform grid hashed on its cell
 * coordinates: the one spatial hash of Starling, shared by the verifier and risk analysis.
 *
 * <p>Points go into cubic cells of side {@code cell} (≥ the query radius); a pair closer than
 * the radius lies in the same or in adjacent cells, so each occupied cell is compared with
 * itself and its 13 "forward" neighbours (half of the 26), which finds each pair once. Cells
 * live in an open-addressing table sized to the point count, so memory is O(n) whatever the
 * extent of the points; a generation stamp empties it in O(1) between builds. Coordinates far
 * outside ±2<sup>30</sup> cells are clamped to the border cell, which keeps every close pair
 * (two points clamped together are still compared by their true distance).
 *
 * <p>Cost: O(n) to build; O(n + pairs examined) to query, about 14 table probes per occupied
 * cell. For small n the brute-force {@link #pairsWithinBruteForce} (O(n²)) is as fast and is
 * the test oracle. Output order is deterministic: by cell in order of first insertion, then by
 * point index. One instance per thread; reuse it across builds to avoid allocation.
 */
public final class SpatialHash {
    private static final int CLAMP = 1 << 30;
    /** The 13 neighbour offsets (dx, dy, dz) that are lexicographically greater than (0, 0, 0). */
    private static final int[] FORWARD = buildForward();

    private int[] keyX = new int[0];
    private int[] keyY = new int[0];
    private int[] keyZ = new int[0];
    private int[] stamp = new int[0];
    private int[] count = new int[0];
    private int[] startOf = new int[0];
    private int mask;
    private int gen;

    private int[] occupied = new int[0];
    private int cells;
    private int[] order = new int[0];
    private int[] slotOf = new int[0];
    private int points;

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
        ensureCapacity(n);
        if (++gen == 0) {
            Arrays.fill(stamp, 0);
            gen = 1;
        }
        cells = 0;
        points = 0;
        double inv = 1 / cell;
        for (int i = 0; i < n; i++) {
            if (include != null && !include[i]) {
                continue;
            }
            int cx = cellCoord(x[i] * inv), cy = cellCoord(y[i] * inv), cz = cellCoord(z[i] * inv);
            int s = findOrInsert(cx, cy, cz);
            count[s]++;
            slotOf[i] = s;
            points++;
        }
        int run = 0;
        for (int c = 0; c < cells; c++) {
            int s = occupied[c];
            startOf[s] = run;
            run += count[s];
            count[s] = 0;
        }
        for (int i = 0; i < n; i++) {
            if (include != null && !include[i]) {
                continue;
            }
            int s = slotOf[i];
            order[startOf[s] + count[s]++] = i;
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
        double[] px = x, py = y, pz = z;
        for (int c = 0; c < cells; c++) {
            int s = occupied[c];
            int s0 = startOf[s], s1 = s0 + count[s];
            for (int u = s0; u < s1; u++) {
                int i = order[u];
                double xi = px[i], yi = py[i], zi = pz[i];
                for (int v = u + 1; v < s1; v++) {
                    int j = order[v];
                    double dx = px[j] - xi, dy = py[j] - yi, dz = pz[j] - zi;
                    double d2 = dx * dx + dy * dy + dz * dz;
                    if (d2 < r2) {
                        out.add(i, j, d2);
                    }
                }
            }
            int cx = keyX[s], cy = keyY[s], cz = keyZ[s];
            for (int k = 0; k < FORWARD.length; k += 3) {
                int t = find(cx + FORWARD[k], cy + FORWARD[k + 1], cz + FORWARD[k + 2]);
                if (t < 0) {
                    continue;
                }
                int t0 = startOf[t], t1 = t0 + count[t];
                for (int u = s0; u < s1; u++) {
                    int i = order[u];
                    double xi = px[i], yi = py[i], zi = pz[i];
                    for (int v = t0; v < t1; v++) {
                        int j = order[v];
                        double dx = px[j] - xi, dy = py[j] - yi, dz = pz[j] - zi;
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

    private static int hash(int cx, int cy, int cz) {
        int h = cx * 0x9E3779B1 + cy * 0x85EBCA77 + cz * 0xC2B2AE3D;
        return h ^ (h >>> 15);
    }

    private int find(int cx, int cy, int cz) {
        int s = hash(cx, cy, cz) & mask;
        while (stamp[s] == gen) {
            if (keyX[s] == cx && keyY[s] == cy && keyZ[s] == cz) {
                return s;
            }
            s = (s + 1) & mask;
        }
        return -1;
    }

    private int findOrInsert(int cx, int cy, int cz) {
        int s = hash(cx, cy, cz) & mask;
        while (stamp[s] == gen) {
            if (keyX[s] == cx && keyY[s] == cy && keyZ[s] == cz) {
                return s;
            }
            s = (s + 1) & mask;
        }
        stamp[s] = gen;
        keyX[s] = cx;
        keyY[s] = cy;
        keyZ[s] = cz;
        count[s] = 0;
        occupied[cells++] = s;
        return s;
    }

    private void ensureCapacity(int n) {
        if (order.length < n) {
            order = new int[n];
            slotOf = new int[n];
        }
        int want = Integer.highestOneBit(Math.max(16, n) * 2 - 1) << 1;
        if (stamp.length < want) {
            keyX = new int[want];
            keyY = new int[want];
            keyZ = new int[want];
            stamp = new int[want];
            count = new int[want];
            startOf = new int[want];
            occupied = new int[want];
            mask = want - 1;
            gen = 0;
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
