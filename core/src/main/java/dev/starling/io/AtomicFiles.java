package dev.starling.io;

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
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
        Thread cleanup = new Thread(() -> deleteQuietly(tmp));
        boolean hooked = addHook(cleanup);
        try {
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
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        } finally {
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway and removes the temporary file
                }
            }
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

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover ".part" file is harmless and never mistaken for output
        }
    }
}
