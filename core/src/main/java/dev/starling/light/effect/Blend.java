package dev.starling.light.effect;

import java.util.List;
import java.util.Locale;

/**
 * How an effect's colour combines with the colour below it (the scene's colour and the effects
 * listed before it). Channels are 0–255; the result is then mixed with the colour below by the
 * effect's weight (opacity × fade envelope × the effect's own alpha).
 */
public enum Blend {
    /** The effect's colour replaces the colour below. */
    NORMAL,
    /** Channels add, clipped at 255: light on top of light. */
    ADD,
    /** Channels multiply (255 = 1): tints and dims, the way a pulse dims the scene. */
    MULTIPLY,
    /** 255 − (255 − a)(255 − b)/255: brightens without clipping hard. */
    SCREEN;

    /** Names as written in show files: {@code normal}, {@code add}, {@code multiply}, {@code screen}. */
    public static final List<String> NAMES = List.of("normal", "add", "multiply", "screen");

    /** The show-file name of this mode. */
    public String written() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Combines one channel: {@code below} and {@code top} in 0–255. */
    double apply(double below, double top) {
        return switch (this) {
            case NORMAL -> top;
            case ADD -> Math.min(255, below + top);
            case MULTIPLY -> below * top / 255;
            case SCREEN -> 255 - (255 - below) * (255 - top) / 255;
        };
    }
}
