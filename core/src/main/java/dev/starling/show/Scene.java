package dev.starling.show;

/**
 * One scene: a formation, where it stands, its colour, how long it is held, and optionally how
 * long the transition into it takes.
 *
 * @param color      default colour 0xRRGGBB of lit points that carry no colour of their own
 *                   (written {@code "#RRGGBB"} in the show file)
 * @param hold       seconds the formation is held
 * @param transition seconds for the transition into this scene, or {@code null} for as fast as
 *                   the limits allow
 */
public record Scene(String name, FormationSpec formation, Placement placement, int color,
                    double hold, Double transition) {
}
