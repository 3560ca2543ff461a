package dev.starling.assign;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a task over contiguous index ranges on a few threads. Each range writes only its own
 * part of the output, so results do not depend on the thread count or on scheduling.
 */
final class RowRanges {
    /** Work below this many index units per range is not worth a thread hand-off (~10 µs). */
    static final int MIN_RANGE = 64;

    private static volatile ExecutorService pool;

    private RowRanges() {
    }

    /** Body of a parallel loop: handles indices {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface Task {
        void run(int part, int from, int to);
    }

    /**
     * Number of ranges {@link #run} will use for {@code n} indices and at most {@code threads}
     * threads.
     */
    static int parts(int n, int threads) {
        return Math.max(1, Math.min(threads, n / MIN_RANGE));
    }

    /**
     * Splits {@code [0, n)} into {@link #parts} near-equal ranges; runs the first on the calling
     * thread and the others on a shared daemon pool; returns when all are done and rethrows the
     * first failure.
     */
    static void run(int n, int threads, Task task) {
        int parts = parts(n, threads);
        if (parts == 1) {
            task.run(0, 0, n);
            return;
        }
        ExecutorService p = pool();
        Future<?>[] futures = new Future<?>[parts];
        for (int k = 1; k < parts; k++) {
            int part = k;
            int from = (int) ((long) n * k / parts);
            int to = (int) ((long) n * (k + 1) / parts);
            futures[k] = p.submit(() -> task.run(part, from, to));
        }
        RuntimeException failure = null;
        try {
            task.run(0, 0, (int) ((long) n / parts));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int k = 1; k < parts; k++) {
            try {
                futures[k].get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while waiting for a parallel range", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (RowRanges.class) {
                p = pool;
                if (p == null) {
                    int size = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
                    p = Executors.newFixedThreadPool(size, r -> {
                        Thread t = new Thread(r, "starling-assign");
                        t.setDaemon(true);
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }
}
