package dev.starling.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * The version of the running planner code, for cache keys: the SHA-256 of the jar it was loaded
 * from, taken over its table of contents (every entry's name, size and CRC-32, in name order; the
 * CRC of an entry changes with any change of its bytes), or, when run from a classes folder as
 * in tests, of every file under it, by path. So any rebuild that changes the code makes every
 * older cache entry unreachable. The table of contents is read without inflating anything:
 * about 5 ms for the 2 MB core jar where hashing its bytes took about 0.1 s of every plan. (A
 * version, not a seal: the cache's entries carry their own SHA-256.)
 *
 * <p>The Java runtime is part of the version too ({@link #runtime()}): text and SVG formations
 * are rasterized by Java2D, whose output differs between JDK releases (OpenJDK 17.0.15 and
 * Temurin 25.0.3 sample the flagship's 新韵重庆 and rivers.svg to different points), so an entry
 * made under one JDK would otherwise make a plan under another differ from its cold plan.
 */
public final class CodeVersion {
    private static volatile byte[] hash;

    private CodeVersion() {
    }

    /** SHA-256 of the code this class was loaded from. */
    public static byte[] hash() {
        byte[] h = hash;
        if (h == null) {
            synchronized (CodeVersion.class) {
                if (hash == null) {
                    hash = compute();
                }
                h = hash;
            }
        }
        return h.clone();
    }

    /** The Java runtime the code runs on: vendor, runtime version, OS and architecture. */
    static String runtime() {
        return System.getProperty("java.vendor") + "|" + System.getProperty("java.runtime.version") + "|"
                + System.getProperty("os.name") + "|" + System.getProperty("os.arch");
    }

    /** The version of code whose own digest is {@code code}, run on {@code runtime}. */
    static byte[] of(byte[] code, String runtime) {
        MessageDigest md = ContentCache.digest();
        md.update(code);
        md.update(runtime.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return md.digest();
    }

    /** SHA-256 of a jar's table of contents: every entry's name, size and CRC-32, in name order. */
    static byte[] ofJar(Path jarFile) throws IOException {
        MessageDigest md = ContentCache.digest();
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(jarFile.toFile())) {
            List<? extends java.util.zip.ZipEntry> entries = jar.stream()
                    .sorted(java.util.Comparator.comparing(java.util.zip.ZipEntry::getName)).toList();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
            for (java.util.zip.ZipEntry e : entries) {
                md.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                b.clear();
                b.putLong(e.getSize()).putLong(e.getCrc());
                md.update(b.array());
            }
        }
        return md.digest();
    }

    private static byte[] compute() {
        CodeSource src = CodeVersion.class.getProtectionDomain().getCodeSource();
        MessageDigest md = ContentCache.digest();
        try {
            Path p = src == null ? null : Path.of(src.getLocation().toURI());
            if (p == null) {
                throw new IllegalStateException("the planner's code location is unknown: cannot key the cache");
            }
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(p)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    md.update(p.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(f));
                }
            } else {
                md.update(ofJar(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return of(md.digest(), runtime());
    }
}
