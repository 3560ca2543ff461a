package dev.starling.io;

import dev.starling.base.Parallel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Produces items 0..n−1 on worker threads and consumes them on the calling thread strictly in
 * index order: the shape of every parallel export (format and compress drones in parallel,
 * write them in a fixed order, so output bytes do not depend on scheduling).
 *
 * <p>At most a small window of items (4 per worker) is in flight, so memory stays bounded by
 * the window, not by n. With one core, or n ≤ 1, everything runs on the calling thread.
 */
public final class OrderedPipeline {
    private OrderedPipeline() {
    }

    /** Receives the items in index order, on the thread that called {@link #run}. */
    @FunctionalInterface
    public interface Sink<T> {
        void accept(int index, T item) throws IOException;
    }

    /**
     * Runs {@code producer} for every index in 0..n−1 (in parallel) and {@code sink} for each
     * result in index order. The first exception of either stops the run: pending work is
     * cancelled and the exception rethrown (unwrapped).
     */
    public static <T> void run(int n, IntFunction<T> producer, Sink<T> sink) throws IOException {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), n);
        if (threads <= 1) {
            for (int i = 0; i < n; i++) {
                sink.accept(i, producer.apply(i));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "starling-export");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<T>> window = new ArrayDeque<>();
        int window4 = 4 * threads;
        try {
            int next = 0;
            for (int i = 0; i < n; i++) {
                while (next < n && next < i + window4) {
                    final int k = next++;
                    window.addLast(pool.submit(() -> producer.apply(k)));
                }
                T item;
                try {
                    item = window.removeFirst().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("export interrupted");
                } catch (ExecutionException e) {
                    throw new IOException(Parallel.rethrowUnchecked(e));
                }
                sink.accept(i, item);
            }
        } finally {
            for (Future<T> f : window) {
                f.cancel(true);
            }
            pool.shutdownNow();
        }
    }
}
