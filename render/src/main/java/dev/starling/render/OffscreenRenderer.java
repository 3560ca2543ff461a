package dev.starling.render;

import dev.starling.base.AtomicFiles;
import dev.starling.plan.Plan;
import dev.starling.site.Site;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;

/**
 * Headless rendering: a hidden GLFW window supplies the OpenGL context, {@link FrameRenderer}
 * draws into its offscreen framebuffer, and frames are read back into PNGs (written atomically),
 * numbered frame sequences, or timed for a benchmark. On a machine without a display run it under
 * {@code xvfb-run -a}, where Mesa's llvmpipe renders in software.
 *
 * <p>Use from one thread; close it to free the GL context.
 */
public final class OffscreenRenderer implements AutoCloseable {
    private final GlContext gl;
    private final FrameRenderer frames;
    private final List<Camera> cameras;

    private OffscreenRenderer(GlContext gl, FrameRenderer frames, List<Camera> cameras) {
        this.gl = gl;
        this.frames = frames;
        this.cameras = cameras;
    }

    /**
     * Opens a hidden OpenGL context and builds the renderer for {@code width} × {@code height}.
     *
     * @throws RenderException when there is no display or OpenGL 3.3, or the size is too large
     */
    public static OffscreenRenderer open(Plan plan, Site site, int width, int height) {
        GlContext gl = GlContext.open(width, height, false, "starling render");
        try {
            if (width > gl.maxFramebufferSize() || height > gl.maxFramebufferSize()) {
                throw new RenderException(width + "x" + height + " is larger than this OpenGL's limit of "
                        + gl.maxFramebufferSize() + " pixels per side; choose a smaller --size");
            }
            return new OffscreenRenderer(gl, new FrameRenderer(plan, site, width, height), Camera.presets(site));
        } catch (RuntimeException e) {
            gl.close();
            throw e;
        }
    }

    /** The OpenGL renderer and version, e.g. llvmpipe under Xvfb. */
    public String glDescription() {
        return gl.description();
    }

    /** The named cameras: the site's viewpoints, top, orbit. */
    public List<Camera> cameras() {
        return cameras;
    }

    /** The camera called {@code name}, if there is one. */
    public Optional<Camera> camera(String name) {
        return cameras.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public void setHudVisible(boolean visible) {
        frames.setHudVisible(visible);
    }

    /** The frame renderer itself (for tests that inspect the HUD layout). */
    public FrameRenderer frames() {
        return frames;
    }

    /** Renders the show at {@code t} seconds and returns the picture. */
    public BufferedImage render(double t, Camera camera) {
        frames.render(t, camera, null);
        return frames.read();
    }

    /** Renders the show at {@code t} and writes it to {@code file} as PNG, atomically. */
    public FrameInfo writePng(double t, Camera camera, Path file) throws IOException {
        FrameInfo info = frames.render(t, camera, null);
        writePng(frames.read(), file);
        return info;
    }

    /** Writes {@code image} as PNG to {@code file}, atomically. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    /**
     * Renders frames from {@code t0} to {@code t1} at {@code fps} into {@code dir} as
     * {@code frame-00001.png …}; {@code progress} hears each frame number (1-based) when written.
     *
     * @return the files written, in order
     */
    public List<Path> writeSequence(double t0, double t1, double fps, Camera camera, Path dir, IntConsumer progress)
            throws IOException {
        int count = frameCount(t0, t1, fps);
        List<Path> files = new ArrayList<>(count);
        BufferedImage img = new BufferedImage(frames.width(), frames.height(), BufferedImage.TYPE_INT_RGB);
        for (int k = 0; k < count; k++) {
            frames.render(t0 + k / fps, camera, null);
            frames.read(img);
            Path f = dir.resolve(String.format(Locale.ROOT, Video.FRAME_PATTERN, k + 1));
            writePng(img, f);
            files.add(f);
            progress.accept(k + 1);
        }
        return files;
    }

    /** Frames from t0 to t1 inclusive at fps: floor((t1 − t0)·fps) + 1. */
    public static int frameCount(double t0, double t1, double fps) {
        return (int) Math.floor((t1 - t0) * fps + 1e-9) + 1;
    }

    /**
     * Times {@code frames} frames spread evenly over the whole show (after 5 untimed warm-up
     * frames): each frame is drawn and finished ({@code glFinish}), then read back, timed apart.
     */
    public Benchmark benchmark(Plan plan, Camera camera, int count) {
        double t0 = plan.startTime(), t1 = plan.endTime();
        for (int k = 0; k < 5; k++) {
            frames.render(t0 + (t1 - t0) * k / 5, camera, null);
            frames.finish();
        }
        BufferedImage img = new BufferedImage(frames.width(), frames.height(), BufferedImage.TYPE_INT_RGB);
        long draw = 0, read = 0, slowest = 0;
        for (int k = 0; k < count; k++) {
            double t = count == 1 ? t0 : t0 + (t1 - t0) * k / (count - 1);
            long a = System.nanoTime();
            frames.render(t, camera, null);
            frames.finish();
            long b = System.nanoTime();
            frames.read(img);
            long c = System.nanoTime();
            draw += b - a;
            read += c - b;
            slowest = Math.max(slowest, b - a);
        }
        return new Benchmark(count, frames.width(), frames.height(), plan.droneCount(), camera.name(),
                draw / 1e9, read / 1e9, slowest / 1e6, gl.description());
    }

    /**
     * What {@link #benchmark} measured.
     *
     * @param drawSeconds total time drawing and finishing the frames
     * @param readSeconds total time reading them back into images
     * @param slowestMs   the slowest single frame's drawing, milliseconds
     */
    public record Benchmark(int frames, int width, int height, int drones, String camera, double drawSeconds,
                            double readSeconds, double slowestMs, String renderer) {
        /** Frames per second drawn: what the preview window can show. */
        public double fps() {
            return frames / drawSeconds;
        }

        /** Frames per second drawn and read back: what PNG export pays before encoding. */
        public double fpsWithReadback() {
            return frames / (drawSeconds + readSeconds);
        }
    }

    @Override
    public void close() {
        frames.close();
        gl.close();
    }
}
