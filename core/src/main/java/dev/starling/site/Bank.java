package dev.starling.site;

/**
 * Land rising out of the water: {@code outline} extruded from the water up to {@code elevation}
 * (z, metres). Overlapping banks are allowed; the higher one stands on the lower (a peninsula's
 * upper town on its riverside terrace).
 *
 * @param shoreLightRgb colour of the road lights along its edge, 0xRRGGBB; 0 for none
 */
public record Bank(String name, Polygon outline, double elevation, int shoreLightRgb) {
}
