package dev.starling.show;

import dev.starling.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an Audacity label file (File → Export → Export Labels), the format designers already
 * keep their music markers in: one label a line, {@code start<TAB>end<TAB>name}, times in
 * seconds; a point label has start = end. Audacity writes a spectral label's frequency range on
 * the following line, starting with a backslash ({@code \<TAB>fmin<TAB>fmax}): it is skipped.
 * Each label becomes a {@link Cue} at its start. Blank lines are skipped; anything else that does
 * not parse is an error naming the line.
 */
public final class Labels {
    /** Largest label file read, bytes: a song's markers are a few kilobytes. */
    public static final long MAX_BYTES = 1L << 20;

    private Labels() {
    }

    /**
     * Reads the labels of {@code file} as cues; {@code label} is how errors name the file.
     *
     * @throws InputException on a missing, oversized or non-UTF-8 file, a line that is not
     *                        {@code start<TAB>end<TAB>name}, a negative or reversed time, an empty
     *                        or repeated name
     */
    public static List<Cue> read(Path file, String label) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(label, "the label file is " + (Files.size(file) >> 10) + " KiB; a label file is "
                        + "at most " + (MAX_BYTES >> 10) + " KiB", "is this really an Audacity label file (.txt)?");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(label, "cannot read the label file: " + e.getMessage(), "check the path and permissions");
        }
        String text;
        try {
            int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(label, "the label file is not UTF-8 text",
                    "export the labels again from Audacity (File → Export → Export Labels)");
        }
        return parse(text, label);
    }

    /** Parses label-file text; {@code label} names the file in errors. */
    public static List<Cue> parse(String text, String label) {
        List<Cue> cues = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("\\")) {
                continue; // the frequency range of the spectral label above
            }
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                throw error(label, lineNo, "expected start<TAB>end<TAB>name, found \"" + shorten(line) + "\"");
            }
            double start = time(f[0], label, lineNo, "start");
            double end = time(f[1], label, lineNo, "end");
            if (end < start) {
                throw error(label, lineNo, "the label ends (" + f[1] + " s) before it starts (" + f[0] + " s)");
            }
            String name = String.join("\t", java.util.Arrays.copyOfRange(f, 2, f.length)).strip();
            if (name.isEmpty()) {
                throw new InputException(label, "line " + lineNo, lineNo, 0, "the label at " + f[0] + " s has no name",
                        "name the label in Audacity: scenes refer to cues by name (\"at\": \"chorus\")");
            }
            if (!names.add(name)) {
                throw new InputException(label, "line " + lineNo, lineNo, 0, "a second label named \"" + name + "\"",
                        "cue names must be unique: rename one of them in Audacity (e.g. \"" + name + " 2\")");
            }
            cues.add(new Cue(name, start, label + ":" + lineNo));
        }
        return cues;
    }

    private static double time(String s, String label, int line, String what) {
        String t = s.strip();
        if (t.indexOf('.') < 0 && t.indexOf(',') >= 0) {
            t = t.replace(',', '.'); // Audacity in locales with a decimal comma
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error(label, line, "the " + what + " time \"" + shorten(s) + "\" is not a number of seconds");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw error(label, line, "the " + what + " time " + shorten(s) + " must be 0 or more seconds");
        }
        if (v > ShowValidator.MAX_MAGNITUDE) {
            throw error(label, line, "the " + what + " time " + shorten(s) + " s is beyond any show");
        }
        return v;
    }

    private static InputException error(String label, int line, String message) {
        return new InputException(label, "line " + line, line, 0, message,
                "an Audacity label file has one label a line: start<TAB>end<TAB>name, e.g. \"132.000000\\t132.000000\\tchorus\""
                        + " (File → Export → Export Labels)");
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
