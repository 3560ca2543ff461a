package dev.starling.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files {@code plan --watch} looks at, by polling: the show file, every file under its folder
 * (hidden folders, build folders and the output folder left out), the extra asset folders and the
 * site file. A snapshot is each file's size and modification time; two snapshots differ when a
 * file was added, removed or rewritten. Polling works the same on every file system (network
 * mounts and editors that replace files included), which a watch service does not.
 */
final class FileWatch {
    /** Most files watched under one folder; a show folder beyond it is watched only in part. */
    static final int MAX_FILES = 20_000;

    private final Path showFile;
    private final List<Path> dirs = new ArrayList<>();
    private final Path siteFile;
    private final Path outDir;

    FileWatch(Path showFile, List<Path> assetsFrom, Path siteFile, Path outDir) {
        this.showFile = showFile.toAbsolutePath().normalize();
        dirs.add(this.showFile.getParent());
        for (Path d : assetsFrom) {
            dirs.add(d.toAbsolutePath().normalize());
        }
        this.siteFile = siteFile == null ? null : siteFile.toAbsolutePath().normalize();
        this.outDir = outDir.toAbsolutePath().normalize();
    }

    /** Size and modification time of a file. */
    record Stamp(long size, long modifiedNanos) {
    }

    SortedMap<String, Stamp> snapshot() {
        SortedMap<String, Stamp> out = new TreeMap<>();
        stamp(showFile, out);
        if (siteFile != null) {
            stamp(siteFile, out);
        }
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            int[] count = {0};
            try {
                Files.walkFileTree(d, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        if (!dir.equals(d) && (name.startsWith(".") || name.equals("target") || dir.equals(outDir))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                        if (a.isRegularFile() && !f.getFileName().toString().startsWith(".")) {
                            out.put(f.toString(), new Stamp(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
                        }
                        return ++count[0] >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path f, IOException e) {
                        return FileVisitResult.CONTINUE; // vanished between listing and reading: the next look sees it
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static void stamp(Path f, SortedMap<String, Stamp> out) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            out.put(f.toString(), new Stamp(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)));
        } catch (IOException e) {
            // missing: absent from the snapshot, so its return is a change
        }
    }

    /** What differs: "…/show.json (modified), …/assets/new.svg (added)", in path order. */
    static String describe(SortedMap<String, Stamp> before, SortedMap<String, Stamp> after) {
        List<String> parts = new ArrayList<>();
        for (var e : after.entrySet()) {
            Stamp b = before.get(e.getKey());
            if (b == null) {
                parts.add(e.getKey() + " (added)");
            } else if (!b.equals(e.getValue())) {
                parts.add(e.getKey() + " (modified)");
            }
        }
        for (String k : before.keySet()) {
            if (!after.containsKey(k)) {
                parts.add(k + " (removed)");
            }
        }
        return String.join(", ", parts);
    }
}
