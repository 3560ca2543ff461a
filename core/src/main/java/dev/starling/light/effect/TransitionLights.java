package dev.starling.light.effect;

import java.util.List;
import java.util.Locale;

/**
 * What the lights do while drones fly into a scene.
 *
 * @param mode  {@link Mode#CROSSFADE}: fade from the old colour to the new one over the whole
 *              flight; {@link Mode#KEEP}: keep the old colour and switch on arrival;
 *              {@link Mode#DIM}: fade down to {@code level} × the old colour over the first
 *              quarter, stay dim, fade up to the new colour over the last quarter
 * @param level brightness kept by {@link Mode#DIM}, in [0, 1]
 */
public record TransitionLights(Mode mode, double level) {
    /** The modes. */
    public enum Mode { CROSSFADE, KEEP, DIM }

    /** Names as written in show files. */
    public static final List<String> NAMES = List.of("crossfade", "keep", "dim");
    /** The default: cross-fade. */
    public static final TransitionLights CROSSFADE = new TransitionLights(Mode.CROSSFADE, 1);
    /** Brightness of {@code "dim"} when the show gives no {@code dimLevel}. */
    public static final double DEFAULT_DIM_LEVEL = 0.2;

    public TransitionLights {
        if (!(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException("dim level must be in [0, 1], was " + level);
        }
    }

    /** The show-file name of the mode. */
    public String written() {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
