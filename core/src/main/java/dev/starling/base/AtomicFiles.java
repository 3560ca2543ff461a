package dev.starling.base;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in
 * the target's folder, is flushed to disk, and is renamed over the target only when complete.
 * An interrupted or failed write leaves any previous file untouched and removes the temporary.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Producer of a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @throws IOException when writing or renaming fails; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        try (Staged staged = stage(target, content)) {
            staged.commit();
        }
    }

    /**
     * A complete temporary file waiting beside its target: {@link #commit} renames it into place,
     * {@link #close} without a commit removes it (the target is then untouched). It lets a
     * command write a large file while it is still deciding whether to keep it.
     */
    public static final class Staged implements AutoCloseable {
        private final Path tmp;
        private final Path target;
        private final Thread cleanup;
        private boolean done;

        private Staged(Path tmp, Path target, Thread cleanup) {
            this.tmp = tmp;
            this.target = target;
            this.cleanup = cleanup;
        }

        /** The file this one replaces on {@link #commit}. */
        public Path target() {
            return target;
        }

        /** Renames the temporary over the target; at most once. */
        public synchronized void commit() throws IOException {
            if (done) {
                throw new IllegalStateException(target + " was already committed or discarded");
            }
            done = true;
            try {
                moveIntoPlace(tmp, target);
            } catch (IOException | RuntimeException | Error e) {
                deleteQuietly(tmp);
                throw e;
            } finally {
                removeHook(cleanup);
            }
        }

        /** Removes the temporary unless it was committed. */
        @Override
        public synchronized void close() {
            if (!done) {
                done = true;
                deleteQuietly(tmp);
                removeHook(cleanup);
            }
        }
    }

    /**
     * Writes {@code content} to a temporary file beside {@code target} and flushes it to disk,
     * leaving the target as it was until {@link Staged#commit}. A failed write removes the
     * temporary and throws; so does the end of the program before a commit.
     */
    public static Staged stage(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        // The hook is registered before the temporary exists: a Ctrl-C between the two would
        // otherwise leave the temporary behind.
        java.util.concurrent.atomic.AtomicReference<Path> pending = new java.util.concurrent.atomic.AtomicReference<>();
        Thread cleanup = new Thread(() -> {
            Path p = pending.get();
            if (p != null) {
                deleteQuietly(p);
            }
        });
        if (!addHook(cleanup)) {
            throw new IOException("not writing " + abs + ": the program is shutting down");
        }
        Path tmp = null;
        try {
            tmp = createTemporary(abs);
            pending.set(tmp);
            fill(tmp, content);
            return new Staged(tmp, abs, cleanup);
        } catch (IOException | RuntimeException | Error e) {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
            removeHook(cleanup);
            throw e;
        }
    }

    /**
     * Writes several files as one step, as far as a file system allows: every content goes to
     * its own temporary file first, and only when all are complete are they renamed into place,
     * one after another. A failure while writing leaves every target untouched and removes all
     * temporaries; only a failure between two renames (rare: same folder, same file system) can
     * leave some targets replaced and others not.
     *
     * @param targets  the files to write, all distinct
     * @param contents their producers, same order
     * @throws IOException when writing or renaming fails
     */
    public static void writeAll(java.util.List<Path> targets, java.util.List<Content> contents) throws IOException {
        if (targets.size() != contents.size()) {
            throw new IllegalArgumentException(targets.size() + " targets but " + contents.size() + " contents");
        }
        // every temporary complete before the first rename; whatever is not committed is removed
        java.util.List<Staged> staged = new java.util.ArrayList<>(targets.size());
        try {
            for (int i = 0; i < targets.size(); i++) {
                staged.add(stage(targets.get(i), contents.get(i)));
            }
            for (Staged s : staged) {
                s.commit();
            }
        } finally {
            for (Staged s : staged) {
                s.close();
            }
        }
    }

    /**
     * Creates the empty temporary file {@code .NAME.<random>.part} next to {@code abs}. Unlike
     * {@link Files#createTempFile}, which makes it readable by its owner only (0600), the file
     * gets the permissions of any newly created file (0666 less the umask), so a flight file
     * written by Starling can be read by the ground station's account like any other.
     */
    private static Path createTemporary(Path abs) throws IOException {
        java.util.concurrent.ThreadLocalRandom rnd = java.util.concurrent.ThreadLocalRandom.current();
        while (true) {
            Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toUnsignedString(rnd.nextLong()) + ".part");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another writer picked the same name: draw again
            }
        }
    }

    /** Writes {@code content} into the (existing, empty) temporary file and forces it to disk. */
    private static void fill(Path tmp, Content content) throws IOException {
        try (var ch = Files.newByteChannel(tmp, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream raw = java.nio.channels.Channels.newOutputStream(ch);
             OutputStream out = new java.io.BufferedOutputStream(raw, 1 << 16)) {
            content.writeTo(out);
            out.flush();
            if (ch instanceof java.nio.channels.FileChannel fc) {
                fc.force(true);
            }
        }
    }

    private static void moveIntoPlace(Path tmp, Path abs) throws IOException {
        try {
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes a byte array atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Refuses to write {@code output} when it is the same file as one of {@code inputs}, so a
     * command can never overwrite what it reads.
     */
    public static void requireNotAnInput(Path output, Path... inputs) throws IOException {
        Path out = output.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (in == null) {
                continue;
            }
            Path i = in.toAbsolutePath().normalize();
            boolean same = out.equals(i) || (Files.exists(out) && Files.exists(i) && Files.isSameFile(out, i));
            if (same) {
                throw new dev.starling.InputException(output.toString(),
                        "the output file is also an input of this command",
                        "choose another output path: Starling never overwrites its input");
            }
        }
    }

    private static boolean addHook(Thread t) {
        try {
            Runtime.getRuntime().addShutdownHook(t);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    /** Unregisters a cleanup hook that {@link #addHook} registered; during shutdown it stays and runs anyway. */
    private static void removeHook(Thread t) {
        try {
            Runtime.getRuntime().removeShutdownHook(t);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway and removes the temporary files
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover ".part" file is harmless and never mistaken for output
        }
    }
}
