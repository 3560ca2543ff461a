package dev.starling.io;

/**
 * The one conversion between Starling's show frame and Skybrush's frame, used by every
 * Skybrush reader and writer ({@code .skyc}, Skybrush CSV).
 *
 * <p>Show frame: x to the audience's right, y away from the audience, z up. Skybrush frame
 * (Skybrush Studio / Live, Blender world axes as exported): X front (away from the audience),
 * Y left, Z up. Both are right-handed and metric, so the conversion is a rotation by 90° about
 * z: Skybrush (X, Y, Z) = (y, −x, z) and back x = −Y, y = X. Exact in floating point (only
 * moves and negations), so a round trip returns the same bits.
 *
 * <p>Each method reads three coordinates from {@code src[srcOff..srcOff+2]} and writes three to
 * {@code dst[dstOff..dstOff+2]}; source and destination may be the same array, even
 * overlapping. Allocation-free.
 */
public final class SkybrushFrame {
    private SkybrushFrame() {
    }

    /** Show frame (x right, y away, z up) to Skybrush frame (X front, Y left, Z up). */
    public static void fromShow(double[] src, int srcOff, double[] dst, int dstOff) {
        double x = src[srcOff], y = src[srcOff + 1], z = src[srcOff + 2];
        dst[dstOff] = y;
        dst[dstOff + 1] = -x;
        dst[dstOff + 2] = z;
    }

    /** Skybrush frame (X front, Y left, Z up) to show frame (x right, y away, z up). */
    public static void toShow(double[] src, int srcOff, double[] dst, int dstOff) {
        double sx = src[srcOff], sy = src[srcOff + 1], sz = src[srcOff + 2];
        dst[dstOff] = -sy;
        dst[dstOff + 1] = sx;
        dst[dstOff + 2] = sz;
    }
}
