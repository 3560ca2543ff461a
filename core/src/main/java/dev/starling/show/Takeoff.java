package dev.starling.show;

/**
 * The ground grid drones take off from: {@code columns} pads per row, {@code spacing} metres
 * apart in x and y, centred at the origin; rows run away from the audience (+y). Drones climb
 * vertically together to {@code launchAltitude} before the first transition.
 *
 * <p>Pad {@code i} of a fleet of {@code n} stands in row {@code i / columns} (row 0 nearest the
 * audience, smallest y) and column {@code i % columns} (column 0 at the audience's left, smallest
 * x); the full {@code rows(n) × columns} rectangle is centred at the origin, so a partial last
 * row is flush with the left edge. {@link #padX} and {@link #padY} are the one definition of this
 * layout.
 *
 * @param spacing        metres between neighbouring pads, in x and in y
 * @param columns        pads per row, at least 1
 * @param launchAltitude metres above the ground of the layer the takeoff climb ends in; inside
 *                       the limits' altitude band
 */
public record Takeoff(double spacing, int columns, double launchAltitude) {

    /** Rows needed for {@code drones} pads: ceil(drones / columns). */
    public int rows(int drones) {
        return (drones + columns - 1) / columns;
    }

    /** x of pad {@code i} (metres, show frame); independent of the fleet size. */
    public double padX(int i) {
        return ((i % columns) - (columns - 1) * 0.5) * spacing;
    }

    /** y of pad {@code i} (metres, show frame) in a fleet of {@code drones}. */
    public double padY(int i, int drones) {
        return ((i / columns) - (rows(drones) - 1) * 0.5) * spacing;
    }
}
