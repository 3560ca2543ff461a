package dev.starling.site;

/**
 * Where the show frame lies on Earth: the geodetic position of its origin (the centre of the
 * takeoff area) and the compass bearing of its +x axis. Exported to {@code .skyc} as
 * {@code environment.location}, so that a ground station places the show without being told.
 *
 * @param latitude  degrees north, WGS 84, −90..90
 * @param longitude degrees east, WGS 84, −180..180
 * @param altitude  metres above mean sea level of the show frame's z = 0
 * @param bearing   degrees clockwise from true north of the show's +x axis, 0..360
 */
public record Anchor(double latitude, double longitude, double altitude, double bearing) {
}
