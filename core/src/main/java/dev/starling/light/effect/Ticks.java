package dev.starling.light.effect;

import java.util.Arrays;

/**
 * A growable, reusable set of tick indices (20 ms each): the instants at which a drone's
 * composite colour may bend or jump. Each breakpoint adds the ticks on both sides of it.
 */
final class Ticks {
    long[] v = new long[64];
    int size;

    void clear() {
        size = 0;
    }

    void addTick(long k) {
        if (size == v.length) {
            v = Arrays.copyOf(v, size * 2);
        }
        v[size++] = k;
    }

    /**
     * Adds the two ticks around show time {@code seconds}: the last tick before it and the first
     * at or after it, so a jump at {@code seconds} lies inside one tick interval. (Should rounding
     * put a jump one tick off, the adaptive check of {@link LightDesign} still finds it.)
     */
    void addTime(double seconds) {
        if (!Double.isFinite(seconds)) {
            return;
        }
        long k = (long) Math.ceil(seconds * LightDesign.TICKS_PER_SECOND - 1e-7);
        addTick(k - 1);
        addTick(k);
    }

    /** Sorts, keeps the ticks in [lo, hi] once each, and always includes lo and hi. */
    void normalise(long lo, long hi) {
        addTick(lo);
        addTick(hi);
        Arrays.sort(v, 0, size);
        int m = 0;
        for (int k = 0; k < size; k++) {
            long x = v[k];
            if (x < lo || x > hi || (m > 0 && v[m - 1] == x)) {
                continue;
            }
            v[m++] = x;
        }
        size = m;
    }
}
