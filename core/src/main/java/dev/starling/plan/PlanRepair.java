package dev.starling.plan;

import dev.starling.verify.VerificationReport;
import dev.starling.verify.VerificationReport.Check;
import dev.starling.verify.VerificationReport.Violation;
import dev.starling.verify.Verifier;
import dev.starling.verify.VerifyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Verifies an assembled choreography and repairs separation conflicts of its transitions.
 *
 * <p>CAPT's guarantee needs start and goal sets spaced ≥ √2·d_min and the optimal assignment;
 * when a show breaks that (dense formations, {@code returnHome} landing, which fixes the
 * assignment), the {@link Verifier} finds the conflicting pairs. The repair is <em>time
 * offsets by waves</em>: in a conflicting transition one drone of each conflicting pair moves in
 * a later wave, while the drones of the other waves hold still; each wave is itself a
 * synchronized straight-line move with its own time-optimal profile. It keeps every trajectory
 * a chain of straight Bézier pieces (exactly representable in flight files), never touches
 * transitions that were clean, and is re-verified after every round. Conflicts during a hold
 * (a formation itself too dense) and other limit violations cannot be repaired this way and are
 * reported as they are. Nothing is ever declared clean without a clean verification.
 */
public final class PlanRepair {
    /** Most waves a transition may be split into. */
    public static final int MAX_WAVES = 6;
    /**
     * Per-transition separation is measured exactly up to this multiple of d_min (the verifier
     * computes exact minima within 10% above its bound); a transition whose drones all stay
     * farther apart reports +Infinity ("more than that"). A wider probe costs as much again as the
     * whole verification, for figures that no longer matter to safety.
     */
    public static final double SEPARATION_PROBE = 1.1;
    /** Most verify–repair rounds. */
    public static final int MAX_ROUNDS = 8;

    private PlanRepair() {
    }

    /**
     * The outcome: the final plan and its verification, how many repair rounds ran, which
     * transitions were split (name → waves) and the verification time.
     */
    public record Outcome(ShowPlanner.Assembled assembled, VerificationReport report, int rounds,
                          List<String> repaired, double verifySeconds, double repairSeconds) {
        public boolean clean() {
            return report.clean();
        }
    }

    /** Receives a line of progress text. */
    public interface Log {
        void line(String text);
    }

    /** Assembles, verifies and, where needed, repairs {@code ch} in place. */
    public static Outcome run(ShowPlanner.Choreography ch, VerifyOptions options, Log log) {
        VerifyOptions opts = options.withMaxViolations(Math.max(options.maxViolations(), 100_000));
        long repairNanos = 0;
        long verifyNanos = 0;
        ShowPlanner.Assembled as = ch.assemble();
        long t0 = System.nanoTime();
        VerificationReport rep = as.plan().verify(as.plan().limits(), opts.withWindows(windows(as)));
        verifyNanos += System.nanoTime() - t0;
        TreeSet<String> repaired = new TreeSet<>();
        int round = 0;
        while (!rep.clean() && round < MAX_ROUNDS) {
            long r0 = System.nanoTime();
            boolean changed = splitConflicts(ch, as, rep, repaired);
            if (!changed) {
                break;
            }
            round++;
            log.line("repair round " + round + ": " + rep.check(Check.SEPARATION).count()
                    + " conflicting pairs; transitions split into waves: " + String.join(", ", repaired));
            as = ch.assemble();
            repairNanos += System.nanoTime() - r0;
            long v0 = System.nanoTime();
            rep = as.plan().verify(as.plan().limits(), opts.withWindows(windows(as)));
            verifyNanos += System.nanoTime() - v0;
        }
        as = new ShowPlanner.Assembled(as.plan(), withSeparation(as, rep), as.motions());
        return new Outcome(as, rep, round, List.copyOf(repaired), verifyNanos / 1e9, repairNanos / 1e9);
    }

    /** The transitions' time windows, in order, for the verifier to report their closest approaches. */
    static List<VerifyOptions.Window> windows(ShowPlanner.Assembled as) {
        List<VerifyOptions.Window> out = new ArrayList<>();
        for (TransitionStats ts : as.transitions()) {
            if (ts.duration() > 0) {
                out.add(new VerifyOptions.Window(ts.start(), ts.end()));
            }
        }
        return out;
    }

    /**
     * Each transition's closest approach, from the verification of the whole plan with the
     * transitions as report windows ({@link VerifyOptions#windows()}): exact when below 1.1 ×
     * d_min ({@link #SEPARATION_PROBE}), +Infinity ("more than that") otherwise. One sweep:
     * verifying each transition's slice again cost about half a verification more.
     */
    static List<TransitionStats> withSeparation(ShowPlanner.Assembled as, VerificationReport rep) {
        if (!dev.starling.show.Limits.given(as.plan().limits().minSeparation())) {
            return as.transitions();
        }
        List<Double> minima = rep.windowMinSeparation();
        List<TransitionStats> out = new ArrayList<>();
        int w = 0;
        for (TransitionStats ts : as.transitions()) {
            out.add(ts.duration() > 0 ? ts.withMinSeparation(minima.get(w++)) : ts);
        }
        return out;
    }

    /**
     * Moves one drone of every conflicting pair of a transition to another wave. Returns false
     * when nothing can be changed: no separation conflict, a conflict during a hold or on the
     * ground, another kind of violation, or the wave limit is reached.
     */
    static boolean splitConflicts(ShowPlanner.Choreography ch, ShowPlanner.Assembled as, VerificationReport rep,
                                  TreeSet<String> repaired) {
        for (Violation v : rep.violations()) {
            if (v.check() != Check.SEPARATION) {
                return false;
            }
        }
        List<ShowPlanner.Step> steps = ch.steps();
        // the assembled transitions are the non-hold steps, in order
        List<Integer> moveSteps = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) {
            if (steps.get(s).kind() != ShowPlanner.StepKind.HOLD) {
                moveSteps.add(s);
            }
        }
        List<TransitionStats> ts = as.transitions();
        int n = ch.show().drones();
        boolean changed = false;
        int[] conflicts = new int[n];
        for (Violation v : rep.violations()) {
            conflicts[v.droneA()]++;
            if (v.droneB() >= 0) {
                conflicts[v.droneB()]++;
            }
        }
        for (Violation v : rep.violations()) {
            int k = transitionAt(ts, v.time());
            if (k < 0 || v.droneB() < 0) {
                return false;
            }
            int s = moveSteps.get(k);
            int[] w = ch.waves(s);
            if (w == null) {
                w = new int[n];
            }
            int a = v.droneA(), b = v.droneB();
            if (w[a] == w[b]) {
                // the drone in more conflicts waits for the others; ties: the higher index
                int x = conflicts[a] > conflicts[b] || (conflicts[a] == conflicts[b] && a > b) ? a : b;
                if (w[x] + 1 >= MAX_WAVES) {
                    return false;
                }
                w[x]++;
            } else {
                // one was waiting where the other flew: let them fly together instead
                int later = w[a] > w[b] ? a : b;
                w[later] = Math.min(w[a], w[b]);
            }
            ch.setWaves(s, w);
            repaired.add(steps.get(s).name());
            changed = true;
        }
        return changed;
    }

    private static int transitionAt(List<TransitionStats> ts, double t) {
        for (int k = 0; k < ts.size(); k++) {
            TransitionStats s = ts.get(k);
            if (t >= s.start() - 1e-9 && t <= s.end() + 1e-9 && s.duration() > 0) {
                return k;
            }
        }
        return -1;
    }
}
