package dev.starling.show;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders a show file's assets may come from: the show file's own folder, plus any the person
 * running the command allows with {@code --assets-from DIR}. Show files are shared, so a path such
 * as {@code ../../etc/passwd} or {@code /etc/hostname} must not pull the machine's files into a
 * flight file; a path is inside a root when its real path (symbolic links followed) lies under
 * the root's real path.
 *
 * @param showFolder the show file's folder; relative asset paths resolve against it
 * @param extra      further allowed folders (may be empty)
 */
public record AssetRoots(Path showFolder, List<Path> extra) {
    /** The command-line flag that allows one more root. */
    public static final String FLAG = "--assets-from";

    public AssetRoots {
        showFolder = showFolder.toAbsolutePath().normalize();
        List<Path> e = new ArrayList<>();
        for (Path p : extra) {
            e.add(p.toAbsolutePath().normalize());
        }
        extra = List.copyOf(e);
    }

    /** Only the show file's folder. */
    public static AssetRoots of(Path showFolder) {
        return new AssetRoots(showFolder, List.of());
    }

    /** These roots plus {@code folder}. */
    public AssetRoots with(Path folder) {
        List<Path> e = new ArrayList<>(extra);
        e.add(folder);
        return new AssetRoots(showFolder, e);
    }

    /** Every allowed folder, the show's first. */
    public List<Path> all() {
        List<Path> all = new ArrayList<>(extra.size() + 1);
        all.add(showFolder);
        all.addAll(extra);
        return all;
    }

    /**
     * True when {@code file} (absolute, normalised; it need not exist) lies inside one of the roots
     * once symbolic links are followed. Touches only the file's metadata, never its content.
     */
    public boolean contains(Path file) {
        Path real = real(file);
        for (Path root : all()) {
            if (real.startsWith(real(root))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The real path of {@code p}: its deepest existing ancestor with links followed, then the rest
     * of its names as written (after normalisation, so {@code ..} cannot climb back out).
     */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            Path real = existing.toRealPath();
            return real.resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
