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
 * from (or, when run from a classes folder as in tests, of every file under it, by path), so any
 * rebuild that changes the code makes every older cache entry unreachable. Computed once per
 * process (about 0.1 s for the CLI jar).
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
                md.update(Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return md.digest();
    }
}
