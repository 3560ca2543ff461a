package dev.starling.show;

/**
 * One formation of a scene that holds several ({@code "parts"}), e.g. a car's body and its two
 * wheels: sampled on its own with {@code formation.count} lit drones, placed by its own
 * {@code placement}, coloured {@code color} (0xRRGGBB) where its points carry no colour, and moved
 * by its own {@code motion} (about its placement's centre; {@code null}: still), inside the scene's
 * motion.
 */
public record Part(String name, FormationSpec formation, Placement placement, int color, Motion motion) {
}
