package dev.starling.io;

import dev.starling.InputException;
import dev.starling.io.csv.SkybrushCsvReader;
import dev.starling.io.json.PlanJson;
import dev.starling.io.skyc.SkycReader;
import dev.starling.plan.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * The one entry point for reading a flight file, whatever its format: Starling's plan.json, a
 * Skybrush {@code .skyc}, a Skybrush CSV ZIP or a folder of per-drone CSV files. The format is told
 * from the content, not the name: a ZIP with {@code show.json} (or any file named {@code .skyc})
 * is a {@code .skyc}, another ZIP is a CSV archive, anything else is read as plan.json. Every
 * command that takes a flight file ({@code validate}, {@code export}, {@code risk},
 * {@code render}, {@code preview}) reads it here.
 */
public final class FlightFiles {
    private static final String HINT = "give a plan.json, a .skyc, a Skybrush CSV ZIP or a folder of .csv files";

    private FlightFiles() {
    }

    /** The formats {@link #read} tells apart, with the words messages use for them. */
    public enum Kind {
        PLAN_JSON("plan.json"), SKYC(".skyc"), CSV_ZIP("Skybrush CSV ZIP"), CSV_FOLDER("Skybrush CSV folder");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** e.g. {@code .skyc}, {@code Skybrush CSV ZIP}. */
        public String label() {
            return label;
        }
    }

    /**
     * A flight file as read.
     *
     * @param plan           trajectories, lights, limits (those the file carries) and, for plan.json, the scene timeline
     * @param droneNames     the drones' names as the file gives them, in plan order
     * @param kind           the format it was read as
     * @param minNavAltitude a {@code .skyc}'s minimum navigation altitude in metres, NaN for other formats
     */
    public record Flight(Plan plan, List<String> droneNames, Kind kind, double minNavAltitude) {
        public Flight {
            droneNames = List.copyOf(droneNames);
        }
    }

    /**
     * Reads {@code file} in whichever format it is.
     *
     * @throws InputException when the file does not exist, cannot be read or is not a valid
     *                        flight file of the format it looks like (with the reader's own message)
     */
    public static Flight read(Path file) {
        if (Files.isDirectory(file)) {
            SkybrushCsvReader.CsvShow s = SkybrushCsvReader.readShow(file);
            return new Flight(s.plan(), s.droneNames(), Kind.CSV_FOLDER, Double.NaN);
        }
        Kind kind = sniff(file);
        switch (kind) {
            case PLAN_JSON -> {
                Plan p = PlanJson.read(file);
                return new Flight(p, defaultNames(p.droneCount()), kind, Double.NaN);
            }
            case SKYC -> {
                SkycReader.SkycShow s = SkycReader.readShow(file);
                return new Flight(s.plan(), s.droneNames(), kind, s.minNavAltitude());
            }
            default -> {
                SkybrushCsvReader.CsvShow s = SkybrushCsvReader.readShow(file);
                return new Flight(s.plan(), s.droneNames(), kind, Double.NaN);
            }
        }
    }

    /** The plan in {@code file}, whichever format it is (see {@link #read}). */
    public static Plan readPlan(Path file) {
        return read(file).plan();
    }

    /** The format of a regular file, from its first bytes and, for a ZIP, its entries. */
    static Kind sniff(Path file) {
        byte[] magic = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(magic, 0, 2);
            if (n < 2 || magic[0] != 'P' || magic[1] != 'K') {
                return Kind.PLAN_JSON;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "file not found",
                    HINT + ", e.g. out/chongqing/plan.json written by 'starling plan'");
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read the file: " + e.getMessage(), null);
        }
        try (ZipFile z = new ZipFile(file.toFile())) {
            // a file named .skyc is read as one even without show.json, so the error says show.json is missing
            boolean skyc = z.getEntry(SkycReader.SHOW_JSON) != null
                    || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".skyc");
            return skyc ? Kind.SKYC : Kind.CSV_ZIP;
        } catch (IOException e) {
            throw new InputException(file.toString(), "not a readable ZIP archive: " + e.getMessage(), HINT);
        }
    }

    private static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(Plan.droneName(i));
        }
        return names;
    }
}
