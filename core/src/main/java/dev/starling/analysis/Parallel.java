package dev.starling.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a body over index ranges [lo, hi) of 0..n on a fixed number of threads. Each index is
 * handled by exactly one call, so a body that writes only its own indices' slots gives the same
 * result for any thread count.
 */
final class Parallel {
    /** Work on indices [lo, hi), the {@code chunk}-th of the split (0-based). */
    @FunctionalInterface
    interface Range {
        void run(int chunk, int lo, int hi);
    }

    private Parallel() {
    }

    /** Available processors: the default thread count. */
    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Calls {@code body} once per chunk on consecutive chunks of 0..n (min(n, chunks) of them,
     * numbered from 0), on {@code threads} threads; returns when all are done and rethrows the
     * first failure.
     */
    static void forRanges(int n, int threads, int chunks, Range body) {
        if (n <= 0) {
            return;
        }
        int c = Math.max(1, Math.min(n, chunks));
        if (threads <= 1 || c == 1) {
            for (int k = 0; k < c; k++) {
                body.run(k, (int) ((long) n * k / c), (int) ((long) n * (k + 1) / c));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, c), r -> {
            Thread t = new Thread(r, "starling-analysis");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(c);
            for (int k = 0; k < c; k++) {
                int chunk = k, lo = (int) ((long) n * k / c), hi = (int) ((long) n * (k + 1) / c);
                futures.add(pool.submit(() -> body.run(chunk, lo, hi)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
