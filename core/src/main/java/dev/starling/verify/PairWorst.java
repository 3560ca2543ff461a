package dev.starling.verify;

import java.util.Arrays;

/**
 * The worst (smallest) value and its time per drone pair, keyed by {@code (a, b)} with a < b:
 * an open-addressing map on primitive arrays. Ties keep the earlier time, so merging maps in
 * any grouping gives the same content.
 */
final class PairWorst {
    private long[] keys = new long[16];
    private double[] value = new double[16];
    private double[] time = new double[16];
    private boolean[] used = new boolean[16];
    private int size;

    int size() {
        return size;
    }

    /** Records (a, b) at {@code v} and {@code t} if it is worse than what the pair has. */
    void offer(int a, int b, double v, double t) {
        long key = ((long) a << 32) | (b & 0xFFFFFFFFL);
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int s = slot(key);
        if (!used[s]) {
            used[s] = true;
            keys[s] = key;
            value[s] = v;
            time[s] = t;
            size++;
        } else if (v < value[s] || (v == value[s] && t < time[s])) {
            value[s] = v;
            time[s] = t;
        }
    }

    /** Adds every entry of {@code other}. */
    void mergeFrom(PairWorst other) {
        for (int s = 0; s < other.keys.length; s++) {
            if (other.used[s]) {
                long k = other.keys[s];
                offer((int) (k >>> 32), (int) k, other.value[s], other.time[s]);
            }
        }
    }

    /** A copy with every drone index d renamed {@code to[d]} (pairs kept as a < b). */
    PairWorst renamed(int[] to) {
        PairWorst out = new PairWorst();
        for (int s = 0; s < keys.length; s++) {
            if (used[s]) {
                int a = to[(int) (keys[s] >>> 32)], b = to[(int) keys[s]];
                out.offer(Math.min(a, b), Math.max(a, b), value[s], time[s]);
            }
        }
        return out;
    }

    /**
     * The entries as rows {a, b, value, time}, sorted by time, then a, then b: a stable order
     * that does not depend on the table layout.
     */
    double[][] sortedRows() {
        double[][] rows = new double[size][];
        int k = 0;
        for (int s = 0; s < keys.length; s++) {
            if (used[s]) {
                rows[k++] = new double[] {(int) (keys[s] >>> 32), (int) keys[s], value[s], time[s]};
            }
        }
        Arrays.sort(rows, (x, y) -> {
            int c = Double.compare(x[3], y[3]);
            if (c != 0) {
                return c;
            }
            c = Double.compare(x[0], y[0]);
            return c != 0 ? c : Double.compare(x[1], y[1]);
        });
        return rows;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        long h = key * 0x9E3779B97F4A7C15L;
        int s = (int) (h >>> 40) & mask;
        while (used[s] && keys[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private void grow() {
        long[] ok = keys;
        double[] ov = value, ot = time;
        boolean[] ou = used;
        keys = new long[ok.length * 2];
        value = new double[ok.length * 2];
        time = new double[ok.length * 2];
        used = new boolean[ok.length * 2];
        size = 0;
        for (int s = 0; s < ok.length; s++) {
            if (ou[s]) {
                int t = slot(ok[s]);
                used[t] = true;
                keys[t] = ok[s];
                value[t] = ov[s];
                time[t] = ot[s];
                size++;
            }
        }
    }
}
