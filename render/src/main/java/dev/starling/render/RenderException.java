package dev.starling.render;

/**
 * Rendering could not start or continue: no display, no OpenGL 3.3, a framebuffer the driver
 * refuses. The message says what failed and what to do about it.
 */
public class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
