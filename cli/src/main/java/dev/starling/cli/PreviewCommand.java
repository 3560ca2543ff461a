package dev.starling.cli;

import dev.starling.InputException;
import dev.starling.plan.Plan;
import dev.starling.render.Camera;
import dev.starling.render.PreviewWindow;
import dev.starling.render.RenderException;
import dev.starling.site.Site;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan = scene.readPlan();
        Site site = scene.readSite();
        int[] size = scene.size();
        Camera camera = scene.camera(site);
        double start = at == null ? plan.startTime() : at;
        scene.requireInShow(plan, start, "--at");
        if (!(speed >= 0.1 && speed <= 16)) {
            throw new InputException(null, "--speed", speed + " is outside 0.1..16", "e.g. --speed 2");
        }
        PreviewWindow window;
        try {
            window = PreviewWindow.open(plan, site, size[0], size[1], camera, start, speed);
        } catch (RenderException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + e.getMessage());
            err.println("  hint: the preview needs a screen; without one, write frames instead:"
                    + " xvfb-run -a starling render " + scene.plan + " --from 0 --to 30 --out frames/");
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
}
