package dev.starling.render;

import static org.lwjgl.glfw.GLFW.GLFW_CONTEXT_VERSION_MAJOR;
import static org.lwjgl.glfw.GLFW.GLFW_CONTEXT_VERSION_MINOR;
import static org.lwjgl.glfw.GLFW.GLFW_DEPTH_BITS;
import static org.lwjgl.glfw.GLFW.GLFW_FALSE;
import static org.lwjgl.glfw.GLFW.GLFW_OPENGL_CORE_PROFILE;
import static org.lwjgl.glfw.GLFW.GLFW_OPENGL_FORWARD_COMPAT;
import static org.lwjgl.glfw.GLFW.GLFW_OPENGL_PROFILE;
import static org.lwjgl.glfw.GLFW.GLFW_RESIZABLE;
import static org.lwjgl.glfw.GLFW.GLFW_STENCIL_BITS;
import static org.lwjgl.glfw.GLFW.GLFW_TRUE;
import static org.lwjgl.glfw.GLFW.GLFW_VISIBLE;
import static org.lwjgl.glfw.GLFW.glfwCreateWindow;
import static org.lwjgl.glfw.GLFW.glfwDefaultWindowHints;
import static org.lwjgl.glfw.GLFW.glfwDestroyWindow;
import static org.lwjgl.glfw.GLFW.glfwInit;
import static org.lwjgl.glfw.GLFW.glfwMakeContextCurrent;
import static org.lwjgl.glfw.GLFW.glfwSetErrorCallback;
import static org.lwjgl.glfw.GLFW.glfwTerminate;
import static org.lwjgl.glfw.GLFW.glfwWindowHint;
import static org.lwjgl.opengl.GL33C.GL_MAX_RENDERBUFFER_SIZE;
import static org.lwjgl.opengl.GL33C.GL_MAX_TEXTURE_SIZE;
import static org.lwjgl.opengl.GL33C.GL_RENDERER;
import static org.lwjgl.opengl.GL33C.GL_VERSION;
import static org.lwjgl.opengl.GL33C.glGetInteger;
import static org.lwjgl.opengl.GL33C.glGetString;
import static org.lwjgl.system.MemoryUtil.NULL;

import java.util.Locale;
import java.util.Map;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;

/**
 * A GLFW window with an OpenGL 3.3 core context, current on the calling thread. Hidden for
 * headless rendering (all drawing goes to framebuffer objects), visible for the preview window.
 * Capabilities are checked once, here, so passes can rely on OpenGL 3.3 core.
 *
 * <p>GLFW is process-global: open one context at a time, and close it on the thread that opened
 * it. Under Xvfb with Mesa the context is llvmpipe (software); with a GPU it is the driver's.
 */
public final class GlContext implements AutoCloseable {
    private static final String XVFB_HINT = "on a machine without a screen, run it under a virtual display:"
            + " xvfb-run -a starling render ... (Debian/Ubuntu: apt-get install xvfb xauth libgl1-mesa-dri libglx-mesa0)";

    private final long window;
    private final GLFWErrorCallback errors;
    private final String description;
    private final int maxSize;
    private boolean closed;

    private GlContext(long window, GLFWErrorCallback errors, String description, int maxSize) {
        this.window = window;
        this.errors = errors;
        this.description = description;
        this.maxSize = maxSize;
    }

    /**
     * Opens a window of {@code width} × {@code height} pixels (hidden unless {@code visible}) and
     * makes its OpenGL 3.3 core context current on this thread.
     *
     * @throws RenderException when there is no display, GLFW cannot start, or the driver offers
     *                         no OpenGL 3.3 core context; the message says how to fix it
     */
    public static GlContext open(int width, int height, boolean visible, String title) {
        String problem = displayProblem(System.getenv(), System.getProperty("os.name", ""));
        if (problem != null) {
            throw new RenderException(problem);
        }
        StringBuilder last = new StringBuilder();
        GLFWErrorCallback cb = GLFWErrorCallback.create((code, desc) -> {
            last.setLength(0);
            last.append(GLFWErrorCallback.getDescription(desc));
        });
        glfwSetErrorCallback(cb);
        if (!initGlfw()) {
            glfwSetErrorCallback(null);
            cb.free();
            throw new RenderException("cannot start GLFW: " + last + "; " + XVFB_HINT);
        }
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_RESIZABLE, visible ? GLFW_TRUE : GLFW_FALSE);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        // Every pass draws into our own framebuffers: the window's needs no depth or stencil.
        glfwWindowHint(GLFW_DEPTH_BITS, 0);
        glfwWindowHint(GLFW_STENCIL_BITS, 0);
        long w = glfwCreateWindow(visible ? width : 64, visible ? height : 64, title, NULL, NULL);
        if (w == NULL) {
            glfwTerminate();
            glfwSetErrorCallback(null);
            cb.free();
            throw new RenderException("no OpenGL 3.3 core context: " + last
                    + "; update the graphics driver or Mesa (llvmpipe gives 4.5 in software), or " + XVFB_HINT);
        }
        glfwMakeContextCurrent(w);
        GLCapabilities caps = GL.createCapabilities();
        if (!caps.OpenGL33) {
            glfwDestroyWindow(w);
            glfwTerminate();
            glfwSetErrorCallback(null);
            cb.free();
            throw new RenderException("the OpenGL driver lacks version 3.3 core: " + glGetString(GL_VERSION));
        }
        int maxSize = Math.min(glGetInteger(GL_MAX_TEXTURE_SIZE), glGetInteger(GL_MAX_RENDERBUFFER_SIZE));
        String desc = glGetString(GL_RENDERER) + " | " + glGetString(GL_VERSION);
        return new GlContext(w, cb, desc, maxSize);
    }

    /**
     * Why no window can open in this environment, or {@code null} when one might: on Linux an
     * X11 or Wayland display must be named in the environment.
     */
    static String displayProblem(Map<String, String> env, String osName) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
            return null;
        }
        return "no display: DISPLAY is not set, so no OpenGL window can open; " + XVFB_HINT;
    }

    private static boolean isSet(String v) {
        return v != null && !v.isBlank();
    }

    /**
     * glfwInit, tried up to three times 200 ms apart: a virtual X server that has just answered
     * one client sometimes refuses the next connection for a moment (seen once in CI, where the
     * probe connected and the test's own context, opened right after, did not).
     */
    private static boolean initGlfw() {
        for (int attempt = 0; ; attempt++) {
            if (glfwInit()) {
                return true;
            }
            if (attempt == 2) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Tries to open a hidden context and returns why it failed, or {@code null} when OpenGL 3.3
     * works here. For tests that must skip, with the reason, where there is no display or GL.
     */
    public static String unavailableReason() {
        try {
            open(16, 16, false, "starling probe").close();
            return null;
        } catch (RenderException | LinkageError e) {
            return e.getMessage();
        }
    }

    /** The GLFW window handle. */
    public long window() {
        return window;
    }

    /** Renderer and version strings, e.g. {@code llvmpipe (LLVM 15.0.6, 256 bits) | 4.5 (Core Profile) Mesa 22.3.6}. */
    public String description() {
        return description;
    }

    /** Largest framebuffer side the driver accepts, pixels. */
    public int maxFramebufferSize() {
        return maxSize;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        GL.setCapabilities(null);
        glfwDestroyWindow(window);
        glfwTerminate();
        glfwSetErrorCallback(null);
        errors.free();
    }
}
