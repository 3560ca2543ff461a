package dev.starling.base;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writeReplacesTheTargetAndLeavesNoTemporary() throws IOException {
        Path f = dir.resolve("plan.json");
        Files.write(f, utf8("old"));
        AtomicFiles.write(f, utf8("new"));
        assertArrayEquals(utf8("new"), Files.readAllBytes(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesTheTemporary() throws IOException {
        Path f = dir.resolve("plan.json");
        Files.write(f, utf8("old"));
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(utf8("half"));
            throw new IOException("disk full");
        }));
        assertArrayEquals(utf8("old"), Files.readAllBytes(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aStagedFileIsInvisibleUntilCommitted() throws IOException {
        Path f = dir.resolve("plan.json");
        Files.write(f, utf8("old"));
        try (AtomicFiles.Staged s = AtomicFiles.stage(f, out -> out.write(utf8("new")))) {
            // complete on disk, beside the target, but the target is still the old one
            assertArrayEquals(utf8("old"), Files.readAllBytes(f));
            assertEquals(2, files().size());
            s.commit();
            assertThrows(IllegalStateException.class, s::commit);
        }
        assertArrayEquals(utf8("new"), Files.readAllBytes(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aStagedFileClosedWithoutCommitIsRemovedAndTheTargetKept() throws IOException {
        Path kept = dir.resolve("plan.json");
        Files.write(kept, utf8("old"));
        AtomicFiles.stage(kept, out -> out.write(utf8("unsafe plan"))).close();
        assertArrayEquals(utf8("old"), Files.readAllBytes(kept));
        assertEquals(List.of(kept), files());

        Path absent = dir.resolve("other.json");
        AtomicFiles.Staged s = AtomicFiles.stage(absent, out -> out.write(utf8("x")));
        s.close();
        s.close(); // twice is harmless
        assertFalse(Files.exists(absent));
        assertEquals(List.of(kept), files());
    }

    @Test
    void aFailedStageThrowsAndLeavesNothing() throws IOException {
        Path f = dir.resolve("sub").resolve("plan.json");
        assertThrows(IOException.class, () -> AtomicFiles.stage(f, out -> {
            out.write(utf8("half"));
            throw new IOException("disk full");
        }));
        assertTrue(Files.isDirectory(f.getParent()));
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(0, s.count());
        }
    }
}
