package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.plan.Plan;
import dev.starling.trajectory.Trajectory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer's contract around the picture: HUD, frame facts, shaders, sequences, resizing. */
class RendererGlTest {
    static final int W = 320;
    static final int H = 180;
    static final int DRONES = 300;
    static final double HOLD = 25;
    static Plan plan;
    static OffscreenRenderer renderer;
    static Camera camera;

    @BeforeAll
    static void open() {
        if (!GlTests.available()) {
            return;
        }
        plan = DemoPlans.aiCar(DRONES);
        renderer = OffscreenRenderer.open(plan, ChongqingSite.load(), W, H);
        camera = renderer.camera("south-bank").orElseThrow();
    }

    @BeforeEach
    void needsGl() {
        GlTests.assumeGl();
    }

    @AfterAll
    static void close() {
        if (renderer != null) {
            renderer.close();
        }
    }

    @Test
    void frameInfoReportsSceneLitDronesAndTheirSeparation() {
        FrameInfo info = renderer.frames().render(HOLD, camera, null);
        assertEquals("AI+车 (hold)", info.scene());
        assertEquals(DRONES, info.lit());
        assertEquals(DRONES, info.airborne());
        assertEquals("south-bank", info.camera());
        assertEquals(bruteForceSeparation(HOLD), info.minSeparation(), 1e-9);

        FrameInfo ground = renderer.frames().render(0, camera, null);
        assertEquals("takeoff", ground.scene());
        assertEquals(0, ground.lit(), "lights are off on the ground");
        assertEquals(Double.POSITIVE_INFINITY, ground.minSeparation(), "nobody flies yet");
    }

    @Test
    void hudDrawsOnlyInsideItsPanel() throws IOException {
        renderer.setHudVisible(false);
        BufferedImage bare = renderer.render(HOLD, camera);
        renderer.setHudVisible(true);
        BufferedImage withHud = renderer.render(HOLD, camera);
        GlTests.save(withHud, "hud");
        int[] r = renderer.frames().hudRectangle();
        int outside = 0, textPixels = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean in = x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3];
                if (!in && bare.getRGB(x, y) != withHud.getRGB(x, y)) {
                    outside++;
                }
                if (in && GlTests.brightness(withHud, x, y) > 0.8) {
                    textPixels++;
                }
            }
        }
        assertEquals(0, outside, "pixels changed outside the HUD panel");
        assertTrue(textPixels > 100, "the HUD's text is legible: " + textPixels + " bright pixels");
    }

    @Test
    void aBrokenShaderFailsWithTheDriversLog() {
        ShaderException e = assertThrows(ShaderException.class, () -> ShaderProgram.fromSource("broken",
                "#version 330 core\nvoid main() { gl_Position = vec4(0.0); }\n",
                "#version 330 core\nout vec4 c;\nvoid main() { c = undefinedThing; }\n"));
        assertTrue(e.getMessage().contains("compiling broken (fragment shader)"), e.getMessage());
        assertTrue(!e.log().isBlank(), "the log is carried");
        assertTrue(e.getMessage().contains(e.log().strip()));
    }

    @Test
    void sequenceWritesNumberedFramesAndFfmpegMakesAVideo(@TempDir Path dir) throws IOException {
        List<Path> frames = renderer.writeSequence(24, 25, 3, camera, dir, k -> { });
        assertEquals(OffscreenRenderer.frameCount(24, 25, 3), frames.size());
        assertEquals(4, frames.size());
        assertEquals(dir.resolve("frame-00004.png"), frames.get(3));
        BufferedImage first = ImageIO.read(frames.get(0).toFile());
        assertEquals(W, first.getWidth());
        assertEquals(H, first.getHeight());
        var ffmpeg = Video.ffmpeg();
        Assumptions.assumeTrue(ffmpeg.isPresent(), "no ffmpeg on the PATH: video encoding not tested");
        Path mp4 = dir.resolve("show.mp4");
        Video.encode(ffmpeg.get(), dir, 3, frames.size(), mp4);
        assertTrue(Files.size(mp4) > 1000, "an MP4 was written");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void resizingKeepsRendering() {
        renderer.frames().resize(200, 120);
        try {
            BufferedImage img = renderer.render(HOLD, camera);
            assertEquals(200, img.getWidth());
            assertEquals(120, img.getHeight());
        } finally {
            renderer.frames().resize(W, H);
        }
    }

    private static double bruteForceSeparation(double t) {
        int n = plan.droneCount();
        double[][] p = new double[n][3];
        for (int i = 0; i < n; i++) {
            Trajectory tr = plan.trajectories().get(i);
            tr.position(t, p[i], 0);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = p[i][0] - p[j][0], dy = p[i][1] - p[j][1], dz = p[i][2] - p[j][2];
                best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        return best;
    }
}
