package dev.starling.cli;

import dev.starling.InputException;
import dev.starling.io.FlightFiles;
import dev.starling.base.AtomicFiles;
import dev.starling.io.ExportFormat;
import dev.starling.io.ExportOptions;
import dev.starling.io.Exporter;
import dev.starling.io.csv.SkybrushCsvWriter;
import dev.starling.io.skyc.SkycWriter;
import dev.starling.plan.Plan;
import dev.starling.trajectory.Trajectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code starling export}: writes a plan as a flight file. All logic is in {@link Exporter}. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write a plan as a flight file: a .skyc for Skybrush Live, a Skybrush CSV",
            "ZIP, or Starling's JSON plan.",
            "",
            "Examples:",
            "  cd out/chongqing",
            "  starling export plan.json --format skyc --out show.skyc",
            "  starling export plan.json --format csv --out show-csv.zip --rate 10",
            "  starling export other-tool.skyc --format json --out plan.json",
            "  starling export plan.json --format skyc --out show.skyc --site ../../shows/chongqing/site.json",
            "",
            "A .skyc carries the plan's music (MP3 only, as Skybrush plays it) and, with",
            "--site, where the show lies on Earth (the site's anchor) and its audience",
            "viewpoints as cameras, so Skybrush Live places the show by itself.",
            "",
            "PLAN is a plan.json written by 'starling plan'; a .skyc or a Skybrush CSV",
            "ZIP is converted too. Every file is written to a temporary file and renamed",
            "into place, so a failed export leaves the previous file as it was. Fleets",
            "of more than 5000 drones (Skybrush Live's limit) become one .skyc per",
            "sub-fleet: show.part1-of-4.drones00001-05000.skyc, ...",
            ""},
        footer = {"", "Exit codes: 0 written, 1 writing failed, 2 bad input or command line."})
final class ExportCommand implements Callable<Integer> {
    /** Fleets at least this large report progress on stderr. */
    static final int PROGRESS_MIN_DRONES = 1000;

    @Parameters(index = "0", paramLabel = "PLAN", description = "plan.json (or a .skyc / Skybrush CSV ZIP to convert)")
    Path input;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "skyc (Skybrush Live), csv (Skybrush CSV ZIP) or json (Starling plan)")
    ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "file to write (replaced only on success)")
    Path out;

    @Option(names = "--rate", paramLabel = "HZ",
            description = "CSV samples per second, 0 < HZ <= 1000 (default: 4, as Skybrush Studio); csv only")
    Double rate;

    @Option(names = "--site", paramLabel = "SITE",
            description = "site file (starling-site/1) whose anchor and viewpoints go into a .skyc as "
                    + "environment.location and cameras")
    Path siteFile;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter outW = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rate != null && format != ExportFormat.CSV) {
            throw new InputException(null, "--rate", "--rate applies to --format csv only",
                    "drop --rate, or export with --format csv");
        }
        if (Files.isDirectory(out)) {
            throw new InputException(out.toString(), "--out", "is a folder, not a file name",
                    "give the file to write, e.g. --out " + out.resolve("show" + format.extension()));
        }
        ExportOptions opts = ExportOptions.defaults();
        if (rate != null) {
            opts = opts.withCsvRate(rate);
        }
        if (siteFile != null) {
            opts = opts.withEnvironment(dev.starling.io.skyc.SkycEnvironment.of(dev.starling.site.Site.read(siteFile)));
        }
        Plan plan = FlightFiles.readPlan(input);
        if (format == ExportFormat.SKYC) {
            String problem = dev.starling.io.skyc.SkycWriter.audioProblem(plan);
            if (problem != null) {
                err.println("warning: " + problem);
            }
            if (siteFile == null) {
                err.println("note: without --site the .skyc says nothing of where the show lies on Earth");
            }
        }
        List<Path> planned = Exporter.outputs(plan.droneCount(), format, out, opts);
        for (Path p : planned) {
            AtomicFiles.requireNotAnInput(p, input);
        }
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(format.extension())) {
            err.println("note: " + format.name().toLowerCase(Locale.ROOT) + " files usually end with "
                    + format.extension() + " (writing " + out + " as asked)");
        }
        ProgressBar bar = new ProgressBar(err, quiet || plan.droneCount() < PROGRESS_MIN_DRONES);
        if (format != ExportFormat.JSON) {
            bar.stage("export " + format.name().toLowerCase(Locale.ROOT));
            opts = opts.withProgress((file, done, total) ->
                    bar.update(done / (double) total, file.getFileName() + " " + done + "/" + total + " drones"));
        }
        List<Path> files;
        try {
            files = Exporter.export(plan, format, out, opts);
        } catch (InputException e) {
            throw e.inFile(input.toString());
        }
        if (format != ExportFormat.JSON) {
            bar.done();
        }
        int per = opts.maxDronesPerFile();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            int drones = files.size() == 1 ? plan.droneCount() : Math.min(per, plan.droneCount() - i * per);
            outW.printf("wrote %s (%s, %d drones)%n", f, size(Files.size(f)), drones);
        }
        outW.println(accuracy(plan, format, opts));
        outW.flush();
        return 0;
    }

    /** What a reader of the written file gets, in words the crew can check. */
    static String accuracy(Plan plan, ExportFormat format, ExportOptions opts) {
        double worst = 0;
        switch (format) {
            case JSON -> {
                return "positions and colours exact (lossless)";
            }
            case SKYC -> {
                for (Trajectory tr : plan.trajectories()) {
                    worst = Math.max(worst, SkycWriter.positionErrorBound(tr));
                }
                return String.format(Locale.ROOT,
                        "positions within %.2f mm of the plan (1 mm / 1 ms resolution); lights on the 20 ms tick",
                        worst * 1000);
            }
            default -> {
                for (Trajectory tr : plan.trajectories()) {
                    worst = Math.max(worst, SkybrushCsvWriter.interpolationErrorBound(tr, opts.csvRateHz()));
                }
                worst += SkybrushCsvWriter.ROUNDING_ERROR;
                return String.format(Locale.ROOT,
                        "rows every %.0f ms; a reader interpolating linearly stays within %.1f mm of the plan%s",
                        1000 / opts.csvRateHz(), worst * 1000,
                        worst > 0.05 ? " (raise --rate for less)" : "");
            }
        }
    }

    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
