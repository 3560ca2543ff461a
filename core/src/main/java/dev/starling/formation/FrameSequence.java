package dev.starling.formation;

import dev.starling.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An animation drawn frame by frame: every drone's position (and colour) at every frame, in
 * show-frame axes relative to the placement centre (metres, x right, y away from the audience,
 * z up), {@code fps} frames per second. Drone k is the k-th id of the first frame, and keeps
 * that identity through every frame. Positions are stored as floats (10 µm at 100 m).
 *
 * <p>Read from a CSV frame sequence ({@link #readCsv}, what a Blender export script writes):
 * {@code frame,id,x,y,z[,r,g,b]}, one row per drone per frame, frames consecutive and in order,
 * each frame listing every id of the first frame exactly once. Or built from a glTF animation
 * ({@link GltfFrames}).
 *
 * @param ids    the drones' ids, in the first frame's order
 * @param fps    frames per second
 * @param x      x[f · ids.length + k] is drone k's x at frame f (likewise y, z)
 * @param rgb    0xRRGGBB per frame and drone as x, or null when the file gives no colours
 * @param source the file, for errors
 */
public record FrameSequence(String[] ids, double fps, float[] x, float[] y, float[] z, int[] rgb, String source) {
    /** Most positions (frames × drones) read: 5 million take 60 MB as floats. */
    public static final long MAX_SAMPLES = 5_000_000L;
    /** Largest frame-sequence file read, bytes. */
    public static final long MAX_BYTES = 256L << 20;

    /** Number of frames. */
    public int frames() {
        return x.length / ids.length;
    }

    /** Seconds from the first frame to the last. */
    public double duration() {
        return (frames() - 1) / fps;
    }

    private static final Map<String, FrameSequence> CACHE = new ConcurrentHashMap<>();

    /**
     * Reads a CSV frame sequence ({@code frame,id,x,y,z[,r,g,b]}), at {@code fps}; cached by path,
     * size and modification time (a show's sampling and planning read it several times).
     *
     * @throws InputException (path {@code file}, relative to the formation) naming the line, the
     *         frame and the id of a missing, duplicated or extra id, a value that is not a finite
     *         number, a colour out of 0–255, or frames out of order
     */
    public static FrameSequence readCsv(Path file, String label, double fps) {
        String key;
        try {
            FileTime t = Files.getLastModifiedTime(file);
            key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + t.toMillis() + "|" + fps;
        } catch (IOException e) {
            throw new InputException(null, "file", label + ": cannot be read: " + e.getMessage(), "check the path");
        }
        FrameSequence cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        FrameSequence f = parseCsv(file, label, fps);
        if (CACHE.size() > 8) {
            CACHE.clear();
        }
        CACHE.put(key, f);
        return f;
    }

    /**
     * The size of an animation file, refused (with {@code hint}) when it cannot be read or is
     * larger than {@code max} bytes: checked before anything of it is read.
     */
    static long checkedSize(Path file, String label, long max, String hint) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InputException(null, "file", label + ": cannot be read: " + e.getMessage(), "check the path");
        }
        if (size > max) {
            throw new InputException(null, "file", label + " is " + size + " bytes, more than the " + max + " read",
                    hint);
        }
        return size;
    }

    private static FrameSequence parseCsv(Path file, String label, double fps) {
        checkedSize(file, label, MAX_BYTES, "export fewer frames (a lower frame rate) or fewer drones");
        List<String> ids = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        FloatList xs = new FloatList(), ys = new FloatList(), zs = new FloatList();
        IntList cs = new IntList();
        Boolean colours = null;
        long frame = Long.MIN_VALUE;
        int[] seenAt = null; // per id, the line it appeared on in the current frame (0: not yet); after the first frame
        int seen = 0;
        int rowBase = 0; // where the current frame's block starts (frames after the first)
        boolean first = true;
        boolean header = true;
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String[] f = s.split(",", -1);
                if (header) {
                    header = false;
                    if (f[0].strip().equalsIgnoreCase("frame")) {
                        continue;
                    }
                }
                String at = label + " line " + lineNo;
                if (f.length != 5 && f.length != 8) {
                    throw new InputException(null, "file", at + ": " + f.length + " fields; a row is frame,id,x,y,z "
                            + "or frame,id,x,y,z,r,g,b", "write one row per drone per frame");
                }
                long fr;
                try {
                    fr = Long.parseLong(f[0].strip());
                } catch (NumberFormatException e) {
                    throw new InputException(null, "file", at + ": frame \"" + f[0].strip() + "\" is not a whole number",
                            "frames are numbered 0, 1, 2, ... (or from any first number)");
                }
                String id = f[1].strip();
                if (id.isEmpty()) {
                    throw new InputException(null, "file", at + ", frame " + fr + ": the id is empty",
                            "give every drone an id, e.g. its object's name in Blender");
                }
                boolean withColour = f.length == 8;
                if (colours == null) {
                    colours = withColour;
                } else if (colours != withColour) {
                    throw new InputException(null, "file", at + ", frame " + fr + ", id " + id + ": "
                            + (withColour ? "has a colour where earlier rows have none" : "has no colour where earlier rows have one"),
                            "give r,g,b on every row or on none");
                }
                if (fr != frame) {
                    if (frame != Long.MIN_VALUE) {
                        endFrame(label, frame, ids, seenAt, seen, first);
                        if (fr != frame + 1) {
                            throw new InputException(null, "file", at + ": frame " + fr + " follows frame " + frame,
                                    "frames are consecutive and in order: " + (frame + 1) + " should come next");
                        }
                        if (first) {
                            first = false;
                            seenAt = new int[ids.size()];
                        } else {
                            Arrays.fill(seenAt, 0);
                        }
                        rowBase = xs.size;
                        long samples = (long) rowBase + ids.size();
                        if (samples > MAX_SAMPLES) {
                            throw new InputException(null, "file", label + ": more than " + MAX_SAMPLES
                                    + " positions (frames × drones)", "export fewer frames (a lower frame rate) or fewer drones");
                        }
                        xs.grow(rowBase + ids.size());
                        ys.grow(rowBase + ids.size());
                        zs.grow(rowBase + ids.size());
                        cs.grow(rowBase + ids.size());
                    }
                    frame = fr;
                    seen = 0;
                }
                int k;
                if (first) {
                    Integer twin = index.putIfAbsent(id, ids.size());
                    if (twin != null) {
                        throw new InputException(null, "file", at + ", frame " + fr + ": id " + id + " appears twice",
                                "each drone has one row per frame; rename one of them");
                    }
                    if (ids.size() >= 100_000) {
                        throw new InputException(null, "file", label + ": more than 100000 ids in frame " + fr,
                                "a show flies at most 100000 drones");
                    }
                    k = ids.size();
                    ids.add(id);
                } else {
                    Integer known = index.get(id);
                    if (known == null) {
                        throw new InputException(null, "file", at + ", frame " + fr + ": id " + id
                                + " is not in the first frame", "every frame lists the same drones; add " + id
                                + " to the first frame or delete its rows");
                    }
                    k = known;
                    if (seenAt[k] != 0) {
                        throw new InputException(null, "file", at + ", frame " + fr + ": id " + id
                                + " appears twice (also on line " + seenAt[k] + ")", "each drone has one row per frame");
                    }
                    seenAt[k] = lineNo;
                }
                seen++;
                float[] p = new float[3];
                for (int a = 0; a < 3; a++) {
                    String v = f[2 + a].strip();
                    double d;
                    try {
                        d = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        d = Double.NaN;
                    }
                    if (!Double.isFinite(d) || Math.abs(d) > 1e6) {
                        throw new InputException(null, "file", at + ", frame " + fr + ", id " + id + ": "
                                + "xyz".charAt(a) + " = \"" + v + "\" is not a finite number of metres",
                                "write a number, e.g. 12.5 (metres from the placement centre)");
                    }
                    p[a] = (float) d;
                }
                int rgb = 0;
                if (withColour) {
                    for (int a = 0; a < 3; a++) {
                        String v = f[5 + a].strip();
                        int c;
                        try {
                            c = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            c = -1;
                        }
                        if (c < 0 || c > 255) {
                            throw new InputException(null, "file", at + ", frame " + fr + ", id " + id + ": "
                                    + "rgb".charAt(a) + " = \"" + v + "\" is not a whole number from 0 to 255",
                                    "write colour channels as 0–255");
                        }
                        rgb = (rgb << 8) | c;
                    }
                }
                int slot = first ? xs.size : rowBase + k;
                if (first) {
                    xs.grow(slot + 1);
                    ys.grow(slot + 1);
                    zs.grow(slot + 1);
                    cs.grow(slot + 1);
                }
                xs.data[slot] = p[0];
                ys.data[slot] = p[1];
                zs.data[slot] = p[2];
                cs.data[slot] = rgb;
            }
        } catch (IOException e) {
            throw new InputException(null, "file", label + ": cannot be read: " + e.getMessage(), "check the file");
        }
        if (ids.isEmpty()) {
            throw new InputException(null, "file", label + " has no rows", "write frame,id,x,y,z rows, one per drone per frame");
        }
        endFrame(label, frame, ids, seenAt, seen, first);
        int n = ids.size();
        int frames = xs.size / n;
        if (frames < 2) {
            throw new InputException(null, "file", label + " has one frame: nothing moves",
                    "use a formation of type points for a still point set, or export the animation's frames");
        }
        return new FrameSequence(ids.toArray(new String[0]), fps, Arrays.copyOf(xs.data, xs.size),
                Arrays.copyOf(ys.data, ys.size), Arrays.copyOf(zs.data, zs.size),
                Boolean.TRUE.equals(colours) ? Arrays.copyOf(cs.data, cs.size) : null, label);
    }

    /** At the end of a frame: every id of the first frame was there. */
    private static void endFrame(String label, long frame, List<String> ids, int[] seenAt, int seen, boolean first) {
        if (first || seen == ids.size()) {
            return;
        }
        for (int k = 0; k < ids.size(); k++) {
            if (seenAt[k] == 0) {
                throw new InputException(null, "file", label + ", frame " + frame + ": id " + ids.get(k) + " is missing",
                        "every frame lists every drone of the first frame once (" + ids.size() + " ids, this frame has "
                                + seen + ")");
            }
        }
    }

    /** A growable float array; {@link #grow} sets the size. */
    private static final class FloatList {
        float[] data = new float[1024];
        int size;

        void grow(int newSize) {
            if (newSize > data.length) {
                data = Arrays.copyOf(data, Math.max(newSize, data.length * 2));
            }
            size = newSize;
        }
    }

    /** A growable int array; {@link #grow} sets the size. */
    private static final class IntList {
        int[] data = new int[1024];
        int size;

        void grow(int newSize) {
            if (newSize > data.length) {
                data = Arrays.copyOf(data, Math.max(newSize, data.length * 2));
            }
            size = newSize;
        }
    }
}
