package dev.starling.cli;

import dev.starling.InputException;
import dev.starling.cache.PlanCache;
import dev.starling.plan.Plan;
import dev.starling.render.Camera;
import dev.starling.render.PreviewWindow;
import dev.starling.render.RenderException;
import dev.starling.site.Site;
import dev.starling.verify.VerifyMemo;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.starling.io.FlightFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code starling preview}: the show in an interactive window. Drawing is {@link PreviewWindow}'s. */
@Command(name = "preview",
        mixinStandardHelpOptions = true,
        description = {
            "Play a planned show in a window over the Chongqing night (or another --site),",
            "showing the same frames 'starling render' writes.",
            "",
            "Examples:",
            "  starling preview out/chongqing/plan.json",
            "  starling preview out/chongqing/plan.json --camera chaotianmen --at 90 --speed 0.5",
            "  starling preview out/hello/plan.json --size 1920x1080",
            "  starling preview shows/chongqing/show.json       # plan the show, then follow its edits",
            "",
            "Given a show file (starling-show/1) instead of a plan, preview plans it first (as",
            "'starling plan SHOW --out DIR', with the cache, DIR from --out or a folder under the",
            "system's temporary folder), opens the window, and plans again whenever the show or a",
            "file it names changes: the new plan replaces the old one in place, keeping the camera",
            "and the show time. A save that no longer plans (bad input, or unsafe) leaves the last",
            "good plan on screen with the error in the HUD and on the terminal.",
            "",
            "Keys: space play/pause, left/right scrub 2 s (Shift: 10 s), + / - speed,",
            "1-5 cameras (south-bank, north-bank, chaotianmen, top, orbit), PageUp/PageDown",
            "or P/N previous/next scene, H hide the HUD, Esc or Q quit.",
            "Mouse: drag to orbit, wheel to zoom.",
            "",
            "The show's music plays along at 1x and follows pause, scrubs and scene jumps",
            "(muted at other speeds); the HUD counts down to the next cue. Without a sound",
            "device the preview runs silent and says so.",
            "",
            "Needs a desktop display; on a machine without one use 'starling render'.",
            ""},
        footer = {"", "Exit codes: 0 closed normally, 1 no display or OpenGL, 2 bad input or command line."})
final class PreviewCommand implements Callable<Integer> {
    @CommandLine.Mixin
    RenderCommand.Scene scene;

    @Option(names = "--at", paramLabel = "T", description = "start at T seconds (default: the show's start)")
    Double at;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1", description = "playback speed, 0.1..16 (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "with a show file: where its plan is written (default: starling-preview/NAME in the system's temporary folder)")
    Path outDir;

    @Option(names = "--assets-from", paramLabel = "DIR",
            description = "with a show file: one more folder its assets may come from (as for 'starling plan')")
    List<Path> assetsFrom = new ArrayList<>();

    /** Closes the window after this many re-plans of a show file were shown (tests); negative: never. */
    @Option(names = "--watch-rounds", hidden = true, defaultValue = "-1")
    int watchRounds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (isShowFile(scene.plan)) {
            return previewShow(out);
        }
        if (outDir != null || !assetsFrom.isEmpty()) {
            throw new InputException(null, outDir != null ? "--out" : "--assets-from",
                    "applies to a show file, and " + scene.plan + " is a plan or flight file",
                    "drop it, or preview the show file (starling-show/1) the plan was made from");
        }
        Plan plan = scene.readPlan();
        Site site = scene.readSite();
        Camera camera = scene.camera(site);
        PreviewWindow window = open(plan, site, camera, "xvfb-run -a starling render " + scene.plan
                + " --from 0 --to 30 --out frames/");
        if (window == null) {
            return Starling.EXIT_VIOLATIONS;
        }
        try (window) {
            out.printf("previewing %s (%d drones) from %s; space play/pause, arrows scrub, +/- speed, 1-5 cameras,"
                    + " PgUp/PgDn scenes, H HUD, Esc quit%n", scene.plan, plan.droneCount(), camera.name());
            out.println(window.sound());
            out.flush();
            while (!window.shouldClose()) {
                window.frame();
            }
        }
        return 0;
    }

    /**
     * Checks --at, --speed and --size against {@code plan} and opens the window; {@code null}
     * (with the error and a hint to {@code instead} printed) when there is no screen or OpenGL.
     */
    private PreviewWindow open(Plan plan, Site site, Camera camera, String instead) {
        int[] size = scene.size();
        double start = at == null ? plan.startTime() : at;
        scene.requireInShow(plan, start, "--at");
        if (!(speed >= 0.1 && speed <= 16)) {
            throw new InputException(null, "--speed", speed + " is outside 0.1..16", "e.g. --speed 2");
        }
        try {
            return PreviewWindow.open(plan, site, size[0], size[1], camera, start, speed);
        } catch (RenderException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + e.getMessage());
            err.println("  hint: the preview needs a screen; without one, write frames instead: " + instead);
            err.flush();
            return null;
        }
    }

    /** True when {@code file} is a show file (a JSON object with "format": "starling-show/..."). */
    static boolean isShowFile(Path file) {
        if (file == null || !Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".json")) {
            return false;
        }
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("format")) {
                    return v == JsonToken.VALUE_STRING && p.getText().startsWith("starling-show/");
                }
                p.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The result of one plan of the show: the plan, or the error lines of a show that did not plan. */
    private record Planned(Plan plan, String error, int code) {
    }

    /** Assignments this preview's plans proved, kept from one save's plan to the next (as plan --watch keeps them). */
    private final PlanCache.Proven proven = new PlanCache.Proven(64);
    /** Its last verification, so that a re-plan sweeps separation again only where the edit changed the plan. */
    private final VerifyMemo verified = new VerifyMemo();
    /** Its last battery and clearance analyses, worked out again only for the segments an edit changed. */
    private final dev.starling.analysis.AnalysisMemo analysed = new dev.starling.analysis.AnalysisMemo();
    /** The text of its last plan.json, so that a re-plan formats again only the segments the edit changed. */
    private final dev.starling.io.json.PlanJson.Memo writtenText = new dev.starling.io.json.PlanJson.Memo();

    /** Plans the show as 'starling plan SHOW --out DIR' does (cache included), quietly. */
    private Planned plan(Path show, Path dir) {
        List<String> args = new ArrayList<>(List.of("plan", show.toString(), "--out", dir.toString(), "--quiet"));
        if (scene.site != null) {
            args.add("--site");
            args.add(scene.site.toString());
        }
        for (Path a : assetsFrom) {
            args.add("--assets-from");
            args.add(a.toString());
        }
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = Starling.newCommandLine();
        PlanCommand planCommand = (PlanCommand) cl.getSubcommands().get("plan").getCommand();
        planCommand.keepProvenIn(proven, verified, analysed, writtenText);
        int code = Starling.run(cl, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                args.toArray(String[]::new));
        if (code == 0) {
            // the plan as written (reading the 100 MB plan.json back would cost seconds per save)
            Plan written = planCommand.writtenPlan();
            return new Planned(written != null ? written : FlightFiles.readPlan(dir.resolve("plan.json")), null, 0);
        }
        String text = err.toString().strip();
        return new Planned(null, text.isEmpty() ? "the show did not plan (exit " + code + ")" : text, code);
    }

    private Integer previewShow(PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        Path show = scene.plan.toAbsolutePath().normalize();
        Path dir = outDir != null ? outDir : Path.of(System.getProperty("java.io.tmpdir"), "starling-preview",
                show.getFileName().toString().replaceFirst("\\.json$", ""));
        out.println("planning " + scene.plan + " into " + dir + " ...");
        out.flush();
        FileWatch files = new FileWatch(show, assetsFrom, scene.site != null ? scene.site : show.resolveSibling("site.json"));
        // looked at before the first plan reads them: a save from then on is a change
        SortedMap<String, FileWatch.Stamp> before = files.snapshot();
        Planned first = plan(show, dir);
        if (first.plan() == null) {
            err.println(first.error());
            err.flush();
            return first.code();
        }
        Plan plan = first.plan();
        Site site = scene.readSite();
        Camera camera = scene.camera(site);
        PreviewWindow window = open(plan, site, camera, "starling plan " + scene.plan
                + " --out out/show && xvfb-run -a starling render out/show/plan.json --from 0 --to 30 --out frames/");
        if (window == null) {
            return Starling.EXIT_VIOLATIONS;
        }
        AtomicReference<Planned> latest = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            SortedMap<String, FileWatch.Stamp> seen = before;
            while (!stop.get()) {
                try {
                    SortedMap<String, FileWatch.Stamp> settled = files.nextChange(seen, POLL_MILLIS);
                    synchronized (out) {
                        out.println("changed: " + FileWatch.describe(seen, settled) + "; planning again ...");
                        out.flush();
                    }
                    seen = settled;
                    Planned p;
                    try {
                        p = plan(show, dir);
                    } catch (RuntimeException e) {
                        p = new Planned(null, "error: " + e.getMessage(), Starling.EXIT_VIOLATIONS);
                    }
                    latest.set(p);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "starling-preview-watch");
        watcher.setDaemon(true);
        int rounds = 0;
        try (window) {
            out.printf("previewing %s (%d drones) from %s; it plans again when the show changes; space play/pause,"
                    + " arrows scrub, +/- speed, 1-5 cameras, PgUp/PgDn scenes, H HUD, Esc quit%n", scene.plan,
                    plan.droneCount(), camera.name());
            out.println(window.sound());
            out.flush();
            watcher.start();
            while (!window.shouldClose() && (watchRounds < 0 || rounds < watchRounds)) {
                Planned p = latest.getAndSet(null);
                if (p != null) {
                    rounds++;
                    synchronized (out) {
                        if (p.plan() != null) {
                            try {
                                window.reload(p.plan());
                                window.setNotice(null);
                                out.println("reloaded: " + p.plan().droneCount() + " drones, camera and show time kept");
                            } catch (RenderException e) {
                                window.setNotice("error: " + e.getMessage() + " (last good plan shown)");
                                out.println("error: " + e.getMessage() + "; the last good plan stays on screen");
                            }
                        } else {
                            String line = p.error().lines().filter(l -> l.startsWith("error:")).findFirst()
                                    .orElse(p.error().lines().findFirst().orElse("the show did not plan"));
                            window.setNotice(line + " (last good plan shown)");
                            err.println(p.error());
                            err.flush();
                            out.println("the last good plan stays on screen");
                        }
                        out.flush();
                    }
                }
                window.frame();
            }
        } finally {
            stop.set(true);
            watcher.interrupt();
        }
        return 0;
    }

    /** How often the show's files are looked at, milliseconds. */
    static final int POLL_MILLIS = 100;
}
