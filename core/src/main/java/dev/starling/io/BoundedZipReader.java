package dev.starling.io;

import dev.starling.InputException;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads entries of a ZIP archive from another tool ({@code .skyc}, zipped CSV) without trusting
 * it: the number of entries, the bytes inflated in total and the inflation ratio of each entry
 * are bounded while reading (sizes in the archive's headers are never believed), so a zip bomb
 * is refused after a bounded amount of work instead of filling memory or disk.
 *
 * <p>Any defect is an {@link InputException} naming the archive. Not thread-safe.
 */
public final class BoundedZipReader implements Closeable {
    /** Most entries accepted: four files per drone of the largest fleet, plus some. */
    public static final int MAX_ENTRIES = 400_064;
    /** Most bytes inflated over all entries read: 4 GiB. */
    public static final long MAX_TOTAL_BYTES = 4L << 30;
    /**
     * Largest inflation ratio accepted per entry beyond its first {@link #RATIO_ALLOWANCE}
     * bytes. Flight data compresses 3–20×; zip bombs reach 1000× and more.
     */
    public static final long MAX_RATIO = 250;
    /** Bytes every entry may inflate to regardless of its ratio. */
    public static final long RATIO_ALLOWANCE = 1 << 20;

    private final ZipFile zip;
    private final String label;
    private long total;

    private BoundedZipReader(ZipFile zip, String label) {
        this.zip = zip;
        this.label = label;
    }

    /**
     * Opens {@code file}.
     *
     * @param hint how to fix a file that is not a ZIP archive (names the expected format)
     */
    public static BoundedZipReader open(Path file, String hint) {
        String label = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InputException(label, Files.exists(file) ? "not a regular file" : "file not found",
                    "check the path");
        }
        ZipFile z;
        try {
            z = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new InputException(label, "not a ZIP archive, or a corrupt one (" + e.getMessage() + ")", hint);
        } catch (IOException e) {
            throw new InputException(label, "cannot read the file: " + e.getMessage(), null);
        }
        if (z.size() > MAX_ENTRIES) {
            int n = z.size();
            closeQuietly(z);
            throw new InputException(label, "the archive has " + n + " entries, more than the " + MAX_ENTRIES
                    + " Starling accepts", "a flight archive holds a few files per drone; this one is not one");
        }
        return new BoundedZipReader(z, label);
    }

    /** The archive's path, for messages. */
    public String label() {
        return label;
    }

    /** Names of the file entries (not folders), sorted by their UTF-16 code units. */
    public List<String> fileNames() {
        List<String> names = new ArrayList<>();
        Enumeration<? extends ZipEntry> en = zip.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            if (!e.isDirectory()) {
                names.add(e.getName());
            }
        }
        Collections.sort(names);
        return names;
    }

    /** True when the archive holds a file entry of exactly this name. */
    public boolean contains(String name) {
        ZipEntry e = zip.getEntry(name);
        return e != null && !e.isDirectory();
    }

    /**
     * The inflated content of entry {@code name}, as a stream that fails with an
     * {@link InputException} once the entry or the whole archive exceeds its bounds.
     */
    public InputStream open(String name) {
        ZipEntry e = zip.getEntry(name);
        if (e == null || e.isDirectory()) {
            throw new InputException(label, "the archive has no entry '" + name + "'", null);
        }
        InputStream raw;
        try {
            raw = zip.getInputStream(e);
        } catch (IOException ex) {
            throw new InputException(label, "cannot read entry '" + name + "': " + ex.getMessage(), null);
        }
        long compressed = Math.max(0, e.getCompressedSize());
        long entryLimit = RATIO_ALLOWANCE + MAX_RATIO * compressed;
        return new Counting(raw, name, entryLimit);
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile z) {
        try {
            z.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close of a read-only archive loses nothing
        }
    }

    /** Counts inflated bytes and refuses to go past the entry's and the archive's bounds. */
    private final class Counting extends FilterInputStream {
        private final String name;
        private final long entryLimit;
        private long count;

        Counting(InputStream in, String name, long entryLimit) {
            super(in);
            this.name = name;
            this.entryLimit = entryLimit;
        }

        @Override
        public int read() throws IOException {
            int b = guard(() -> super.read());
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = guard(() -> super.read(buf, off, len));
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private int guard(IoCall c) {
            try {
                return c.call();
            } catch (ZipException ex) {
                throw new InputException(label, "entry '" + name + "' is corrupt: " + ex.getMessage(),
                        "the archive is damaged; copy or export it again");
            } catch (IOException ex) {
                throw new InputException(label, "cannot read entry '" + name + "': " + ex.getMessage(), null);
            }
        }

        private void add(int n) {
            count += n;
            total += n;
            if (count > entryLimit) {
                throw new InputException(label, "entry '" + name + "' inflates more than " + MAX_RATIO
                        + " times its compressed size: refused as a possible zip bomb",
                        "flight data compresses far less; re-export the file");
            }
            if (total > MAX_TOTAL_BYTES) {
                throw new InputException(label, "the archive inflates to more than " + (MAX_TOTAL_BYTES >> 30)
                        + " GiB: refused as a possible zip bomb", null);
            }
        }
    }

    @FunctionalInterface
    private interface IoCall {
        int call() throws IOException;
    }
}
