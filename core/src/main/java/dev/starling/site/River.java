package dev.starling.site;

/**
 * A stretch of river: its water surface (at the site's water level) over {@code outline}.
 *
 * @param waterRgb the water's own colour, 0xRRGGBB, as lamps and the night sky show it (the
 *                 Yangtze's silt brown beside the Jialing's green at Chaotianmen); {@link #DEFAULT_RGB}
 *                 when the site gives none
 */
public record River(String name, Polygon outline, int waterRgb) {
    /** A dark blue-grey, for rivers whose colour the site does not give. */
    public static final int DEFAULT_RGB = 0x505f78;

    /** A river of the default colour. */
    public River(String name, Polygon outline) {
        this(name, outline, DEFAULT_RGB);
    }
}
