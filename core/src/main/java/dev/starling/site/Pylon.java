package dev.starling.site;

/**
 * A bridge tower seen as a vertical line from {@code base} up to {@code top} at (x, y), metres in
 * the show frame. Its width is part of the bridge's {@code width} envelope.
 */
public record Pylon(double x, double y, double base, double top) {
    public Pylon {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(base) || !(top > base)) {
            throw new IllegalArgumentException("a pylon needs finite x, y and a top above its base (" + base + ")");
        }
    }
}
