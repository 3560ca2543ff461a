package dev.starling.formation;

import dev.starling.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Point formations from CSV: rows {@code x,y,z} or {@code x,y,z,r,g,b} (metres; colours 0..255),
 * an optional header row (any first row that is not numbers), blank lines and {@code #} comments
 * skipped. Coordinates are the formation's local frame with the show frame's axes (x right,
 * y away from the audience, z up) relative to the placement centre, times {@code scale}; the
 * placement's plane does not apply to them (they are already 3D), its rotation does.
 */
final class PointsSource {
    /** Largest number of rows read. */
    static final int MAX_ROWS = 2_000_000;

    private PointsSource() {
    }

    static Shape shape(String fileField, Double scaleField, Path baseDir) {
        Path file = Fields.file(fileField, baseDir, "points");
        double scale = Fields.positiveOr(scaleField, 1, "scale", "1.5");
        String name = file.getFileName().toString();
        double[] xyz = new double[3 * 1024];
        int[] rgb = new int[1024];
        int[] lines = new int[1024];
        int n = 0;
        int columns = -1;
        int columnsLine = 0;
        boolean sawData = false;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (lineNo == 1 && t.startsWith("\uFEFF")) {
                    t = t.substring(1).strip();
                }
                if (t.isEmpty() || t.charAt(0) == '#') {
                    continue;
                }
                String[] cells = t.split(",", -1);
                if (!sawData && !numeric(cells[0].strip())) {
                    sawData = true; // header row
                    if (cells.length != 3 && cells.length != 6) {
                        throw bad(name, lineNo, "the header has " + cells.length + " columns",
                                "use x,y,z or x,y,z,r,g,b");
                    }
                    columns = cells.length;
                    columnsLine = lineNo;
                    continue;
                }
                sawData = true;
                if (cells.length != 3 && cells.length != 6) {
                    throw bad(name, lineNo, "expected 3 values (x,y,z) or 6 (x,y,z,r,g,b), found " + cells.length,
                            "every row is x,y,z or x,y,z,r,g,b");
                }
                if (columns < 0) {
                    columns = cells.length;
                    columnsLine = lineNo;
                } else if (cells.length != columns) {
                    throw bad(name, lineNo, "this row has " + cells.length + " values but line " + columnsLine
                            + " has " + columns, "give every row the same columns: all with colours or none");
                }
                if (n == MAX_ROWS) {
                    throw bad(name, lineNo, "more than " + MAX_ROWS + " points", "thin the point set first");
                }
                if (n == rgb.length) {
                    xyz = Arrays.copyOf(xyz, xyz.length * 2);
                    rgb = Arrays.copyOf(rgb, rgb.length * 2);
                    lines = Arrays.copyOf(lines, lines.length * 2);
                }
                for (int a = 0; a < 3; a++) {
                    xyz[3 * n + a] = coordinate(cells[a].strip(), name, lineNo, "xyz".charAt(a)) * scale;
                }
                if (cells.length == 6) {
                    int c = 0;
                    for (int a = 0; a < 3; a++) {
                        c = (c << 8) | channel(cells[3 + a].strip(), name, lineNo, "rgb".charAt(a));
                    }
                    rgb[n] = c;
                } else {
                    rgb[n] = Candidates.DEFAULT_COLOR;
                }
                lines[n] = lineNo;
                n++;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(null, "file", "cannot read " + name + ": " + e.getMessage(),
                    "save the CSV as UTF-8 text");
        }
        if (n == 0) {
            throw new InputException(null, "file", name + " has no points",
                    "write one x,y,z (or x,y,z,r,g,b) row per point, in metres");
        }
        double[] u = new double[n], v = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = xyz[3 * i];
            v[i] = xyz[3 * i + 1];
            w[i] = xyz[3 * i + 2];
        }
        return new PointSetShape(u, v, w, Arrays.copyOf(rgb, n), Arrays.copyOf(lines, n), name);
    }

    private static boolean numeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double coordinate(String s, String name, int lineNo, char axis) {
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw bad(name, lineNo, axis + " '" + s + "' is not a number", "write plain decimal numbers, e.g. 12.5");
        }
        if (!Double.isFinite(d)) {
            throw bad(name, lineNo, axis + " is " + s + "; coordinates must be finite numbers",
                    "replace it with a coordinate in metres");
        }
        if (Math.abs(d) > 1e6) {
            // beyond it the spacing grid's extent overflows (±1e308 ended in ArrayIndexOutOfBoundsException)
            throw bad(name, lineNo, axis + " is " + s + "; coordinates are metres from the centre, at most 1000000",
                    "replace it with a coordinate in metres");
        }
        return d;
    }

    private static int channel(String s, String name, int lineNo, char which) {
        int c;
        try {
            c = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw bad(name, lineNo, which + " '" + s + "' is not an integer 0..255", "colours are integers 0..255");
        }
        if (c < 0 || c > 255) {
            throw bad(name, lineNo, which + " " + c + " is outside 0..255", "colours are integers 0..255");
        }
        return c;
    }

    private static InputException bad(String name, int lineNo, String what, String hint) {
        return new InputException(null, "file", name + " line " + lineNo + ": " + what, hint);
    }
}
