package dev.starling.base;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Parallel loops over index ranges, the one helper every stage uses (assignment, verification,
 * analyses).
 *
 * <p>Work is cut into parts whose boundaries depend only on the sizes the caller gives, never on
 * the thread count or on scheduling; a body that writes only its own part's slots, or whose
 * per-part results the caller merges in part order, gives the same result on 1 thread or 16.
 *
 * <p>The calling thread takes parts too, and waits only for parts that another thread has
 * already started, so a loop nested inside another loop's body cannot deadlock even when every
 * pool thread is busy. Pool threads are daemons, shared by all loops and created on demand.
 * The first failure of any part is rethrown on the calling thread; parts not yet started are
 * then skipped.
 */
public final class Parallel {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "starling-worker");
        t.setDaemon(true);
        return t;
    });

    /** Work on the index range [lo, hi), the {@code part}-th of the split (0-based). */
    @FunctionalInterface
    public interface Range {
        void run(int part, int lo, int hi);
    }

    private Parallel() {
    }

    /**
     * The cause of a task's failure ({@link java.util.concurrent.Future#get}), thrown again as it
     * is when unchecked (a RuntimeException or an Error); a checked cause is returned, for the
     * caller to throw as the kind it declares.
     */
    public static Throwable rethrowUnchecked(ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
            throw re;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return c;
    }

    /** Available processors: the default thread count. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Calls {@code body} once for each of {@code min(n, parts)} near-equal consecutive ranges of
     * [0, n) (range k is [n·k/p, n·(k+1)/p)), on up to {@code threads} threads; returns when all
     * are done.
     */
    public static void forRanges(int n, int parts, int threads, Range body) {
        if (n <= 0) {
            return;
        }
        int p = Math.max(1, Math.min(n, parts));
        forEach(p, threads, k -> body.run(k, (int) ((long) n * k / p), (int) ((long) n * (k + 1) / p)));
    }

    /**
     * Calls {@code body} for consecutive ranges of {@code chunk} indices covering [0, n) (the last
     * may be shorter), on up to {@code threads} threads; returns when all are done.
     */
    public static void forChunks(int n, int chunk, int threads, Range body) {
        if (n <= 0) {
            return;
        }
        if (chunk <= 0) {
            throw new IllegalArgumentException("chunk must be positive, was " + chunk);
        }
        int parts = (int) (((long) n + chunk - 1) / chunk);
        forEach(parts, threads, k -> body.run(k, k * chunk, (int) Math.min(n, (long) (k + 1) * chunk)));
    }

    /** Runs {@code task} for every k in [0, tasks) on up to {@code threads} threads; returns when all are done. */
    public static void forEach(int tasks, int threads, IntConsumer task) {
        int workers = Math.min(Math.max(1, threads), tasks);
        if (workers <= 1) {
            for (int k = 0; k < tasks; k++) {
                task.accept(k);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < tasks; k = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        task.accept(k);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int w = 1; w < workers; w++) {
            POOL.execute(worker);
        }
        worker.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, new IllegalStateException("interrupted while waiting for parallel work", e));
            next.set(tasks);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
