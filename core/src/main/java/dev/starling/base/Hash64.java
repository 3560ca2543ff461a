package dev.starling.base;

/** 64-bit hashing for the memos that find content again by its bits (a hash only proposes; callers confirm). */
public final class Hash64 {
    private Hash64() {
    }

    /** A 64-bit mixer (the finaliser of MurmurHash3): every input bit moves about half the output bits. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
