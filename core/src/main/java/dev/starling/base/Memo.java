package dev.starling.base;

/**
 * Results kept from an earlier run, by the content they were computed from: a computation asks
 * for the result of its inputs' digest and, on a miss, computes it and offers it back. A plan's
 * content-addressed cache ({@code dev.starling.cache.PlanCache#memo()}) is one; {@link #NONE}
 * keeps nothing.
 *
 * <p>A caller's key must cover every input of the result (the store adds the code version), and
 * its decoder must reject a payload it cannot read whole (return null and compute again): an
 * entry that passed the store's hash checks can still be older than a format change the key
 * missed. A result computed with a memo must equal the one computed without.
 */
public interface Memo {
    /** Keeps nothing: every lookup misses. */
    Memo NONE = new Memo() {
        @Override
        public byte[] get(String kind, byte[] key) {
            return null;
        }

        @Override
        public void put(String kind, byte[] key, byte[] payload) {
        }
    };

    /**
     * The payload offered earlier for {@code kind} (a short lower-case word) and {@code key}, or
     * null. Safe to call from several threads.
     */
    byte[] get(String kind, byte[] key);

    /** Offers {@code payload} as the result for {@code kind} and {@code key}. Safe to call from several threads. */
    void put(String kind, byte[] key, byte[] payload);
}
