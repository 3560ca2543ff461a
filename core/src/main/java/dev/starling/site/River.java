package dev.starling.site;

/** A stretch of river: its water surface (at the site's water level) over {@code outline}. */
public record River(String name, Polygon outline) {
}
