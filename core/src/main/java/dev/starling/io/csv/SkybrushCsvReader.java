package dev.starling.io.csv;

import dev.starling.InputException;
import dev.starling.io.BoundedZipReader;
import dev.starling.io.SkybrushFrame;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.show.Show;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads Skybrush CSV flight files into a {@link Plan}: a ZIP (as Skybrush Studio's "Export to
 * CSV" writes it, {@code export_to_csv.py}) or a folder holding one {@code .csv} per drone.
 *
 * <p><b>Format</b>: the header {@code Time [msec],x [m],y [m],z [m],Red,Green,Blue}, then one
 * row per sample: time in milliseconds, position in metres, colour channels 0–255. Skybrush
 * Studio writes Blender world coordinates, which are Skybrush's frame (X front, Y left, Z up,
 * the frame its {@code .skyc} uses), so positions are converted by {@link SkybrushFrame}.
 *
 * <p><b>Meaning</b>: samples are joined by straight segments (no fitting: the samples are what
 * the other tool promised, and a fit could invent motion). Colours become light keyframes: the
 * first sample sets its colour, and each change between consecutive samples is a linear fade
 * across that sample interval (Studio samples an animated colour, so a change between samples
 * is a ramp). A drone with a single sample holds it until the end of the show (at least 1 s).
 * Times must strictly increase. Drones are ordered by file name, numbers compared by value
 * ({@code drone_2} before {@code drone_10}); the file name without {@code .csv} is the drone's
 * name. No limits are given (the format has none) and there are no scenes.
 *
 * <p><b>Bounds</b>: at most {@link Show#MAX_DRONES} files; rows of at most
 * {@link #MAX_LINE_LENGTH} characters; archives through {@link BoundedZipReader}. Any defect
 * is an {@link InputException} naming the file and line. Cost: one pass over the bytes.
 */
public final class SkybrushCsvReader {
    /** The header Skybrush Studio writes. */
    public static final String HEADER = "Time [msec],x [m],y [m],z [m],Red,Green,Blue";
    /** Longest row accepted, characters. */
    public static final int MAX_LINE_LENGTH = 4096;

    private static final String[] COLUMNS = HEADER.split(",");
    private static final String HINT = "each drone's CSV starts with the header '" + HEADER + "'";

    private SkybrushCsvReader() {
    }

    /**
     * Drones read from Skybrush CSV.
     *
     * @param plan       trajectories and lights in the show frame, no limits, no scenes
     * @param droneNames file names without {@code .csv}, in plan order
     */
    public record CsvShow(Plan plan, List<String> droneNames) {
        public CsvShow {
            droneNames = List.copyOf(droneNames);
        }
    }

    /** Reads a CSV ZIP or a folder of CSV files into a plan. */
    public static Plan read(Path zipOrFolder) {
        return readShow(zipOrFolder).plan();
    }

    /** Reads a CSV ZIP or a folder of CSV files, keeping the drones' names. */
    public static CsvShow readShow(Path zipOrFolder) {
        try {
            return readShowOrThrow(zipOrFolder);
        } catch (InputException e) {
            throw e.withDefaultHint("the file is damaged or not in Skybrush CSV format: export it again");
        }
    }

    private static CsvShow readShowOrThrow(Path zipOrFolder) {
        String title = stem(String.valueOf(zipOrFolder.toAbsolutePath().normalize().getFileName()));
        Drones acc = new Drones();
        if (Files.isDirectory(zipOrFolder)) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(zipOrFolder)) {
                for (Path p : ds) {
                    if (isCsvName(p.getFileName().toString()) && Files.isRegularFile(p)) {
                        files.add(p);
                        tooMany(files.size(), zipOrFolder.toString());
                    }
                }
            } catch (IOException e) {
                throw new InputException(zipOrFolder.toString(), "cannot list the folder: " + e.getMessage(), null);
            }
            files.sort(Comparator.comparing((Path p) -> p.getFileName().toString(), SkybrushCsvReader::compareNatural));
            if (files.isEmpty()) {
                throw new InputException(zipOrFolder.toString(), "the folder holds no .csv files", HINT);
            }
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    acc.add(stem(f.getFileName().toString()), in, f.toString());
                } catch (IOException e) {
                    throw new InputException(f.toString(), "cannot read the file: " + e.getMessage(), null);
                }
            }
        } else {
            try (BoundedZipReader zip = BoundedZipReader.open(zipOrFolder,
                    "Skybrush CSV comes as a ZIP of per-drone .csv files or as a folder of them")) {
                List<String> names = new ArrayList<>();
                for (String n : zip.fileNames()) {
                    String base = n.substring(n.lastIndexOf('/') + 1);
                    if (isCsvName(base) && !n.startsWith("__MACOSX/")) {
                        names.add(n);
                        tooMany(names.size(), zip.label());
                    }
                }
                names.sort(SkybrushCsvReader::compareNatural);
                if (names.isEmpty()) {
                    throw new InputException(zip.label(), "the archive holds no .csv files", HINT);
                }
                for (String n : names) {
                    try (InputStream in = zip.open(n)) {
                        acc.add(stem(n.substring(n.lastIndexOf('/') + 1)), in, zip.label() + "!" + n);
                    } catch (IOException e) {
                        throw new InputException(zip.label(), "cannot read " + n + ": " + e.getMessage(), null);
                    }
                }
            }
        }
        return acc.finish(title);
    }

    private static void tooMany(int n, String label) {
        if (n > Show.MAX_DRONES) {
            throw new InputException(label, "more than " + Show.MAX_DRONES + " drone files, the most Starling reads",
                    "split the show into several archives");
        }
    }

    private static boolean isCsvName(String base) {
        return base.toLowerCase(Locale.ROOT).endsWith(".csv") && !base.startsWith(".");
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Orders names as people number drones: runs of digits compare by value, everything else by
     * character; ties fall back to plain string order, so the order is total and stable.
     */
    static int compareNatural(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i), cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i, sj = j;
                while (si < a.length() && a.charAt(si) == '0') {
                    si++;
                }
                while (sj < b.length() && b.charAt(sj) == '0') {
                    sj++;
                }
                int ei = si, ej = sj;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int la = ei - si, lb = ej - sj;
                if (la != lb) {
                    return Integer.compare(la, lb);
                }
                for (int k = 0; k < la; k++) {
                    int c = Character.compare(a.charAt(si + k), b.charAt(sj + k));
                    if (c != 0) {
                        return c;
                    }
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    /** Accumulates drones file by file. */
    private static final class Drones {
        final List<Trajectory> trajectories = new ArrayList<>();
        final List<LightProgram> lights = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<double[]> single = new ArrayList<>();
        final char[] line = new char[MAX_LINE_LENGTH + 1];
        final double[] p = new double[3];

        void add(String name, InputStream in, String label) throws IOException {
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
            LineReader lr = new LineReader(r, line, label);
            int lineNo = 0;
            int len;
            boolean header = false;
            Trajectory.Builder b = null;
            LightProgram.Builder lb = LightProgram.builder();
            int segments = 0;
            double lastT = 0;
            int lastC = -1;
            while ((len = lr.next()) >= 0) {
                lineNo++;
                String s = new String(line, 0, len);
                if (lineNo == 1 && s.startsWith("\uFEFF")) {
                    s = s.substring(1);
                }
                if (s.isBlank()) {
                    continue;
                }
                String[] f = s.split(",", -1);
                if (!header) {
                    checkHeader(f, label, lineNo);
                    header = true;
                    continue;
                }
                if (f.length != COLUMNS.length) {
                    throw new InputException(label, null, lineNo, 0, "expected " + COLUMNS.length + " values, found "
                            + f.length, HINT);
                }
                double t = number(f[0], label, lineNo, 1, "Time [msec]") / 1000.0;
                p[0] = number(f[1], label, lineNo, 2, "x [m]");
                p[1] = number(f[2], label, lineNo, 3, "y [m]");
                p[2] = number(f[3], label, lineNo, 4, "z [m]");
                SkybrushFrame.toShow(p, 0, p, 0);
                int c = (channel(f[4], label, lineNo, 5) << 16) | (channel(f[5], label, lineNo, 6) << 8)
                        | channel(f[6], label, lineNo, 7);
                if (b == null) {
                    b = Trajectory.startingAt(t, p[0], p[1], p[2]);
                    lb.set(t, c);
                } else {
                    if (!(t > lastT)) {
                        throw new InputException(label, null, lineNo, 1, "time " + f[0].trim()
                                + " ms does not increase (previous row at " + Math.round(lastT * 1000) + " ms)",
                                "rows must be in strictly increasing time order");
                    }
                    if (t - lastT < 1e-6) {
                        // shorter rows overflow the segment's speed (the verifier got NaN from 1e-300 s)
                        throw new InputException(label, null, lineNo, 1, "time " + f[0].trim()
                                + " ms is less than 1 µs after the previous row", "Skybrush CSV times are whole milliseconds");
                    }
                    b.lineTo(t, p[0], p[1], p[2]);
                    segments++;
                    if (c != lastC) {
                        if (lb.lastTime() < lastT) {
                            lb.set(lastT, lastC); // the fade starts at the previous sample
                        }
                        lb.fadeTo(t, c);
                    }
                }
                lastT = t;
                lastC = c;
            }
            if (!header) {
                throw new InputException(label, "the file is empty", HINT);
            }
            if (b == null) {
                throw new InputException(label, "the file has a header but no samples",
                        "a drone needs at least one row: time, x, y, z, red, green, blue");
            }
            if (segments == 0) {
                single.add(new double[] {trajectories.size(), lastT, p[0], p[1], p[2]});
                trajectories.add(null);
            } else {
                trajectories.add(b.build());
            }
            lights.add(lb.build());
            names.add(name);
        }

        CsvShow finish(String title) {
            double end = Double.NEGATIVE_INFINITY;
            for (Trajectory t : trajectories) {
                if (t != null) {
                    end = Math.max(end, t.endTime());
                }
            }
            for (double[] s : single) {
                trajectories.set((int) s[0], Trajectory.stationary(s[1], Math.max(end, s[1] + 1), s[2], s[3], s[4]));
            }
            return new CsvShow(new Plan(title, Limits.NONE, trajectories, lights, List.of()), names);
        }

        private static void checkHeader(String[] f, String label, int lineNo) {
            boolean ok = f.length == COLUMNS.length;
            for (int k = 0; ok && k < f.length; k++) {
                ok = f[k].trim().equalsIgnoreCase(COLUMNS[k]);
            }
            if (!ok) {
                throw new InputException(label, null, lineNo, 0, "not a Skybrush CSV header: '" + String.join(",", f) + "'",
                        HINT);
            }
        }

        private static double number(String s, String label, int line, int col, String what) {
            try {
                double v = Double.parseDouble(s.trim());
                if (Double.isFinite(v) && Math.abs(v) > 1e9) {
                    // no show reaches 1e9 (ms or metres); 1e308 would crash the verifier and the writers
                    throw new InputException(label, null, line, col, what + " must be from -1e9 to 1e9, was '"
                            + s.trim() + "'", null);
                }
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below with the column it came from
            }
            throw new InputException(label, null, line, col, what + " must be a finite number, was '" + s.trim() + "'", null);
        }

        private static int channel(String s, String label, int line, int col) {
            double v = number(s, label, line, col, COLUMNS[col - 1]);
            if (v != Math.rint(v) || v < 0 || v > 255) {
                throw new InputException(label, null, line, col, COLUMNS[col - 1] + " must be an integer 0..255, was '"
                        + s.trim() + "'", null);
            }
            return (int) v;
        }
    }

    /** Reads lines into a shared buffer, refusing lines longer than {@link #MAX_LINE_LENGTH}. */
    private static final class LineReader {
        private final Reader in;
        private final char[] buf;
        private final String label;
        private final char[] chunk = new char[8192];
        private int pos;
        private int lim;
        private int lineNo;

        LineReader(Reader in, char[] buf, String label) {
            this.in = in;
            this.buf = buf;
            this.label = label;
        }

        /** Length of the next line (without its terminator) in {@code buf}, or -1 at the end. */
        int next() throws IOException {
            int n = 0;
            boolean any = false;
            while (true) {
                if (pos == lim) {
                    lim = in.read(chunk, 0, chunk.length);
                    pos = 0;
                    if (lim <= 0) {
                        lim = 0;
                        return any ? n : -1;
                    }
                }
                char c = chunk[pos++];
                any = true;
                if (c == '\n') {
                    lineNo++;
                    if (n > 0 && buf[n - 1] == '\r') {
                        n--;
                    }
                    return n;
                }
                if (n == MAX_LINE_LENGTH) {
                    throw new InputException(label, null, lineNo + 1, 0, "line longer than " + MAX_LINE_LENGTH
                            + " characters", HINT);
                }
                buf[n++] = c;
            }
        }
    }
}
