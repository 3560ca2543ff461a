package dev.starling.assign;

import dev.starling.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the point files of {@code starling assign}: CSV with a header naming the columns
 * {@code x}, {@code y} and {@code z} (metres, show frame; any order, other columns such as
 * r,g,b ignored; "x [m]" also names x), or without a header, x,y,z as the first three columns.
 * Blank lines and lines starting with {@code #} are skipped. Every error is an
 * {@link InputException} that names the file, the row (1-based, counting data rows), the line
 * and column, and says how to fix it.
 */
public final class PointsCsv {
    private PointsCsv() {
    }

    /**
     * A point set as structure-of-arrays, metres. Arrays are owned by this record.
     *
     * @param lines the 1-based line of each point in its file, for messages
     */
    public record Points(double[] x, double[] y, double[] z, int[] lines) {
        public Points {
            if (y.length != x.length || z.length != x.length || lines.length != x.length) {
                throw new IllegalArgumentException("x, y, z and lines must have the same length");
            }
        }

        public int size() {
            return x.length;
        }
    }

    /** Reads a point file. Cost: one pass over the file. */
    public static Points read(Path file) {
        String name = file.toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, name);
        } catch (NoSuchFileException e) {
            throw new InputException(name, "file not found", "check the path; point files are CSV with a header x,y,z");
        } catch (CharacterCodingException e) {
            throw new InputException(name, "not UTF-8 text", "save the point file as UTF-8 CSV");
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(name, "cannot read the file: " + e.getMessage(),
                    "check that it is a readable CSV file");
        }
    }

    static Points parse(BufferedReader r, String name) throws IOException {
        int[] col = null;
        double[] xs = new double[1024];
        double[] ys = new double[1024];
        double[] zs = new double[1024];
        int[] lines = new int[1024];
        int n = 0;
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String t = line.strip();
            if (t.isEmpty() || t.charAt(0) == '#') {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (col == null) {
                if (isNumber(cells[0])) {
                    col = new int[] {0, 1, 2};
                } else {
                    col = header(cells, name, lineNo);
                    continue;
                }
            }
            int row = n + 1;
            int need = Math.max(col[0], Math.max(col[1], col[2])) + 1;
            if (cells.length < need) {
                throw new InputException(name, "row " + row, lineNo, 0,
                        "has " + cells.length + " column" + (cells.length == 1 ? "" : "s") + ", expected at least " + need,
                        "every row needs its x, y and z values, separated by commas");
            }
            if (n == xs.length) {
                xs = Arrays.copyOf(xs, 2 * n);
                ys = Arrays.copyOf(ys, 2 * n);
                zs = Arrays.copyOf(zs, 2 * n);
                lines = Arrays.copyOf(lines, 2 * n);
            }
            xs[n] = value(cells, col[0], "x", name, row, lineNo);
            ys[n] = value(cells, col[1], "y", name, row, lineNo);
            zs[n] = value(cells, col[2], "z", name, row, lineNo);
            lines[n] = lineNo;
            n++;
        }
        if (n == 0) {
            throw new InputException(name, "no points in the file",
                    "write a header x,y,z and one row per point, in metres");
        }
        return new Points(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), Arrays.copyOf(zs, n), Arrays.copyOf(lines, n));
    }

    /** Column indices of x, y and z named by a header row. */
    private static int[] header(String[] cells, String name, int lineNo) {
        int[] col = {-1, -1, -1};
        for (int c = 0; c < cells.length; c++) {
            String h = cells[c].strip().toLowerCase(Locale.ROOT);
            int cut = h.indexOf(' ');
            if (cut < 0) {
                cut = h.indexOf('[');
            }
            String key = cut < 0 ? h : h.substring(0, cut).strip();
            int axis = key.equals("x") ? 0 : key.equals("y") ? 1 : key.equals("z") ? 2 : -1;
            if (axis >= 0) {
                if (col[axis] >= 0) {
                    throw new InputException(name, "header", lineNo, 0, "names column " + key + " twice",
                            "name each of x, y and z once");
                }
                col[axis] = c;
            }
        }
        for (int a = 0; a < 3; a++) {
            if (col[a] < 0) {
                throw new InputException(name, "header", lineNo, 0,
                        "no column named " + "xyz".charAt(a) + " (header: " + String.join(",", cells).strip() + ")",
                        "start the file with a header such as x,y,z or x,y,z,r,g,b (metres)");
            }
        }
        return col;
    }

    private static double value(String[] cells, int c, String axis, String name, int row, int lineNo) {
        String s = cells[c].strip();
        int charColumn = 1;
        for (int k = 0; k < c; k++) {
            charColumn += cells[k].length() + 1;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputException(name, "row " + row, lineNo, charColumn,
                    "column " + (c + 1) + " (" + axis + "): '" + s + "' is not a number",
                    "write plain decimal numbers in metres, e.g. 12.5");
        }
        if (!Double.isFinite(v)) {
            throw new InputException(name, "row " + row, lineNo, charColumn,
                    "column " + (c + 1) + " (" + axis + ") is " + s + ": coordinates must be finite",
                    "replace it with a coordinate in metres");
        }
        if (Math.abs(v) > 1e6) {
            // squared distances of 1e308 overflow: the total was Infinity and still exited 0
            throw new InputException(name, "row " + row, lineNo, charColumn,
                    "column " + (c + 1) + " (" + axis + ") is " + s + ": coordinates are at most 1000000 m",
                    "replace it with a coordinate in metres");
        }
        return v;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
