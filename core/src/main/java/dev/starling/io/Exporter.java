package dev.starling.io;

import dev.starling.base.AtomicFiles;
import dev.starling.InputException;
import dev.starling.io.csv.SkybrushCsvWriter;
import dev.starling.io.json.PlanJson;
import dev.starling.io.skyc.SkycWriter;
import dev.starling.plan.Plan;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one way to write a plan as a flight file: {@code .skyc} (Skybrush Live / Server), Skybrush
 * CSV (ZIP of per-drone CSVs) or Starling's JSON plan. Used by {@code starling export} and
 * {@code starling plan --export}.
 *
 * <p>Every file goes to a temporary file in the target's folder and is renamed into place only
 * when complete ({@link AtomicFiles}): a failed or killed export leaves the previous file as it
 * was, and a leftover temporary is a hidden {@code .NAME.*.part} file, never a flight file.
 *
 * <p>Sub-fleets. Skybrush Live refuses shows of more than 5000 drones, so a larger fleet becomes
 * one {@code .skyc} per block of {@link ExportOptions#maxDronesPerFile()} consecutive drones,
 * named so a crew sees which is which: {@code show.part1-of-4.drones00001-05000.skyc} for an
 * output named {@code show.skyc}. All parts are written first and renamed together. After a
 * successful export, files of an earlier export to the same name that would now mislead (the
 * single file when the fleet is now split, parts of an earlier split) are removed.
 */
public final class Exporter {
    private Exporter() {
    }

    /**
     * Writes {@code plan} as {@code format} to {@code out} (or, for a split {@code .skyc}, next to
     * it) and returns the files written, in order.
     *
     * @throws InputException when the plan cannot be expressed in the format (a light keyframe
     *                        before show time 0 in a {@code .skyc}); its path names the drone,
     *                        its file is unset (the caller knows the plan's file)
     * @throws IOException    when writing fails; targets are then unchanged
     */
    public static List<Path> export(Plan plan, ExportFormat format, Path out, ExportOptions opts) throws IOException {
        List<Path> files = outputs(plan.droneCount(), format, out, opts);
        switch (format) {
            case JSON -> PlanJson.write(plan, out);
            case CSV -> AtomicFiles.write(out,
                    os -> SkybrushCsvWriter.write(plan, opts.csvRateHz(), os, out, opts.progress()));
            case SKYC -> writeSkyc(plan, files, opts);
            default -> throw new AssertionError(format);
        }
        if (format == ExportFormat.SKYC) {
            removeStale(out, files);
        }
        return files;
    }

    /**
     * The files {@link #export} would write for a plan of {@code droneCount} drones, without
     * writing anything: lets a caller check them against its inputs first.
     */
    public static List<Path> outputs(int droneCount, ExportFormat format, Path out, ExportOptions opts) {
        if (format != ExportFormat.SKYC || droneCount <= opts.maxDronesPerFile()) {
            return List.of(out);
        }
        int per = opts.maxDronesPerFile();
        int parts = (droneCount + per - 1) / per;
        List<Path> files = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = p * per, to = Math.min(droneCount, from + per);
            files.add(partPath(out, p + 1, parts, from, to, droneCount));
        }
        return files;
    }

    /**
     * The name of part {@code part} (1-based) of {@code parts}, holding drones {@code from}
     * (inclusive, 0-based) to {@code to} (exclusive): {@code show.part2-of-4.drones05001-10000.skyc}.
     * Drone numbers are 1-based like the drone names, zero-padded to at least five digits.
     */
    static Path partPath(Path out, int part, int parts, int from, int to, int droneCount) {
        int width = Math.max(5, Integer.toString(droneCount).length());
        String name = String.format("%s.part%d-of-%d.drones%0" + width + "d-%0" + width + "d.skyc",
                base(out), part, parts, from + 1, to);
        return out.resolveSibling(name);
    }

    private static String base(Path out) {
        String name = out.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".skyc") ? name.substring(0, name.length() - 5) : name;
    }

    private static void writeSkyc(Plan plan, List<Path> files, ExportOptions opts) throws IOException {
        int per = opts.maxDronesPerFile();
        int parts = files.size();
        List<AtomicFiles.Content> contents = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = p * per, to = Math.min(plan.droneCount(), from + per);
            Path file = files.get(p);
            String name = plan.name() == null ? "" : plan.name();
            String title = parts == 1 ? name
                    : String.format("%s (part %d of %d: %s to %s)", name, p + 1, parts,
                            Plan.droneName(from), Plan.droneName(to - 1));
            contents.add(os -> SkycWriter.write(plan, from, to, title, os, file, opts.progress(), opts.environment()));
        }
        if (parts == 1) {
            AtomicFiles.write(files.get(0), contents.get(0));
        } else {
            AtomicFiles.writeAll(files, contents);
        }
    }

    /** Removes files of an earlier export to {@code out} that the new set {@code written} supersedes. */
    private static void removeStale(Path out, List<Path> written) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Set<Path> keep = new HashSet<>();
        for (Path p : written) {
            keep.add(p.toAbsolutePath().normalize());
        }
        Pattern part = Pattern.compile(Pattern.quote(base(out)) + "\\.part\\d+-of-\\d+\\.drones\\d+-\\d+\\.skyc");
        List<Path> stale = new ArrayList<>();
        if (!keep.contains(out.toAbsolutePath().normalize()) && Files.isRegularFile(out)) {
            stale.add(out);
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (part.matcher(p.getFileName().toString()).matches() && !keep.contains(p.toAbsolutePath().normalize())) {
                    stale.add(p);
                }
            }
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
    }
}
