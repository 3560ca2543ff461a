package dev.starling.cache;

import dev.starling.base.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A content-addressed store of byte payloads in one folder (by convention {@code .starling-cache/}
 * beside a plan). An entry's name is the SHA-256 of its key, which callers build from every
 * input of the computation and the {@link CodeVersion}; its file holds a magic line, the key
 * hash, the payload's SHA-256 and the payload. A read checks all three and returns null on any
 * mismatch (a truncated, corrupt, renamed or foreign file), so an entry is never trusted beyond
 * its hashes; callers re-prove what they can (assignments re-check their certificate).
 *
 * <p>By convention a plan writes its entries only once it succeeded ({@link PlanCache#commit()}),
 * so a refused or interrupted plan leaves nothing new behind. Writes are atomic (temporary file, then rename), so a run cut off half-way leaves no partial
 * entry, and two runs writing the same key write the same bytes. The store never deletes
 * anything; remove the folder to reclaim space.
 */
public final class ContentCache {
    /** First bytes of every entry (format version 1). */
    static final byte[] MAGIC = "starling-cache/1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH = 32;

    private final Path dir;
    private int hits;
    private int misses;

    /** A store in {@code dir} (created on the first write). */
    public ContentCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The cache folder beside a plan's output folder: {@code .starling-cache} in the folder that
     * holds {@code outDir} (so {@code out/a} and {@code out/b} share {@code out/.starling-cache},
     * and the output folder holds only the plan's own files), or in {@code outDir} itself when it
     * has no parent.
     */
    public static ContentCache beside(Path outDir) {
        Path abs = outDir.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        return new ContentCache((parent == null ? abs : parent).resolve(".starling-cache"));
    }

    public Path dir() {
        return dir;
    }

    /** Entries found and valid so far. */
    public synchronized int hits() {
        return hits;
    }

    /** Lookups that found nothing usable so far. */
    public synchronized int misses() {
        return misses;
    }

    /** The payload stored under {@code key}, or null when absent or failing any hash check. */
    public byte[] get(Key key) {
        Path f = file(key);
        byte[] all;
        try {
            all = Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
        } catch (IOException e) {
            all = null; // unreadable: recompute, never fail the plan over the cache
        }
        byte[] payload = all == null ? null : unwrap(all, key.hash);
        synchronized (this) {
            if (payload == null) {
                misses++;
            } else {
                hits++;
            }
        }
        return payload;
    }

    /** Stores {@code payload} under {@code key}, atomically. */
    public void put(Key key, byte[] payload) {
        byte[] ph = sha256(payload);
        byte[] all = new byte[MAGIC.length + 2 * HASH + payload.length];
        System.arraycopy(MAGIC, 0, all, 0, MAGIC.length);
        System.arraycopy(key.hash, 0, all, MAGIC.length, HASH);
        System.arraycopy(ph, 0, all, MAGIC.length + HASH, HASH);
        System.arraycopy(payload, 0, all, MAGIC.length + 2 * HASH, payload.length);
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(file(key), all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan cache " + dir
                    + " (delete it, or plan with --no-cache)", e);
        }
    }

    private static byte[] unwrap(byte[] all, byte[] keyHash) {
        int head = MAGIC.length + 2 * HASH;
        if (all.length < head || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || !Arrays.equals(all, MAGIC.length, MAGIC.length + HASH, keyHash, 0, HASH)) {
            return null;
        }
        byte[] payload = Arrays.copyOfRange(all, head, all.length);
        if (!Arrays.equals(sha256(payload), 0, HASH, all, MAGIC.length + HASH, head)) {
            return null;
        }
        return payload;
    }

    Path file(Key key) {
        String hex = HexFormat.of().formatHex(key.hash);
        return dir.resolve(key.kind + "-" + hex.substring(0, 40) + ".bin");
    }

    static byte[] sha256(byte[] b) {
        return digest().digest(b);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * A cache key: an entry kind (a short lower-case word, part of the file name) and the SHA-256
     * of everything the computation read. Build it with {@link Builder}.
     */
    public static final class Key {
        final String kind;
        final byte[] hash;

        private Key(String kind, byte[] hash) {
            this.kind = kind;
            this.hash = hash;
        }

        /** A key of {@code kind} over the code version and then whatever is added. */
        public static Builder of(String kind) {
            if (!kind.matches("[a-z]{1,16}")) {
                throw new IllegalArgumentException("kind must be a short lower-case word, was " + kind);
            }
            return new Builder(kind);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && kind.equals(k.kind) && Arrays.equals(hash, k.hash);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return kind + ":" + HexFormat.of().formatHex(hash);
        }
    }

    /** Feeds the inputs of a computation into a key, each tagged with its type and length. */
    public static final class Builder {
        private final String kind;
        private final MessageDigest md = digest();
        private final byte[] buf = new byte[8];

        private Builder(String kind) {
            this.kind = kind;
            add(kind);
            add(CodeVersion.hash());
        }

        public Builder add(String s) {
            return add('s', s.getBytes(StandardCharsets.UTF_8));
        }

        public Builder add(byte[] b) {
            return add('b', b);
        }

        private Builder add(char tag, byte[] b) {
            md.update((byte) tag);
            addLong(b.length);
            md.update(b);
            return this;
        }

        public Builder add(long v) {
            md.update((byte) 'l');
            addLong(v);
            return this;
        }

        /** The exact bits of v (so −0.0 and 0.0 differ, as they may in the result). */
        public Builder add(double v) {
            md.update((byte) 'd');
            addLong(Double.doubleToRawLongBits(v));
            return this;
        }

        public Builder add(double[] a) {
            md.update((byte) 'D');
            addLong(a.length);
            for (double v : a) {
                addLong(Double.doubleToRawLongBits(v));
            }
            return this;
        }

        private void addLong(long v) {
            for (int i = 0; i < 8; i++) {
                buf[i] = (byte) (v >>> (56 - 8 * i));
            }
            md.update(buf);
        }

        public Key build() {
            return new Key(kind, md.digest());
        }
    }
}
