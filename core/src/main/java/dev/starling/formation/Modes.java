package dev.starling.formation;

import dev.starling.InputException;

/** The {@code mode} field: {@code fill} (points over the area, default) or {@code stroke} (along outlines). */
final class Modes {
    private Modes() {
    }

    static boolean stroke(String mode) {
        if (mode == null || mode.equals("fill")) {
            return false;
        }
        if (mode.equals("stroke")) {
            return true;
        }
        throw new InputException(null, "mode", "unknown mode '" + mode + "'",
                "use \"fill\" (points over the area, the default) or \"stroke\" (points along the outlines)");
    }
}
