package dev.starling.render;

/** A shader failed to compile or link; the message carries the resource name and the driver's log. */
public final class ShaderException extends RenderException {
    private static final long serialVersionUID = 1L;

    private final String log;

    public ShaderException(String what, String log) {
        super(what + " failed:\n" + log.strip());
        this.log = log;
    }

    /** The driver's compile or link log, verbatim. */
    public String log() {
        return log;
    }
}
