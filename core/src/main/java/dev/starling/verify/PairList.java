package dev.starling.verify;

import java.util.Arrays;

/**
 * A reusable list of point pairs {@code (a, b)} with {@code a < b} and their squared distance,
 * filled by {@link SpatialHash}. Grows as needed and keeps its arrays across {@link #clear()},
 * so a caller that reuses one list allocates nothing once it has reached its working size.
 */
public final class PairList {
    private int[] a = new int[64];
    private int[] b = new int[64];
    private double[] d2 = new double[64];
    private int size;

    /** Number of pairs. */
    public int size() {
        return size;
    }

    /** Lower index of pair {@code k}. */
    public int a(int k) {
        return a[k];
    }

    /** Higher index of pair {@code k}. */
    public int b(int k) {
        return b[k];
    }

    /** Squared distance of pair {@code k}, m². */
    public double distanceSquared(int k) {
        return d2[k];
    }

    /** Empties the list, keeping its capacity. */
    public void clear() {
        size = 0;
    }

    void add(int i, int j, double dist2) {
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
            b = Arrays.copyOf(b, size * 2);
            d2 = Arrays.copyOf(d2, size * 2);
        }
        if (i < j) {
            a[size] = i;
            b[size] = j;
        } else {
            a[size] = j;
            b[size] = i;
        }
        d2[size] = dist2;
        size++;
    }
}
