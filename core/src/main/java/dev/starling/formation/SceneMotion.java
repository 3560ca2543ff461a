package dev.starling.formation;

import dev.starling.InputException;
import dev.starling.base.Numbers;
import dev.starling.show.Limits;
import dev.starling.show.Motion;
import dev.starling.show.Part;
import dev.starling.show.Scene;
import dev.starling.show.Show;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Where every drone of a moving scene is during its hold: the sampled targets moved by the
 * parts' motions (each about its part's placement centre) and then by the scene's motion (about
 * the scene's centre). Positions are exact functions of τ (seconds from the hold start);
 * velocities and accelerations are one-sided finite differences (δ = 0.1 ms), so that a key,
 * where the easing changes, is seen from the side asked for.
 *
 * <p>{@link #check} is the load-time check of a moving scene against the limits: every drone's
 * horizontal, climb and descent speed and its acceleration, sampled every
 * {@link #CHECK_STEP} s and at every key; no velocity jump at a key inside the hold; the
 * altitude band and geofence; and √2·d_min between any two drones at every sampled instant
 * (parts move against each other; a scale below 1 shrinks the spacing). It does not trust that a
 * motion is rigid: it measures.
 *
 * <p>Cost: O(n) per instant evaluated (one 3×3 product per drone per motion); the check evaluates
 * 3 instants every 0.1 s of motion, and a spacing grid 4 times per second (at the keys only for
 * one formation turned and moved, whose distances are constant by construction: the verifier
 * measures the flown plan either way).
 */
public final class SceneMotion {
    /** Seconds between the instants at which speeds and accelerations are checked. */
    public static final double CHECK_STEP = 0.1;
    /** Seconds between the instants at which spacing, altitude and geofence are checked. */
    public static final double SPACING_STEP = 0.25;
    /** Finite-difference step, seconds: keys are at least 1 ms apart. */
    static final double DELTA = 1e-4;
    /** A velocity change at a key larger than this (m/s) is a jump: unbounded acceleration. */
    public static final double JUMP_TOLERANCE = 0.01;

    private final int n;
    private final double[] bx, by, bz;
    /** Part of each point, or −1 (reserve; moved by the scene's motion only). */
    private final int[] part;
    private final Motion scene;
    private final double[] scenePivot;
    private final Motion[] parts;
    private final double[][] partPivots;
    private final String[] partPaths;
    private final String scenePath;
    private final int[] partStart;
    private final int litCount;
    /** A frame sequence the first {@code frames.ids().length} targets fly, or null; placed by frameM, frameC. */
    private final FrameSequence frames;
    private final double[] frameM, frameC;
    private final String framePath;
    /** Target of each drone (identity until {@link #forDrones}). */
    private final int[] target;
    // scratch, reused by each evaluation (an instance is used by one thread at a time)
    private final double[] poseS = new double[12];
    private final double[][] poseP;

    private SceneMotion(Targets t, Motion scene, double[] scenePivot, Motion[] parts, double[][] partPivots,
                        int[] partStart, String scenePath, String[] partPaths, FrameSequence frames, double[] frameM,
                        double[] frameC, String framePath) {
        this.n = t.size();
        this.frames = frames;
        this.frameM = frameM;
        this.frameC = frameC;
        this.framePath = framePath;
        this.target = new int[n];
        for (int i = 0; i < n; i++) {
            target[i] = i;
        }
        this.bx = t.x();
        this.by = t.y();
        this.bz = t.z();
        this.litCount = t.litCount();
        this.scene = scene;
        this.scenePivot = scenePivot;
        this.parts = parts;
        this.partPivots = partPivots;
        this.partStart = partStart;
        this.scenePath = scenePath;
        this.partPaths = partPaths;
        this.part = new int[n];
        Arrays.fill(part, -1);
        for (int k = 0; k < parts.length; k++) {
            for (int i = partStart[k]; i < partStart[k + 1]; i++) {
                part[i] = k;
            }
        }
        this.poseP = new double[parts.length][12];
    }

    /**
     * The motion of scene {@code i} of {@code show} over its sampled {@code targets}, or null when
     * the scene stands still. For a scene of parts, part k's lit points are the k-th block of
     * {@code formation.count} points of the targets (as {@link ShowTargets} lays them out).
     */
    public static SceneMotion of(Show show, int i, Targets targets) {
        Scene s = show.scenes().get(i);
        if (!s.moves()) {
            return null;
        }
        int np = s.parts().size();
        Motion[] pm = new Motion[np];
        double[][] pv = new double[np][];
        String[] paths = new String[np];
        int[] start = new int[np + 1];
        for (int k = 0; k < np; k++) {
            Part p = s.parts().get(k);
            pm[k] = p.motion();
            pv[k] = p.placement().center().clone();
            paths[k] = "scenes[" + i + "].parts[" + k + "].motion";
            start[k + 1] = start[k] + p.formation().count();
        }
        FrameSequence fs = null;
        double[] fm = null, fc = null;
        if (s.parts().isEmpty() && "frames".equals(s.formation().type())) {
            fs = ShowTargets.frames(show, i);
            fm = s.placement().matrix(true);
            fc = s.placement().center().clone();
        }
        return new SceneMotion(targets, s.motion(), s.placement().center().clone(), pm, pv, start,
                "scenes[" + i + "].motion", paths, fs, fm, fc, "scenes[" + i + "].formation.file");
    }

    private SceneMotion(SceneMotion m, int[] to) {
        this.n = to.length;
        this.frames = m.frames;
        this.frameM = m.frameM;
        this.frameC = m.frameC;
        this.framePath = m.framePath;
        this.target = new int[n];
        for (int i = 0; i < n; i++) {
            target[i] = m.target[to[i]];
        }
        this.bx = new double[n];
        this.by = new double[n];
        this.bz = new double[n];
        this.part = new int[n];
        for (int i = 0; i < n; i++) {
            bx[i] = m.bx[to[i]];
            by[i] = m.by[to[i]];
            bz[i] = m.bz[to[i]];
            part[i] = m.part[to[i]];
        }
        this.litCount = m.litCount;
        this.scene = m.scene;
        this.scenePivot = m.scenePivot;
        this.parts = m.parts;
        this.partPivots = m.partPivots;
        this.partStart = m.partStart;
        this.scenePath = m.scenePath;
        this.partPaths = m.partPaths;
        this.poseP = new double[parts.length][12];
    }

    /**
     * The same motion indexed by drone: drone i flies target {@code to[i]}'s path (an
     * assignment's result). Only for evaluation: {@link #check} names targets, not drones.
     */
    public SceneMotion forDrones(int[] to) {
        return new SceneMotion(this, to);
    }

    /** Number of drones. */
    public int size() {
        return n;
    }

    /** τ after which nothing moves: the last key of any of the scene's motions. */
    public double end() {
        double e = scene == null ? 0 : scene.end();
        if (frames != null) {
            e = Math.max(e, frames.duration());
        }
        for (Motion m : parts) {
            if (m != null) {
                e = Math.max(e, m.end());
            }
        }
        return e;
    }

    /** Every key time of every motion, and 0 and {@link #end()}, sorted, without repeats. */
    public double[] keyTimes() {
        TreeSet<Double> set = new TreeSet<>();
        set.add(0.0);
        set.add(end());
        if (frames != null) {
            for (int f = 0; f < frames.frames(); f++) {
                set.add(f / frames.fps());
            }
        }
        if (scene != null) {
            for (double t : scene.times()) {
                set.add(t);
            }
        }
        for (Motion m : parts) {
            if (m != null) {
                for (double t : m.times()) {
                    set.add(t);
                }
            }
        }
        double[] out = new double[set.size()];
        int k = 0;
        for (double t : set) {
            out[k++] = t;
        }
        return out;
    }

    /** Positions of every drone at τ (seconds from the hold start), metres, show frame. */
    public void positions(double tau, double[] x, double[] y, double[] z) {
        if (scene != null) {
            scene.pose(tau, scenePivot, poseS);
        }
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] != null) {
                parts[k].pose(tau, partPivots[k], poseP[k]);
            }
        }
        int ids = frames == null ? 0 : frames.ids().length;
        int fk = 0;
        double fu = 0;
        if (frames != null) {
            double f = Math.max(0, tau * frames.fps());
            fk = (int) Math.min(Math.floor(f), frames.frames() - 2);
            fu = Math.min(1, f - fk);
        }
        for (int i = 0; i < n; i++) {
            double px = bx[i], py = by[i], pz = bz[i];
            if (target[i] < ids) {
                framePoint(target[i], fk, fu);
                double[] m = frameM, c = frameC;
                double u = fp[0], v = fp[1], w = fp[2];
                px = c[0] + m[0] * u + m[1] * v + m[2] * w;
                py = c[1] + m[3] * u + m[4] * v + m[5] * w;
                pz = c[2] + m[6] * u + m[7] * v + m[8] * w;
            }
            int k = part[i];
            if (k >= 0 && parts[k] != null) {
                double[] q = poseP[k], c = partPivots[k];
                double ux = px - c[0], uy = py - c[1], uz = pz - c[2];
                px = q[0] + q[3] * ux + q[4] * uy + q[5] * uz;
                py = q[1] + q[6] * ux + q[7] * uy + q[8] * uz;
                pz = q[2] + q[9] * ux + q[10] * uy + q[11] * uz;
            }
            if (scene != null) {
                double[] q = poseS, c = scenePivot;
                double ux = px - c[0], uy = py - c[1], uz = pz - c[2];
                px = q[0] + q[3] * ux + q[4] * uy + q[5] * uz;
                py = q[1] + q[6] * ux + q[7] * uy + q[8] * uz;
                pz = q[2] + q[9] * ux + q[10] * uy + q[11] * uz;
            }
            x[i] = px;
            y[i] = py;
            z[i] = pz;
        }
    }

    private final double[] fp = new double[3];

    /**
     * Drone {@code id}'s point between frames k and k + 1 at fraction u, into {@link #fp}: a cubic
     * Hermite curve through the frames with Catmull–Rom tangents (half the difference of the
     * neighbouring frames), and at rest at the first and last frame. It passes through every frame.
     */
    private void framePoint(int id, int k, double u) {
        FrameSequence f = frames;
        int ids = f.ids().length, last = f.frames() - 1;
        double h00 = (1 + 2 * u) * (1 - u) * (1 - u), h10 = u * (1 - u) * (1 - u);
        double h01 = u * u * (3 - 2 * u), h11 = u * u * (u - 1);
        float[][] axes = {f.x(), f.y(), f.z()};
        for (int a = 0; a < 3; a++) {
            float[] p = axes[a];
            double p0 = p[k * ids + id], p1 = p[(k + 1) * ids + id];
            double m0 = k == 0 ? 0 : (p1 - p[(k - 1) * ids + id]) / 2;
            double m1 = k + 1 == last ? 0 : (p[(k + 2) * ids + id] - p0) / 2;
            fp[a] = h00 * p0 + h10 * m0 + h01 * p1 + h11 * m1;
        }
    }

    /**
     * Per drone, the frame sequence's colours as light keyframes from the hold's start (seconds),
     * only where a drone's colour changes; null when the scene has no coloured frame sequence.
     */
    public dev.starling.light.effect.Effect.DroneKeys frameColours() {
        if (frames == null || frames.rgb() == null) {
            return null;
        }
        int ids = frames.ids().length, nf = frames.frames();
        int[] first = new int[n + 1];
        double[] t = new double[0];
        int[] rgb = new int[0];
        int size = 0;
        for (int i = 0; i < n; i++) {
            first[i] = size;
            int id = target[i];
            if (id >= ids) {
                continue;
            }
            int prev = -1;
            for (int f = 0; f < nf; f++) {
                int c = frames.rgb()[f * ids + id];
                boolean change = c != prev;
                boolean nextDiffers = f + 1 < nf && frames.rgb()[(f + 1) * ids + id] != c;
                // a key where the colour changes, and one before each change (so that it holds, then fades a frame)
                if (f == 0 || change || nextDiffers || f == nf - 1) {
                    if (size == t.length) {
                        t = java.util.Arrays.copyOf(t, Math.max(16, 2 * size));
                        rgb = java.util.Arrays.copyOf(rgb, t.length);
                    }
                    if (size > first[i] && t[size - 1] == f / frames.fps()) {
                        continue;
                    }
                    t[size] = f / frames.fps();
                    rgb[size] = c;
                    size++;
                }
                prev = c;
            }
        }
        first[n] = size;
        return new dev.starling.light.effect.Effect.DroneKeys(first, java.util.Arrays.copyOf(t, size),
                java.util.Arrays.copyOf(rgb, size));
    }

    /**
     * Velocities (m/s) at τ into v[0..2][i], from the left ({@code fromLeft}: as the drones arrive
     * at τ) or from the right (as they leave it). {@code scratch} is [6][n].
     */
    public void velocities(double tau, boolean fromLeft, double[][] v, double[][] scratch) {
        double d = fromLeft ? -DELTA : DELTA;
        positions(tau, v[0], v[1], v[2]);
        positions(tau + d, scratch[0], scratch[1], scratch[2]);
        positions(tau + 2 * d, scratch[3], scratch[4], scratch[5]);
        for (int a = 0; a < 3; a++) {
            double[] p0 = v[a], p1 = scratch[a], p2 = scratch[a + 3];
            for (int i = 0; i < n; i++) {
                p0[i] = (-3 * p0[i] + 4 * p1[i] - p2[i]) / (2 * d);
            }
        }
    }

    /** Peak speeds (m/s) and acceleration (m/s²) of a moving scene's drones during its hold. */
    public record Peaks(double speedXY, double speedUp, double speedDown, double acceleration) {
    }

    /**
     * Checks the motion against the show's limits (see the class comment) and returns its peaks.
     *
     * @param holdLength the hold's length in seconds when known, else NaN: a motion whose last key
     *                   ends the hold may end moving (the transition out takes over)
     * @throws InputException naming the scene, the key ({@code scenes[i].motion[k]} or
     *         {@code scenes[i].parts[j].motion[k]}) and the drone
     */
    public Peaks check(Show show, int sceneIndex, double holdLength) {
        Limits l = show.limits();
        String name = show.scenes().get(sceneIndex).name();
        String file = show.source();
        checkScale(show, sceneIndex);
        checkFrameJumps(show, sceneIndex);
        double end = end();
        double[] kt = keyTimes();
        double[][] v = new double[3][n], a = new double[3][n], s = new double[6][n], vl = new double[3][n];
        double pXY = 0, pUp = 0, pDown = 0, pAcc = 0;
        for (int seg = 0; seg + 1 < kt.length; seg++) {
            double t0 = kt[seg], t1 = kt[seg + 1];
            int steps = Math.max(2, (int) Math.ceil((t1 - t0) / CHECK_STEP - 1e-9));
            for (int q = 0; q <= steps; q++) {
                double tau = q == steps ? t1 : t0 + (t1 - t0) * q / steps;
                boolean left = q == steps;
                derivatives(tau, left, v, a, s);
                for (int i = 0; i < n; i++) {
                    double xy = Math.sqrt(v[0][i] * v[0][i] + v[1][i] * v[1][i]);
                    double vz = v[2][i];
                    double acc = Math.sqrt(a[0][i] * a[0][i] + a[1][i] * a[1][i] + a[2][i] * a[2][i]);
                    if (xy > l.maxSpeedXY() || vz > l.maxSpeedUp() || -vz > l.maxSpeedDown() || acc > l.maxAcceleration()) {
                        String what = xy > l.maxSpeedXY()
                                ? "flies " + num(xy) + " m/s horizontally, above limits.maxSpeedXY " + num(l.maxSpeedXY()) + " m/s"
                                : vz > l.maxSpeedUp()
                                        ? "climbs at " + num(vz) + " m/s, above limits.maxSpeedUp " + num(l.maxSpeedUp()) + " m/s"
                                        : -vz > l.maxSpeedDown()
                                                ? "descends at " + num(-vz) + " m/s, above limits.maxSpeedDown " + num(l.maxSpeedDown()) + " m/s"
                                                : "accelerates at " + num(acc) + " m/s², above limits.maxAcceleration "
                                                        + num(l.maxAcceleration()) + " m/s²";
                        double ratio = Math.max(Math.max(xy / l.maxSpeedXY(), vz / l.maxSpeedUp()),
                                Math.max(-vz / l.maxSpeedDown(), Math.sqrt(acc / l.maxAcceleration())));
                        String key = keyAt(i, tau, left);
                        throw new InputException(file, key, "scene \"" + name + "\": " + drone(i) + " " + what
                                + " at " + when(tau) + " (the motion up to " + key + ")",
                                key.equals(framePath)
                                        ? "slow the animation down about " + num(Math.ceil(ratio * 100) / 100) + "× (a lower "
                                        + "fps plays it slower), move less, or ease it: the drones fly smooth curves "
                                        + "through the frames and start and end at rest"
                                        : "slow the motion down: spread the keys about " + num(Math.ceil(ratio * 100) / 100)
                                        + "× further apart in time, move less, or ease the key (\"ease\": \"inOut\")");
                    }
                    pXY = Math.max(pXY, xy);
                    pUp = Math.max(pUp, vz);
                    pDown = Math.max(pDown, -vz);
                    pAcc = Math.max(pAcc, acc);
                }
            }
        }
        // velocity jumps at keys inside the hold (from rest at a first key after 0, to rest at a
        // last key before the hold ends, or between two easings that do not meet)
        for (double tau : kt) {
            boolean joined = tau == 0 || (tau == end && Math.abs(holdLength - end) < 1e-9);
            if (joined) {
                continue;
            }
            velocities(tau, true, vl, s);
            if (tau < end) {
                velocities(tau, false, v, s);
            } else {
                for (double[] row : v) {
                    Arrays.fill(row, 0);
                }
            }
            for (int i = 0; i < n; i++) {
                double dx = v[0][i] - vl[0][i], dy = v[1][i] - vl[1][i], dz = v[2][i] - vl[2][i];
                double jump = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (jump > JUMP_TOLERANCE) {
                    String key = keyAt(i, tau, true);
                    throw new InputException(file, key, "scene \"" + name + "\": " + drone(i) + "'s velocity jumps by "
                            + num(jump) + " m/s at " + when(tau) + ": no drone can do that",
                            tau == end ? "ease the last key (\"ease\": \"out\" or \"inOut\") so that the formation comes "
                                    + "to rest, or end the motion with the hold"
                                    : "ease the keys on either side (\"ease\": \"out\" here, \"in\" on the next key, or "
                                    + "\"inOut\") so that the speeds meet");
                }
            }
        }
        checkSpacingAndVolume(show, sceneIndex, kt);
        return new Peaks(pXY, pUp, pDown, pAcc);
    }

    /**
     * A frame sequence whose drone moves further between two frames than the limits allow in
     * 1/fps seconds (even flying straight at full speed) is refused with the frames and the id.
     */
    private void checkFrameJumps(Show show, int sceneIndex) {
        if (frames == null) {
            return;
        }
        Limits l = show.limits();
        int ids = frames.ids().length;
        double dt = 1 / frames.fps();
        double[] m = frameM;
        for (int f = 0; f + 1 < frames.frames(); f++) {
            for (int k = 0; k < ids; k++) {
                double du = frames.x()[(f + 1) * ids + k] - frames.x()[f * ids + k];
                double dv = frames.y()[(f + 1) * ids + k] - frames.y()[f * ids + k];
                double dw = frames.z()[(f + 1) * ids + k] - frames.z()[f * ids + k];
                double dx = m[0] * du + m[1] * dv + m[2] * dw, dy = m[3] * du + m[4] * dv + m[5] * dw;
                double dz = m[6] * du + m[7] * dv + m[8] * dw;
                double xy = Math.hypot(dx, dy) / dt, vz = dz / dt;
                String what = xy > l.maxSpeedXY() ? num(xy) + " m/s horizontally, above limits.maxSpeedXY "
                        + num(l.maxSpeedXY()) + " m/s"
                        : vz > l.maxSpeedUp() ? num(vz) + " m/s up, above limits.maxSpeedUp " + num(l.maxSpeedUp()) + " m/s"
                        : -vz > l.maxSpeedDown() ? num(-vz) + " m/s down, above limits.maxSpeedDown "
                                + num(l.maxSpeedDown()) + " m/s" : null;
                if (what != null) {
                    throw new InputException(show.source(), framePath, "scene \"" + show.scenes().get(sceneIndex).name()
                            + "\": " + frames.source() + ", frame " + f + " to frame " + (f + 1) + ", id " + frames.ids()[k]
                            + ": moves " + num(Math.sqrt(dx * dx + dy * dy + dz * dz)) + " m in " + num(dt * 1000)
                            + " ms, " + what, "frames too far apart for the limits: export more frames per second, "
                            + "or slow the animation down (a lower fps plays it slower)");
                }
            }
        }
    }

    /**
     * Velocities (m/s) into v and accelerations (m/s²) into acc at τ, one-sided from the side asked
     * for, from the same three evaluations at τ, τ ± δ, τ ± 2δ (second-order velocity).
     */
    private void derivatives(double tau, boolean fromLeft, double[][] v, double[][] acc, double[][] s) {
        double d = fromLeft ? -DELTA : DELTA;
        positions(tau, s[0], s[1], s[2]);
        positions(tau + d, s[3], s[4], s[5]);
        positions(tau + 2 * d, acc[0], acc[1], acc[2]);
        for (int a = 0; a < 3; a++) {
            double[] p0 = s[a], p1 = s[a + 3], p2 = acc[a], out = v[a];
            for (int i = 0; i < n; i++) {
                out[i] = (-3 * p0[i] + 4 * p1[i] - p2[i]) / (2 * d);
                p2[i] = (p0[i] - 2 * p1[i] + p2[i]) / (DELTA * DELTA);
            }
        }
    }

    /** A scale below 1 must keep √2·d_min: refuse with the smallest scale allowed. */
    private void checkScale(Show show, int sceneIndex) {
        double need = ShowTargets.CAPT_FACTOR * show.limits().minSeparation();
        String name = show.scenes().get(sceneIndex).name();
        if (scene != null && scene.minScale() < 1) {
            double m0 = Spacing.min(bx, by, bz, n);
            refuseScale(show, name, scene, scenePath, m0, need);
        }
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] != null && parts[k].minScale() < 1) {
                int len = partStart[k + 1] - partStart[k];
                double[] x = Arrays.copyOfRange(bx, partStart[k], partStart[k + 1]);
                double[] y = Arrays.copyOfRange(by, partStart[k], partStart[k + 1]);
                double[] z = Arrays.copyOfRange(bz, partStart[k], partStart[k + 1]);
                refuseScale(show, name, parts[k], partPaths[k], Spacing.min(x, y, z, len), need);
            }
        }
    }

    private static void refuseScale(Show show, String name, Motion m, String path, double m0, double need) {
        double allowed = need / m0;
        if (m.minScale() < allowed) {
            Motion.Key worst = null;
            for (Motion.Key k : m.keys()) {
                if (k.scale() != null && (worst == null || k.scale() < worst.scale())) {
                    worst = k;
                }
            }
            String at = worst == null ? path : worst.path() + ".scale";
            throw new InputException(show.source(), at, "scene \"" + name + "\" scales down to " + num(m.minScale())
                    + ": its drones, " + num(m0) + " m apart as sampled, would come closer than √2 · minSeparation = "
                    + num(need) + " m (the spacing transitions need)",
                    "the smallest scale allowed is " + Numbers.plain(Math.ceil(allowed * 1000) / 1000)
                            + "; or sample the formation larger and scale it less");
        }
    }

    /** √2·d_min between all drones, altitude band and geofence, at sampled instants. */
    private void checkSpacingAndVolume(Show show, int sceneIndex, double[] kt) {
        Limits l = show.limits();
        double need = ShowTargets.CAPT_FACTOR * l.minSeparation() * (1 - 1e-9);
        String name = show.scenes().get(sceneIndex).name();
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int seg = 0; seg + 1 < kt.length; seg++) {
            double t0 = kt[seg], t1 = kt[seg + 1];
            int steps = Math.max(1, (int) Math.ceil((t1 - t0) / SPACING_STEP - 1e-9));
            // a segment's first instant is the previous one's last, already checked: positions
            // are a function of τ alone, so the check there would see the same points
            for (int q = seg == 0 ? 0 : 1; q <= steps; q++) {
                double tau = q == steps ? t1 : t0 + (t1 - t0) * q / steps;
                positions(tau, x, y, z);
                for (int i = 0; i < n; i++) {
                    boolean low = z[i] < l.minAltitude(), high = z[i] > l.maxAltitude();
                    if (low || high || !l.insideGeofence(x[i], y[i])) {
                        String key = keyAt(i, tau, true);
                        String what = low ? "goes down to z = " + num(z[i]) + " m, below limits.minAltitude"
                                : high ? "goes up to z = " + num(z[i]) + " m, above limits.maxAltitude"
                                : "leaves the geofence at (" + num(x[i]) + ", " + num(y[i]) + ")";
                        throw new InputException(show.source(), key, "scene \"" + name + "\": " + drone(i) + " " + what
                                + " at " + when(tau) + "", "keep the motion inside the show volume: "
                                + "move the keys' centres, or make the formation smaller");
                    }
                }
                // a rigid motion (turns and moves of one formation, no scale) keeps every distance by
                // construction: its spacing is measured at the keys only; parts, scales and frames
                // at every sampled instant
                int[] pair = rigid() && q != 0 && q != steps ? null : Spacing.closestPair(x, y, z, n);
                if (pair != null) {
                    double d = Math.sqrt(sq(x[pair[0]] - x[pair[1]]) + sq(y[pair[0]] - y[pair[1]]) + sq(z[pair[0]] - z[pair[1]]));
                    if (d < need) {
                        String key = keyAt(pair[1], tau, true);
                        throw new InputException(show.source(), key, "scene \"" + name + "\": " + drone(pair[0]) + " and "
                                + drone(pair[1]) + " come " + num(d) + " m close at " + when(tau) + ", "
                                + "under √2 · minSeparation = " + num(need) + " m",
                                "keep the parts apart as they move: place them further apart, or move them less");
                    }
                }
            }
        }
    }

    /** True for one formation turned and moved (no parts, no frames, no scale): distances are constant. */
    private boolean rigid() {
        if (frames != null || parts.length > 0) {
            return false;
        }
        for (Motion.Key k : scene.keys()) {
            if (k.scale() != null) {
                return false;
            }
        }
        return true;
    }

    /** The JSON path of the key whose segment moves drone i at τ: its part's motion, else the scene's. */
    private String keyAt(int i, double tau, boolean fromLeft) {
        if (frames != null && target[i] < frames.ids().length) {
            return framePath;
        }
        int k = part[i];
        String best = null;
        if (k >= 0 && parts[k] != null) {
            best = segmentKey(parts[k], tau, fromLeft);
        }
        if (best == null && scene != null) {
            best = segmentKey(scene, tau, fromLeft);
        }
        if (best == null) {
            Motion m = scene != null ? scene : k >= 0 && parts[k] != null ? parts[k] : firstPart();
            return m == null ? framePath : m.keys().get(m.keys().size() - 1).path();
        }
        return best;
    }

    private Motion firstPart() {
        if (frames != null && scene == null) {
            return null;
        }
        for (Motion m : parts) {
            if (m != null) {
                return m;
            }
        }
        return scene;
    }

    /** The key that ends the segment containing τ (the first key when τ is before it), or null after the last. */
    private static String segmentKey(Motion m, double tau, boolean fromLeft) {
        for (Motion.Key k : m.keys()) {
            if (fromLeft ? k.t() >= tau : k.t() > tau) {
                return k.path();
            }
        }
        return null;
    }

    private String drone(int i) {
        if (frames != null && target[i] < frames.ids().length) {
            return "id " + frames.ids()[target[i]];
        }
        if (i >= litCount) {
            return "dark reserve drone " + (i - litCount);
        }
        int k = part[i];
        return k >= 0 ? "lit drone " + (i - partStart[k]) + " of part " + k : "lit drone " + i;
    }

    /** "2.5 s into the hold", with the frames around it for a frame sequence. */
    private String when(double tau) {
        String w = num(tau) + " s into the hold";
        if (frames != null) {
            int f = (int) Math.min(Math.floor(tau * frames.fps() + 1e-9), frames.frames() - 1);
            w += f + 1 < frames.frames() ? " (frames " + f + " to " + (f + 1) + ")" : " (frame " + f + ")";
        }
        return w;
    }

    private static double sq(double v) {
        return v * v;
    }

    private static String num(double v) {
        return Numbers.plain(Math.round(v * 100) / 100.0);
    }
}
