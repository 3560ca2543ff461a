package dev.starling.render;

import static org.lwjgl.glfw.GLFW.GLFW_KEY_1;
import static org.lwjgl.glfw.GLFW.glfwSetWindowTitle;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_9;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_ESCAPE;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_EQUAL;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_H;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_KP_1;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_KP_9;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_KP_ADD;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_KP_SUBTRACT;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_LEFT;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_MINUS;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_N;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_P;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_PAGE_DOWN;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_PAGE_UP;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_Q;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_RIGHT;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_SPACE;
import static org.lwjgl.glfw.GLFW.GLFW_MOUSE_BUTTON_LEFT;
import static org.lwjgl.glfw.GLFW.GLFW_MOD_SHIFT;
import static org.lwjgl.glfw.GLFW.GLFW_PRESS;
import static org.lwjgl.glfw.GLFW.GLFW_REPEAT;
import static org.lwjgl.glfw.GLFW.glfwGetFramebufferSize;
import static org.lwjgl.glfw.GLFW.glfwPollEvents;
import static org.lwjgl.glfw.GLFW.glfwSetCursorPosCallback;
import static org.lwjgl.glfw.GLFW.glfwSetKeyCallback;
import static org.lwjgl.glfw.GLFW.glfwSetMouseButtonCallback;
import static org.lwjgl.glfw.GLFW.glfwSetScrollCallback;
import static org.lwjgl.glfw.GLFW.glfwSetWindowShouldClose;
import static org.lwjgl.glfw.GLFW.glfwSwapBuffers;
import static org.lwjgl.glfw.GLFW.glfwSwapInterval;
import static org.lwjgl.glfw.GLFW.glfwWindowShouldClose;

import dev.starling.plan.Plan;
import dev.starling.site.Site;
import java.nio.IntBuffer;
import java.util.List;
import org.lwjgl.glfw.Callbacks;
import org.lwjgl.system.MemoryStack;

/**
 * The interactive preview: a window showing exactly the frames {@link FrameRenderer} draws
 * offscreen (blitted to the screen), with the show's clock under the keyboard and a free camera
 * under the mouse.
 *
 * <p>Keys: space play/pause; ← → scrub 2 s (with Shift 10 s); + − speed; 1–5 camera presets;
 * PageUp/PageDown or P/N previous/next scene; H hide/show the HUD; Esc or Q quit. Mouse: drag to
 * orbit (switches to the {@code orbit} camera, starting from the current view), wheel to zoom.
 *
 * <p>The show's music plays along at 1× ({@link MusicPlayer}): it starts, pauses, seeks with the
 * scrub and scene keys, and is muted at other speeds; while it plays the clock follows the
 * sound. Without a sound device the window runs silent ({@link #sound} says so).
 *
 * <p>The GrassDemo shape: {@link #open}, then {@link #frame} until {@link #shouldClose}, then
 * {@link #close}, all on one thread (GLFW wants the window on the thread that created it; on
 * macOS, the main one).
 */
public final class PreviewWindow implements AutoCloseable {
    /** Degrees of orbit per pixel of mouse drag. */
    static final double DEGREES_PER_PIXEL = 0.25;
    /** Zoom factor per wheel notch. */
    static final double ZOOM_STEP = 0.9;
    static final double MIN_DISTANCE = 30;
    static final double MAX_DISTANCE = 9000;

    private final GlContext gl;
    private final Site site;
    private FrameRenderer frames;
    private Playback playback;
    private MusicPlayer music;
    private final List<Camera> presets;
    private Camera camera;
    private boolean hud = true;
    private boolean dragging;
    private double lastX;
    private double lastY;
    private long lastNanos;
    private FrameInfo lastFrame;
    private long jumpsHeard;
    private String musicNow;

    private PreviewWindow(GlContext gl, Site site, FrameRenderer frames, Playback playback, MusicPlayer music,
                          List<Camera> presets, Camera camera) {
        this.gl = gl;
        this.site = site;
        this.frames = frames;
        this.playback = playback;
        this.music = music;
        this.presets = presets;
        this.camera = camera;
    }

    /**
     * Opens the window ({@code width} × {@code height} screen pixels) showing {@code plan} over
     * {@code site} from {@code camera}, at {@code startTime} seconds, playing at {@code speed},
     * with the plan's music on the default sound device (silent without one).
     *
     * @throws RenderException when no window or OpenGL 3.3 context can be had
     */
    public static PreviewWindow open(Plan plan, Site site, int width, int height, Camera camera, double startTime,
                                     double speed) {
        GlContext gl = GlContext.open(width, height, true, "Starling preview: " + plan.name());
        FrameRenderer frames = null;
        try {
            glfwSwapInterval(1);
            int[] fb = framebufferSize(gl.window());
            frames = new FrameRenderer(plan, site, fb[0], fb[1]);
            Playback playback = new Playback(frames.timeline(), startTime, speed);
            MusicPlayer music = MusicPlayer.open(plan.timeline().music());
            PreviewWindow w = new PreviewWindow(gl, site, frames, playback, music, Camera.presets(site), camera);
            w.musicNow = musicOf(plan);
            w.install();
            return w;
        } catch (RuntimeException e) {
            if (frames != null) {
                frames.close();
            }
            gl.close();
            throw e;
        }
    }

    /**
     * Shows {@code plan} in place of the one on screen (the show file was planned again): the
     * camera, the show time (kept inside the new show), the speed and the pause stay as they were;
     * the music is opened again only when the plan's music changed. Call on the render thread.
     *
     * @throws RenderException when the new plan cannot be drawn (the old one stays on screen)
     */
    public void reload(Plan plan) {
        int[] fb = framebufferSize(gl.window());
        FrameRenderer next = new FrameRenderer(plan, site, Math.max(8, fb[0]), Math.max(8, fb[1]));
        frames.close();
        frames = next;
        playback = new Playback(frames.timeline(), playback);
        if (!java.util.Objects.equals(musicOf(plan), musicNow)) {
            music.close();
            music = MusicPlayer.open(plan.timeline().music());
            musicNow = musicOf(plan);
        }
        jumpsHeard = -1; // the music seeks to the kept time
        glfwSetWindowTitle(gl.window(), "Starling preview: " + plan.name());
    }

    /**
     * A warning line at the bottom of the HUD (why the show no longer plans: the last good plan
     * stays on screen), or {@code null} to remove it.
     */
    public void setNotice(String text) {
        frames.setNotice(text);
    }

    private static String musicOf(Plan plan) {
        var m = plan.timeline().music();
        return m == null ? null : m.file() + "@" + m.offset();
    }

    /** One line for the terminal: the music playing and where, or why the preview is silent. */
    public String sound() {
        return music.describe();
    }

    private void install() {
        long win = gl.window();
        glfwSetKeyCallback(win, (window, key, scancode, action, mods) -> onKey(key, action, mods));
        glfwSetMouseButtonCallback(win, (window, button, action, mods) -> onMouseButton(button, action));
        glfwSetCursorPosCallback(win, (window, x, y) -> onCursor(x, y));
        glfwSetScrollCallback(win, (window, dx, dy) -> onScroll(dy));
        lastNanos = System.nanoTime();
    }

    /** True once the user asked to close the window. */
    public boolean shouldClose() {
        return glfwWindowShouldClose(gl.window());
    }

    /**
     * Handles pending input, advances the clock by the wall time since the last frame, draws the
     * frame and shows it.
     */
    public FrameInfo frame() {
        glfwPollEvents();
        long now = System.nanoTime();
        playback.advance(Math.min(0.25, (now - lastNanos) / 1e9));
        lastNanos = now;
        boolean jumped = playback.jumps() != jumpsHeard;
        jumpsHeard = playback.jumps();
        double heard = music.sync(playback.time(), playback.running(), jumped);
        if (!Double.isNaN(heard)) {
            playback.follow(heard);
        }
        int[] fb = framebufferSize(gl.window());
        if (fb[0] >= 8 && fb[1] >= 8) {
            frames.resize(fb[0], fb[1]);
            frames.setHudVisible(hud);
            lastFrame = frames.render(playback.time(), camera, status());
            frames.blitToWindow(fb[0], fb[1]);
        }
        glfwSwapBuffers(gl.window());
        return lastFrame;
    }

    /** The HUD's play state: {@code playing x1}, {@code paused}, {@code playing x2, muted}. */
    private String status() {
        boolean muted = music.audible() && !playback.paused() && !playback.running();
        return playback.status() + (muted ? ", muted" : "");
    }

    // ---- input (package-private so tests can drive the same handlers GLFW calls) ----

    void onKey(int key, int action, int mods) {
        if (action != GLFW_PRESS && action != GLFW_REPEAT) {
            return;
        }
        int step = (mods & GLFW_MOD_SHIFT) != 0 ? 5 : 1;
        switch (key) {
            case GLFW_KEY_SPACE -> playback.togglePause();
            case GLFW_KEY_LEFT -> playback.scrub(-step);
            case GLFW_KEY_RIGHT -> playback.scrub(step);
            case GLFW_KEY_EQUAL, GLFW_KEY_KP_ADD -> playback.faster();
            case GLFW_KEY_MINUS, GLFW_KEY_KP_SUBTRACT -> playback.slower();
            case GLFW_KEY_PAGE_DOWN, GLFW_KEY_N -> playback.nextScene();
            case GLFW_KEY_PAGE_UP, GLFW_KEY_P -> playback.previousScene();
            case GLFW_KEY_H -> hud = !hud;
            case GLFW_KEY_ESCAPE, GLFW_KEY_Q -> glfwSetWindowShouldClose(gl.window(), true);
            default -> {
                int preset = key >= GLFW_KEY_1 && key <= GLFW_KEY_9 ? key - GLFW_KEY_1
                        : key >= GLFW_KEY_KP_1 && key <= GLFW_KEY_KP_9 ? key - GLFW_KEY_KP_1 : -1;
                if (preset >= 0 && preset < presets.size()) {
                    camera = presets.get(preset);
                }
            }
        }
    }

    void onMouseButton(int button, int action) {
        if (button == GLFW_MOUSE_BUTTON_LEFT) {
            dragging = action == GLFW_PRESS;
        }
    }

    void onCursor(double x, double y) {
        if (dragging) {
            orbit(camera.yaw() - (x - lastX) * DEGREES_PER_PIXEL, camera.pitch() + (y - lastY) * DEGREES_PER_PIXEL,
                    camera.distance());
        }
        lastX = x;
        lastY = y;
    }

    void onScroll(double notches) {
        orbit(camera.yaw(), camera.pitch(), camera.distance() * Math.pow(ZOOM_STEP, notches));
    }

    /** Moves the free camera around the current target (any camera becomes the orbit camera). */
    private void orbit(double yaw, double pitch, double distance) {
        double d = Math.max(MIN_DISTANCE, Math.min(MAX_DISTANCE, distance));
        double p = Math.max(-5, Math.min(89, pitch));
        camera = Camera.orbit(Camera.ORBIT, camera.targetX(), camera.targetY(), camera.targetZ(), yaw, p, d, camera.fov());
    }

    /** The playback state (for tests). */
    Playback playback() {
        return playback;
    }

    /** The music player (for tests). */
    MusicPlayer music() {
        return music;
    }

    /** The camera now in use. */
    public Camera camera() {
        return camera;
    }

    /** The HUD lines of the last frame (for tests). */
    String[] hudLines() {
        return frames.hudLines();
    }

    boolean hudVisible() {
        return hud;
    }

    private static int[] framebufferSize(long window) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer w = stack.mallocInt(1);
            IntBuffer h = stack.mallocInt(1);
            glfwGetFramebufferSize(window, w, h);
            return new int[] {w.get(0), h.get(0)};
        }
    }

    @Override
    public void close() {
        music.close();
        Callbacks.glfwFreeCallbacks(gl.window());
        frames.close();
        gl.close();
    }
}
