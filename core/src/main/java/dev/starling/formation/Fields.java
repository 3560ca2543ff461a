package dev.starling.formation;

import dev.starling.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Validation of formation fields, with errors whose path is relative to the formation object. */
final class Fields {
    private Fields() {
    }

    /** A required length in metres: present, finite and positive. */
    static double positive(Double value, String field, String example) {
        if (value == null) {
            throw new InputException(null, field, field + " is required here (metres)",
                    "add \"" + field + "\": " + example);
        }
        return positiveIfGiven(value, field, example);
    }

    /** An optional positive value; {@code fallback} when absent. */
    static double positiveOr(Double value, double fallback, String field, String example) {
        return value == null ? fallback : positiveIfGiven(value, field, example);
    }

    private static double positiveIfGiven(double v, String field, String example) {
        if (!Double.isFinite(v) || v <= 0) {
            throw new InputException(null, field, field + " must be a positive number, not " + num(v),
                    "for example \"" + field + "\": " + example);
        }
        return v;
    }

    /** The asset file named by {@code file}, resolved against {@code baseDir}; must exist. */
    static Path file(String file, Path baseDir, String what) {
        if (file == null || file.isBlank()) {
            throw new InputException(null, "file", "a " + what + " formation needs a file",
                    "add \"file\": \"...\" with a path relative to the show file");
        }
        Path base = baseDir == null ? Path.of("") : baseDir;
        Path p = base.resolve(file).normalize();
        if (!Files.isRegularFile(p)) {
            throw new InputException(null, "file", "no such file: " + p,
                    "paths are relative to the show file's folder (" + base.toAbsolutePath().normalize() + ")");
        }
        return p;
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A length for messages: 2 decimals, trailing zeros trimmed. */
    static String metres(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
