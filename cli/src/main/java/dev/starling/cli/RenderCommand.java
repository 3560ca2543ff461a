package dev.starling.cli;

import dev.starling.InputException;
import dev.starling.base.AtomicFiles;
import dev.starling.io.FlightFiles;
import dev.starling.plan.Plan;
import dev.starling.render.Camera;
import dev.starling.render.ChongqingSite;
import dev.starling.render.FrameInfo;
import dev.starling.render.OffscreenRenderer;
import dev.starling.render.RenderException;
import dev.starling.render.Video;
import dev.starling.show.Music;
import dev.starling.site.Site;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code starling render}: headless frames of a plan over its site: one PNG, a numbered PNG
 * sequence (plus an MP4 through ffmpeg), or a benchmark. Drawing is {@link OffscreenRenderer}'s.
 */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = {
            "Render a planned show over the Chongqing night (or another --site) without a",
            "window: one PNG, a PNG sequence and MP4, or a frames-per-second benchmark.",
            "",
            "Examples:",
            "  cd out/chongqing",
            "  starling render plan.json --at 150 --camera south-bank --out ai-car.png",
            "  starling render plan.json --at 150 --size 1920x1080 --no-hud --out hd.png",
            "  starling render plan.json --from 0 --to 30 --fps 30 --out frames/",
            "      (frames/frame-00001.png ... and frames/show.mp4 with ffmpeg)",
            "  starling render plan.json --from 140 --to 160 --out chorus.mp4",
            "      (just the video, with the show's music under it; needs ffmpeg)",
            "  starling render plan.json --benchmark --size 1280x720",
            "  xvfb-run -a starling render plan.json --at 150 --out ai-car.png",
            "      (no screen here: a virtual display, Mesa draws in software)",
            "",
            "PLAN is a plan.json written by 'starling plan' (or a .skyc or Skybrush CSV). Times are seconds from the",
            "show's start; the HUD shows time, scene, drone count and the live minimum",
            "separation, and the next cue and bar:beat when the show has them (--no-hud",
            "leaves it out). PNGs are written atomically. When the plan has music, the",
            "MP4 carries it (AAC), cut to start at --from on the show's clock.",
            ""},
        footer = {"", "Cameras: the site's viewpoints (Chongqing: south-bank, north-bank, chaotianmen), top, orbit.",
            "Exit codes: 0 written, 1 rendering failed (no display or OpenGL), 2 bad input or command line."})
final class RenderCommand implements Callable<Integer> {
    /** Frames a sequence may have at most (an hour at 30 fps). */
    static final int MAX_FRAMES = 108_000;
    /** Name of the video written beside a frame sequence. */
    static final String VIDEO = "show.mp4";

    @CommandLine.Mixin
    Scene scene;

    @Option(names = "--at", paramLabel = "T", description = "render one frame at T seconds into --out FILE.png")
    Double at;

    @Option(names = "--from", paramLabel = "T0", description = "first frame of a sequence, seconds")
    Double from;

    @Option(names = "--to", paramLabel = "T1", description = "last frame of a sequence, seconds")
    Double to;

    @Option(names = "--fps", paramLabel = "F", defaultValue = "30", description = "frames per second of a sequence (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--out", paramLabel = "PATH", description = "FILE.png for --at; a folder (PNGs and show.mp4) or FILE.mp4 for --from/--to")
    Path out;

    @Option(names = "--benchmark", description = "time a fixed sequence (--frames frames spread over the show) and print frames per second")
    boolean benchmark;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "120", description = "frames the benchmark times (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--no-video", description = "write the PNG sequence only, even when ffmpeg is there")
    boolean noVideo;

    @Option(names = "--no-hud", description = "leave out the HUD (time, scene, drones, separation)")
    boolean noHud;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter outW = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int modes = (at != null ? 1 : 0) + (from != null || to != null ? 1 : 0) + (benchmark ? 1 : 0);
        if (modes != 1) {
            throw new InputException(null, modes == 0 ? "--at" : null,
                    modes == 0 ? "say what to render" : "--at, --from/--to and --benchmark exclude each other",
                    "one frame: --at T --out FILE.png; a sequence: --from T0 --to T1 --out DIR; timing: --benchmark");
        }
        Plan plan = scene.readPlan();
        Site site = scene.readSite();
        int[] size = scene.size();
        Camera camera = scene.camera(site);
        if (benchmark) {
            if (frames < 1 || frames > 100_000) {
                throw new InputException(null, "--frames", frames + " is outside 1..100000", "e.g. --frames 120");
            }
            return render(plan, site, size, r -> benchmark(r, plan, camera, outW));
        }
        if (out == null) {
            throw new InputException(null, "--out", "missing", at != null ? "e.g. --out frame.png" : "e.g. --out frames/");
        }
        Music music = plan.timeline().music();
        AtomicFiles.requireNotAnInput(out, scene.plan, scene.site, music == null ? null : music.file());
        if (at != null) {
            scene.requireInShow(plan, at, "--at");
            if (Files.isDirectory(out) || !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                throw new InputException(out.toString(), "--out", "--at writes one PNG file",
                        "give a file name ending in .png, e.g. --out frame.png");
            }
            return render(plan, site, size, r -> {
                FrameInfo f = r.writePng(at, camera, out);
                outW.printf(Locale.ROOT, "wrote %s (%dx%d, t %.2f s, camera %s%s, %d drones lit)%n", out, size[0], size[1],
                        f.time(), f.camera(), f.scene().isEmpty() ? "" : ", " + f.scene(), f.lit());
            });
        }
        if (from == null || to == null) {
            throw new InputException(null, from == null ? "--from" : "--to", "a sequence needs both --from and --to",
                    "e.g. --from 0 --to 30 --fps 30 --out frames/");
        }
        scene.requireInShow(plan, from, "--from");
        scene.requireInShow(plan, to, "--to");
        if (!(to > from)) {
            throw new InputException(null, "--to", "--to " + to + " is not after --from " + from, "swap them");
        }
        if (!(fps > 0 && fps <= 240)) {
            throw new InputException(null, "--fps", fps + " is outside (0, 240]", "e.g. --fps 30");
        }
        int count = OffscreenRenderer.frameCount(from, to, fps);
        if (count > MAX_FRAMES) {
            throw new InputException(null, "--fps", count + " frames is more than " + MAX_FRAMES,
                    "render a shorter span or fewer frames per second");
        }
        boolean toMp4 = !Files.isDirectory(out) && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4");
        if (!toMp4 && Files.exists(out) && !Files.isDirectory(out)) {
            throw new InputException(out.toString(), "--out", "is a file; a sequence goes into a folder or FILE.mp4",
                    "e.g. --out frames/ or --out clip.mp4");
        }
        if (toMp4 && noVideo) {
            throw new InputException(null, "--no-video", "--out " + out + " asks for a video", "drop --no-video, or give a folder");
        }
        Optional<Path> ffmpeg = Video.ffmpeg();
        if (toMp4 && ffmpeg.isEmpty()) {
            err.println("error: writing " + out + " needs ffmpeg on the PATH, and there is none");
            err.println("  hint: install ffmpeg, or give a folder to get the PNG frames: --out frames/");
            return Starling.EXIT_VIOLATIONS;
        }
        Video.Soundtrack sound = noVideo ? null : soundtrack(plan, count, outW);
        if (!toMp4) {
            return render(plan, site, size, r -> sequence(r, camera, count, out, out.resolve(VIDEO), ffmpeg, sound, outW, err));
        }
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path frameDir = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".frames-");
        try {
            return render(plan, site, size, r -> sequence(r, camera, count, frameDir, out, ffmpeg, sound, outW, err));
        } finally {
            deleteFrames(frameDir, count);
        }
    }

    /**
     * The show's music under the clip, or {@code null} (saying why) when the plan has none, its
     * file is gone, or the clip lies wholly outside the track.
     */
    private Video.Soundtrack soundtrack(Plan plan, int count, PrintWriter outW) {
        Music m = plan.timeline().music();
        if (m == null) {
            return null;
        }
        if (!Files.isRegularFile(m.file())) {
            outW.println("no sound: the music file " + m.file() + " is missing, so the video is silent"
                    + " (put the track back beside plan.json, or plan the show again)");
            return null;
        }
        double clipEnd = from + count / fps;
        if (clipEnd <= m.startInShow() || from >= m.endInShow()) {
            outW.printf(Locale.ROOT, "no sound: the clip (%.2f..%.2f s) lies outside the music (%.2f..%.2f s of show time)%n",
                    from, clipEnd, m.startInShow(), m.endInShow());
            return null;
        }
        return Video.Soundtrack.of(m, from);
    }

    private void benchmark(OffscreenRenderer r, Plan plan, Camera camera, PrintWriter outW) {
        OffscreenRenderer.Benchmark b = r.benchmark(plan, camera, frames);
        outW.printf(Locale.ROOT, "benchmark: %d frames over the whole show (%.1f..%.1f s), %dx%d, %d drones, camera %s%n",
                b.frames(), plan.startTime(), plan.endTime(), b.width(), b.height(), b.drones(), b.camera());
        outW.printf(Locale.ROOT, "renderer:  %s%n", b.renderer());
        outW.printf(Locale.ROOT, "frames per second: %.1f drawn (%.1f ms per frame, slowest %.1f ms); %.1f with read-back%n",
                b.fps(), 1000 / b.fps(), b.slowestMs(), b.fpsWithReadback());
    }

    /**
     * Writes the frames into {@code dir} and, unless --no-video, encodes them with {@code sound}
     * into {@code mp4}; when the frames are the output (not a temporary folder), says where they are.
     */
    private void sequence(OffscreenRenderer r, Camera camera, int count, Path dir, Path mp4, Optional<Path> ffmpeg,
                          Video.Soundtrack sound, PrintWriter outW, PrintWriter err) throws IOException {
        Files.createDirectories(dir);
        ProgressBar bar = new ProgressBar(err, quiet);
        bar.stage("render");
        List<Path> files = r.writeSequence(from, to, fps, camera, dir,
                k -> bar.update(k / (double) count, "frame " + k + "/" + count));
        bar.done();
        boolean framesAreOutput = dir.equals(out);
        if (framesAreOutput) {
            outW.printf(Locale.ROOT, "wrote %d frames to %s (%s ... %s)%n", files.size(), out,
                    files.get(0).getFileName(), files.get(files.size() - 1).getFileName());
        }
        if (noVideo) {
            return;
        }
        if (ffmpeg.isEmpty()) {
            outW.println("no ffmpeg on the PATH, so no video; with ffmpeg installed this makes one:");
            outW.println("  " + String.join(" ", Video.command(Path.of("ffmpeg"), dir, fps, files.size(), sound, mp4)));
            return;
        }
        bar.stage("encode mp4");
        Video.encode(ffmpeg.get(), dir, fps, files.size(), sound, mp4);
        bar.done();
        outW.printf(Locale.ROOT, "wrote %s (%d frames at %s fps, %s, ffmpeg)%n", mp4, files.size(), fpsText(fps),
                soundText(sound));
    }

    private static String soundText(Video.Soundtrack sound) {
        if (sound == null) {
            return "no sound";
        }
        String name = sound.file().getFileName().toString();
        return sound.start() >= 0
                ? String.format(Locale.ROOT, "sound: %s from %.3f s", name, sound.start())
                : String.format(Locale.ROOT, "sound: %.3f s of silence, then %s", -sound.start(), name);
    }

    /** Removes the temporary frame folder of an FILE.mp4 render: the frames it wrote, then the folder. */
    private static void deleteFrames(Path dir, int count) throws IOException {
        for (int k = 1; k <= count; k++) {
            Files.deleteIfExists(dir.resolve(String.format(Locale.ROOT, Video.FRAME_PATTERN, k)));
        }
        Files.deleteIfExists(dir);
    }

    private static String fpsText(double fps) {
        return fps == Math.rint(fps) ? String.valueOf((long) fps) : String.valueOf(fps);
    }

    /** Opens the headless renderer, runs {@code job}, and maps rendering failures to exit code 1. */
    private int render(Plan plan, Site site, int[] size, Job job) throws IOException {
        try (OffscreenRenderer r = OffscreenRenderer.open(plan, site, size[0], size[1])) {
            r.setHudVisible(!noHud);
            job.run(r);
            return 0;
        } catch (RenderException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return Starling.EXIT_VIOLATIONS;
        }
    }

    @FunctionalInterface
    private interface Job {
        void run(OffscreenRenderer r) throws IOException;
    }

    /** What {@code render} and {@code preview} share: the plan, the site, the camera and the picture size. */
    static final class Scene {
        private static final Pattern SIZE = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");
        static final int MIN_SIDE = 16;
        static final int MAX_SIDE = 8192;

        @Parameters(index = "0", paramLabel = "PLAN", description = "plan.json written by 'starling plan', or a .skyc, a Skybrush CSV ZIP or a folder of .csv files")
        Path plan;

        @Option(names = "--site", paramLabel = "FILE",
                description = "site to draw around the show (default: the built-in Chongqing site, shows/chongqing/site.json)")
        Path site;

        @Option(names = "--camera", paramLabel = "NAME",
                description = "viewpoint: south-bank (default), north-bank, chaotianmen, top, orbit")
        String camera;

        @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x720", description = "picture size in pixels (default: ${DEFAULT-VALUE})")
        String size;

        Plan readPlan() {
            return FlightFiles.readPlan(plan);
        }

        Site readSite() {
            return site == null ? ChongqingSite.load() : Site.read(site);
        }

        /** Width and height from {@code --size}. */
        int[] size() {
            Matcher m = SIZE.matcher(size.strip());
            if (!m.matches()) {
                throw new InputException(null, "--size", "'" + size + "' is not WIDTHxHEIGHT", "e.g. --size 1920x1080");
            }
            int w = Integer.parseInt(m.group(1)), h = Integer.parseInt(m.group(2));
            if (w < MIN_SIDE || h < MIN_SIDE || w > MAX_SIDE || h > MAX_SIDE) {
                throw new InputException(null, "--size", w + "x" + h + " is outside " + MIN_SIDE + ".." + MAX_SIDE
                        + " pixels per side", "e.g. --size 1280x720");
            }
            return new int[] {w, h};
        }

        /** The camera named by {@code --camera} (the site's first viewpoint by default). */
        Camera camera(Site s) {
            List<Camera> presets = Camera.presets(s);
            if (camera == null) {
                return presets.get(0);
            }
            return presets.stream().filter(c -> c.name().equals(camera)).findFirst().orElseThrow(() ->
                    new InputException(null, "--camera", "no camera '" + camera + "' at this site",
                            "choose one of: " + presets.stream().map(Camera::name).collect(Collectors.joining(", "))));
        }

        /** Refuses a time outside the show. */
        void requireInShow(Plan p, double t, String option) {
            if (!Double.isFinite(t) || t < p.startTime() || t > p.endTime()) {
                throw new InputException(null, option, option + " " + t + " is outside the show",
                        String.format(Locale.ROOT, "the show runs from %.2f s to %.2f s", p.startTime(), p.endTime()));
            }
        }
    }
}
