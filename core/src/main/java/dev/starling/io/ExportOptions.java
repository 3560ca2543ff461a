package dev.starling.io;

import dev.starling.io.skyc.SkycEnvironment;

/**
 * Settings of one export. Use {@link #defaults()} and the {@code with…} methods.
 *
 * @param csvRateHz        CSV sampling rate, samples per second (0 &lt; rate ≤ 1000; every
 *                         sample lies on the 1 ms grid). Default 4 Hz, as Skybrush Studio.
 * @param maxDronesPerFile most drones in one {@code .skyc} (1..5000); larger fleets are split
 *                         into sub-fleets of consecutive drones. Default 5000, the most that
 *                         Skybrush Live accepts.
 * @param progress         receives progress of long exports; never {@code null}
 * @param environment      what a {@code .skyc} says of the world: location on Earth and cameras
 *                         (from the site); {@link SkycEnvironment#NONE} by default
 */
public record ExportOptions(double csvRateHz, int maxDronesPerFile, Progress progress, SkycEnvironment environment) {
    /** The most drones Skybrush Live accepts in one show file. */
    public static final int SKYBRUSH_MAX_DRONES = 5000;
    /** Skybrush Studio's default CSV rate. */
    public static final double DEFAULT_CSV_RATE_HZ = 4;

    /**
     * Progress callback, called on the exporting thread after each batch of drones. A callback
     * that throws aborts the export; the target file is then left as it was.
     */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param file  the file being written
         * @param done  drones written so far in this file
         * @param total drones in this file
         */
        void update(java.nio.file.Path file, int done, int total);

        /** A callback that ignores everything. */
        Progress NONE = (file, done, total) -> { };
    }

    public ExportOptions {
        if (!(csvRateHz > 0 && csvRateHz <= 1000)) {
            throw new dev.starling.InputException(null, "--rate", "CSV rate must be in (0, 1000] Hz, was " + csvRateHz,
                    "samples lie on the 1 ms grid, so at most 1000 per second; Skybrush Studio uses 4");
        }
        if (maxDronesPerFile < 1 || maxDronesPerFile > SKYBRUSH_MAX_DRONES) {
            throw new IllegalArgumentException("maxDronesPerFile must be 1.." + SKYBRUSH_MAX_DRONES + ", was "
                    + maxDronesPerFile);
        }
        if (progress == null) {
            progress = Progress.NONE;
        }
        if (environment == null) {
            environment = SkycEnvironment.NONE;
        }
    }

    /** 4 Hz CSV, 5000 drones per {@code .skyc}, no progress. */
    public static ExportOptions defaults() {
        return new ExportOptions(DEFAULT_CSV_RATE_HZ, SKYBRUSH_MAX_DRONES, Progress.NONE, SkycEnvironment.NONE);
    }

    public ExportOptions withCsvRate(double hz) {
        return new ExportOptions(hz, maxDronesPerFile, progress, environment);
    }

    public ExportOptions withMaxDronesPerFile(int n) {
        return new ExportOptions(csvRateHz, n, progress, environment);
    }

    public ExportOptions withProgress(Progress p) {
        return new ExportOptions(csvRateHz, maxDronesPerFile, p, environment);
    }

    /** The same options with the location and cameras of {@code env}. */
    public ExportOptions withEnvironment(SkycEnvironment env) {
        return new ExportOptions(csvRateHz, maxDronesPerFile, progress, env);
    }
}
