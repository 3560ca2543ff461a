package dev.starling.base;

/** Numbers written the way a person (or JSON) writes them. */
public final class Numbers {
    private Numbers() {
    }

    /** A number as a user wrote it: 20 not 20.0, 1.5 as 1.5 (Java's shortest round-trip form otherwise). */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
