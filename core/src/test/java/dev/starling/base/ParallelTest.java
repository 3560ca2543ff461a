package dev.starling.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ParallelTest {
    /** Every index is handled exactly once, and each part number is given to exactly one call. */
    @Property(tries = 200)
    void rangesPartitionTheIndicesAndAreNumberedOnce(@ForAll @IntRange(min = 0, max = 500) int n,
                                                     @ForAll @IntRange(min = 1, max = 9) int threads,
                                                     @ForAll @IntRange(min = 1, max = 40) int parts) {
        AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(1, n));
        AtomicIntegerArray partUses = new AtomicIntegerArray(parts);
        Parallel.forRanges(n, parts, threads, (part, lo, hi) -> {
            partUses.incrementAndGet(part);
            assertTrue(lo <= hi);
            for (int i = lo; i < hi; i++) {
                seen.incrementAndGet(i);
            }
        });
        for (int i = 0; i < n; i++) {
            assertEquals(1, seen.get(i), "index " + i);
        }
        int used = 0;
        for (int c = 0; c < parts; c++) {
            assertTrue(partUses.get(c) <= 1, "part " + c + " given twice");
            used += partUses.get(c);
        }
        assertEquals(n == 0 ? 0 : Math.min(n, parts), used);
    }

    /** Chunk boundaries are multiples of the chunk size whatever the thread count. */
    @Property(tries = 200)
    void chunksAreFixedSizeAndCoverTheIndices(@ForAll @IntRange(min = 0, max = 2000) int n,
                                              @ForAll @IntRange(min = 1, max = 8) int threads,
                                              @ForAll @IntRange(min = 1, max = 300) int chunk) {
        AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(1, n));
        Parallel.forChunks(n, chunk, threads, (part, lo, hi) -> {
            assertEquals((long) part * chunk, lo);
            assertEquals(Math.min(n, lo + chunk), hi);
            for (int i = lo; i < hi; i++) {
                seen.incrementAndGet(i);
            }
        });
        for (int i = 0; i < n; i++) {
            assertEquals(1, seen.get(i), "index " + i);
        }
    }

    /** A loop inside another loop's body finishes even when every outer part holds a thread. */
    @Test
    void nestedLoopsDoNotDeadlock() {
        AtomicLong sum = new AtomicLong();
        Parallel.forEach(64, 8, k -> Parallel.forEach(64, 8, j -> sum.addAndGet(j)));
        assertEquals(64L * (63 * 64 / 2), sum.get());
    }

    @Test
    void theFirstFailureReachesTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Parallel.forEach(100, 4, k -> {
                    if (k == 37) {
                        throw new IllegalStateException("part 37 failed");
                    }
                }));
        assertEquals("part 37 failed", e.getMessage());
    }
}
