package dev.starling.robustness;

import dev.starling.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Runs one fuzz input through a reader under a time bound and classifies the outcome: the
 * reader accepted it, or refused it with an {@link InputException} that names the file and
 * says something a person can read. Anything else (another exception, an Error, a hang) fails
 * the property with the input saved under {@code java.io.tmpdir/starling-fuzz-failures} for
 * replay.
 */
final class FuzzHarness {
    /** What a reader did with an input. */
    enum Outcome { ACCEPTED, REFUSED }

    private static ExecutorService worker = newWorker();

    private FuzzHarness() {
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code body} on the worker thread, at most {@code bound}.
     *
     * @param target       name of the fuzz target, for the saved input's file name
     * @param input        the input, saved when the outcome is a bug
     * @param fileExpected whether a refusal must name its file (readers given a path)
     */
    static synchronized Outcome run(String target, byte[] input, Duration bound, boolean fileExpected,
                                    Callable<?> body) {
        Future<?> f = worker.submit(body);
        try {
            f.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.ACCEPTED;
        } catch (TimeoutException e) {
            f.cancel(true);
            // the stuck thread may ignore the interrupt: give later inputs a fresh one
            worker.shutdownNow();
            worker = newWorker();
            throw bug(target, input, "no answer within " + bound.toSeconds() + " s (a hang)", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof InputException ie) {
                String text = ie.describe();
                if (fileExpected && ie.file() == null) {
                    throw bug(target, input, "refusal without the file's name: " + text, ie);
                }
                if (text.contains("Exception") || text.contains("\tat ")) {
                    throw bug(target, input, "refusal shows internals to the user: " + text, ie);
                }
                return Outcome.REFUSED;
            }
            throw bug(target, input, "neither accepted nor refused with an InputException: " + c, c);
        }
    }

    private static AssertionError bug(String target, byte[] input, String what, Throwable cause) {
        String saved;
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "starling-fuzz-failures");
            Files.createDirectories(dir);
            Path p = Files.createTempFile(dir, target + "-", ".bin");
            Files.write(p, input);
            saved = p.toString();
        } catch (IOException e) {
            saved = "(could not save: " + e.getMessage() + ")";
        }
        return new AssertionError(target + ": " + what + "; input (" + input.length + " bytes) saved as " + saved, cause);
    }

    /** The entries of a ZIP held in memory, in archive order. */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                m.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** A ZIP of the entries, deflated, in map order. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A class-path resource's bytes. */
    static byte[] resource(String name) {
        try (InputStream in = FuzzHarness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
