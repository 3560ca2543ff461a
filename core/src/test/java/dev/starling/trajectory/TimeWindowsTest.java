package dev.starling.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimeWindowsTest {
    /** A flight through random points at the given knots, each piece of a random degree. */
    private static Trajectory flight(SplittableRandom rnd, double[] knots) {
        Trajectory.Builder b = Trajectory.startingAt(knots[0], rnd.nextDouble(-50, 50), rnd.nextDouble(-50, 50),
                rnd.nextDouble(0, 50));
        for (int k = 1; k < knots.length; k++) {
            double[] pts = new double[9];
            for (int i = 0; i < 9; i++) {
                pts[i] = rnd.nextDouble(-50, 50);
            }
            b.segment(knots[k], 1 + rnd.nextInt(3), pts);
        }
        return b.build();
    }

    @Test
    void cutsAreTheKnotsEveryFlightShares() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<Trajectory> fleet = List.of(
                flight(rnd, new double[] {0, 1, 2, 3, 5, 8}),
                flight(rnd, new double[] {0, 2, 3, 4, 8}),
                flight(rnd, new double[] {0, 1.5, 2, 5, 6, 8}),
                // ends at 3: rests from there, so later times are cuts as far as it is concerned
                flight(rnd, new double[] {0, 2, 3}));
        assertArrayEquals(new double[] {2}, TimeWindows.cuts(fleet));
        List<Trajectory> sameKnots = List.of(flight(rnd, new double[] {0, 1, 4, 9}), flight(rnd, new double[] {0, 1, 4, 9}));
        assertArrayEquals(new double[] {1, 4}, TimeWindows.cuts(sameKnots));
    }

    @Test
    void windowsHoldEachFlightsOwnMotionAndMapBackToItsDrone() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] knots = {0, 1, 2.5, 4, 4.5, 7};
        List<Trajectory> fleet = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fleet.add(flight(rnd, knots));
        }
        fleet.add(flight(rnd, new double[] {1, 2.5, 3})); // starts late and ends early
        double[] cuts = TimeWindows.cuts(fleet);
        assertArrayEquals(new double[] {1, 2.5, 4, 4.5}, cuts);
        TimeWindows.Cut cut = TimeWindows.of(fleet, cuts);
        assertEquals(5, cut.size());
        double[] p = new double[3], q = new double[3];
        for (int k = 0; k < cut.size(); k++) {
            TimeWindows.Window w = cut.window(k);
            assertEquals(cut.start(k), w.start());
            assertEquals(cut.end(k), w.end());
            boolean[] seen = new boolean[fleet.size()];
            for (int j = 0; j < w.flights().size(); j++) {
                Trajectory part = w.flights().get(j);
                Trajectory whole = fleet.get(w.drone(j));
                seen[w.drone(j)] = true;
                if (j > 0) {
                    assertTrue(Trajectory.compareContent(w.flights().get(j - 1), part) <= 0, "canonical order");
                }
                for (int s = 0; s <= 20; s++) {
                    double t = w.start() + (w.end() - w.start()) * s / 20;
                    part.position(t, p, 0);
                    whole.position(t, q, 0);
                    // a part cut from the flight is its own segments, to the bit; a flight resting outside
                    // its span stands in as a held point (v·p + u·p: within an ulp)
                    boolean overlaps = whole.startTime() < w.end() && whole.endTime() > w.start();
                    assertArrayEquals(q, p, overlaps ? 0 : 1e-12, "same position at t=" + t);
                    part.velocity(t, p, 0);
                    whole.velocity(t, q, 0);
                    if (t > w.start() && t < w.end() && t > whole.startTime() && t < whole.endTime()) {
                        assertArrayEquals(q, p, 1e-9, "same velocity inside the window at t=" + t);
                    }
                }
            }
            for (boolean b : seen) {
                assertTrue(b, "every drone in every window");
            }
        }
    }

    @Test
    void theDigestFollowsContentNotWhichDroneFliesIt() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] knots = {0, 2, 3, 6};
        List<Trajectory> fleet = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fleet.add(flight(rnd, knots));
        }
        List<Trajectory> shuffled = new ArrayList<>(fleet);
        Collections.shuffle(shuffled, new java.util.Random(5));
        double[] cuts = TimeWindows.cuts(fleet);
        TimeWindows.Cut a = TimeWindows.of(fleet, cuts), b = TimeWindows.of(shuffled, cuts);
        for (int k = 0; k < a.size(); k++) {
            TimeWindows.Window wa = a.window(k), wb = b.window(k);
            assertArrayEquals(wa.digest(), wb.digest(), "window " + k);
            assertEquals(wa.flights(), wb.flights());
            for (int j = 0; j < fleet.size(); j++) {
                assertTrue(shuffled.get(wb.drone(j)) == fleet.get(wa.drone(j)), "maps to the same flight");
            }
        }
        // one control point moved by one ulp, in the last window only: only that digest changes
        Trajectory t = fleet.get(4);
        Trajectory.Builder nb = Trajectory.startingAt(0, t.control(0, 0, 0), t.control(0, 0, 1), t.control(0, 0, 2));
        for (int s = 0; s < t.segmentCount(); s++) {
            double[] pts = new double[9];
            for (int k = 1; k <= t.degree(s); k++) {
                for (int ax = 0; ax < 3; ax++) {
                    pts[3 * (k - 1) + ax] = t.control(s, k, ax);
                }
            }
            if (s == t.segmentCount() - 1) {
                pts[0] = Math.nextUp(pts[0]);
            }
            nb.segment(t.knot(s + 1), t.degree(s), pts);
        }
        List<Trajectory> edited = new ArrayList<>(fleet);
        edited.set(4, nb.build());
        TimeWindows.Cut c = TimeWindows.of(edited, cuts);
        for (int k = 0; k < a.size(); k++) {
            boolean same = Arrays.equals(a.window(k).digest(), c.window(k).digest());
            assertEquals(k < a.size() - 1, same, "window " + k);
        }
        assertFalse(Arrays.equals(a.window(0).digest(), a.window(1).digest()));
    }
}
