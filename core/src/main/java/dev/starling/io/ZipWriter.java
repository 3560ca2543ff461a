package dev.starling.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a ZIP archive whose entries arrive already compressed, so that many entries (or many
 * chunks of one entry) can be deflated in parallel and written in a fixed order.
 * {@link java.util.zip.ZipOutputStream} cannot do that: it compresses on the calling thread.
 *
 * <p>Every entry is DEFLATE (method 8) with sizes and CRC-32 in its local header (no data
 * descriptors), a UTF-8 name and a fixed timestamp (1980-01-01 00:00), so the same input gives
 * the same bytes. ZIP64 records are added only when needed (more than 65,535 entries or an
 * archive past 4 GiB); a single entry must stay below 4 GiB.
 *
 * <p>An entry's data is a raw DEFLATE stream (no zlib header). {@link #deflate} makes one from a
 * whole buffer; a stream may also be the concatenation of {@link #deflateChunk} outputs (each
 * ends with a sync flush, so it ends on a byte boundary and leaves the stream open) followed by
 * {@link #finalBlock()} — the pigz technique, which lets one large entry use every core.
 *
 * <p>Not thread-safe: one thread adds entries; workers only call the static compressors.
 */
public final class ZipWriter implements Closeable {
    private static final long MAX32 = 0xFFFFFFFFL;
    private static final int MAX16 = 0xFFFF;
    private static final int DOS_TIME = 0;
    /** 1980-01-01: year 0 since 1980, month 1, day 1. */
    private static final int DOS_DATE = (1 << 5) | 1;
    private static final int FLAG_UTF8 = 1 << 11;
    private static final byte[] FINAL_BLOCK;

    static {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.finish();
        byte[] b = new byte[16];
        int n = d.deflate(b);
        d.end();
        FINAL_BLOCK = java.util.Arrays.copyOf(b, n);
    }

    private final OutputStream out;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final boolean forceZip64;
    private long pos;
    private boolean finished;

    private record Entry(byte[] name, long crc, long csize, long usize, long offset) {
    }

    /** A finished compressed entry body: raw DEFLATE bytes plus what the headers need. */
    public record Deflated(byte[] data, int length, long crc, long size) {
    }

    /** Writes to {@code out}, which {@link #close()} does not close. */
    public ZipWriter(OutputStream out) {
        this(out, false);
    }

    /** For tests: {@code forceZip64} writes the ZIP64 end records even for small archives. */
    ZipWriter(OutputStream out, boolean forceZip64) {
        this.out = out;
        this.forceZip64 = forceZip64;
    }

    /** Bytes written so far. */
    public long position() {
        return pos;
    }

    /** Number of entries added so far. */
    public int entryCount() {
        return entries.size();
    }

    /** Adds an entry whose body {@code d} came from {@link #deflate}. */
    public void add(String name, Deflated d) throws IOException {
        header(name, d.crc(), d.length(), d.size());
        write(d.data(), d.length());
    }

    /**
     * Adds an entry whose raw DEFLATE stream is the concatenation of {@code parts} (which must
     * end with a final block), of uncompressed length {@code size} and CRC-32 {@code crc}.
     */
    public void addParts(String name, List<byte[]> parts, long crc, long size) throws IOException {
        long csize = 0;
        for (byte[] p : parts) {
            csize += p.length;
        }
        header(name, crc, csize, size);
        for (byte[] p : parts) {
            write(p, p.length);
        }
    }

    private void header(String name, long crc, long csize, long size) throws IOException {
        if (finished) {
            throw new IllegalStateException("archive already finished");
        }
        if (!names.add(name)) {
            throw new IllegalArgumentException("duplicate ZIP entry name " + name);
        }
        if (csize >= MAX32 || size >= MAX32) {
            throw new IllegalArgumentException("ZIP entry " + name + " is 4 GiB or larger; split it");
        }
        byte[] nm = name.getBytes(StandardCharsets.UTF_8);
        long offset = pos;
        byte[] h = new byte[30 + nm.length];
        le32(h, 0, 0x04034b50);
        le16(h, 4, 20);
        le16(h, 6, FLAG_UTF8);
        le16(h, 8, 8);
        le16(h, 10, DOS_TIME);
        le16(h, 12, DOS_DATE);
        le32(h, 14, crc);
        le32(h, 18, csize);
        le32(h, 22, size);
        le16(h, 26, nm.length);
        le16(h, 28, 0);
        System.arraycopy(nm, 0, h, 30, nm.length);
        write(h, h.length);
        entries.add(new Entry(nm, crc, csize, size, offset));
    }

    /** Writes the central directory (and ZIP64 end records when needed). Idempotent. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        long cdStart = pos;
        for (Entry e : entries) {
            boolean z64 = e.offset >= MAX32;
            int extra = z64 ? 12 : 0;
            byte[] h = new byte[46 + e.name.length + extra];
            le32(h, 0, 0x02014b50);
            le16(h, 4, z64 ? 45 : 20);
            le16(h, 6, z64 ? 45 : 20);
            le16(h, 8, FLAG_UTF8);
            le16(h, 10, 8);
            le16(h, 12, DOS_TIME);
            le16(h, 14, DOS_DATE);
            le32(h, 16, e.crc);
            le32(h, 20, e.csize);
            le32(h, 24, e.usize);
            le16(h, 28, e.name.length);
            le16(h, 30, extra);
            le16(h, 32, 0);
            le16(h, 34, 0);
            le16(h, 36, 0);
            le32(h, 38, 0);
            le32(h, 42, z64 ? MAX32 : e.offset);
            System.arraycopy(e.name, 0, h, 46, e.name.length);
            if (z64) {
                int x = 46 + e.name.length;
                le16(h, x, 0x0001);
                le16(h, x + 2, 8);
                le64(h, x + 4, e.offset);
            }
            write(h, h.length);
        }
        long cdSize = pos - cdStart;
        int n = entries.size();
        boolean zip64 = forceZip64 || n > MAX16 || cdStart >= MAX32 || cdSize >= MAX32;
        if (zip64) {
            long recStart = pos;
            byte[] r = new byte[56 + 20];
            le32(r, 0, 0x06064b50);
            le64(r, 4, 44);
            le16(r, 12, 45);
            le16(r, 14, 45);
            le32(r, 16, 0);
            le32(r, 20, 0);
            le64(r, 24, n);
            le64(r, 32, n);
            le64(r, 40, cdSize);
            le64(r, 48, cdStart);
            le32(r, 56, 0x07064b50);
            le32(r, 60, 0);
            le64(r, 64, recStart);
            le32(r, 72, 1);
            write(r, r.length);
        }
        byte[] end = new byte[22];
        le32(end, 0, 0x06054b50);
        le16(end, 4, 0);
        le16(end, 6, 0);
        le16(end, 8, zip64 ? MAX16 : n);
        le16(end, 10, zip64 ? MAX16 : n);
        le32(end, 12, zip64 ? MAX32 : cdSize);
        le32(end, 16, zip64 ? MAX32 : cdStart);
        le16(end, 20, 0);
        write(end, end.length);
        out.flush();
    }

    /** Finishes the archive; the underlying stream stays open. */
    @Override
    public void close() throws IOException {
        finish();
    }

    /**
     * Compresses {@code in[off..off+len)} into a complete raw DEFLATE stream at {@code level}
     * (0–9) and computes its CRC-32. Safe to call from any thread.
     */
    public static Deflated deflate(byte[] in, int off, int len, int level) {
        Deflater d = new Deflater(level, true);
        try {
            return deflate(d, in, off, len);
        } finally {
            d.end();
        }
    }

    /**
     * Compresses {@code in[off..off+len)} into a complete raw DEFLATE stream with {@code d} (a raw,
     * {@code nowrap} deflater, reset first, so one per thread can be reused) and computes its
     * CRC-32.
     */
    public static Deflated deflate(Deflater d, byte[] in, int off, int len) {
        d.reset();
        d.setInput(in, off, len);
        d.finish();
        byte[] out = new byte[Math.max(64, len / 3 + 64)];
        int n = 0;
        while (!d.finished()) {
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            n += d.deflate(out, n, out.length - n);
        }
        CRC32 crc = new CRC32();
        crc.update(in, off, len);
        return new Deflated(out, n, crc.getValue(), len);
    }

    /**
     * Compresses one chunk of a larger entry: raw DEFLATE blocks ending with a sync flush (not
     * final). Concatenate the chunks in order and end with {@link #finalBlock()}. Safe to call
     * from any thread.
     */
    public static byte[] deflateChunk(byte[] in, int off, int len, int level) {
        Deflater d = new Deflater(level, true);
        try {
            d.setInput(in, off, len);
            byte[] out = new byte[Math.max(64, len / 3 + 64)];
            int n = 0;
            while (true) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                int avail = out.length - n;
                int k = d.deflate(out, n, avail, Deflater.SYNC_FLUSH);
                n += k;
                // the flush is complete once it no longer fills the space it was given
                if (k < avail) {
                    break;
                }
            }
            return java.util.Arrays.copyOf(out, n);
        } finally {
            d.end();
        }
    }

    /** The final (empty) DEFLATE block that ends a stream built from {@link #deflateChunk}s. */
    public static byte[] finalBlock() {
        return FINAL_BLOCK.clone();
    }

    private void write(byte[] b, int n) throws IOException {
        out.write(b, 0, n);
        pos += n;
    }

    private static void le16(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
    }

    private static void le32(byte[] b, int i, long v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) (v >>> 16);
        b[i + 3] = (byte) (v >>> 24);
    }

    private static void le64(byte[] b, int i, long v) {
        le32(b, i, v);
        le32(b, i + 4, v >>> 32);
    }
}
