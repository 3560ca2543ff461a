package dev.starling.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ParallelTest {
    /** Every index is handled exactly once, and each chunk number is given to exactly one call. */
    @Property(tries = 200)
    void chunksPartitionTheRangeAndAreNumberedOnce(@ForAll @IntRange(min = 0, max = 500) int n,
                                                   @ForAll @IntRange(min = 1, max = 9) int threads,
                                                   @ForAll @IntRange(min = 1, max = 40) int chunks) {
        AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(1, n));
        AtomicIntegerArray chunkUses = new AtomicIntegerArray(chunks);
        Parallel.forRanges(n, threads, chunks, (chunk, lo, hi) -> {
            chunkUses.incrementAndGet(chunk);
            assertTrue(lo <= hi);
            for (int i = lo; i < hi; i++) {
                seen.incrementAndGet(i);
            }
        });
        for (int i = 0; i < n; i++) {
            assertEquals(1, seen.get(i), "index " + i);
        }
        int used = 0;
        for (int c = 0; c < chunks; c++) {
            assertTrue(chunkUses.get(c) <= 1, "chunk " + c + " given twice");
            used += chunkUses.get(c);
        }
        assertEquals(n == 0 ? 0 : Math.min(n, chunks), used);
    }
}
