package dev.starling.site;

/**
 * The axis-aligned box the show flies in, metres in the show frame. Structures stay outside it.
 */
public record ShowBox(double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {
    public ShowBox {
        if (!(minX < maxX && minY < maxY && minZ < maxZ)) {
            throw new IllegalArgumentException("the show box needs min < max on every axis");
        }
    }

    public double centerX() {
        return (minX + maxX) / 2;
    }

    public double centerY() {
        return (minY + maxY) / 2;
    }

    public double centerZ() {
        return (minZ + maxZ) / 2;
    }

    /** True when (x, y, z) is inside or on the box. */
    public boolean contains(double x, double y, double z) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY && z >= minZ && z <= maxZ;
    }
}
