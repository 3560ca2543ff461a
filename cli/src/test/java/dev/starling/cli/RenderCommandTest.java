package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.io.json.PlanJson;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import dev.starling.render.GlContext;
import dev.starling.render.Video;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code starling render} and {@code starling preview} as a user meets them: help, errors, files. */
class RenderCommandTest {
    /** Why OpenGL cannot run here, or null. */
    static String noGl;

    @TempDir
    Path dir;
    Path planFile;

    @BeforeAll
    static void probe() {
        noGl = GlContext.unavailableReason();
    }

    static void assumeGl() {
        boolean ciWithDisplay = "true".equalsIgnoreCase(System.getenv("CI")) && System.getenv("DISPLAY") != null;
        if (ciWithDisplay && noGl != null) {
            throw new AssertionError("CI runs the render tests under a display, but OpenGL does not start: " + noGl);
        }
        Assumptions.assumeTrue(noGl == null, () -> "render test skipped: " + noGl);
    }

    /** 40 drones rise from a pad row to a lit line 40 m up, hold it, and land. */
    @BeforeEach
    void writePlan() throws IOException {
        List<Trajectory> trs = new ArrayList<>();
        List<LightProgram> lights = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double x = (i - 19.5) * 2;
            trs.add(Trajectory.startingAt(0, x, 0, 0).lineTo(8, x, 0, 40).holdUntil(16).lineTo(24, x, 0, 0).build());
            lights.add(LightProgram.builder().set(1, 0x40C0FF).set(23, 0).build());
        }
        Plan plan = new Plan("line", new Limits(1.5, 8, 6, 6, 4, 0, 120, null), trs, lights,
                List.of(new SceneSpan("Line", 0, 8, 16)));
        planFile = dir.resolve("plan.json");
        PlanJson.write(plan, planFile);
    }

    @Test
    void helpTeachesByExample() {
        Run r = run("render", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("\n  starling render plan.json --at 150 --camera south-bank --out ai-car.png\n"), r.out());
        assertTrue(r.out().contains("\n  starling render plan.json --from 0 --to 30 --fps 30 --out frames/\n"));
        assertTrue(r.out().contains("\n  xvfb-run -a starling render plan.json --at 150 --out ai-car.png\n"));
        Run p = run("preview", "--help");
        assertEquals(0, p.code());
        assertTrue(p.out().contains("Keys: space play/pause"), p.out());
        assertTrue(run("--help").out().contains("render") && run("--help").out().contains("preview"));
    }

    @Test
    void badInputExitsTwoAndSaysHowToFixIt() {
        String plan = planFile.toString();
        Run none = run("render", plan);
        assertEquals(2, none.code());
        assertTrue(none.err().contains("one frame: --at T --out FILE.png"), none.err());

        Run camera = run("render", plan, "--at", "10", "--camera", "moon", "--out", dir.resolve("a.png").toString());
        assertEquals(2, camera.code());
        assertTrue(camera.err().contains("choose one of: south-bank, north-bank, chaotianmen, top, orbit"), camera.err());

        Run size = run("render", plan, "--at", "10", "--size", "big", "--out", dir.resolve("a.png").toString());
        assertEquals(2, size.code());
        assertTrue(size.err().contains("e.g. --size 1920x1080"), size.err());

        Run late = run("render", plan, "--at", "99", "--out", dir.resolve("a.png").toString());
        assertEquals(2, late.code());
        assertTrue(late.err().contains("the show runs from 0.00 s to 24.00 s"), late.err());

        Run notPng = run("render", plan, "--at", "10", "--out", dir.resolve("a.jpg").toString());
        assertEquals(2, notPng.code());
        assertTrue(notPng.err().contains("ending in .png"), notPng.err());

        Run both = run("render", plan, "--at", "10", "--benchmark");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("exclude each other"), both.err());

        Run backwards = run("render", plan, "--from", "10", "--to", "5", "--out", dir.resolve("f").toString());
        assertEquals(2, backwards.code());

        Run missing = run("render", dir.resolve("nope.json").toString(), "--at", "1", "--out", dir.resolve("a.png").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("file not found"), missing.err());

        Run previewCamera = run("preview", plan, "--camera", "moon");
        assertEquals(2, previewCamera.code());
        assertTrue(previewCamera.err().contains("choose one of"), previewCamera.err());
        assertTrue(run("preview", plan, "--speed", "100").err().contains("outside 0.1..16"));
    }

    @Test
    void withoutADisplayRenderAndPreviewSayWhatToDo() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "the DISPLAY check is for Linux");
        Path png = dir.resolve("frame.png");
        Run render = runWithoutDisplay("render", planFile.toString(), "--at", "10", "--out", png.toString());
        assertEquals(1, render.code(), render.out());
        assertTrue(render.out().contains("DISPLAY is not set") && render.out().contains("xvfb-run -a starling render"), render.out());
        assertTrue(!render.out().contains("Exception"), "no stack trace: " + render.out());
        assertTrue(Files.notExists(png));

        Run preview = runWithoutDisplay("preview", planFile.toString());
        assertEquals(1, preview.code(), preview.out());
        assertTrue(preview.out().contains("the preview needs a screen"), preview.out());
        assertTrue(!preview.out().contains("previewing"), "nothing claims a window opened: " + preview.out());
    }

    /** Runs the CLI in a fresh JVM whose environment names no display; output is stdout and stderr together. */
    private static Run runWithoutDisplay(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Starling.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), text, "");
    }

    @Test
    void writesOnePng() throws IOException {
        assumeGl();
        Path png = dir.resolve("line.png");
        Run r = run("render", planFile.toString(), "--at", "12", "--size", "320x180", "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote " + png + " (320x180, t 12.00 s, camera south-bank, Line (hold), 40 drones lit)"), r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(320, img.getWidth());
        assertEquals(180, img.getHeight());
    }

    @Test
    void writesASequenceAndAVideo() throws IOException {
        assumeGl();
        Path frames = dir.resolve("frames");
        Run r = run("render", planFile.toString(), "--from", "8", "--to", "9", "--fps", "4", "--size", "160x90",
                "--camera", "top", "--out", frames.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote 5 frames to " + frames + " (frame-00001.png ... frame-00005.png)"), r.out());
        assertTrue(Files.exists(frames.resolve("frame-00005.png")));
        if (Video.ffmpeg().isPresent()) {
            assertTrue(Files.size(frames.resolve(RenderCommand.VIDEO)) > 0, r.out());
        } else {
            assertTrue(r.out().contains("no ffmpeg on the PATH"), r.out());
        }
    }

    @Test
    void benchmarkPrintsFramesPerSecond() {
        assumeGl();
        Run r = run("render", planFile.toString(), "--benchmark", "--frames", "3", "--size", "160x90");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("benchmark: 3 frames over the whole show (0.0..24.0 s), 160x90, 40 drones, camera south-bank"), r.out());
        assertTrue(r.out().matches("(?s).*frames per second: \\d+\\.\\d drawn.*"), r.out());
    }
}
