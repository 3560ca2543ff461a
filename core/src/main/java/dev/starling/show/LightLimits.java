package dev.starling.show;

/**
 * The bounds a show's lights must respect ({@code limits.lights} in the show file), checked by
 * the verifier.
 *
 * <p><b>Flashes</b> follow the broadcast photosensitivity guideline (Ofcom, ITU-R BT.1702): a
 * flash is a pair of opposing changes of a drone's luminance (Rec. 709, full white = 1), each of
 * at least {@code flashContrast}; no more than {@code maxFlashRate} flashes may occur in any one
 * second over more than {@code flashArea} of the fleet at once. A sparkle on a few drones may
 * twinkle fast; half the fleet strobing at 10 Hz may not.
 *
 * @param maxFlashRate     flashes per second allowed (default 3)
 * @param flashArea        fraction of the fleet (0–1) that may flash faster at once (default 0.2)
 * @param flashContrast    smallest luminance swing (0–1) that counts as a change (default 0.2)
 * @param darkOnGround     true: a drone must be dark while on the ground (default true)
 * @param darkDuringTakeoff true: a drone must be dark during its takeoff climb (default false)
 */
public record LightLimits(double maxFlashRate, double flashArea, double flashContrast, boolean darkOnGround,
                          boolean darkDuringTakeoff) {
    /** A show file's defaults: 3 flashes per second over 20% of the fleet, 20% swings, dark on the ground. */
    public static final LightLimits DEFAULT = new LightLimits(3, 0.2, 0.2, true, false);
    /**
     * For flight files from other tools, which carry no show to say when drones must be dark:
     * the photosensitivity limit only.
     */
    public static final LightLimits FLIGHT_FILE = new LightLimits(3, 0.2, 0.2, false, false);

    public LightLimits {
        if (!(maxFlashRate > 0) || !(flashArea >= 0 && flashArea < 1) || !(flashContrast > 0 && flashContrast <= 1)) {
            throw new IllegalArgumentException("light limits need maxFlashRate > 0, flashArea in [0, 1), "
                    + "flashContrast in (0, 1], was " + maxFlashRate + ", " + flashArea + ", " + flashContrast);
        }
    }
}
