package dev.starling.formation;

import dev.starling.base.Numbers;
import dev.starling.base.Parallel;
import dev.starling.InputException;
import dev.starling.show.Facing;
import dev.starling.show.Limits;
import dev.starling.show.Part;
import dev.starling.show.Placement;
import dev.starling.show.Scene;
import dev.starling.show.Show;
import dev.starling.site.Viewpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Samples every scene of a show into its target points: {@link Formations#sample} per scene with
 * the spacing the CAPT guarantee needs, √2 · {@code limits.minSeparation}, so that straight-line
 * transitions between any two scenes keep every pair of drones at least {@code minSeparation}
 * apart (Turpin, Michael &amp; Kumar, IJRR 2014). Then checks that every point, lit or dark
 * reserve, lies inside the altitude band and the geofence.
 *
 * <p>Scenes are independent, so they are sampled in parallel on up to {@link #MAX_THREADS}
 * threads (each may rasterise a shape into a buffer of up to about 100 MB); the result does not
 * depend on the thread count: scene i's targets depend on scene i alone, and the first failing
 * scene in show order is the one reported.
 *
 * <p>Cost: one formation sampling per scene, about 0.1–1 s each at 5000 drones.
 */
public final class ShowTargets {
    /** √2: formations keep √2 · minSeparation, transitions then keep minSeparation (CAPT). */
    public static final double CAPT_FACTOR = Math.sqrt(2);
    /** Most scenes sampled at once: bounds the memory of concurrent rasters. */
    public static final int MAX_THREADS = 4;

    private ShowTargets() {
    }

    /**
     * Safety margin on top of the CAPT spacing: CAPT's bound Δ/√2 is tight, so formations sampled at
     * exactly √2·d_min let a transition touch d_min to the millimetre; 1% more keeps every
     * transition measurably above the limit (1.5 m → at least 1.515 m).
     */
    public static final double SPACING_MARGIN = 1.01;

    /** The spacing every formation of {@code show} is sampled with: 1.01 · √2 · minSeparation, metres. */
    public static double minSpacing(Show show) {
        return SPACING_MARGIN * CAPT_FACTOR * show.limits().minSeparation();
    }

    /**
     * Target points of every scene, in scene order; each has exactly {@code show.drones()} points.
     *
     * @throws InputException when a formation cannot be sampled (path {@code scenes[i].formation…})
     *         or leaves the altitude band or geofence (path {@code scenes[i].placement…}); the
     *         first such scene in show order is reported
     */
    public static List<Targets> sampleAll(Show show) {
        return sampleAll(show, List.of());
    }

    /**
     * As {@link #sampleAll(Show)}, each scene turned by its {@code faces} towards the site's
     * {@code viewpoints} ({@link Facing}; the first is the main audience).
     *
     * @throws InputException also when a scene's {@code faces} names no viewpoint (path
     *         {@code scenes[i].faces})
     */
    public static List<Targets> sampleAll(Show show, List<Viewpoint> viewpoints) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < show.scenes().size(); i++) {
            all.add(i);
        }
        return sample(show, all, viewpoints);
    }

    /**
     * The listed scenes, each as {@link #sample(Show, int, List)} gives it, in the order listed;
     * sampled in parallel (up to {@link #MAX_THREADS}), the first error thrown as it is.
     */
    public static List<Targets> sample(Show show, List<Integer> scenes, List<Viewpoint> viewpoints) {
        int n = scenes.size();
        int threads = Math.min(Math.min(n, MAX_THREADS), Runtime.getRuntime().availableProcessors());
        List<Targets> out = new ArrayList<>(n);
        if (threads <= 1) {
            for (int i : scenes) {
                out.add(sample(show, i, viewpoints));
            }
            return List.copyOf(out);
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            List<Future<Targets>> futures = new ArrayList<>(n);
            for (int i : scenes) {
                futures.add(pool.submit(() -> sample(show, i, viewpoints)));
            }
            for (Future<Targets> f : futures) {
                out.add(join(f));
            }
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(out);
    }

    /**
     * Target points of scene {@code i} alone ({@code show.drones()} of them; the first
     * {@code litCount} lit).
     *
     * @throws InputException as {@link #sampleAll}
     */
    public static Targets sample(Show show, int i) {
        return sample(show, i, List.of());
    }

    /** Scene {@code i} alone, turned by its {@code faces} ({@link #sampleAll(Show, List)}). */
    public static Targets sample(Show show, int i, List<Viewpoint> viewpoints) {
        Scene s = show.scenes().get(i);
        String scene = "scenes[" + i + "]";
        Placement placement = Facing.placement(show, i, viewpoints);
        Targets t;
        if (!s.parts().isEmpty()) {
            t = sampleParts(show, i);
        } else if ("frames".equals(s.formation().type())) {
            t = sampleFrames(show, i, placement);
        } else {
            try {
                t = Formations.sample(s.formation(), placement, s.color(), show.drones(), minSpacing(show),
                        show.baseDir());
            } catch (InputException e) {
                throw e.withPathPrefix(scene + ".formation").inFile(show.source());
            }
        }
        if (t.size() != show.drones()) {
            throw new IllegalStateException("scene " + i + " sampled to " + t.size() + " points, not " + show.drones());
        }
        SceneMotion motion = SceneMotion.of(show, i, t);
        if (motion == null) {
            checkInsideLimits(show, i, t);
        } else {
            double hold = holdLength(s);
            if (motion.end() > hold + 1e-9) {
                // keys are checked against the hold when read; an animation's length is known only now
                throw new InputException(show.source(), "scenes[" + i + "].formation.file", "scene \"" + s.name()
                        + "\": the animation lasts " + m(motion.end()) + " s, longer than its hold of " + m(hold) + " s",
                        "hold the scene at least " + m(Math.ceil(motion.end() * 10) / 10) + " s, or play the animation "
                                + "faster (fps)");
            }
            motion.check(show, i, hold);
        }
        return t;
    }

    /** The hold's length in seconds when the show file fixes it ({@code hold}, or {@code at} and {@code until}), else NaN. */
    public static double holdLength(Scene s) {
        if (s.until() == null) {
            return s.hold();
        }
        return s.at() != null ? Math.round((s.until().time() - s.at().time()) * 1000) / 1000.0 : Double.NaN;
    }

    /**
     * A scene of several parts: each part sampled on its own (its {@code count} lit points, at the
     * show's spacing), laid out part after part, checked for spacing across parts, then one dark
     * reserve block behind them all.
     */
    private static Targets sampleParts(Show show, int i) {
        Scene s = show.scenes().get(i);
        int n = show.drones();
        double spacing = minSpacing(show);
        double[] x = new double[n], y = new double[n], z = new double[n];
        int[] rgb = new int[n];
        int k = 0;
        int[] start = new int[s.parts().size() + 1];
        for (int j = 0; j < s.parts().size(); j++) {
            Part p = s.parts().get(j);
            Targets t;
            try {
                t = Formations.sample(p.formation(), p.placement(), p.color(), p.formation().count(), spacing,
                        show.baseDir());
            } catch (InputException e) {
                throw e.withPathPrefix("scenes[" + i + "].parts[" + j + "].formation").inFile(show.source());
            }
            System.arraycopy(t.x(), 0, x, k, t.size());
            System.arraycopy(t.y(), 0, y, k, t.size());
            System.arraycopy(t.z(), 0, z, k, t.size());
            System.arraycopy(t.rgb(), 0, rgb, k, t.size());
            k += t.size();
            start[j + 1] = k;
        }
        int[] pair = Spacing.closestPair(x, y, z, k);
        if (pair != null) {
            double d = Math.sqrt(sq(x[pair[0]] - x[pair[1]]) + sq(y[pair[0]] - y[pair[1]]) + sq(z[pair[0]] - z[pair[1]]));
            if (d < spacing) {
                int a = partOf(start, pair[0]), b = partOf(start, pair[1]);
                throw new InputException(show.source(), "scenes[" + i + "].parts[" + b + "].placement.center",
                        "scene \"" + s.name() + "\": parts " + a + " (" + s.parts().get(a).name() + ") and " + b + " ("
                                + s.parts().get(b).name() + ") overlap: two of their drones are " + m(d)
                                + " m apart, under the " + m(spacing) + " m every formation keeps",
                        "move the parts' centres apart by at least " + m(Math.ceil((spacing - d) * 10) / 10 + 0.1)
                                + " m, or make a part smaller");
            }
        }
        Formations.reserve(x, y, z, k, n, spacing);
        return new Targets(x, y, z, rgb, k);
    }

    /**
     * A frame sequence's first frame, placed (show-frame axes, turned by the placement's rotation,
     * about its centre), one lit drone per id, then the dark reserve behind it.
     */
    private static Targets sampleFrames(Show show, int i, Placement placement) {
        Scene s = show.scenes().get(i);
        FrameSequence f = frames(show, i);
        int k = f.ids().length, n = show.drones();
        if (k > n) {
            throw new InputException(show.source(), "scenes[" + i + "].formation.file", f.source() + " animates " + k
                    + " drones, more than the fleet's " + n, "raise \"drones\" to at least " + k
                    + ", or export fewer objects");
        }
        double[] m = placement.matrix(true), c = placement.center();
        double[] x = new double[n], y = new double[n], z = new double[n];
        int[] rgb = new int[n];
        for (int j = 0; j < k; j++) {
            double u = f.x()[j], v = f.y()[j], w = f.z()[j];
            x[j] = c[0] + m[0] * u + m[1] * v + m[2] * w;
            y[j] = c[1] + m[3] * u + m[4] * v + m[5] * w;
            z[j] = c[2] + m[6] * u + m[7] * v + m[8] * w;
            rgb[j] = f.rgb() == null ? s.color() : f.rgb()[j];
        }
        Formations.reserve(x, y, z, k, n, minSpacing(show));
        // the reserve stands behind the deepest point of any frame, not just the first
        double y0 = Double.NEGATIVE_INFINITY, yAll = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            y0 = Math.max(y0, y[j]);
        }
        for (int q = 0; q < f.x().length; q++) {
            double u = f.x()[q], v = f.y()[q], w = f.z()[q];
            yAll = Math.max(yAll, c[1] + m[3] * u + m[4] * v + m[5] * w);
        }
        for (int j = k; j < n; j++) {
            y[j] += yAll - y0;
        }
        return new Targets(x, y, z, rgb, k);
    }

    /** Scene i's frame sequence (CSV or glTF), read once and cached. */
    static FrameSequence frames(Show show, int i) {
        Scene s = show.scenes().get(i);
        String file = s.formation().file();
        java.nio.file.Path path = show.baseDir().resolve(file);
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        try {
            if (lower.endsWith(".glb") || lower.endsWith(".gltf")) {
                return GltfFrames.read(path, file);
            }
            return FrameSequence.readCsv(path, file, s.formation().fps() == null ? 24 : s.formation().fps());
        } catch (InputException e) {
            throw e.withPathPrefix("scenes[" + i + "].formation").inFile(show.source());
        }
    }

    private static int partOf(int[] start, int i) {
        int j = 0;
        while (start[j + 1] <= i) {
            j++;
        }
        return j;
    }

    private static double sq(double v) {
        return v * v;
    }

    /** Every point inside the altitude band and geofence, or an error saying how far to move the formation. */
    private static void checkInsideLimits(Show show, int i, Targets t) {
        Limits l = show.limits();
        Scene s = show.scenes().get(i);
        String where = "scenes[" + i + "].placement.center";
        double[] x = t.x(), y = t.y(), z = t.z();
        double zLo = Double.POSITIVE_INFINITY, zHi = Double.NEGATIVE_INFINITY;
        int loAt = -1, hiAt = -1;
        for (int k = 0; k < t.size(); k++) {
            if (z[k] < zLo) {
                zLo = z[k];
                loAt = k;
            }
            if (z[k] > zHi) {
                zHi = z[k];
                hiAt = k;
            }
        }
        if (zHi > l.maxAltitude()) {
            throw new InputException(show.source(), where, "scene \"" + s.name() + "\" reaches z = " + m(zHi) + " m ("
                    + what(t, hiAt) + "), above limits.maxAltitude " + m(l.maxAltitude()) + " m",
                    "lower the centre by at least " + m(Math.ceil((zHi - l.maxAltitude()) * 10) / 10)
                            + " m, or make the formation smaller");
        }
        if (zLo < l.minAltitude()) {
            throw new InputException(show.source(), where, "scene \"" + s.name() + "\" reaches down to z = " + m(zLo)
                    + " m (" + what(t, loAt) + "), below limits.minAltitude " + m(l.minAltitude()) + " m",
                    "raise the centre by at least " + m(Math.ceil((l.minAltitude() - zLo) * 10) / 10)
                            + " m, or make the formation smaller");
        }
        if (l.hasGeofence()) {
            for (int k = 0; k < t.size(); k++) {
                if (!l.insideGeofence(x[k], y[k])) {
                    throw new InputException(show.source(), where, "scene \"" + s.name() + "\" leaves the geofence: "
                            + what(t, k) + " at (" + m(x[k]) + ", " + m(y[k]) + ") is outside",
                            k >= t.litCount()
                                    ? "the dark reserve stands behind the formation (+y): move the centre towards the "
                                            + "audience (smaller y) or enlarge limits.geofence"
                                    : "move the centre or shrink the formation so it fits inside limits.geofence");
                }
            }
        }
    }

    private static String what(Targets t, int k) {
        return k < t.litCount() ? "lit point " + k : "dark reserve point " + (k - t.litCount());
    }

    private static String m(double v) {
        return Numbers.plain(Math.round(v * 100) / 100.0);
    }

    private static Targets join(Future<Targets> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sampling formations", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(Parallel.rethrowUnchecked(e));
        }
    }
}
