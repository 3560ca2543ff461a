package dev.starling.cli;

import java.io.PrintWriter;

/**
 * Progress of a long step on stderr: a redrawn bar when stderr is a terminal, otherwise one
 * line per stage (so CI logs stay readable). Silent when {@code quiet}.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean tty;
    private final boolean quiet;
    private String stage = "";
    private int lastPercent = -1;
    private long stageStart = System.nanoTime();

    ProgressBar(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
        this.tty = System.console() != null && System.getenv("CI") == null;
    }

    /** Starts a named stage. */
    void stage(String name) {
        finishLine();
        stage = name;
        lastPercent = -1;
        stageStart = System.nanoTime();
        if (!quiet && !tty) {
            err.println("  " + name + " ...");
            err.flush();
        }
    }

    /** Updates the current stage: {@code fraction} in [0, 1], {@code detail} what is being done. */
    void update(double fraction, String detail) {
        if (quiet || !tty) {
            return;
        }
        int pct = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
        if (pct == lastPercent) {
            return;
        }
        lastPercent = pct;
        int filled = pct * WIDTH / 100;
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String text = String.format("\r  %-14s [%s] %3d%% %s", stage, bar, pct, detail == null ? "" : detail);
        err.print(text.length() > 110 ? text.substring(0, 110) : text + " ".repeat(Math.max(0, 110 - text.length())));
        err.flush();
    }

    /** Ends the current stage and returns how long it took, seconds. */
    double doneSeconds() {
        double s = (System.nanoTime() - stageStart) / 1e9;
        done();
        return s;
    }

    /** Ends the current stage, printing how long it took. */
    void done() {
        double s = (System.nanoTime() - stageStart) / 1e9;
        if (quiet) {
            return;
        }
        if (tty) {
            err.print("\r" + " ".repeat(112) + "\r");
        }
        err.println(String.format("  %-14s done in %.2f s", stage, s));
        err.flush();
        lastPercent = -1;
    }

    private void finishLine() {
        if (tty && lastPercent >= 0 && !quiet) {
            err.println();
        }
    }
}
