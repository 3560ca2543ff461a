package dev.starling.plan;

import dev.starling.InputException;
import dev.starling.assign.Assigner;
import dev.starling.assign.Assignment;
import dev.starling.base.Parallel;
import dev.starling.formation.SceneMotion;
import dev.starling.formation.Targets;
import dev.starling.light.LightProgram;
import dev.starling.light.effect.LightDesign;
import dev.starling.show.Limits;
import dev.starling.show.Scene;
import dev.starling.show.Show;
import dev.starling.show.Takeoff;
import dev.starling.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a validated show and its sampled formations into a {@link Plan}: vertical takeoff from
 * the ground grid to the launch layer, then for every scene a transition and a hold, then the
 * move to the landing layer (any pad, chosen by assignment, or each drone's own pad when
 * {@code returnHome}) and a vertical descent.
 *
 * <p>Each transition is CAPT (Turpin, Michael &amp; Kumar, IJRR 2014): the exact minimum-Σ|a−b|²
 * assignment ({@link Assigner}), then one shared time-scaling s(t) for all drones, straight
 * lines. With start and goal sets spaced ≥ √2·d_min, no two drones come closer than d_min.
 * The shared profile is time-optimal under separate bounds on horizontal speed, climb, descent
 * and acceleration: s' ≤ min_i min(v_xy/|D_i,xy|, v_up/D_i,z⁺, v_down/D_i,z⁻) and
 * |s''| ≤ a_max / max_i |D_i|, a trapezoid (see {@link TimeScaling}).
 *
 * <p>Planning is split in two: {@link #choreograph} fixes, for every step, where each drone
 * starts and ends (the assignments), and {@link Choreography#assemble} turns that into
 * trajectories. Repair ({@link PlanRepair}) works on the choreography: it splits a conflicting
 * transition into waves (some drones wait while others move) and assembles again.
 *
 * <p>Lights ({@link LightDesign}): dark on the ground and during the climb; each transition does
 * what its scene's {@code transitionLights} says (by default fades every drone from its colour to
 * its new point's colour); each hold shows its scene's effects over the scene's colours; reserve
 * points are dark; the way to the landing layer fades to dark. All light keyframes lie on
 * Skybrush's 20 ms ticks.
 */
public final class ShowPlanner {
    /**
     * Longest show planned, seconds (a day): far beyond any battery, and well inside the range
     * where knots on the 1 ms grid stay exact. Limits or holds that would take a show longer are
     * refused as bad input.
     */
    public static final double MAX_SHOW_SECONDS = 86_400;

    /**
     * Fraction of each speed and acceleration limit the planner uses. Flight files round
     * positions to 1 mm, which moves a Bézier's derivatives by up to ~0.01%; planning at 99.9%
     * keeps the exported files, not just the plan, within the limits.
     */
    public static final double LIMIT_USE = 0.999;

    /**
     * Most assignments solved at once: each solver holds O(n) working memory (~50 MB at 20,000
     * drones), and every solve already spreads its O(n²) scans over all processors.
     */
    static final int MAX_ASSIGN_THREADS = 4;

    private ShowPlanner() {
    }

    /** Receives progress: fraction in [0, 1] and what is being done. */
    public interface Progress {
        void update(double fraction, String detail);

        Progress NONE = (f, d) -> { };
    }

    /** Kind of a step of the choreography. */
    public enum StepKind { TAKEOFF, TRANSITION, HOLD, TO_LANDING, LANDING }

    /**
     * One step: every drone i goes from its position before the step to (x[i], y[i], z[i]),
     * showing colour rgb[i] at the end. A HOLD keeps positions for {@code hold} seconds.
     *
     * @param fixedDuration seconds asked for by the show, or null for as fast as the limits allow
     * @param sceneIndex    scene this step belongs to, or -1
     * @param endVelocity   a TRANSITION into a formation that is already moving when its hold
     *                      starts: each drone's velocity then, [3][n] m/s; (x, y, z) is then the
     *                      launch point, from which the drone accelerates along that velocity onto
     *                      the formation ({@link #ramp}); null: the drones arrive at rest
     * @param motion        a HOLD of a moving formation: how each drone moves, from (x, y, z) at the
     *                      hold start; null: still
     */
    public record Step(StepKind kind, String name, double[] x, double[] y, double[] z, int[] rgb,
                       Double fixedDuration, double hold, int sceneIndex, double assignmentCost,
                       double assignmentMillis, double[][] endVelocity, SceneMotion motion) {
        Step(StepKind kind, String name, double[] x, double[] y, double[] z, int[] rgb, Double fixedDuration,
             double hold, int sceneIndex, double assignmentCost, double assignmentMillis) {
            this(kind, name, x, y, z, rgb, fixedDuration, hold, sceneIndex, assignmentCost, assignmentMillis, null,
                    null);
        }
    }

    /**
     * Seconds to bring drones moving at {@code v} ([3][n] m/s) to rest, or from rest up to it, at
     * one constant acceleration each along its own velocity (|v_i|/T ≤ the acceleration limit):
     * a straight quadratic Bézier of length |v_i|·T/2. Speeds only fall (or only rise to |v_i|),
     * so every speed limit that the motion keeps, the ramp keeps. 0 for null.
     *
     * <p>Why a ramp and not a blend into CAPT's straight lines: a ramp moves each pair by
     * (v_i − v_j)·T/2 at most, and for a turning formation v_i − v_j = ω × (p_i − p_j) is
     * perpendicular to the pair, so the pair only moves apart; the CAPT move between the ramps is
     * rest to rest, exactly as for still formations.
     */
    static double ramp(double[][] v, Limits lim) {
        if (v == null) {
            return 0;
        }
        double fastest = 0;
        for (int i = 0; i < v[0].length; i++) {
            fastest = Math.max(fastest, Math.sqrt(v[0][i] * v[0][i] + v[1][i] * v[1][i] + v[2][i] * v[2][i]));
        }
        return TimeScaling.ceilMs(fastest / (LIMIT_USE * lim.maxAcceleration()));
    }

    /**
     * The points a moving scene ends on, where the next move starts: its motion's positions at
     * its end, and when it ends moving, where the drones come to rest after their ramp (see
     * {@link #ramp}). Indexed like {@code m}; as a set the same for m.forDrones(σ), since every
     * drone's point is computed from its own target alone.
     */
    private static double[][] exitPoints(SceneMotion m, Limits limits) {
        int n = m.size();
        double[] x = new double[n], y = new double[n], z = new double[n];
        m.positions(m.end(), x, y, z);
        double[][] u = movingAt(m, m.end(), true);
        double d = ramp(u, limits);
        if (u != null) {
            for (int i = 0; i < n; i++) {
                x[i] += u[0][i] * d / 2;
                y[i] += u[1][i] * d / 2;
                z[i] += u[2][i] * d / 2;
            }
        }
        return new double[][] {x, y, z};
    }

    /** Velocities [3][n] of a motion at τ ({@code fromLeft}: arriving), or null when every drone is at rest there. */
    private static double[][] movingAt(SceneMotion m, double tau, boolean fromLeft) {
        int n = m.size();
        double[][] v = new double[3][n];
        m.velocities(tau, fromLeft, v, new double[6][n]);
        for (int i = 0; i < n; i++) {
            if (Math.sqrt(v[0][i] * v[0][i] + v[1][i] * v[1][i] + v[2][i] * v[2][i]) > SceneMotion.JUMP_TOLERANCE) {
                return v;
            }
        }
        return null;
    }

    /**
     * Plans the choreography of {@code show} through {@code targets} (one per scene, each exactly
     * {@code show.drones()} points): all assignments solved, nothing timed yet.
     */
    public static Choreography choreograph(Show show, List<Targets> targets, Progress progress) {
        return choreograph(show, targets, progress, Assignments.FRESH);
    }

    /**
     * As {@link #choreograph(Show, List, Progress)}, each assignment solved by {@code solver}
     * (e.g. one that reuses cached results) on the start points in canonical order
     * ({@link Assignments}), so that the result depends on the point sets alone.
     */
    public static Choreography choreograph(Show show, List<Targets> targets, Progress progress,
                                           Assignments.Solver solver) {
        int n = show.drones();
        if (targets.size() != show.scenes().size()) {
            throw new IllegalArgumentException(targets.size() + " target sets for " + show.scenes().size() + " scenes");
        }
        for (int k = 0; k < targets.size(); k++) {
            if (targets.get(k).size() != n) {
                throw new IllegalArgumentException("scene " + k + " has " + targets.get(k).size()
                        + " targets for " + n + " drones");
            }
        }
        double[] padX = new double[n], padY = new double[n];
        pads(show.takeoff(), n, padX, padY);
        double h = show.takeoff().launchAltitude();
        List<Step> steps = new ArrayList<>();
        int[] dark = new int[n];

        double[] cx = padX, cy = padY, cz = filled(n, h);
        steps.add(new Step(StepKind.TAKEOFF, "takeoff", cx, cy, cz, dark, null, 0, -1, 0, 0));
        int scenes = show.scenes().size();
        // every scene's goal points, and the point set it ends on (in target order): the
        // transitions' problems, known before any of them is solved, so solved concurrently
        SceneMotion[] motions = new SceneMotion[scenes];
        double[][][] goals = new double[scenes][][];
        double[][][] launch = new double[scenes][][];
        List<double[][]> problems = new ArrayList<>();
        double[][] from = {cx, cy, cz};
        for (int k = 0; k < scenes; k++) {
            Targets g = targets.get(k);
            SceneMotion moving = SceneMotion.of(show, k, g);
            double[] gx = g.x(), gy = g.y(), gz = g.z();
            double[][] launchV = null;
            if (moving != null) {
                // the formation as it stands when its hold starts; when it is already moving then,
                // each drone is launched onto it from a ramp's length behind (see ramp)
                gx = new double[n];
                gy = new double[n];
                gz = new double[n];
                moving.positions(0, gx, gy, gz);
                launchV = movingAt(moving, 0, false);
                double d = ramp(launchV, show.limits());
                if (launchV != null) {
                    for (int j = 0; j < n; j++) {
                        gx[j] -= launchV[0][j] * d / 2;
                        gy[j] -= launchV[1][j] * d / 2;
                        gz[j] -= launchV[2][j] * d / 2;
                    }
                }
            }
            motions[k] = moving;
            goals[k] = new double[][] {gx, gy, gz};
            launch[k] = launchV;
            problems.add(new double[][] {from[0], from[1], from[2], gx, gy, gz});
            from = moving == null ? goals[k] : exitPoints(moving, show.limits());
        }
        boolean landingSolved = !show.landing().returnHome();
        double[] lz = filled(n, h);
        if (landingSolved) {
            problems.add(new double[][] {from[0], from[1], from[2], padX, padY, lz});
        }
        // the launch and landing layers (ground grid to a formation and back) are the largest
        // solves: started first, so that the others fill in beside them
        int m = problems.size();
        int[] first = new int[m];
        int f = 0;
        if (landingSolved && m > 1) {
            first[f++] = 0;
            first[f++] = m - 1;
        }
        for (int k = f == 0 ? 0 : 1; f < m; k++) {
            first[f++] = k;
        }
        int[] solved = {0};
        progress.update(0, "assigning " + m + " transitions");
        Assignments.Ahead ahead = new Assignments.Ahead(solver, problems, first,
                Math.min(MAX_ASSIGN_THREADS, Parallel.defaultThreads()),
                () -> progress.update((double) ++solved[0] / (m + 1), "assigned " + solved[0] + " of " + m));

        for (int k = 0; k < scenes; k++) {
            Scene scene = show.scenes().get(k);
            Targets g = targets.get(k);
            SceneMotion moving = motions[k];
            double[] gx = goals[k][0], gy = goals[k][1], gz = goals[k][2];
            double[][] launchV = launch[k];
            Assignment a = Assignments.solve(ahead, cx, cy, cz, gx, gy, gz);
            double ms = ahead.millis(k);
            double[] nx = new double[n], ny = new double[n], nz = new double[n];
            int[] rgb = new int[n];
            int[] to = a.target();
            for (int i = 0; i < n; i++) {
                nx[i] = gx[to[i]];
                ny[i] = gy[to[i]];
                nz[i] = gz[to[i]];
                rgb[i] = g.rgb()[to[i]];
            }
            double[][] arrive = null;
            double[] hx = nx, hy = ny, hz = nz;
            if (moving != null) {
                moving = moving.forDrones(to);
                hx = new double[n];
                hy = new double[n];
                hz = new double[n];
                moving.positions(0, hx, hy, hz);
                if (launchV != null) {
                    arrive = new double[3][n];
                    for (int i = 0; i < n; i++) {
                        for (int ax = 0; ax < 3; ax++) {
                            arrive[ax][i] = launchV[ax][to[i]];
                        }
                    }
                }
            }
            steps.add(new Step(StepKind.TRANSITION, "→ " + scene.name(), nx, ny, nz, rgb, scene.transition(), 0, k,
                    a.cost(), ms, arrive, null));
            steps.add(new Step(StepKind.HOLD, scene.name(), hx, hy, hz, rgb, null, scene.hold(), k, 0, 0, null, moving));
            cx = hx;
            cy = hy;
            cz = hz;
            if (moving != null) {
                // the next move starts where the motion ends (it ends within the hold), and when
                // it ends moving, where the drones come to rest after their ramp
                double[][] e = exitPoints(moving, show.limits());
                cx = e[0];
                cy = e[1];
                cz = e[2];
            }
        }
        double[] lx = new double[n], ly = new double[n];
        double cost = 0, ms = 0;
        if (!landingSolved) {
            System.arraycopy(padX, 0, lx, 0, n);
            System.arraycopy(padY, 0, ly, 0, n);
        } else {
            Assignment a = Assignments.solve(ahead, cx, cy, cz, padX, padY, lz);
            ms = ahead.millis(scenes);
            cost = a.cost();
            for (int i = 0; i < n; i++) {
                lx[i] = padX[a.target()[i]];
                ly[i] = padY[a.target()[i]];
            }
        }
        steps.add(new Step(StepKind.TO_LANDING, "to landing layer", lx, ly, lz, dark, null, 0, -1, cost, ms));
        steps.add(new Step(StepKind.LANDING, "landing", lx, ly, new double[n], dark, null, 0, -1, 0, 0));
        progress.update(1, "assigned");
        return new Choreography(show, padX, padY, steps);
    }

    /** Ground pad positions of the takeoff grid, centred at the origin, rows running away from the audience (+y). */
    public static void pads(Takeoff takeoff, int drones, double[] x, double[] y) {
        int cols = Math.min(takeoff.columns(), drones);
        int rows = (drones + cols - 1) / cols;
        double s = takeoff.spacing();
        for (int i = 0; i < drones; i++) {
            int c = i % cols;
            int r = i / cols;
            x[i] = (c - (cols - 1) / 2.0) * s;
            y[i] = (r - (rows - 1) / 2.0) * s;
        }
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** A moving formation's hold, to measure once the trajectories are built. */
    private record MovingHold(String scene, double start, double end) {
    }

    /** The result of assembling a choreography: the plan and per-transition figures (and per moving scene). */
    public record Assembled(Plan plan, List<TransitionStats> transitions, List<MotionStats> motions) {
        public Assembled {
            motions = motions == null ? List.of() : List.copyOf(motions);
        }

        /** A plan without moving scenes' figures. */
        public Assembled(Plan plan, List<TransitionStats> transitions) {
            this(plan, transitions, List.of());
        }
    }

    /**
     * A show's steps with their assignments fixed. {@link #assemble} times them; waves (per step,
     * per drone, 0 = first) split a move so that drones of wave w move only after wave w−1 arrived.
     */
    public static final class Choreography {
        private final Show show;
        private final double[] padX, padY;
        private final List<Step> steps;
        private final int[][] waves;

        Choreography(Show show, double[] padX, double[] padY, List<Step> steps) {
            this.show = show;
            this.padX = padX;
            this.padY = padY;
            this.steps = List.copyOf(steps);
            this.waves = new int[steps.size()][];
        }

        public List<Step> steps() {
            return steps;
        }

        public Show show() {
            return show;
        }

        /** Wave of each drone in step {@code s}, or null when everyone moves together. */
        public int[] waves(int s) {
            return waves[s];
        }

        /** Sets the waves of step {@code s} (null: one wave). */
        public void setWaves(int s, int[] w) {
            waves[s] = w;
        }

        /** Times every step and builds the plan. */
        public Assembled assemble() {
            Show sh = show;
            int n = sh.drones();
            Limits lim = sh.limits();
            double[] cx = padX.clone(), cy = padY.clone(), cz = new double[n];
            Trajectory.Builder[] tr = new Trajectory.Builder[n];
            for (int i = 0; i < n; i++) {
                tr[i] = Trajectory.startingAt(0, cx[i], cy[i], 0);
            }
            List<LightDesign.SceneInput> lightScenes = new ArrayList<>();
            double landingStart = 0, landingEnd = 0;
            double t = 0;
            List<TransitionStats> stats = new ArrayList<>();
            List<MovingHold> movingHolds = new ArrayList<>();
            List<SceneSpan> spans = new ArrayList<>();
            double sceneStart = 0;
            double[][] cv = null; // velocities where a move starts on a moving formation, else null
            for (int s = 0; s < steps.size(); s++) {
                Step st = steps.get(s);
                if (st.kind() == StepKind.HOLD) {
                    Scene scene = sh.scenes().get(st.sceneIndex());
                    double hold = st.hold();
                    if (scene.until() != null) {
                        hold = roundMs(scene.until().time() - t);
                        if (hold < 0) {
                            throw new TimelineException(st.sceneIndex(), String.format(Locale.ROOT,
                                    "%s is reached at %.3f s, after its hold should end (\"until\": %s = %.3f s): "
                                            + "move the cue later, or pin the scene's \"at\" earlier",
                                    st.name(), t, quoted(scene.until()), scene.until().time()));
                        }
                    }
                    if (!(t + hold <= MAX_SHOW_SECONDS)) {
                        throw new InputException(null, "scenes[" + st.sceneIndex() + "].hold", "a hold of "
                                + hold + " s takes the show past " + (long) MAX_SHOW_SECONDS + " s (a day)",
                                "hold for at most " + (long) Math.max(0, MAX_SHOW_SECONDS - t) + " s");
                    }
                    double end = roundMs(t + hold);
                    cv = null;
                    if (st.motion() != null) {
                        cv = flyMotion(st, scene, tr, t, hold, cx, cy, cz);
                        movingHolds.add(new MovingHold(scene.name(), t, roundMs(t + st.motion().end())));
                    }
                    for (int i = 0; i < n; i++) {
                        tr[i].holdUntil(end);
                    }
                    spans.add(new SceneSpan(st.name(), sceneStart, t, end, scene.at(), scene.until(),
                            EffectSpan.of(scene.effects(), t, end), scene.lights()));
                    List<dev.starling.light.effect.Effect> effects = scene.effects();
                    dev.starling.light.effect.Effect.DroneKeys frameColours =
                            st.motion() == null ? null : st.motion().frameColours();
                    if (frameColours != null) {
                        // a frame sequence's colours are the hold's light program, under its effects
                        effects = new ArrayList<>();
                        effects.add(new dev.starling.light.effect.Effect.Keyframes(
                                dev.starling.light.effect.Timing.whole(dev.starling.light.effect.Blend.NORMAL),
                                scene.formation().file(), frameColours, false));
                        effects.addAll(scene.effects());
                    }
                    lightScenes.add(new LightDesign.SceneInput(sceneStart, t, end, st.rgb(), st.x(), st.y(), st.z(),
                            effects, scene.lights()));
                    t = end;
                    continue;
                }
                if (st.kind() == StepKind.TRANSITION) {
                    sceneStart = t;
                }
                double start = t;
                double brakeXY = 0, brakeZ = 0, brakeAcc = 0;
                if (cv != null) {
                    // leaving a formation that is still moving: each drone brakes along its velocity
                    double d = ramp(cv, lim);
                    double tb = roundMs(t + d);
                    for (int i = 0; i < n; i++) {
                        cx[i] += cv[0][i] * d / 2;
                        cy[i] += cv[1][i] * d / 2;
                        cz[i] += cv[2][i] * d / 2;
                        tr[i].quadTo(tb, cx[i], cy[i], cz[i], cx[i], cy[i], cz[i]);
                        brakeXY = Math.max(brakeXY, Math.sqrt(cv[0][i] * cv[0][i] + cv[1][i] * cv[1][i]));
                        brakeZ = Math.max(brakeZ, Math.abs(cv[2][i]));
                        brakeAcc = Math.max(brakeAcc, Math.sqrt(cv[0][i] * cv[0][i] + cv[1][i] * cv[1][i]
                                + cv[2][i] * cv[2][i]) / d);
                    }
                    t = tb;
                    cv = null;
                }
                double launch = ramp(st.endVelocity(), lim);
                int[] w = waves[s];
                int nWaves = 1;
                if (w != null) {
                    for (int v : w) {
                        nWaves = Math.max(nWaves, v + 1);
                    }
                }
                double[] waveDurations = null;
                if (st.kind() == StepKind.TRANSITION && sh.scenes().get(st.sceneIndex()).at() != null) {
                    waveDurations = pinnedWaves(st, sh, lim, cx, cy, cz, w, nWaves, t, launch);
                }
                double lower = 0, longest = 0, pxy = 0, pup = 0, pdown = 0, pacc = 0;
                for (int wave = 0; wave < nWaves; wave++) {
                    Double fixed = waveDurations != null ? Double.valueOf(waveDurations[wave])
                            : nWaves == 1 ? st.fixedDuration() : null;
                    Move m = Move.of(st, lim, cx, cy, cz, w, wave, fixed);
                    if (m.profile != null && !(t + m.profile.duration() <= MAX_SHOW_SECONDS)) {
                        throw tooLong(st, m.profile.duration(), m.maxLen, nWaves == 1 && st.fixedDuration() != null);
                    }
                    t = m.emit(tr, t, cx, cy, cz, st, w, wave);
                    lower = Math.max(lower, m.lowerBound);
                    longest = Math.max(longest, m.maxLen);
                    pxy = Math.max(pxy, m.peakXY);
                    pup = Math.max(pup, m.peakUp);
                    pdown = Math.max(pdown, m.peakDown);
                    pacc = Math.max(pacc, m.peakAcc);
                }
                if (st.endVelocity() != null) {
                    // joining a formation that is already moving: each drone accelerates along its
                    // velocity from the launch point onto its place in the formation
                    double[][] v = st.endVelocity();
                    Step hold = steps.get(s + 1);
                    double tl = roundMs(t + launch);
                    for (int i = 0; i < n; i++) {
                        tr[i].quadTo(tl, cx[i], cy[i], cz[i], hold.x()[i], hold.y()[i], hold.z()[i]);
                        cx[i] = hold.x()[i];
                        cy[i] = hold.y()[i];
                        cz[i] = hold.z()[i];
                        brakeXY = Math.max(brakeXY, Math.sqrt(v[0][i] * v[0][i] + v[1][i] * v[1][i]));
                        brakeZ = Math.max(brakeZ, Math.abs(v[2][i]));
                        brakeAcc = Math.max(brakeAcc, Math.sqrt(v[0][i] * v[0][i] + v[1][i] * v[1][i]
                                + v[2][i] * v[2][i]) / launch);
                    }
                    t = tl;
                }
                pxy = Math.max(pxy, brakeXY);
                pup = Math.max(pup, brakeZ);
                pdown = Math.max(pdown, brakeZ);
                pacc = Math.max(pacc, brakeAcc);
                if (st.kind() == StepKind.TO_LANDING) {
                    landingStart = start;
                    landingEnd = t;
                }
                stats.add(new TransitionStats(st.name(), start, t - start, lower, longest, pxy, pup, pdown, pacc,
                        st.assignmentCost(), st.assignmentMillis(), Double.NaN));
            }
            List<Trajectory> trajectories = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                trajectories.add(tr[i].build());
            }
            List<MotionStats> motions = new ArrayList<>();
            for (MovingHold h : movingHolds) {
                motions.add(MotionStats.measure(h.scene(), h.start(), h.end(), trajectories, lim));
            }
            List<LightProgram> programs = LightDesign.build(n, lightScenes, landingStart, landingEnd,
                    sh.timeline().beats());
            return new Assembled(new Plan(sh.name(), lim, trajectories, programs, spans, sh.timeline(),
                    sh.lightLimits()), stats, motions);
        }

        /**
         * Flies a moving formation's hold from {@code t}: at every key and at least every
         * {@link #MOTION_STEP} s between keys, each drone's position and velocity (one-sided at the
         * ends of a piece) define one cubic Bézier (Hermite) piece. Leaves the end positions in
         * {@code cx, cy, cz}; returns the velocities at the end when the motion runs to the end of
         * the hold (the move out starts on them), else null.
         */
        private double[][] flyMotion(Step st, Scene scene, Trajectory.Builder[] tr, double t, double hold,
                                     double[] cx, double[] cy, double[] cz) {
            SceneMotion mo = st.motion();
            int n = mo.size();
            double end = mo.end();
            if (hold < end - 1e-9) {
                throw new TimelineException(st.sceneIndex(), String.format(Locale.ROOT,
                        "%s's motion runs %.3f s, and its hold lasts %.3f s: end the motion earlier, or hold longer",
                        st.name(), end, hold));
            }
            double[] k = mo.keyTimes();
            double[] x0 = new double[n], y0 = new double[n], z0 = new double[n];
            double[] x1 = new double[n], y1 = new double[n], z1 = new double[n];
            double[][] v0 = new double[3][n], v1 = new double[3][n], scratch = new double[6][n];
            mo.positions(0, x0, y0, z0);
            for (int seg = 0; seg + 1 < k.length; seg++) {
                int pieces = Math.max(1, (int) Math.ceil((k[seg + 1] - k[seg]) / MOTION_STEP - 1e-9));
                for (int q = 0; q < pieces; q++) {
                    double ta = roundMs(k[seg] + (k[seg + 1] - k[seg]) * q / pieces);
                    double tb = q + 1 == pieces ? k[seg + 1] : roundMs(k[seg] + (k[seg + 1] - k[seg]) * (q + 1) / pieces);
                    double h = tb - ta;
                    mo.velocities(ta, false, v0, scratch);
                    mo.velocities(tb, true, v1, scratch);
                    mo.positions(tb, x1, y1, z1);
                    double tEnd = roundMs(t + tb);
                    for (int i = 0; i < n; i++) {
                        tr[i].cubicTo(tEnd, x0[i] + h / 3 * v0[0][i], y0[i] + h / 3 * v0[1][i], z0[i] + h / 3 * v0[2][i],
                                x1[i] - h / 3 * v1[0][i], y1[i] - h / 3 * v1[1][i], z1[i] - h / 3 * v1[2][i],
                                x1[i], y1[i], z1[i]);
                    }
                    double[] sw = x0;
                    x0 = x1;
                    x1 = sw;
                    sw = y0;
                    y0 = y1;
                    y1 = sw;
                    sw = z0;
                    z0 = z1;
                    z1 = sw;
                }
            }
            System.arraycopy(x0, 0, cx, 0, n);
            System.arraycopy(y0, 0, cy, 0, n);
            System.arraycopy(z0, 0, cz, 0, n);
            double[][] vEnd = new double[3][n];
            mo.velocities(end, true, vEnd, scratch);
            double fastest = 0;
            for (int i = 0; i < n; i++) {
                fastest = Math.max(fastest, Math.sqrt(vEnd[0][i] * vEnd[0][i] + vEnd[1][i] * vEnd[1][i]
                        + vEnd[2][i] * vEnd[2][i]));
            }
            if (fastest <= SceneMotion.JUMP_TOLERANCE) {
                return null;
            }
            if (hold > end + 1e-9) {
                throw new TimelineException(st.sceneIndex(), String.format(Locale.ROOT,
                        "%s's motion ends %.3f s into a hold of %.3f s still moving at %.2f m/s: ease its last key "
                                + "(\"ease\": \"out\") so that it comes to rest, or end the motion with the hold",
                        st.name(), end, hold, fastest));
            }
            return vEnd;
        }
    }

    /**
     * Durations of the waves of a transition pinned to arrive at its scene's {@code at}: each
     * wave's fastest duration, stretched in proportion so that the last wave lands exactly on the
     * pin (1 ms grid). Refuses with the window, the time the limits need and the binding limit
     * when the pin leaves less time than the fastest flight.
     */
    private static double[] pinnedWaves(Step st, Show sh, Limits lim, double[] cx, double[] cy, double[] cz,
                                        int[] w, int nWaves, double t, double launch) {
        Scene scene = sh.scenes().get(st.sceneIndex());
        // the launch onto a moving formation takes the window's last `launch` seconds
        double window = roundMs(scene.at().time() - t - launch);
        double[] fastest = new double[nWaves];
        double need = 0;
        String binding = null;
        for (int wave = 0; wave < nWaves; wave++) {
            Move m = Move.of(st, lim, cx, cy, cz, w, wave, null);
            fastest[wave] = m.profile == null ? 0 : m.profile.duration();
            need += fastest[wave];
            if (binding == null || fastest[wave] >= need - fastest[wave]) {
                binding = m.binding;
            }
        }
        if (need > window + 1e-9) {
            String previous = st.sceneIndex() == 0 ? "the takeoff" : "the hold of "
                    + sh.scenes().get(st.sceneIndex() - 1).name();
            String waves = nWaves > 1 ? " in " + nWaves + " waves (split to keep the separation)" : "";
            String cue = window <= 0
                    ? String.format(Locale.ROOT, "the cue (\"at\": %s = %.3f s) comes %.3f s before %s ends",
                            quoted(scene.at()), scene.at().time(), -window, previous)
                    : String.format(Locale.ROOT, "the cue (\"at\": %s = %.3f s) leaves %.3f s", quoted(scene.at()),
                            scene.at().time(), window);
            throw new TimelineException(st.sceneIndex(), String.format(Locale.ROOT,
                    "%s needs %.3f s%s (%s), %s: end %s %.3f s earlier or move the cue %.3f s later",
                    st.name(), need, waves, binding == null ? "no motion" : binding, cue, previous,
                    need - window, need - window));
        }
        if (need == 0) {
            // nobody moves: hold still until the cue
            double[] d = new double[nWaves];
            d[nWaves - 1] = window;
            return d;
        }
        double[] d = new double[nWaves];
        double used = 0;
        for (int wave = 0; wave < nWaves - 1; wave++) {
            // floor: each wave's fastest time is on the 1 ms grid, so this never goes below it
            d[wave] = Math.floor(fastest[wave] * window / need * 1000 + 1e-6) / 1000;
            used += d[wave];
        }
        d[nWaves - 1] = roundMs(window - used);
        return d;
    }

    /**
     * Longest piece, seconds, of a moving formation's flight between keys. A cubic Hermite piece
     * through exact positions and velocities is off by at most r·(ω·h)⁴/384 on a turn of radius r
     * at ω rad/s: 0.1 mm for the flagship's wheels (11.6 m, 0.25 rad/s), 0.3 mm at 100 m and
     * 0.3 rad/s. Easings change at keys, which always end a piece.
     */
    public static final double MOTION_STEP = 1.0;

    private static String quoted(dev.starling.show.Pin p) {
        return p.written().matches("-?[0-9.]+") ? p.written() : "\"" + p.written() + "\"";
    }

    /** The error for a move that would take the show past {@link #MAX_SHOW_SECONDS}. */
    private static InputException tooLong(Step st, double duration, double maxLen, boolean fixed) {
        String what = String.format(java.util.Locale.ROOT,
                "\"%s\" would take %.4g s (longest move %.1f m), taking the show past %d s (a day)",
                st.name(), duration, maxLen, (long) MAX_SHOW_SECONDS);
        if (fixed) {
            return new InputException(null, "scenes[" + st.sceneIndex() + "].transition", what,
                    "give a shorter \"transition\", or remove it to fly as fast as the limits allow");
        }
        return new InputException(null, "limits", what,
                "raise limits.maxSpeedXY, maxSpeedUp, maxSpeedDown or maxAcceleration, or bring the formations closer");
    }

    /** One synchronized straight-line move of the drones of one wave. */
    private static final class Move {
        double lowerBound, maxLen, peakXY, peakUp, peakDown, peakAcc;
        TimeScaling profile;
        /** The limit that sets the fastest duration, in words: "horizontal speed 8 m/s". */
        String binding;
        /** Seconds everyone waits when nobody moves but the step has a fixed duration (a pin). */
        double holdFor;

        static Move of(Step st, Limits lim, double[] cx, double[] cy, double[] cz, int[] w, int wave,
                       Double fixedDuration) {
            Move m = new Move();
            double maxRate = Double.POSITIVE_INFINITY;
            int n = cx.length;
            double maxXY = 0, maxUp = 0, maxDown = 0;
            String rateLimit = null;
            for (int i = 0; i < n; i++) {
                if (w != null && w[i] != wave) {
                    continue;
                }
                double dx = st.x()[i] - cx[i], dy = st.y()[i] - cy[i], dz = st.z()[i] - cz[i];
                double xy = Math.sqrt(dx * dx + dy * dy);
                double len = Math.sqrt(xy * xy + dz * dz);
                if (len == 0) {
                    continue;
                }
                double rate = Double.POSITIVE_INFINITY;
                String which = null;
                if (xy > 0) {
                    rate = Math.min(rate, LIMIT_USE * lim.maxSpeedXY() / xy);
                    which = "horizontal speed " + fmt(lim.maxSpeedXY()) + " m/s";
                }
                if (dz > 0 && LIMIT_USE * lim.maxSpeedUp() / dz < rate) {
                    rate = LIMIT_USE * lim.maxSpeedUp() / dz;
                    which = "climb speed " + fmt(lim.maxSpeedUp()) + " m/s";
                } else if (dz < 0 && LIMIT_USE * lim.maxSpeedDown() / -dz < rate) {
                    rate = LIMIT_USE * lim.maxSpeedDown() / -dz;
                    which = "descent speed " + fmt(lim.maxSpeedDown()) + " m/s";
                }
                if (rate < maxRate) {
                    maxRate = rate;
                    rateLimit = which;
                }
                m.maxLen = Math.max(m.maxLen, len);
                maxXY = Math.max(maxXY, xy);
                maxUp = Math.max(maxUp, dz);
                maxDown = Math.max(maxDown, -dz);
                m.lowerBound = Math.max(m.lowerBound, TimeScaling.optimalDuration(rate / LIMIT_USE, lim.maxAcceleration() / len));
            }
            if (m.maxLen == 0) {
                m.holdFor = fixedDuration == null ? 0 : fixedDuration;
                return m;
            }
            double maxAccel = LIMIT_USE * lim.maxAcceleration() / m.maxLen;
            if (!(maxRate > 0) || !(maxAccel > 0)) {
                // a limit so small (4.9e-324 m/s) or a move so long that the rate underflows to 0
                throw tooLong(st, Double.POSITIVE_INFINITY, m.maxLen, fixedDuration != null);
            }
            TimeScaling fastest = TimeScaling.timeOptimal(maxRate, maxAccel);
            m.binding = fastest.tc() > 0 && rateLimit != null ? rateLimit
                    : "acceleration " + fmt(lim.maxAcceleration()) + " m/s²";
            if (fixedDuration != null) {
                if (fixedDuration < fastest.duration() - 1e-9) {
                    throw new InputException(null, "scenes[" + st.sceneIndex() + "].transition",
                            "a " + fixedDuration + " s transition is too short: the limits need at least "
                                    + String.format("%.3f", fastest.duration()) + " s for the longest move ("
                                    + String.format("%.1f", m.maxLen) + " m)",
                            "set \"transition\" to at least " + Math.ceil(fastest.duration() * 10) / 10
                                    + " or remove it to fly as fast as the limits allow");
                }
                m.profile = TimeScaling.fixedDuration(fixedDuration, maxRate, maxAccel);
            } else {
                m.profile = fastest;
            }
            double r = m.profile.cruise();
            m.peakXY = maxXY * r;
            m.peakUp = maxUp * r;
            m.peakDown = maxDown * r;
            m.peakAcc = m.maxLen * m.profile.accel();
            return m;
        }

        /** Appends this move to the builders, starting at {@code t}; returns the end time. */
        double emit(Trajectory.Builder[] tr, double t, double[] cx, double[] cy, double[] cz, Step st, int[] w,
                    int wave) {
            if (profile == null) {
                if (holdFor <= 0) {
                    return t;
                }
                double tEnd = roundMs(t + holdFor);
                for (Trajectory.Builder b : tr) {
                    b.holdUntil(tEnd);
                }
                return tEnd;
            }
            TimeScaling p = profile;
            double t1 = roundMs(t + p.ta());
            double t2 = roundMs(t + p.ta() + p.tc());
            double tEnd = roundMs(t + p.duration());
            double s1 = p.sAfterAccel(), s2 = p.sAfterCruise();
            int n = cx.length;
            for (int i = 0; i < n; i++) {
                double bx = st.x()[i], by = st.y()[i], bz = st.z()[i];
                double ax = cx[i], ay = cy[i], az = cz[i];
                double dx = bx - ax, dy = by - ay, dz = bz - az;
                if ((w != null && w[i] != wave) || (dx == 0 && dy == 0 && dz == 0)) {
                    tr[i].holdUntil(tEnd);
                    continue;
                }
                tr[i].quadTo(t1, ax, ay, az, ax + s1 * dx, ay + s1 * dy, az + s1 * dz);
                if (t2 > t1) {
                    tr[i].lineTo(t2, ax + s2 * dx, ay + s2 * dy, az + s2 * dz);
                }
                tr[i].quadTo(tEnd, bx, by, bz, bx, by, bz);
                cx[i] = bx;
                cy[i] = by;
                cz[i] = bz;
            }
            return tEnd;
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    static double roundMs(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
