package dev.starling.show;

/**
 * The ground grid drones take off from: {@code columns} pads per row, {@code spacing} metres
 * apart in x and y, centred at the origin; rows run away from the audience (+y). Drones climb
 * vertically together to {@code launchAltitude} before the first transition.
 */
public record Takeoff(double spacing, int columns, double launchAltitude) {
}
