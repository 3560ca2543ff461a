package dev.starling.io;

import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A raw DEFLATE (RFC 1951) encoder for text whose repetitions the caller already knows, such as
 * a CSV whose rows repeat the previous row's fields during a hold. The caller writes the text
 * and declares each repeat with {@link #match}; the encoder does no searching, just Huffman
 * coding, so it runs several times faster than zlib's fastest level while compressing about as
 * well on such text (zlib must find the same repeats by hashing every byte).
 *
 * <p>Output: one final block with dynamic Huffman codes (code lengths ≤ 15, built from the
 * block's own symbol counts), readable by any inflater. Every declared match is checked against
 * the text before it is used, so a wrong declaration fails loudly instead of corrupting data.
 *
 * <p>Cost: two passes over the text (count, then emit), O(1) per byte, no allocation after the
 * first use of an instance. Not thread-safe: one per worker, reused via {@link #reset()}.
 */
public final class StructuredDeflater {
    private static final int MAX_MATCH = 258;
    private static final int MIN_MATCH = 3;
    private static final int MAX_DISTANCE = 32768;
    private static final int MAX_BITS = 15;
    private static final int END_OF_BLOCK = 256;
    /** Order in which code-length code lengths are stored (RFC 1951 §3.2.7). */
    private static final int[] CL_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    /** Length code (257..285) of each match length 3..258, and its extra bits. */
    private static final int[] LEN_CODE = new int[MAX_MATCH + 1];
    private static final int[] LEN_EXTRA_BITS = new int[29];
    private static final int[] LEN_BASE = new int[29];
    private static final int[] DIST_EXTRA_BITS = new int[30];
    private static final int[] DIST_BASE = new int[30];

    static {
        int[] lenBase = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
            131, 163, 195, 227, 258};
        int[] lenExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
        System.arraycopy(lenBase, 0, LEN_BASE, 0, 29);
        System.arraycopy(lenExtra, 0, LEN_EXTRA_BITS, 0, 29);
        for (int c = 0; c < 29; c++) {
            int hi = c == 28 ? 258 : (c == 27 ? 257 : lenBase[c + 1] - 1);
            for (int l = lenBase[c]; l <= hi; l++) {
                LEN_CODE[l] = c;
            }
        }
        int[] distBase = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
            2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
        System.arraycopy(distBase, 0, DIST_BASE, 0, 30);
        for (int c = 0; c < 30; c++) {
            DIST_EXTRA_BITS[c] = c < 4 ? 0 : (c - 2) / 2;
        }
    }

    private int[] mStart = new int[256];
    private int[] mLen = new int[256];
    private int[] mDist = new int[256];
    private int matches;

    private final int[] litFreq = new int[286];
    private final int[] distFreq = new int[30];
    private final int[] litLen = new int[286];
    private final int[] distLen = new int[30];
    private final int[] litCode = new int[286];
    private final int[] distCode = new int[30];
    private final int[] clFreq = new int[19];
    private final int[] clLen = new int[19];
    private final int[] clCode = new int[19];
    private int[] clSyms = new int[320];
    private final CRC32 crc = new CRC32();

    private byte[] out = new byte[1 << 12];
    private int outLen;
    private long bitBuf;
    private int bitCount;

    /** Forgets the declared matches; call before each new text. */
    public StructuredDeflater reset() {
        matches = 0;
        return this;
    }

    /**
     * Declares that {@code text[start, start + length)} repeats {@code text[start − distance, …)}.
     * Matches must come in increasing {@code start} order without overlapping each other;
     * {@code distance} ≤ 32768. Lengths below 3 are ignored; longer than 258 are split.
     */
    public void match(int start, int length, int distance) {
        if (length < MIN_MATCH) {
            return;
        }
        if (distance < 1 || distance > MAX_DISTANCE || start < distance) {
            throw new IllegalArgumentException("match distance " + distance + " at " + start + " is out of range");
        }
        if (matches > 0 && start < mStart[matches - 1] + mLen[matches - 1]) {
            throw new IllegalArgumentException("matches must be increasing and disjoint: " + start);
        }
        while (length > 0) {
            int l = Math.min(length, MAX_MATCH);
            if (length - l > 0 && length - l < MIN_MATCH) {
                l = length - MIN_MATCH;
            }
            if (matches == mStart.length) {
                mStart = Arrays.copyOf(mStart, matches * 2);
                mLen = Arrays.copyOf(mLen, matches * 2);
                mDist = Arrays.copyOf(mDist, matches * 2);
            }
            mStart[matches] = start;
            mLen[matches] = l;
            mDist[matches] = distance;
            matches++;
            start += l;
            length -= l;
        }
    }

    /**
     * Compresses {@code text[0, length)} with the declared matches into a complete raw DEFLATE
     * stream (one final block) and returns it with its CRC-32; the returned array is new.
     *
     * @throws IllegalStateException when a declared match does not repeat the text it names
     */
    public ZipWriter.Deflated finish(byte[] text, int length) {
        Arrays.fill(litFreq, 0);
        Arrays.fill(distFreq, 0);
        int pos = 0;
        for (int k = 0; k < matches; k++) {
            int s = mStart[k], l = mLen[k], d = mDist[k];
            if (s + l > length || !Arrays.equals(text, s, s + l, text, s - d, s - d + l)) {
                throw new IllegalStateException("declared match at " + s + " (length " + l + ", distance " + d
                        + ") does not repeat the text");
            }
            for (; pos < s; pos++) {
                litFreq[text[pos] & 255]++;
            }
            litFreq[257 + LEN_CODE[l]]++;
            distFreq[distCode(d)]++;
            pos = s + l;
        }
        for (; pos < length; pos++) {
            litFreq[text[pos] & 255]++;
        }
        litFreq[END_OF_BLOCK]++;

        buildLengths(litFreq, 286, MAX_BITS, litLen);
        buildLengths(distFreq, 30, MAX_BITS, distLen);
        int nDist = 30;
        while (nDist > 1 && distLen[nDist - 1] == 0) {
            nDist--;
        }
        if (distLen[0] == 0 && nDist == 1) {
            // no matches: one unused distance code of length 1 (a single code may be incomplete)
            distLen[0] = 1;
        }
        int nLit = 286;
        while (nLit > 257 && litLen[nLit - 1] == 0) {
            nLit--;
        }
        canonical(litLen, nLit, litCode);
        canonical(distLen, nDist, distCode);

        // code lengths of both trees, run-length encoded with symbols 16, 17, 18
        int nCl = encodeCodeLengths(nLit, nDist);
        buildLengths(clFreq, 19, 7, clLen);
        canonical(clLen, 19, clCode);
        int hclen = 19;
        while (hclen > 4 && clLen[CL_ORDER[hclen - 1]] == 0) {
            hclen--;
        }

        outLen = 0;
        bitBuf = 0;
        bitCount = 0;
        ensureOut(length / 2 + 1024);
        bits(1, 1);          // BFINAL
        bits(2, 2);          // BTYPE = dynamic Huffman
        bits(nLit - 257, 5);
        bits(nDist - 1, 5);
        bits(hclen - 4, 4);
        for (int i = 0; i < hclen; i++) {
            bits(clLen[CL_ORDER[i]], 3);
        }
        for (int i = 0; i < nCl; i++) {
            int sym = clSyms[i] & 31, extra = clSyms[i] >>> 5;
            bits(clCode[sym], clLen[sym]);
            if (sym == 16) {
                bits(extra, 2);
            } else if (sym == 17) {
                bits(extra, 3);
            } else if (sym == 18) {
                bits(extra, 7);
            }
        }
        pos = 0;
        for (int k = 0; k <= matches; k++) {
            int s = k < matches ? mStart[k] : length;
            literals(text, pos, s);
            if (k == matches) {
                break;
            }
            int l = mLen[k], d = mDist[k];
            int lc = LEN_CODE[l];
            bits(litCode[257 + lc], litLen[257 + lc]);
            bits(l - LEN_BASE[lc], LEN_EXTRA_BITS[lc]);
            int dc = distCode(d);
            bits(distCode[dc], distLen[dc]);
            bits(d - DIST_BASE[dc], DIST_EXTRA_BITS[dc]);
            pos = s + l;
        }
        bits(litCode[END_OF_BLOCK], litLen[END_OF_BLOCK]);
        ensureOut(8);
        while (bitCount > 0) {
            out[outLen++] = (byte) bitBuf;
            bitBuf >>>= 8;
            bitCount -= 8;
        }
        crc.reset();
        crc.update(text, 0, length);
        return new ZipWriter.Deflated(Arrays.copyOf(out, outLen), outLen, crc.getValue(), length);
    }

    private static int distCode(int d) {
        if (d <= 4) {
            return d - 1;
        }
        // codes come in pairs per power of two: 5-6, 7-8 | 9-12, 13-16 | ...
        int hb = 31 - Integer.numberOfLeadingZeros(d - 1);
        return 2 * hb + ((d - 1) >> (hb - 1) & 1);
    }

    /** Run-length encodes the concatenated code lengths into {@link #clSyms}; counts into clFreq. */
    private int encodeCodeLengths(int nLit, int nDist) {
        int total = nLit + nDist;
        int[] all = new int[total];
        System.arraycopy(litLen, 0, all, 0, nLit);
        System.arraycopy(distLen, 0, all, nLit, nDist);
        Arrays.fill(clFreq, 0);
        if (clSyms.length < total) {
            clSyms = new int[total];
        }
        int n = 0;
        for (int i = 0; i < total; ) {
            int v = all[i];
            int run = 1;
            while (i + run < total && all[i + run] == v) {
                run++;
            }
            i += run;
            if (v == 0) {
                while (run >= 11) {
                    int r = Math.min(run, 138);
                    clSyms[n++] = 18 | (r - 11) << 5;
                    clFreq[18]++;
                    run -= r;
                }
                if (run >= 3) {
                    clSyms[n++] = 17 | (run - 3) << 5;
                    clFreq[17]++;
                    run = 0;
                }
            } else {
                clSyms[n++] = v;
                clFreq[v]++;
                run--;
                while (run >= 3) {
                    int r = Math.min(run, 6);
                    clSyms[n++] = 16 | (r - 3) << 5;
                    clFreq[16]++;
                    run -= r;
                }
            }
            for (; run > 0; run--) {
                clSyms[n++] = v;
                clFreq[v]++;
            }
        }
        return n;
    }

    /**
     * Huffman code lengths for {@code freq[0, n)}, at most {@code limit} bits; symbols of
     * frequency 0 get length 0. A lone used symbol gets length 1. Lengths longer than the limit
     * are shortened by moving leaves up and splitting a shallower leaf until Kraft's sum is 1
     * again (the method of miniz and zlib's {@code gen_bitlen}).
     */
    static void buildLengths(int[] freq, int n, int limit, int[] len) {
        Arrays.fill(len, 0, n, 0);
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (freq[i] > 0) {
                used++;
            }
        }
        if (used == 0) {
            return;
        }
        if (used == 1) {
            for (int i = 0; i < n; i++) {
                if (freq[i] > 0) {
                    len[i] = 1;
                }
            }
            return;
        }
        // sort used symbols by frequency (then index, for determinism)
        long[] keyed = new long[used];
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (freq[i] > 0) {
                keyed[u++] = ((long) freq[i] << 16) | i;
            }
        }
        Arrays.sort(keyed);
        // two-queue Huffman: leaves in order, internal nodes in creation order (also sorted)
        long[] weight = new long[2 * used];
        int[] parent = new int[2 * used];
        for (int i = 0; i < used; i++) {
            weight[i] = keyed[i] >>> 16;
        }
        int leaf = 0, node = used, next = used;
        for (int k = 0; k < used - 1; k++) {
            int a, b;
            if (leaf < used && (node >= next || weight[leaf] <= weight[node])) {
                a = leaf++;
            } else {
                a = node++;
            }
            if (leaf < used && (node >= next || weight[leaf] <= weight[node])) {
                b = leaf++;
            } else {
                b = node++;
            }
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
            next++;
        }
        int root = next - 1;
        int[] depth = new int[2 * used];
        depth[root] = 0;
        for (int i = root - 1; i >= 0; i--) {
            depth[i] = depth[parent[i]] + 1;
        }
        int[] count = new int[64];
        for (int i = 0; i < used; i++) {
            count[Math.min(depth[i], 63)]++;
        }
        // limit: fold deeper leaves into the limit, then fix Kraft's sum
        for (int d = limit + 1; d < 64; d++) {
            count[limit] += count[d];
            count[d] = 0;
        }
        long kraft = 0;
        for (int d = 1; d <= limit; d++) {
            kraft += (long) count[d] << (limit - d);
        }
        while (kraft > (1L << limit)) {
            count[limit]--;
            for (int d = limit - 1; d > 0; d--) {
                if (count[d] > 0) {
                    count[d]--;
                    count[d + 1] += 2;
                    break;
                }
            }
            kraft--;
        }
        // hand out lengths: most frequent symbols (end of keyed) get the shortest codes
        int sym = used - 1;
        for (int d = 1; d <= limit; d++) {
            for (int c = count[d]; c > 0; c--) {
                len[(int) (keyed[sym--] & 0xFFFF)] = d;
            }
        }
    }

    /** Canonical Huffman codes, bit-reversed for DEFLATE's least-significant-bit-first order. */
    static void canonical(int[] len, int n, int[] code) {
        int[] blCount = new int[MAX_BITS + 2];
        for (int i = 0; i < n; i++) {
            blCount[len[i]]++;
        }
        blCount[0] = 0;
        int[] nextCode = new int[MAX_BITS + 2];
        int c = 0;
        for (int bits = 1; bits <= MAX_BITS; bits++) {
            c = (c + blCount[bits - 1]) << 1;
            nextCode[bits] = c;
        }
        for (int i = 0; i < n; i++) {
            int l = len[i];
            if (l != 0) {
                code[i] = Integer.reverse(nextCode[l]++) >>> (32 - l);
            }
        }
    }

    /**
     * Huffman-codes {@code text[from, to)} as literals: the hot loop, with the bit buffer in
     * locals and the output grown once (a literal code is at most 15 bits, under 2 bytes).
     */
    private void literals(byte[] text, int from, int to) {
        ensureOut(2 * (to - from) + 16);
        byte[] o = out;
        int n = outLen;
        long bb = bitBuf;
        int bc = bitCount;
        int[] code = litCode, len = litLen;
        for (int i = from; i < to; i++) {
            int b = text[i] & 255;
            bb |= (long) code[b] << bc;
            bc += len[b];
            if (bc >= 32) {
                o[n] = (byte) bb;
                o[n + 1] = (byte) (bb >>> 8);
                o[n + 2] = (byte) (bb >>> 16);
                o[n + 3] = (byte) (bb >>> 24);
                n += 4;
                bb >>>= 32;
                bc -= 32;
            }
        }
        outLen = n;
        bitBuf = bb;
        bitCount = bc;
    }

    private void bits(int value, int count) {
        bitBuf |= (long) value << bitCount;
        bitCount += count;
        if (bitCount >= 32) {
            if (outLen + 4 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[outLen] = (byte) bitBuf;
            out[outLen + 1] = (byte) (bitBuf >>> 8);
            out[outLen + 2] = (byte) (bitBuf >>> 16);
            out[outLen + 3] = (byte) (bitBuf >>> 24);
            outLen += 4;
            bitBuf >>>= 32;
            bitCount -= 32;
        }
    }

    private void ensureOut(int extra) {
        if (outLen + extra + 8 > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outLen + extra + 8));
        }
    }
}
