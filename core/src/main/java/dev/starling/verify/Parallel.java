package dev.starling.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs index ranges on a fixed number of threads. Work is cut into chunks whose boundaries
 * depend only on the sizes given, never on the thread count, and callers merge per-chunk
 * results in chunk order: the outcome is the same on 1 thread or 16.
 */
final class Parallel implements AutoCloseable {
    /** Drones per chunk for per-drone work. */
    static final int DRONE_CHUNK = 256;

    /** Work on the index range [lo, hi). */
    @FunctionalInterface
    interface Chunk {
        void run(int lo, int hi);
    }

    private final int threads;
    private final ExecutorService pool;

    Parallel(int threads) {
        this.threads = Math.max(1, threads);
        if (this.threads == 1) {
            pool = null;
        } else {
            AtomicInteger id = new AtomicInteger();
            pool = Executors.newFixedThreadPool(this.threads, r -> {
                Thread t = new Thread(r, "starling-verify-" + id.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    int threads() {
        return threads;
    }

    /** Runs {@code body} over [0, count) in chunks of {@code chunk}; returns when all are done. */
    void forEachChunk(int count, int chunk, Chunk body) {
        int chunks = (count + chunk - 1) / chunk;
        forEachTask(chunks, k -> body.run(k * chunk, Math.min(count, (k + 1) * chunk)));
    }

    /** Runs task {@code k} for every k in [0, tasks); returns when all are done. */
    void forEachTask(int tasks, java.util.function.IntConsumer task) {
        if (pool == null || tasks <= 1) {
            for (int k = 0; k < tasks; k++) {
                task.accept(k);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>(threads);
        for (int w = 0; w < Math.min(threads, tasks); w++) {
            fs.add(pool.submit(() -> {
                for (int k = next.getAndIncrement(); k < tasks; k = next.getAndIncrement()) {
                    task.accept(k);
                }
            }));
        }
        Throwable failure = null;
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
                next.set(tasks);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next.set(tasks);
                failure = new IllegalStateException("verification interrupted", e);
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
