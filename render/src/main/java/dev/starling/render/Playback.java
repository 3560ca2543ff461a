package dev.starling.render;

import java.util.Locale;

/**
 * The preview's clock and controls, without any window: play/pause, scrub, speed steps and scene
 * jumps over [start, end] of a show. Time moves through {@link #advance}, which the window calls
 * with the wall-clock seconds of each frame, and, while music plays, through {@link #follow},
 * which keeps it with what is heard. Moves by hand are counted ({@link #jumps}) so that the
 * music can seek to them.
 */
final class Playback {
    /** Speeds the + and − keys step through. */
    static final double[] SPEEDS = {0.1, 0.25, 0.5, 1, 2, 4, 8, 16};
    /** Seconds of show time one arrow-key press moves. */
    static final double SCRUB_STEP = 2.0;
    /**
     * Largest gap between the clock and the music heard that the clock keeps, seconds: beyond
     * it the clock jumps to the sound. Below what a viewer notices (lip-sync tolerances start at
     * about 45 ms of sound ahead of picture), above the jitter of the heard position.
     */
    static final double RESYNC = 0.020;

    private final Timeline timeline;
    private double time;
    private int speedIndex;
    private boolean paused;
    private long jumps;

    Playback(Timeline timeline, double startTime, double speed) {
        this.timeline = timeline;
        this.time = clamp(startTime);
        int best = 0;
        for (int i = 0; i < SPEEDS.length; i++) {
            if (Math.abs(SPEEDS[i] - speed) < Math.abs(SPEEDS[best] - speed)) {
                best = i;
            }
        }
        speedIndex = best;
    }

    /** A clock on {@code timeline} that carries on from {@code from}: same time (kept inside the show), speed and pause. */
    Playback(Timeline timeline, Playback from) {
        this.timeline = timeline;
        this.time = clamp(from.time);
        this.speedIndex = from.speedIndex;
        this.paused = from.paused;
        this.jumps = from.jumps + 1;
    }

    double time() {
        return time;
    }

    double speed() {
        return SPEEDS[speedIndex];
    }

    boolean paused() {
        return paused;
    }

    /** True when the clock runs at 1×: the music plays along only then. */
    boolean running() {
        return !paused && speed() == 1;
    }

    /** How many times the clock was moved by hand (scrub, scene jump, restart from the end). */
    long jumps() {
        return jumps;
    }

    /**
     * Keeps the running clock with the music: when the show time being heard differs from the
     * clock by more than {@link #RESYNC}, the clock takes it. Ignored while paused.
     */
    void follow(double heard) {
        if (!paused && Math.abs(heard - time) > RESYNC) {
            time = clamp(heard);
        }
    }

    /** Moves the clock by {@code wallSeconds} × speed unless paused; pauses at the end of the show. */
    void advance(double wallSeconds) {
        if (paused) {
            return;
        }
        time = clamp(time + wallSeconds * speed());
        if (time >= timeline.end()) {
            paused = true;
        }
    }

    /** Space: pause, or play (from the start again when at the end). */
    void togglePause() {
        if (paused && time >= timeline.end()) {
            time = timeline.start();
            jumps++;
        }
        paused = !paused;
    }

    /** Arrow keys: {@code steps} × {@value #SCRUB_STEP} s forward (negative: back). */
    void scrub(int steps) {
        time = clamp(time + steps * SCRUB_STEP);
        jumps++;
    }

    void faster() {
        speedIndex = Math.min(SPEEDS.length - 1, speedIndex + 1);
    }

    void slower() {
        speedIndex = Math.max(0, speedIndex - 1);
    }

    /** PageDown / N: to the start of the next scene's hold. */
    void nextScene() {
        time = clamp(timeline.nextSceneTime(time));
        jumps++;
    }

    /** PageUp / P: to the start of this or the previous scene's hold. */
    void previousScene() {
        time = clamp(timeline.previousSceneTime(time));
        jumps++;
    }

    /** One line for the HUD: {@code playing x1} or {@code paused}. */
    String status() {
        double s = speed();
        String sp = s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
        return (paused ? "paused" : "playing") + String.format(Locale.ROOT, " x%s", sp);
    }

    private double clamp(double t) {
        return Math.max(timeline.start(), Math.min(timeline.end(), t));
    }
}
