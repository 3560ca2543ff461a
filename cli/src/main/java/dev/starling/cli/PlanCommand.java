package dev.starling.cli;

import dev.starling.InputException;
import dev.starling.analysis.AnalysisMemo;
import dev.starling.analysis.BatteryAnalysis;
import dev.starling.analysis.BatteryReport;
import dev.starling.analysis.ClearanceAnalysis;
import dev.starling.analysis.ClearanceOptions;
import dev.starling.analysis.ClearanceReport;
import dev.starling.analysis.DroneProfile;
import dev.starling.analysis.Wind;
import dev.starling.formation.Targets;
import dev.starling.base.AtomicFiles;
import dev.starling.base.Parallel;
import dev.starling.cache.ContentCache;
import dev.starling.cache.PlanCache;
import dev.starling.plan.Assignments;
import dev.starling.io.ExportFormat;
import dev.starling.io.ExportOptions;
import dev.starling.io.Exporter;
import dev.starling.io.json.PlanJson;
import dev.starling.plan.Plan;
import dev.starling.plan.PlanRepair;
import dev.starling.plan.SceneSpan;
import dev.starling.plan.ShowPlanner;
import dev.starling.plan.TimelineException;
import dev.starling.plan.TimelineReport;
import dev.starling.show.Music;
import dev.starling.show.Timeline;
import dev.starling.plan.TransitionStats;
import dev.starling.show.Facing;
import dev.starling.show.Limits;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import dev.starling.formation.ShowTargets;
import dev.starling.site.Site;
import dev.starling.site.Viewpoint;
import dev.starling.trajectory.Trajectory;
import dev.starling.verify.VerificationReport;
import dev.starling.verify.VerifyMemo;
import dev.starling.verify.VerifyOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code starling plan}: show file → verified plan.json, report.json and, on request, flight files. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {
            "Plans a show: samples every formation, assigns drones (exact optimum), times each transition",
            "as fast as the limits allow, verifies the whole plan independently, repairs conflicts, and",
            "writes DIR/plan.json and DIR/report.json. A plan that is not safe is never written: the",
            "report says why and the exit code is 1.",
            "",
            "Examples:",
            "  starling plan shows/hello/show.json --out out/hello",
            "  starling plan shows/chongqing/show.json --out out/chongqing --export skyc,csv",
            "  starling plan show.json --out out/x --json          # the report as JSON on stdout",
            "  starling plan contrib/show.json --out out/c --assets-from ~/fonts   # one more asset folder",
            "  starling plan show.json --out out/x --no-cache      # neither read nor write out/.starling-cache",
            "  starling plan show.json --out out/x --watch         # plan again on every save of the show or an asset",
            "",
            "Assets (images, SVG, meshes, fonts, music, labels) are read only from the show file's folder",
            "and its subfolders, links followed; --assets-from DIR allows one more folder.",
            ""},
        footer = {"", "Exit codes: 0 planned and verified clean, 1 the show cannot be made safe, 2 bad show file."})
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHOW.json", description = "The show file (starling-show/1, see docs/show-format.md).")
    Path showFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for plan.json, report.json and exports (created if missing).")
    Path outDir;

    @Option(names = "--export", split = ",", paramLabel = "FORMAT",
            description = "Also export flight files after a clean plan: skyc, csv, json (comma-separated).")
    List<String> exports = new ArrayList<>();

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "4", description = "Sample rate of the CSV export (default ${DEFAULT-VALUE} Hz).")
    double csvRate;

    @Option(names = "--json", description = "Print report.json to stdout instead of the summary table.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--site", paramLabel = "SITE.json",
            description = "Site geometry for the clearance check (default: site.json beside the show file, if any).")
    Path siteFile;

    @Option(names = "--assets-from", paramLabel = "DIR",
            description = "Also allow assets from this folder (repeatable). By default a show reads assets only from its own folder.")
    List<Path> assetsFrom = new ArrayList<>();

    @Option(names = "--no-cache",
            description = {"Plan from scratch and leave the cache alone. By default sampled formations and",
                "assignments are kept in .starling-cache beside DIR (in the folder holding DIR), keyed by a",
                "hash of everything they depend on, written once a plan succeeds, and reused when",
                "the same scene or transition comes again: a one-scene edit re-samples that scene and",
                "re-solves only its two transitions. The plan is byte-identical either way."})
    boolean noCache;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for verification (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--watch",
            description = {"After planning, keep watching the show file, every file it names (formations, fonts,",
                "music, effect pictures) and the site file, and plan again whenever one changes, saying what changed. A",
                "show that no longer plans (bad input, exit 2; or unsafe, exit 1) prints its error and",
                "keeps the last good plan.json in DIR. Stop with Ctrl-C."})
    boolean watch;

    /** Assignments this command's plans proved: --watch takes them from memory after an edit. */
    private PlanCache.Proven proven = new PlanCache.Proven(64);

    /** The last verification of this command's plans: --watch sweeps again only where an edit changed the plan. */
    private VerifyMemo verified = new VerifyMemo();

    /** The last battery and clearance analyses: --watch works them out again only for the segments an edit changed. */
    private AnalysisMemo analysed = new AnalysisMemo();

    /** The text of the last plan.json written: --watch formats again only the segments an edit changed. */
    private PlanJson.Memo writtenText = new PlanJson.Memo();

    /** The plan this command last wrote to plan.json (for the show preview, which need not read it back). */
    private Plan written;

    /** Stops --watch after this many re-plans (tests and scripts); negative: never. */
    @Option(names = "--watch-rounds", hidden = true, defaultValue = "-1")
    int watchRounds;

    /** How often --watch looks at the files, milliseconds. */
    @Option(names = "--watch-poll", hidden = true, defaultValue = "100")
    int watchPollMillis;

    @Override
    public Integer call() throws IOException {
        if (!watch) {
            return planOnce(false);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (watchPollMillis < 10) {
            throw new InputException(null, "--watch-poll", "must be at least 10 ms, was " + watchPollMillis, null);
        }
        // the site the plan uses: --site, or the show's sibling site.json (watched even before it exists)
        FileWatch files = new FileWatch(showFile, assetsFrom,
                siteFile != null ? siteFile : showFile.toAbsolutePath().resolveSibling("site.json"));
        SortedMap<String, FileWatch.Stamp> seen = files.snapshot();
        int code = planGuarded(err);
        err.println("watching " + seen.size() + " file(s) for changes (Ctrl-C to stop)");
        err.flush();
        for (int round = 0; watchRounds < 0 || round < watchRounds; ) {
            SortedMap<String, FileWatch.Stamp> settled;
            try {
                settled = files.nextChange(seen, watchPollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("--watch interrupted", e);
            }
            err.println();
            err.println("changed: " + FileWatch.describe(seen, settled));
            err.flush();
            seen = settled;
            code = planGuarded(err);
            round++;
            err.println("watching " + seen.size() + " file(s) for changes (Ctrl-C to stop)");
            err.flush();
        }
        return code;
    }

    /**
     * One plan for --watch: errors are printed as the command line prints them (bad input: exit
     * 2) and the last good plan.json stays where it is.
     */
    private int planGuarded(PrintWriter err) {
        try {
            return planOnce(true);
        } catch (InputException e) {
            err.println("error: " + e.describe());
            keptNote(err);
            return Starling.EXIT_BAD_INPUT;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            keptNote(err);
            return Starling.EXIT_VIOLATIONS;
        } finally {
            err.flush();
            spec.commandLine().getOut().flush();
        }
    }

    private void keptNote(PrintWriter err) {
        Path plan = outDir.resolve("plan.json");
        err.println(Files.exists(plan) ? "  the last good plan stays in " + plan : "  no plan yet in " + outDir);
    }

    /** Plans once; {@code keepLastGood}: an unsafe result leaves an existing plan.json in place (--watch). */
    private int planOnce(boolean keepLastGood) throws IOException {
        PrintWriter out = spec.commandLine().getOut();

        PrintWriter err = spec.commandLine().getErr();
        Set<ExportFormat> formats = parseFormats();
        // Command-line values are checked before planning: a bad --rate found only at export time
        // left a plan.json behind and exited 2.
        ExportOptions exportOptions = ExportOptions.defaults().withCsvRate(csvRate);
        VerifyOptions vo = VerifyOptions.defaults();
        if (threads != null) {
            if (threads < 1) {
                throw new InputException(null, "--threads", "must be at least 1, was " + threads,
                        "e.g. --threads 2, or leave it out to use every core");
            }
            vo = vo.withThreads(threads);
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new InputException(outDir.toString(), "--out must be a folder, and this is a file",
                    "name a folder; it is created if missing");
        }
        AtomicFiles.requireNotAnInput(outDir.resolve("plan.json"), showFile);
        AtomicFiles.requireNotAnInput(outDir.resolve("report.json"), showFile);
        ProgressBar bar = new ProgressBar(err, quiet || json);
        long start = System.nanoTime();

        for (Path dir : assetsFrom) {
            if (!Files.isDirectory(dir)) {
                throw new InputException(dir.toString(), "--assets-from", Files.exists(dir) ? "is a file, not a folder"
                        : "folder not found", "name an existing folder whose files the show may use");
            }
        }
        bar.stage("loading");
        Show show = ShowLoader.load(showFile, assetsFrom);

        Path site = siteFile != null ? siteFile : showFile.toAbsolutePath().resolveSibling("site.json");
        Site siteModel = siteFile != null || Files.exists(site) ? Site.read(site) : null;
        List<Viewpoint> viewpoints = siteModel == null ? List.of() : siteModel.viewpoints();
        List<Facing.Audience> audiences = Facing.audiences(show, viewpoints);
        double tLoad = bar.doneSeconds();

        PlanCache cache = noCache ? null : PlanCache.open(ContentCache.beside(outDir), showFile, assetsFrom, proven);
        bar.stage("sampling");
        List<Targets> targets = cache == null ? ShowTargets.sampleAll(show, viewpoints) : cache.sampleAll(show, viewpoints);
        double tSample = bar.doneSeconds();

        bar.stage("assigning");
        ShowPlanner.Choreography ch;
        try {
            ch = ShowPlanner.choreograph(show, targets, bar::update,
                    cache == null ? Assignments.FRESH : cache.assignments());
        } catch (InputException e) {
            throw e.inFile(showFile.toString());
        }
        double tAssign = bar.doneSeconds();
        if (cache != null && !quiet && !json) {
            err.println("  " + cache.summary());
        }

        bar.stage("verifying");
        vo = vo.withProgress(f -> bar.update(f, ""));
        if (cache != null) {
            vo = vo.withMemo(verified); // --watch: sweep again only where the plan changed
        }
        PlanRepair.Outcome outcome;
        try {
            outcome = PlanRepair.run(ch, vo, line -> {
                if (!quiet && !json) {
                    err.println("  " + line);
                }
            });
        } catch (InputException e) {
            // the planner's errors (a transition too short for the limits) carry the path, not the file
            throw e.inFile(showFile.toString());
        } catch (TimelineException e) {
            // a valid show whose cues cannot be met: no plan, exit 1
            bar.doneSeconds();
            if (!keepLastGood) {
                Files.deleteIfExists(outDir.resolve("plan.json"));
            }
            err.println("error: " + showFile + ": scenes[" + e.sceneIndex() + "] \""
                    + show.scenes().get(e.sceneIndex()).name() + "\": " + e.getMessage());
            err.println("no plan written");
            err.flush();
            return Starling.EXIT_VIOLATIONS;
        }
        bar.doneSeconds();
        if (cache != null && !quiet && !json && verified.reusedChunks() > 0) {
            err.println("  separation: " + (verified.chunkCount() - verified.reusedChunks()) + " of "
                    + verified.chunkCount() + " stretches swept again, the rest unchanged since the last plan");
        }
        Plan plan = outcome.assembled().plan();
        List<TransitionStats> transitions = outcome.assembled().transitions();

        bar.stage("analysing");
        // A plan the verifier passed is written to a temporary plan.json while the analyses run
        // (they read the plan, never change it) and renamed into place only if they pass too:
        // the writer's one core fills the analyses' serial stretches instead of following them.
        Path planFile = outDir.resolve("plan.json");
        MusicCopy music = outcome.clean() ? musicBeside(plan, outDir) : null;
        StagedPlan stagedPlan = music == null ? null
                : StagedPlan.start(music.plan(), planFile, cache == null ? null : writtenText);
        BatteryReport battery;
        ClearanceReport clearance = null;
        try {
            int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            AnalysisMemo memo = cache == null ? null : analysed;
            battery = BatteryAnalysis.analyze(plan, DroneProfile.DEFAULT, Wind.DEFAULT, nThreads, memo);
            if (siteModel != null) {
                clearance = ClearanceAnalysis.analyze(plan, siteModel, ClearanceOptions.DEFAULT, nThreads, memo);
            }
        } catch (RuntimeException | Error e) {
            if (stagedPlan != null) {
                stagedPlan.discard();
            }
            throw e;
        }
        double tAnalysis = bar.doneSeconds();
        if (cache != null && !quiet && !json && analysed.matchedSegments() > 0) {
            err.println("  analysis: " + (analysed.segmentCount() - analysed.matchedSegments()) + " of "
                    + analysed.segmentCount() + " segments worked out again, the rest unchanged since the last plan");
        }
        boolean safe = outcome.clean() && battery.ok() && (clearance == null || clearance.ok());

        bar.stage("writing");
        long w0 = System.nanoTime();
        Files.createDirectories(outDir);
        List<String> written = new ArrayList<>();
        List<String> problems = problems(outcome.report());
        if (!battery.ok()) {
            problems.add(battery.belowReserveCount() + " drone(s) land below the battery reserve; least left: "
                    + battery.worst().name() + " (see battery in the report)");
        }
        if (clearance != null && !clearance.ok()) {
            problems.add(clearance.violationCount() + " drone(s) come closer than " + clearance.bufferM()
                    + " m to the site's structures; closest: " + clearance.closest().name() + " to "
                    + clearance.closest().structure() + " (see clearance in the report)");
        }
        if (!safe && stagedPlan != null) {
            stagedPlan.discard();
        }
        if (safe) {
            music.copy(written);
            plan = music.plan();
            stagedPlan.commit();
            this.written = plan;
            written.add(planFile.toString());
            if (cache != null) {
                cache.commit(); // only a plan that was written adds to the cache
            }
            if (siteModel != null) {
                exportOptions = exportOptions.withEnvironment(dev.starling.io.skyc.SkycEnvironment.of(siteModel));
            }
            if (formats.contains(ExportFormat.SKYC) && dev.starling.io.skyc.SkycWriter.audioProblem(plan) != null) {
                err.println("warning: " + dev.starling.io.skyc.SkycWriter.audioProblem(plan));
            }
            for (ExportFormat f : formats) {
                Path target = outDir.resolve(exportName(show, f));
                for (Path p : Exporter.export(plan, f, target, exportOptions)) {
                    written.add(p.toString());
                }
            }
        } else if (!keepLastGood) {
            Files.deleteIfExists(outDir.resolve("plan.json"));
        }
        double tWrite = (System.nanoTime() - w0) / 1e9;
        double assembleSeconds = 0;
        PlanReport.Timings timings = new PlanReport.Timings(tLoad, tSample, tAssign, assembleSeconds,
                outcome.repairSeconds(), outcome.verifySeconds(), tAnalysis, tWrite, (System.nanoTime() - start) / 1e9);
        PlanReport report = new PlanReport(PlanReport.FORMAT, show.name(), show.drones(), safe,
                plan.endTime() - plan.startTime(), flightTime(plan), plan.scenes(), TimelineReport.of(plan), audiences,
                transitions, outcome.assembled().motions(), outcome.report(),
                battery, clearance, new PlanReport.Repair(outcome.rounds(), outcome.repaired()), timings, written, problems);
        Path reportFile = outDir.resolve("report.json");
        report.write(reportFile);
        bar.doneSeconds();

        if (json) {
            out.println(report.toJson());
        } else {
            printSummary(out, show, report, reportFile);
        }
        out.flush();
        return safe ? 0 : Starling.EXIT_VIOLATIONS;
    }

    /**
     * Plans with the assignments that {@code kept} holds and adds to, and with the last
     * verification in {@code memo}, the last analyses in {@code analyses} and the last plan.json's
     * text in {@code text}, for a caller that runs a new command for each plan of one session (the
     * show preview after each save).
     */
    void keepProvenIn(PlanCache.Proven kept, VerifyMemo memo, AnalysisMemo analyses, PlanJson.Memo text) {
        proven = kept;
        verified = memo;
        analysed = analyses;
        writtenText = text;
    }

    /** The plan the last run wrote to plan.json, equal to reading that file back; null if none was written. */
    Plan writtenPlan() {
        return written;
    }

    /**
     * Copies the show's music into the output folder, beside plan.json, so that the folder is the
     * whole show (export, preview and the ground crew need the track) and plan.json can name it
     * by a relative path. Returns the plan with its music pointing at the copy.
     */
    private static MusicCopy musicBeside(Plan plan, Path outDir) {
        Music m = plan.timeline().music();
        if (m == null) {
            return new MusicCopy(plan, null, null, null);
        }
        String name = m.file().getFileName().toString();
        if (List.of("plan.json", "report.json", "show.skyc", "show-csv.zip", "show-plan.json").contains(name)) {
            name = "music-" + name;
        }
        Path copy = outDir.resolve(name).toAbsolutePath().normalize();
        Timeline tl = plan.timeline();
        Timeline moved = new Timeline(new Music(copy, m.format(), m.offset(), m.duration()), tl.cues(), tl.beats());
        return new MusicCopy(new Plan(plan.name(), plan.limits(), plan.trajectories(), plan.lights(), plan.scenes(), moved),
                m.file(), copy, outDir.resolve(name).toString());
    }

    /**
     * The plan as written beside its music ({@code plan}, naming the copy) and the copy still to
     * make: {@code from} to {@code to}; all three null when the show has no music.
     */
    private record MusicCopy(Plan plan, Path from, Path to, String shown) {
        /** Copies the track unless the output folder already holds the same bytes. */
        void copy(List<String> written) throws IOException {
            if (from == null) {
                return;
            }
            if (!to.equals(from.toAbsolutePath().normalize())) {
                byte[] bytes = Files.readAllBytes(from);
                if (!Files.isRegularFile(to) || !java.util.Arrays.equals(Files.readAllBytes(to), bytes)) {
                    AtomicFiles.write(to, bytes);
                }
            }
            written.add(shown);
        }
    }

    /** plan.json being written on its own thread into a temporary file beside it. */
    private static final class StagedPlan {
        private final java.util.concurrent.FutureTask<AtomicFiles.Staged> task;

        private StagedPlan(java.util.concurrent.FutureTask<AtomicFiles.Staged> task) {
            this.task = task;
        }

        static StagedPlan start(Plan plan, Path planFile, PlanJson.Memo memo) {
            var task = new java.util.concurrent.FutureTask<>(() -> PlanJson.stage(plan, planFile, memo));
            Thread t = new Thread(task, "starling-plan-writer");
            t.setDaemon(true);
            t.start();
            return new StagedPlan(task);
        }

        private AtomicFiles.Staged await() throws IOException {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while writing plan.json");
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = Parallel.rethrowUnchecked(e);
                throw c instanceof IOException io ? io : new IOException(c);
            }
        }

        /** Waits for the temporary and renames it over plan.json. */
        void commit() throws IOException {
            try (AtomicFiles.Staged s = await()) {
                s.commit();
            }
        }

        /** Waits for the writer and removes its temporary; plan.json stays as it was. */
        void discard() {
            try (AtomicFiles.Staged s = await()) {
                // closed unused: the temporary goes
            } catch (IOException | RuntimeException e) {
                // the write failed anyway: nothing to remove (its temporary is gone)
            }
        }
    }

    private Set<ExportFormat> parseFormats() {
        Set<ExportFormat> set = new LinkedHashSet<>();
        for (String s : exports) {
            String k = s.trim().toLowerCase(Locale.ROOT);
            switch (k) {
                case "skyc" -> set.add(ExportFormat.SKYC);
                case "csv" -> set.add(ExportFormat.CSV);
                case "json" -> set.add(ExportFormat.JSON);
                default -> throw new InputException(null, "--export",
                        "unknown export format '" + s + "'", "use skyc, csv or json, e.g. --export skyc,csv");
            }
        }
        return set;
    }

    private static String exportName(Show show, ExportFormat f) {
        return switch (f) {
            case SKYC -> "show.skyc";
            case CSV -> "show-csv.zip";
            case JSON -> "show-plan.json";
        };
    }

    /** Longest time any drone spends above the ground altitude, seconds. */
    static double flightTime(Plan plan) {
        double best = 0;
        double[] p = new double[3];
        for (Trajectory tr : plan.trajectories()) {
            double first = Double.NaN, last = Double.NaN;
            for (int s = 0; s < tr.segmentCount(); s++) {
                for (int k = 0; k <= tr.degree(s); k++) {
                    if (tr.control(s, k, 2) > Limits.DEFAULT_GROUND_ALTITUDE) {
                        if (Double.isNaN(first)) {
                            first = tr.knot(s);
                        }
                        last = tr.knot(s + 1);
                    }
                }
            }
            if (!Double.isNaN(first)) {
                best = Math.max(best, last - first);
            }
        }
        return best;
    }

    private static List<String> problems(VerificationReport r) {
        List<String> lines = new ArrayList<>();
        for (VerificationReport.Violation v : r.violations()) {
            if (lines.size() >= 50) {
                lines.add("... " + (r.violationCount() - 50) + " more (see verification.violations)");
                break;
            }
            String who = v.droneB() >= 0 ? Plan.droneName(v.droneA()) + " and " + Plan.droneName(v.droneB())
                    : Plan.droneName(v.droneA());
            lines.add(String.format(Locale.ROOT, "%s: %s at t=%.3f s: %.3f %s (limit %.3f)",
                    v.check().label(), who, v.time(), v.value(), v.check().unit(), v.limit()));
        }
        return lines;
    }

    /** The music, the cues, and every pinned scene's cue against the time the plan hits it. */
    static void printTimeline(PrintWriter out, TimelineReport tl) {
        if (tl.music() == null && tl.cues().isEmpty() && tl.beats() == null
                && tl.scenes().stream().allMatch(s -> s.at() == null && s.until() == null)) {
            return;
        }
        out.print("timeline:");
        if (tl.music() != null) {
            out.printf(Locale.ROOT, " music %s (%s, %.1f s, show time 0 at %.3f s of the track)", tl.music().file(),
                    tl.music().format(), tl.music().duration(), tl.music().offset());
        }
        if (tl.beats() != null) {
            out.printf(Locale.ROOT, "%s %s bpm, %d/4, beat 1 at %.3f s", tl.music() != null ? ";" : "",
                    fmt(tl.beats().bpm()), tl.beats().beatsPerBar(), tl.beats().offset());
        }
        out.println();
        if (!tl.cues().isEmpty()) {
            StringBuilder sb = new StringBuilder("  cues:");
            for (TimelineReport.CueTime c : tl.cues()) {
                sb.append(String.format(Locale.ROOT, " %s %.3f", c.name(), c.time()));
            }
            out.println(sb);
        }
        out.printf(Locale.ROOT, "  %s %-12s %9s %9s %8s   %-12s %9s %9s%n", pad("scene", 22), "at", "pinned s", "actual s",
                "error", "until", "pinned s", "actual s");
        for (TimelineReport.SceneTimes s : tl.scenes()) {
            out.printf(Locale.ROOT, "  %s %-12s %9s %9.3f %8s   %-12s %9s %9.3f%n", pad(s.scene(), 22),
                    s.at() == null ? "-" : s.at(), s.pinnedAt() == null ? "-" : String.format(Locale.ROOT, "%.3f", s.pinnedAt()),
                    s.complete(), s.atErrorMs() == null ? "" : String.format(Locale.ROOT, "%.0f ms", s.atErrorMs()),
                    s.until() == null ? "-" : s.until(),
                    s.pinnedUntil() == null ? "-" : String.format(Locale.ROOT, "%.3f", s.pinnedUntil()), s.holdEnd());
        }
        for (String w : tl.warnings()) {
            out.println("  warning: " + w);
        }
        out.println();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Per scene: the turn its {@code faces} made, and how each viewpoint sees it. */
    static void printAudiences(PrintWriter out, List<Facing.Audience> audiences) {
        out.println("audiences (angle between the line of sight and the formation's plane; negative: from behind):");
        for (Facing.Audience a : audiences) {
            StringBuilder sb = new StringBuilder();
            for (Facing.View v : a.views()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(v.viewpoint()).append(' ').append(v.verdict());
                if (v.angleDeg() != null) {
                    sb.append(String.format(Locale.ROOT, " %.0f°", v.angleDeg()));
                }
            }
            String faces = a.faces() == null ? "as placed" : "faces " + a.faces()
                    + (a.yawDeg() == 0 ? "" : String.format(Locale.ROOT, ", turned %+.1f°", a.yawDeg()));
            out.printf(Locale.ROOT, "  %s %-26s %s%n", pad(a.scene(), 22), faces, sb);
        }
        out.println();
    }

    private static void printSummary(PrintWriter out, Show show, PlanReport rep, Path reportFile) {
        VerificationReport v = rep.verification();
        out.printf(Locale.ROOT, "%s: %d drones, %d scenes, show %.1f s (airborne %.1f s)%n", show.name(),
                show.drones(), show.scenes().size(), rep.duration(), rep.flightTime());
        out.println();
        out.printf(Locale.ROOT, "%s %8s %8s %8s %7s %6s %6s %6s %6s %7s %8s%n", pad("transition", 24), "start s", "dur s",
                "bound s", "move m", "vxy", "vup", "vdown", "acc", "sep m", "assign");
        for (TransitionStats t : rep.transitions()) {
            String sep = Double.isInfinite(t.minSeparation()) ? String.format(Locale.ROOT, ">%.2f",
                    PlanRepair.SEPARATION_PROBE * show.limits().minSeparation())
                    : Double.isNaN(t.minSeparation()) ? "-" : String.format(Locale.ROOT, "%.3f", t.minSeparation());
            out.printf(Locale.ROOT, "%s %8.1f %8.2f %8.2f %7.1f %6.2f %6.2f %6.2f %6.2f %7s %6.0fms%n",
                    pad(t.name(), 24), t.start(), t.duration(), t.lowerBound(), t.longestMove(), t.peakSpeedXY(),
                    t.peakSpeedUp(), t.peakSpeedDown(), t.peakAcceleration(), sep, t.assignmentMillis());
        }
        out.println();
        out.printf(Locale.ROOT, "%s %8s %8s %8s%n", pad("scene", 24), "start s", "hold s", "until s");
        for (SceneSpan s : rep.scenes()) {
            out.printf(Locale.ROOT, "%s %8.1f %8.1f %8.1f%n", pad(s.name(), 24), s.start(), s.holdStart(), s.holdEnd());
        }
        out.println();
        printTimeline(out, rep.timeline());
        printAudiences(out, rep.audiences());
        out.println("verification (independent):");
        for (VerificationReport.CheckResult c : v.checks()) {
            if (!c.checked()) {
                continue;
            }
            String where = c.droneA() < 0 ? "" : (c.droneB() >= 0 ? " drones " + (c.droneA() + 1) + "," + (c.droneB() + 1)
                    : " drone " + (c.droneA() + 1)) + (Double.isNaN(c.time()) ? "" : String.format(Locale.ROOT, " t=%.2f", c.time()));
            out.printf(Locale.ROOT, "  %-22s %s  worst %9.3f %-4s limit %8.3f%s%s%n", c.check().label(),
                    c.passed() ? "PASS" : "FAIL", c.worst(), c.check().unit(), c.limit(), where,
                    c.count() > 0 ? "  (" + c.count() + " violations)" : "");
        }
        if (!Double.isNaN(v.minSeparation())) {
            out.printf(Locale.ROOT, "  closest approach %.3f m: drones %d and %d at t=%.2f s%n", v.minSeparation(),
                    v.minSeparationDroneA() + 1, v.minSeparationDroneB() + 1, v.minSeparationTime());
        }
        out.println();
        out.print(rep.battery().summary());
        if (rep.clearance() != null) {
            out.print(rep.clearance().summary());
        }
        if (rep.repair().rounds() > 0) {
            out.println("  repaired by waves: " + String.join(", ", rep.repair().transitionsSplit()));
        }
        PlanReport.Timings t = rep.timings();
        out.printf(Locale.ROOT, "%ntime: load %.2f s, sampling %.2f s, assignment %.2f s, repair %.2f s, verification %.2f s, analysis %.2f s, writing %.2f s, total %.2f s%n",
                t.loading(), t.sampling(), t.assignment(), t.repair(), t.verification(), t.analysis(), t.writing(), t.total());
        out.println();
        if (rep.clean()) {
            out.println("CLEAN: the plan passed every check (verifier, battery reserve, clearance). Written:");
            for (String f : rep.exports()) {
                out.println("  " + f);
            }
            out.println("  " + reportFile);
        } else {
            out.println("NOT SAFE: the plan was not written. Problems:");
            for (String p : rep.problems()) {
                out.println("  " + p);
            }
            out.println("Details in " + reportFile);
        }
    }

    /** {@code s} cut or padded to {@code cols} terminal columns (CJK characters take two). */
    static String pad(String s, int cols) {
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = wide(cp) ? 2 : 1;
            if (w + cw > cols) {
                break;
            }
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return sb + " ".repeat(cols - w);
    }

    private static boolean wide(int cp) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60);
    }
}
