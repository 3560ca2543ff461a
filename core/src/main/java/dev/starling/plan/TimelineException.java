package dev.starling.plan;

/**
 * The show's timeline cannot be flown within its limits: a scene pinned to a cue cannot reach its
 * formation by then, or a hold pinned to end before the formation is reached. The show file is
 * valid, the plan is not possible; {@code starling plan} prints the message (which names the
 * scene, the window, the time the limits need and the limit that binds, and how to fix it) and
 * exits 1 without writing a plan.
 */
public final class TimelineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int sceneIndex;

    /**
     * @param sceneIndex the scene at fault (0-based)
     * @param message    what cannot be done and how to fix it
     */
    public TimelineException(int sceneIndex, String message) {
        super(message);
        this.sceneIndex = sceneIndex;
    }

    /** The scene at fault, 0-based. */
    public int sceneIndex() {
        return sceneIndex;
    }
}
