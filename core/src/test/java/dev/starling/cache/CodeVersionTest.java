package dev.starling.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeVersionTest {
    @TempDir
    Path dir;

    private Path jar(String name, long time, String... entries) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(o)) {
            for (int i = 0; i < entries.length; i += 2) {
                ZipEntry e = new ZipEntry(entries[i]);
                e.setTime(time);
                z.putNextEntry(e);
                z.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return p;
    }

    @Test
    void aJarsVersionFollowsItsClassesBytesNotItsTimestampsOrOrder() throws IOException {
        byte[] a = CodeVersion.ofJar(jar("a.jar", 1_000_000L, "dev/A.class", "alpha", "dev/B.class", "beta"));
        byte[] sameLater = CodeVersion.ofJar(jar("b.jar", 9_000_000_000L, "dev/B.class", "beta", "dev/A.class", "alpha"));
        byte[] oneByte = CodeVersion.ofJar(jar("c.jar", 1_000_000L, "dev/A.class", "alphb", "dev/B.class", "beta"));
        byte[] renamed = CodeVersion.ofJar(jar("d.jar", 1_000_000L, "dev/A.class", "alpha", "dev/C.class", "beta"));
        byte[] added = CodeVersion.ofJar(jar("e.jar", 1_000_000L, "dev/A.class", "alpha", "dev/B.class", "beta",
                "dev/D.class", ""));
        assertArrayEquals(a, sameLater, "a rebuild with the same classes keeps the cache");
        assertFalse(Arrays.equals(a, oneByte), "one changed byte of a class is a new version");
        assertFalse(Arrays.equals(a, renamed));
        assertFalse(Arrays.equals(a, added));
    }

    @Test
    void theJavaRuntimeIsPartOfTheVersion() throws IOException {
        byte[] code = CodeVersion.ofJar(jar("a.jar", 1_000_000L, "dev/A.class", "alpha"));
        assertFalse(Arrays.equals(CodeVersion.of(code, "Debian|17.0.15+6|Linux|amd64"),
                CodeVersion.of(code, "Eclipse Adoptium|25.0.3+9-LTS|Linux|amd64")),
                "Java2D rasterizes text differently per JDK: an entry from one JDK must not serve another");
        assertArrayEquals(CodeVersion.of(code, "x"), CodeVersion.of(code, "x"));
        assertTrue(CodeVersion.runtime().contains(System.getProperty("java.runtime.version")));
    }

    @Test
    void isOneSha256PerProcessAndCallersGetCopies() {
        byte[] a = CodeVersion.hash();
        assertEquals(32, a.length);
        a[0] ^= 1;
        assertArrayEquals(CodeVersion.hash(), CodeVersion.hash());
        assertEquals((byte) (a[0] ^ 1), CodeVersion.hash()[0]);
    }
}
