package dev.starling.cli;

import dev.starling.cache.PlanCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files {@code plan --watch} looks at, by polling: the show file, the site file, and every
 * file the show names (formation files, fonts, music, light-effect pictures and keyframes:
 * {@link PlanCache#namedFiles}), looked up again at each poll so that a file named by an edit is
 * watched from then on. Other files in the show's folder (logs, renders, the output) are not
 * watched: writing them never starts a re-plan. A snapshot is each file's size and modification
 * time; two snapshots differ when a file was added, removed or rewritten. Polling works the same
 * on every file system (network mounts and editors that replace files included), which a watch
 * service does not.
 */
final class FileWatch {
    private final Path showFile;
    private final List<Path> assetsFrom;
    private final Path siteFile;
    /** The files named by the last readable version of the show (a half-saved edit keeps them). */
    private List<Path> named = List.of();

    FileWatch(Path showFile, List<Path> assetsFrom, Path siteFile) {
        this.showFile = showFile.toAbsolutePath().normalize();
        this.assetsFrom = List.copyOf(assetsFrom);
        this.siteFile = siteFile == null ? null : siteFile.toAbsolutePath().normalize();
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
        List<Path> now = PlanCache.namedFiles(showFile, assetsFrom);
        if (now != null) {
            named = now;
        }
        for (Path f : named) {
            stamp(f, out);
        }
        return out;
    }

    /**
     * Waits until the files differ from {@code seen} and two looks {@code pollMillis} apart agree
     * (an editor has finished its save), and returns that settled snapshot.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    SortedMap<String, Stamp> nextChange(SortedMap<String, Stamp> seen, long pollMillis) throws InterruptedException {
        SortedMap<String, Stamp> now = snapshot();
        while (now.equals(seen)) {
            Thread.sleep(pollMillis);
            now = snapshot();
        }
        while (true) {
            Thread.sleep(pollMillis);
            SortedMap<String, Stamp> settled = snapshot();
            if (settled.equals(now)) {
                return settled;
            }
            now = settled;
        }
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
