package dev.starling.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.starling.assign.Assigner;
import dev.starling.assign.Assignment;
import dev.starling.formation.ShowTargets;
import dev.starling.formation.Targets;
import dev.starling.plan.Assignments;
import dev.starling.show.Show;
import dev.starling.site.Viewpoint;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * The planner's reusable results, in a {@link ContentCache}: each scene's sampled targets and
 * each transition's assignment.
 *
 * <p><b>Keys.</b> A scene's targets are keyed by the {@link CodeVersion}, the show file's JSON
 * without its {@code scenes} (canonical: object members sorted, so formatting and member order do
 * not matter), the scene's own JSON, the bytes of every file its JSON names (formation files,
 * fonts: any string that resolves to a file under the show's folder or an extra asset folder) and
 * the site's viewpoints. Fields added to scenes later (motion keys, parts) are part of the key
 * without any change here. An assignment is keyed by its two point sets, exactly (the start
 * points in the canonical order of {@link Assignments}).
 *
 * <p><b>Writes.</b> Fresh results are held until {@link #commit()}, which the plan command calls
 * once a plan was written: bad input or an unsafe show adds nothing to the store.
 *
 * <p><b>Trust.</b> An entry passes the store's hash checks or is ignored; an assignment's
 * certificate is then checked again on the points ({@link Assigner#recheck}), so a stale or
 * foreign entry can cost time, never a wrong plan. A plan made with the cache is byte-identical
 * to a cold one.
 */
public final class PlanCache {
    private final ContentCache store;
    /** Assignments proven earlier by the same command, or null. */
    private final Proven proven;
    private final byte[] showPart;
    private final List<byte[]> scenePart;
    private final int[] sceneHits;
    private final List<String> sampled = new ArrayList<>();
    /** Fresh results, written by {@link #commit()}: keys and payloads in the order computed. */
    private final java.util.LinkedHashMap<ContentCache.Key, byte[]> pending = new java.util.LinkedHashMap<>();
    private int assignHits;
    private int assignMisses;

    private PlanCache(ContentCache store, byte[] showPart, List<byte[]> scenePart, Proven proven) {
        this.store = store;
        this.proven = proven;
        this.showPart = showPart;
        this.scenePart = scenePart;
        this.sceneHits = new int[2];
    }

    /**
     * A cache for planning {@code showFile} (already loaded as a valid show), stored in
     * {@code store}; {@code assetRoots} are the folders besides the show's own that assets may
     * come from.
     */
    public static PlanCache open(ContentCache store, Path showFile, List<Path> assetRoots) throws IOException {
        return open(store, showFile, assetRoots, null);
    }

    /**
     * As {@link #open(ContentCache, Path, List)}, also answering assignments from {@code proven}
     * (null: none), which this cache's plan adds to.
     */
    public static PlanCache open(ContentCache store, Path showFile, List<Path> assetRoots, Proven proven)
            throws IOException {
        JsonNode tree = new ObjectMapper().readTree(showFile.toFile());
        if (!(tree instanceof ObjectNode root) || !tree.path("scenes").isArray()) {
            throw new IllegalArgumentException(showFile + " is not a show object with scenes (load it first)");
        }
        List<Path> roots = roots(showFile, assetRoots);
        List<byte[]> scenes = new ArrayList<>();
        for (JsonNode scene : root.get("scenes")) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(canonical(scene).getBytes(StandardCharsets.UTF_8));
            for (Named n : named(scene, roots)) {
                byte[] bytes = Files.readAllBytes(n.file());
                b.writeBytes(("\nfile " + n.written() + " " + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
                b.writeBytes(bytes);
            }
            scenes.add(b.toByteArray());
        }
        ObjectNode rest = root.deepCopy();
        rest.remove("scenes");
        return new PlanCache(store, canonical(rest).getBytes(StandardCharsets.UTF_8), scenes, proven);
    }

    public ContentCache store() {
        return store;
    }

    /**
     * Every scene's targets as {@link ShowTargets#sampleAll(Show, List)} gives them: from the
     * cache where an entry exists, sampled (in parallel, as there) and stored where not.
     */
    public List<Targets> sampleAll(Show show, List<Viewpoint> viewpoints) {
        int n = show.scenes().size();
        if (n != scenePart.size()) {
            throw new IllegalArgumentException("the show has " + n + " scenes, its file " + scenePart.size());
        }
        Targets[] out = new Targets[n];
        ContentCache.Key[] keys = new ContentCache.Key[n];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys[i] = ContentCache.Key.of("scene").add(showPart).add(scenePart.get(i))
                    .add(viewpoints.toString()).add(show.drones()).build();
            out[i] = decodeTargets(store.get(keys[i]), show.drones());
            if (out[i] == null) {
                missing.add(i);
            }
        }
        synchronized (this) {
            sceneHits[0] += n - missing.size();
            sceneHits[1] += n;
            if (missing.size() < n) {
                for (int i : missing) {
                    sampled.add("\"" + show.scenes().get(i).name() + "\"");
                }
            }
        }
        List<Targets> fresh = ShowTargets.sample(show, missing, viewpoints);
        for (int k = 0; k < missing.size(); k++) {
            int i = missing.get(k);
            out[i] = fresh.get(k);
            stage(keys[i], encode(out[i]));
        }
        return List.of(out);
    }

    /** A solver that answers from the cache, re-checking each entry's certificate, and stores fresh solves. */
    public Assignments.Solver assignments() {
        return (ax, ay, az, bx, by, bz) -> {
            ContentCache.Key key = ContentCache.Key.of("assign").add(ax).add(ay).add(az).add(bx).add(by).add(bz).build();
            Assignment a = proven == null ? null : proven.get(key);
            if (a == null) {
                a = decodeAssignment(store.get(key), ax, ay, az, bx, by, bz);
            }
            synchronized (this) {
                if (a == null) {
                    assignMisses++;
                } else {
                    assignHits++;
                }
            }
            if (a == null) {
                a = Assigner.solve(ax, ay, az, bx, by, bz);
                stage(key, encode(a));
            }
            if (proven != null) {
                proven.put(key, a);
            }
            return new Assignment(a.target().clone(), a.cost(), a.certificate());
        };
    }

    private synchronized void stage(ContentCache.Key key, byte[] payload) {
        pending.put(key, payload);
    }

    /**
     * Writes the results computed since the last commit into the store (each atomically). Call it
     * once the plan succeeded: a refused plan (bad input, unsafe) or one cut off before this
     * leaves the store as it was.
     */
    public synchronized void commit() {
        for (var e : pending.entrySet()) {
            store.put(e.getKey(), e.getValue());
        }
        pending.clear();
    }

    /**
     * What was reused, e.g. {@code cache: 7 of 8 scenes and 7 of 9 assignments reused (DIR);
     * sampled again: "AI+车"} (the scenes sampled again are named when some were reused).
     */
    public synchronized String summary() {
        return "cache: " + sceneHits[0] + " of " + sceneHits[1] + " scenes and " + assignHits + " of "
                + (assignHits + assignMisses) + " assignments reused (" + store.dir() + ")"
                + (sampled.isEmpty() ? "" : "; sampled again: " + String.join(", ", sampled));
    }

    /**
     * Assignments one command solved or proved (a certificate re-checked) lately, by key, so that
     * the plans {@code --watch} runs again after each edit take them from memory without reading
     * and proving their entries once more (the O(n²) dual check of each of a show's
     * assignments). Only the command's own plans put anything here, and a key covers its two
     * point sets exactly, so what is found was proven for those very points. A small
     * least-recently-used map; safe for several threads.
     */
    public static final class Proven {
        private final java.util.LinkedHashMap<ContentCache.Key, Assignment> map;

        /** Keeps the {@code capacity} assignments used last. */
        public Proven(int capacity) {
            map = new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<ContentCache.Key, Assignment> e) {
                    return size() > capacity;
                }
            };
        }

        synchronized Assignment get(ContentCache.Key key) {
            return map.get(key);
        }

        synchronized void put(ContentCache.Key key, Assignment a) {
            map.put(key, a);
        }
    }

    // ---------------------------------------------------------------- keys

    /** JSON text with object members sorted by name, arrays in order, no spaces. */
    static String canonical(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        canonical(n, sb);
        return sb.toString();
    }

    private static void canonical(JsonNode n, StringBuilder sb) {
        if (n.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            n.fieldNames().forEachRemaining(names::add);
            sb.append('{');
            boolean first = true;
            for (String k : names) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(new com.fasterxml.jackson.databind.node.TextNode(k)).append(':');
                canonical(n.get(k), sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                canonical(n.get(i), sb);
            }
            sb.append(']');
        } else {
            sb.append(n); // scalars as Jackson writes them: numbers keep their text
        }
    }

    /**
     * The files {@code showFile} names: every string of the show (scenes and top level) that
     * resolves to a regular file inside the show's folder or one of {@code assetRoots}, sorted;
     * {@code null} when the file is missing or not readable JSON (a half-saved edit). What
     * {@code plan --watch} watches besides the show file itself.
     */
    public static List<Path> namedFiles(Path showFile, List<Path> assetRoots) {
        JsonNode tree;
        try {
            tree = new ObjectMapper().readTree(showFile.toFile());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (tree == null) {
            return null;
        }
        TreeSet<Path> out = new TreeSet<>();
        for (Named n : named(tree, roots(showFile, assetRoots))) {
            out.add(n.file());
        }
        return List.copyOf(out);
    }

    /** A string of the show and the file it names. */
    private record Named(String written, Path file) {
    }

    /**
     * Every string in {@code node} (sorted) that resolves to a regular file inside one of
     * {@code roots} (in root order), as the loader allows assets: only files inside the asset
     * folders.
     */
    private static List<Named> named(JsonNode node, List<Path> roots) {
        List<Named> out = new ArrayList<>();
        for (String s : strings(node, new TreeSet<>())) {
            for (Path dir : roots) {
                Path f = resolve(dir, s);
                if (f != null && f.startsWith(dir) && Files.isRegularFile(f)) {
                    out.add(new Named(s, f));
                }
            }
        }
        return out;
    }

    /** The show's folder, then the extra asset folders, absolute and normalised. */
    private static List<Path> roots(Path showFile, List<Path> assetRoots) {
        List<Path> roots = new ArrayList<>();
        roots.add(showFile.toAbsolutePath().normalize().getParent());
        for (Path r : assetRoots) {
            roots.add(r.toAbsolutePath().normalize());
        }
        return roots;
    }

    /** Every string value in the tree, sorted. */
    private static TreeSet<String> strings(JsonNode n, TreeSet<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        }
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            strings(it.next(), out);
        }
        return out;
    }

    private static Path resolve(Path dir, String s) {
        if (s.isEmpty() || s.length() > 4096 || s.indexOf('\0') >= 0) {
            return null;
        }
        try {
            return dir.resolve(s).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- payloads

    static byte[] encode(Targets t) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(28 * t.size() + 16);
        try (DataOutputStream o = new DataOutputStream(b)) {
            o.writeInt(t.size());
            o.writeInt(t.litCount());
            for (double[] a : new double[][] {t.x(), t.y(), t.z()}) {
                for (double v : a) {
                    o.writeLong(Double.doubleToRawLongBits(v));
                }
            }
            for (int v : t.rgb()) {
                o.writeInt(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    static Targets decodeTargets(byte[] p, int drones) {
        if (p == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(p))) {
            int n = in.readInt(), lit = in.readInt();
            if (n != drones || p.length != 8 + 28L * n) {
                return null;
            }
            double[][] xyz = new double[3][n];
            for (double[] a : xyz) {
                for (int i = 0; i < n; i++) {
                    a[i] = Double.longBitsToDouble(in.readLong());
                }
            }
            int[] rgb = new int[n];
            for (int i = 0; i < n; i++) {
                rgb[i] = in.readInt();
            }
            return new Targets(xyz[0], xyz[1], xyz[2], rgb, lit);
        } catch (IOException | IllegalArgumentException e) {
            return null; // well-hashed but not a targets payload: ignore it
        }
    }

    static byte[] encode(Assignment a) {
        int n = a.size();
        ByteArrayOutputStream b = new ByteArrayOutputStream(20 * n + 4);
        try (DataOutputStream o = new DataOutputStream(b)) {
            o.writeInt(n);
            for (int v : a.target()) {
                o.writeInt(v);
            }
            for (long v : a.certificate().rowDuals()) {
                o.writeLong(v);
            }
            for (long v : a.certificate().columnDuals()) {
                o.writeLong(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    static Assignment decodeAssignment(byte[] p, double[] ax, double[] ay, double[] az,
                                       double[] bx, double[] by, double[] bz) {
        if (p == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(p))) {
            int n = in.readInt();
            if (n != ax.length || p.length != 4 + 20L * n) {
                return null;
            }
            int[] target = new int[n];
            long[] u = new long[n], v = new long[n];
            for (int i = 0; i < n; i++) {
                target[i] = in.readInt();
            }
            for (int i = 0; i < n; i++) {
                u[i] = in.readLong();
            }
            for (int i = 0; i < n; i++) {
                v[i] = in.readLong();
            }
            return Assigner.recheck(ax, ay, az, bx, by, bz, target, u, v);
        } catch (IOException e) {
            return null;
        }
    }
}
