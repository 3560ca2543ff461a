package dev.starling.render;

import static org.lwjgl.opengl.GL33C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_BUFFER_BIT;
import static org.lwjgl.opengl.GL33C.GL_DRAW_FRAMEBUFFER;
import static org.lwjgl.opengl.GL33C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL33C.GL_LINEAR;
import static org.lwjgl.opengl.GL33C.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengl.GL33C.GL_READ_FRAMEBUFFER;
import static org.lwjgl.opengl.GL33C.GL_RGBA;
import static org.lwjgl.opengl.GL33C.GL_RGBA16F;
import static org.lwjgl.opengl.GL33C.GL_RGBA8;
import static org.lwjgl.opengl.GL33C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL33C.glBindFramebuffer;
import static org.lwjgl.opengl.GL33C.glBlitFramebuffer;
import static org.lwjgl.opengl.GL33C.glClear;
import static org.lwjgl.opengl.GL33C.glDepthMask;
import static org.lwjgl.opengl.GL33C.glFinish;
import static org.lwjgl.opengl.GL33C.glPixelStorei;
import static org.lwjgl.opengl.GL33C.glReadPixels;
import static org.lwjgl.opengl.GL33C.glViewport;

import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import dev.starling.show.Cue;
import dev.starling.show.Limits;
import dev.starling.site.Site;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import org.joml.Matrix4f;
import org.lwjgl.system.MemoryUtil;

/**
 * Draws one frame of a show over its site, the same way for the window and for headless PNGs:
 * <ol>
 *   <li>mirrored pass (a third of the resolution): the city above the water, the sky, the drones, seen
 *       through the camera reflected in the water plane;</li>
 *   <li>main pass (HDR): the city, the far ground, the sky, the water (reading the mirrored
 *       pass), the drones; opaque things first so the depth test spares every covered pixel the
 *       costlier shading behind it;</li>
 *   <li>bloom and tone mapping into the display-ready RGBA8 target, then the HUD.</li>
 * </ol>
 * The static layer of both passes (city, ground, sky: all that does not move with show time) is
 * drawn once per camera and size into targets of its own, colour and depth; each frame copies the
 * colour before the water and the drones, and draws on the static layer's depth buffer itself
 * (nothing but the water writes depth after it, the same every frame); a camera that moves
 * draws it again. On software GL that copy costs a fraction of rasterising the city.
 * The result stays in an offscreen framebuffer: {@link #read} copies it out for a PNG,
 * {@link #blitToWindow} copies it to the window. Needs a current OpenGL 3.3 context
 * ({@link GlContext}); all GL calls happen on the calling thread. Per frame it allocates nothing
 * but the HUD strings.
 */
public final class FrameRenderer implements AutoCloseable {
    /**
     * HDR target format, main and mirrored pass: half floats, so glow above 1.0 survives to the
     * bloom pass. On software GL (llvmpipe) R11F_G11F_B10F, half the bytes, cost more: each write
     * packs and each read unpacks its texels bit by bit, where a half float converts in one step;
     * the water writes and taps, and the bloom's reads, outweigh the wider layer copy.
     */
    static final int HDR_FORMAT = GL_RGBA16F;
    /**
     * The mirrored pass runs at 1/{@value} of the output's width and height: the water's ripples
     * and streaks blur it anyway, and on software GL it is the cheapest place to save.
     */
    static final int REFLECTION_DIVISOR = 3;
    /** Output rows the HUD font is sized for at 1:1. */
    private static final int HUD_BASE_ROWS = 720;
    private static final int HUD_TEXT = 0xE6ECF5;
    private static final int HUD_TITLE = 0xFFFFFF;
    private static final int HUD_WARN = 0xFF6A5A;

    private final Plan plan;
    private final Site site;
    private final DroneFrame drones;
    private final Timeline timeline;
    private final SkyPass sky;
    private final SkylinePass skyline;
    private final WaterPass water;
    private final DronePass dronePass;
    private final BloomPass bloom;
    private final String hudGlyphs;
    private final Matrix4f proj = new Matrix4f();
    private final Matrix4f view = new Matrix4f();
    private final Matrix4f vp = new Matrix4f();
    private final Matrix4f vpMirror = new Matrix4f();
    private final Matrix4f mirror;
    private HudPass hud;
    private int hudRows;
    private Framebuffer hdr;
    private Framebuffer reflection;
    private Framebuffer output;
    /**
     * The static layer (city, ground and sky, main and mirrored) of the camera in {@link #staticVp}
     * and the eye beside it: redrawn only when the camera or the size changes, which on software
     * GL spares most of a frame's rasterising while the camera stands still.
     */
    private Framebuffer staticMain;
    private Framebuffer staticReflection;
    private final Matrix4f staticVp = new Matrix4f();
    private float staticEyeX;
    private float staticEyeY;
    private float staticEyeZ;
    private boolean staticValid;
    private boolean staticCacheEnabled = true;
    /** How many times the static layer was drawn (for tests). */
    private int staticDraws;
    private ByteBuffer readBuffer;
    private boolean hudVisible = true;
    private String[] lastHud = new String[0];
    /** The driver's point-limit note last printed (near drones drawn smaller at this size), or null: printed once per size. */
    private String spriteNote;
    /** A warning line under the HUD (the preview's last re-plan failed), or null. */
    private String notice;

    /**
     * Builds every pass for {@code plan} over {@code site} at {@code width} × {@code height} pixels.
     *
     * @throws RenderException when a framebuffer of that size is refused
     * @throws ShaderException when a shader does not compile (with the driver's log)
     */
    public FrameRenderer(Plan plan, Site site, int width, int height) {
        this.plan = plan;
        this.site = site;
        drones = new DroneFrame(plan);
        timeline = new Timeline(plan.scenes(), plan.startTime(), plan.endTime(), plan.timeline());
        mirror = new Matrix4f().reflect(0, 0, 1, (float) -site.waterLevel());
        StringBuilder glyphs = new StringBuilder(plan.name()).append("×·–");
        for (SceneSpan s : plan.scenes()) {
            glyphs.append(s.name());
        }
        for (Cue c : plan.timeline().cues()) {
            glyphs.append(c.name());
        }
        for (Camera c : Camera.presets(site)) {
            glyphs.append(c.name());
        }
        hudGlyphs = glyphs.toString();
        sky = new SkyPass();
        skyline = new SkylinePass(site);
        water = new WaterPass(site);
        dronePass = new DronePass(plan.droneCount());
        bloom = new BloomPass(width, height);
        allocate(width, height);
    }

    /** Reallocates the targets for a new output size (the window was resized). */
    public void resize(int width, int height) {
        if (width == output.width() && height == output.height()) {
            return;
        }
        freeTargets();
        bloom.resize(width, height);
        allocate(width, height);
    }

    private void allocate(int width, int height) {
        if (width < 8 || height < 8) {
            throw new RenderException("a frame needs at least 8x8 pixels, was " + width + "x" + height);
        }
        staticMain = new Framebuffer(width, height, HDR_FORMAT, true);
        staticReflection = new Framebuffer(Math.max(4, width / REFLECTION_DIVISOR),
                Math.max(4, height / REFLECTION_DIVISOR), HDR_FORMAT, true);
        hdr = new Framebuffer(staticMain);
        reflection = new Framebuffer(staticReflection);
        output = new Framebuffer(width, height, GL_RGBA8, false);
        staticValid = false;
        readBuffer = MemoryUtil.memAlloc(width * height * 4);
        String note = dronePass.spriteLimitNote(height);
        if (note != null && !note.equals(spriteNote)) {
            System.err.println("starling: note: " + note); // once per size, not per frame
        }
        spriteNote = note;
        int rows = Math.max(12, Math.round(16f * height / HUD_BASE_ROWS));
        if (hud == null || rows != hudRows) {
            if (hud != null) {
                hud.close();
            }
            hud = new HudPass(FontAtlas.build(hudGlyphs, rows));
            hudRows = rows;
        }
    }

    public int width() {
        return output.width();
    }

    public int height() {
        return output.height();
    }

    /** Shows or hides the HUD (shown by default). */
    public void setHudVisible(boolean visible) {
        hudVisible = visible;
    }

    /** The show's scene timeline as the HUD reads it. */
    Timeline timeline() {
        return timeline;
    }

    /**
     * Renders the show at {@code t} seconds through {@code camera} into the offscreen output.
     *
     * @param status an extra HUD line (the preview's play state), or {@code null}
     */
    public FrameInfo render(double t, Camera camera, String status) {
        drones.evaluate(t);
        dronePass.upload(drones.xyz, drones.rgb, drones.litCount);
        int w = output.width(), h = output.height();
        float aspect = (float) w / h;
        camera.projection(aspect, proj);
        proj.mul(camera.view(view), vp);
        vpMirror.set(vp).mul(mirror);
        float ex = (float) camera.eyeX(), ey = (float) camera.eyeY(), ez = (float) camera.eyeZ();
        float waterZ = (float) site.waterLevel();
        float pixelsPerMetre = proj.m11() * h / 2f;

        if (!staticCacheEnabled) {
            drawStatic(reflection, hdr, ex, ey, ez, waterZ);
            staticValid = false;
        } else {
            if (!staticValid || !staticVp.equals(vp) || staticEyeX != ex || staticEyeY != ey || staticEyeZ != ez) {
                drawStatic(staticReflection, staticMain, ex, ey, ez, waterZ);
                staticVp.set(vp);
                staticEyeX = ex;
                staticEyeY = ey;
                staticEyeZ = ez;
                staticValid = true;
            }
            staticReflection.copyTo(reflection);
            staticMain.copyTo(hdr);
        }
        reflection.bind();
        dronePass.draw(vpMirror, reflection.width(), reflection.height(), pixelsPerMetre * reflection.height() / h);

        hdr.bind();
        water.draw(vp, ex, ey, ez, reflection.texture(), w, h, (float) t);
        dronePass.draw(vp, w, h, pixelsPerMetre);

        bloom.apply(hdr.texture(), output);
        Cue cue = timeline.nextCue(t);
        FrameInfo info = new FrameInfo(t, timeline.describe(t), drones.droneCount(), drones.litCount,
                drones.airborne, drones.minSeparation, camera.name(), cue == null ? "" : cue.name(),
                cue == null ? Double.NaN : Math.max(0, cue.time() - t), timeline.barAt(t), timeline.beatInBar(t));
        if (hudVisible) {
            output.bind();
            lastHud = hudLines(info, status);
            hud.draw(lastHud, hudColors(info, lastHud.length), w, h);
        }
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return info;
    }

    /**
     * Draws the static layer, what depends on the camera but not on the show time, with depth:
     * into {@code mirrored} the city above the water and the sky seen through the reflected camera;
     * into {@code main} the city, the far ground and the sky (the water, which moves, comes after,
     * in front of the ground below it). Uses {@link #vp} and {@link #vpMirror} as set for the frame.
     */
    private void drawStatic(Framebuffer mirrored, Framebuffer main, float ex, float ey, float ez, float waterZ) {
        staticDraws++;
        mirrored.bind();
        glDepthMask(true);
        glClear(GL_DEPTH_BUFFER_BIT);
        skyline.draw(vpMirror, ex, ey, 2 * waterZ - ez, waterZ, true);
        sky.draw(vpMirror, ex, ey, 2 * waterZ - ez);

        main.bind();
        glDepthMask(true);
        glClear(GL_DEPTH_BUFFER_BIT);
        skyline.draw(vp, ex, ey, ez, Float.NaN, false);
        skyline.drawGround();
        sky.draw(vp, ex, ey, ez);
    }

    /**
     * With {@code enabled} (the default) the static layer is drawn once per camera and size and
     * copied into each frame; without, it is drawn into every frame. The pictures are the same
     * (for tests, which compare them).
     */
    void setStaticCache(boolean enabled) {
        staticCacheEnabled = enabled;
        staticValid = false;
    }

    /** How many times the static layer has been drawn since this renderer was built (for tests). */
    int staticDraws() {
        return staticDraws;
    }

    /**
     * Shows {@code text} as a warning line at the bottom of the HUD (e.g. why the show file being
     * previewed no longer plans); {@code null} removes it.
     */
    public void setNotice(String text) {
        notice = text == null || text.isBlank() ? null : text;
    }

    private String[] hudLines(FrameInfo f, String status) {
        String[] lines = hudLinesWithoutNotice(f, status);
        if (notice == null) {
            return lines;
        }
        String[] out = Arrays.copyOf(lines, lines.length + 1);
        out[lines.length] = notice;
        return out;
    }

    private String[] hudLinesWithoutNotice(FrameInfo f, String status) {
        String title = plan.name().isBlank() ? "Starling preview" : plan.name();
        String sep = Double.isInfinite(f.minSeparation()) ? "-" : String.format(Locale.ROOT, "%.2f m", f.minSeparation());
        double limit = plan.limits().minSeparation();
        if (Limits.given(limit)) {
            sep += String.format(Locale.ROOT, " (limit %.2f m)", limit);
        }
        String cam = "camera " + f.camera() + (status == null ? "" : "   " + status);
        String time = String.format(Locale.ROOT, "t %.1f s / %.1f s   %s", f.time(), timeline.end(), f.scene());
        String drones = String.format(Locale.ROOT, "drones %d (%d lit)   min separation %s", f.drones(), f.lit(), sep);
        if (!timeline.hasClock()) {
            return new String[] {title, time, drones, cam};
        }
        return new String[] {title, time, clockLine(f), drones, cam};
    }

    /** {@code next: chorus in 4.2 s   bar 33:2}: the cue ahead, then bar:beat when the show has a beat grid. */
    private String clockLine(FrameInfo f) {
        StringBuilder b = new StringBuilder();
        if (!plan.timeline().cues().isEmpty()) {
            if (f.nextCue().isEmpty()) {
                b.append("next: no cue left");
            } else {
                // a countdown rounds up, so "in 0.0 s" is the cue's own moment
                double in = Math.max(0.0, Math.ceil(f.nextCueIn() * 10 - 1e-6) / 10);
                b.append(String.format(Locale.ROOT, "next: %s in %.1f s", f.nextCue(), in));
            }
        }
        if (plan.timeline().beats() != null) {
            if (b.length() > 0) {
                b.append("   ");
            }
            b.append(f.bar() == 0 ? "bar -" : String.format(Locale.ROOT, "bar %d:%d", f.bar(), f.beat()));
        }
        return b.toString();
    }

    private int[] hudColors(FrameInfo f, int n) {
        int[] c = new int[n];
        Arrays.fill(c, HUD_TEXT);
        c[0] = HUD_TITLE;
        double limit = plan.limits().minSeparation();
        int camLine = notice == null ? n - 1 : n - 2;
        if (Limits.given(limit) && f.minSeparation() < limit) {
            c[camLine - 1] = HUD_WARN; // the drones line, just above the camera's
        }
        if (notice != null) {
            c[n - 1] = HUD_WARN;
        }
        return c;
    }

    /** The glyphs the HUD draws from (for tests). */
    FontAtlas hudAtlas() {
        return hud.atlas();
    }

    /** The HUD's lines in the last frame drawn with the HUD shown, top first. */
    String[] hudLines() {
        return lastHud.clone();
    }

    /** Pixel rectangle (x, y, width, height; origin top-left) the HUD panel covered in the last frame. */
    public int[] hudRectangle() {
        return hud.panel(lastHud);
    }

    /** Waits until the GPU (or llvmpipe) has finished the frame; for timing. */
    public void finish() {
        glFinish();
    }

    /** Copies the last frame into a new RGB image (top row first). */
    public BufferedImage read() {
        BufferedImage img = new BufferedImage(output.width(), output.height(), BufferedImage.TYPE_INT_RGB);
        read(img);
        return img;
    }

    /** Copies the last frame into {@code dest}, which must be TYPE_INT_RGB of the output's size. */
    public void read(BufferedImage dest) {
        int w = output.width(), h = output.height();
        if (dest.getWidth() != w || dest.getHeight() != h || dest.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("need a TYPE_INT_RGB image of " + w + "x" + h);
        }
        glBindFramebuffer(GL_READ_FRAMEBUFFER, output.id());
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        readBuffer.clear();
        glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, readBuffer);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        int[] px = ((DataBufferInt) dest.getRaster().getDataBuffer()).getData();
        ByteBuffer b = readBuffer;
        for (int row = 0; row < h; row++) {
            int src = (h - 1 - row) * w * 4;
            int dst = row * w;
            for (int x = 0; x < w; x++) {
                int o = src + 4 * x;
                px[dst + x] = ((b.get(o) & 255) << 16) | ((b.get(o + 1) & 255) << 8) | (b.get(o + 2) & 255);
            }
        }
    }

    /** Copies the last frame to the window's framebuffer, scaled to {@code width} × {@code height}. */
    public void blitToWindow(int width, int height) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, output.id());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
        glViewport(0, 0, width, height);
        glBlitFramebuffer(0, 0, output.width(), output.height(), 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_LINEAR);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }

    private void freeTargets() {
        hdr.close();
        reflection.close();
        output.close();
        staticMain.close();
        staticReflection.close();
        MemoryUtil.memFree(readBuffer);
    }

    @Override
    public void close() {
        freeTargets();
        hud.close();
        bloom.close();
        dronePass.close();
        water.close();
        skyline.close();
        sky.close();
    }
}
