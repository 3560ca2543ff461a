package dev.starling.analysis;

import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.trajectory.SegmentIndex;
import java.util.List;

/**
 * What one round of analyses leaves for the next round on an edited copy of the same show
 * ({@code plan --watch}, the show preview), so that the battery and clearance analyses work
 * again only on the Bézier segments an edit changed.
 *
 * <p>Both analyses are sums or unions of per-segment results: a segment's energy is a function
 * of its own control points and times, the drone and wind model and the light program over its
 * time; its clearance samples (pass 1) of its own control points and times, the site and the
 * step and buffer (a sample at a knot is the segment's shared end point, bit for bit, and the
 * site's nearest structure does not depend on the query's hint or the index). So a segment of
 * the new plan takes over the result of a segment of the last plan when the two are the same
 * bit for bit, wherever either sits: a one-scene edit renumbers the drones after it, and each
 * drone's path there is one some other drone flew before. Segments are found by a 64-bit hash
 * of their content and always confirmed by comparing every bit; lights are compared over the
 * segment's time. Everything else (the sums in flight order, the clearance bisection, the
 * lists) is done afresh, so a report with the memo equals a report without it.
 *
 * <p>One round at a time (not thread-safe across rounds). Beside the last plan itself it keeps
 * the plan's segment index (about 24 bytes a segment), each segment's energy (16 bytes) and the
 * clearance samples (28 bytes each, one or more per segment).
 */
public final class AnalysisMemo {
    private Round last;

    /** An empty memo: the first analyses with it work everything out. */
    public AnalysisMemo() {
    }

    /**
     * How many Bézier segments of the last plan analysed with this memo equal one of the plan
     * before it (their results were taken over where the model and lights also agree).
     */
    public synchronized int matchedSegments() {
        return last == null ? 0 : last.matched;
    }

    /** How many Bézier segments the last plan analysed with this memo has. */
    public synchronized int segmentCount() {
        return last == null ? 0 : last.now.count();
    }

    /**
     * The round for {@code plan}: the current one when the analyses of this round have seen the
     * same trajectories already, else a new one whose segments are matched against the last.
     */
    synchronized Round round(Plan plan) {
        if (last != null && last.now.trajectories() == plan.trajectories()) {
            return last;
        }
        Round before = last;
        if (before != null) {
            before.before = null; // keep one round back, not a chain
            before.old = null;
        }
        last = new Round(SegmentIndex.of(plan.trajectories()), plan.lights(), before);
        return last;
    }

    /** One plan's analyses: its segments, the last round's segment for each (or −1), the results kept. */
    static final class Round {
        final SegmentIndex now;
        final List<LightProgram> lights;
        Round before;
        int[] old;
        final int matched;
        /** Per segment of {@link #now}: energy (J) and airborne time (s), with the model they hold for. */
        Battery battery;
        /** Per drone of {@link #now}: pass-1 clearance samples, and per segment where its own begin. */
        Clearance clearance;

        private Round(SegmentIndex now, List<LightProgram> lights, Round before) {
            this.now = now;
            this.lights = lights;
            this.before = before;
            old = now.match(before == null ? null : before.now);
            matched = SegmentIndex.matched(old);
        }

        /** The last round's segment equal to segment {@code g} of this one, −1 if none (or no last round). */
        int old(int g) {
            return old == null ? -1 : old[g];
        }

        /** The light program of the last round's drone that flew segment {@code o} of it. */
        LightProgram oldLights(int o) {
            return before.lights.get(before.now.droneOf(o));
        }
    }

    /** Battery results per segment and the model they were worked out with. */
    record Battery(DroneProfile drone, double wx, double wy, double[] energy, double[] airborne) {
        boolean sameModel(DroneProfile d, double x, double y) {
            return drone.equals(d) && Double.compare(wx, x) == 0 && Double.compare(wy, y) == 0;
        }
    }

    /** Clearance pass-1 samples per drone, where each segment's begin, and what they were worked out with. */
    record Clearance(dev.starling.site.Site site, ClearanceAnalysis.Structures structures, double[] extent, double h,
                     double buffer, double[][] t, double[][] d, double[][] v, int[][] k, int[] counts,
                     int[] segmentStart) {
        boolean sameModel(dev.starling.site.Site s, double step, double buf) {
            return site.equals(s) && Double.compare(h, step) == 0 && Double.compare(buffer, buf) == 0;
        }
    }
}
