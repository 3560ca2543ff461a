package dev.starling.trajectory;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fleet's flights cut in time into windows that can be checked (verified, analysed, written)
 * one by one and recognised again by their content.
 *
 * <p><b>Cuts.</b> A cut is a time strictly inside the fleet's span at which no flight is in the
 * middle of a segment: it is a knot of every flight whose span contains it (a flight that has
 * not started yet or has already ended rests at its first or last point). Cutting there loses
 * nothing: {@link Trajectory#slice} at knots copies segments exactly, so every position,
 * velocity and acceleration in a window is the flight's own. A planned show has a cut at every
 * scene boundary (all drones start and end their transitions together) and at each common step
 * of an animated hold.
 *
 * <p><b>Canonical order.</b> A window lists its flights sorted by content
 * ({@link Trajectory#compareContent}), with {@link Window#drone(int)} mapping each back to its
 * flight's index, and carries the SHA-256 of that sorted content: a result computed on a window
 * (in canonical order) depends only on what flies in it, not on which drone flies which path,
 * so an edit that swaps drones between paths after a re-solved assignment still finds the
 * window's earlier result under the same digest. Equal paths (two drones in one place) keep
 * their flights' order among themselves.
 */
public final class TimeWindows {
    private TimeWindows() {
    }

    /**
     * The cuts of {@code flights}, ascending: the times strictly inside (earliest start, latest
     * end) that are a knot of each flight spanning them. They are looked for among the knots of
     * one flight that spans the whole fleet, so where every flight does (a planned show) these
     * are all of them; otherwise some may be missed, which only makes windows longer. Empty for
     * no flights.
     */
    public static double[] cuts(List<Trajectory> flights) {
        if (flights.isEmpty()) {
            return new double[0];
        }
        double t0 = Double.POSITIVE_INFINITY, t1 = Double.NEGATIVE_INFINITY;
        for (Trajectory t : flights) {
            t0 = Math.min(t0, t.startTime());
            t1 = Math.max(t1, t.endTime());
        }
        // candidates: the knots of one flight, the one with the fewest among those that span the
        // whole fleet (every flight of a planned show does); then each candidate that some other
        // flight is in the middle of a segment at is struck off
        Trajectory fewest = null;
        for (Trajectory t : flights) {
            boolean whole = t.startTime() == t0 && t.endTime() == t1;
            if (whole && (fewest == null || t.segmentCount() < fewest.segmentCount())) {
                fewest = t;
            }
        }
        if (fewest == null) {
            fewest = flights.get(0);
        }
        double[] cand = new double[fewest.segmentCount() + 2];
        int n = 0;
        // a flight's own ends are cuts too when other flights go on beyond them
        for (int i = 0; i <= fewest.segmentCount(); i++) {
            double k = fewest.knot(i);
            if (k > t0 && k < t1) {
                cand[n++] = k;
            }
        }
        cand = Arrays.copyOf(cand, n);
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        for (Trajectory t : flights) {
            for (int c = 0; c < n; c++) {
                if (keep[c] && !restsOrKnot(t, cand[c])) {
                    keep[c] = false;
                }
            }
        }
        double[] out = new double[n];
        int m = 0;
        for (int c = 0; c < n; c++) {
            if (keep[c]) {
                out[m++] = cand[c];
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** Whether t is outside the flight's open span or one of its knots. */
    private static boolean restsOrKnot(Trajectory t, double time) {
        if (time <= t.startTime() || time >= t.endTime()) {
            return true;
        }
        int s = t.segmentAt(time);
        return t.knot(s) == time;
    }

    /**
     * The windows between consecutive cuts, from the earliest start to the latest end: {@code
     * cuts.length + 1} of them (one for no cuts). Each is made on demand by {@link #window}, so a
     * caller holds one window's copy of the flights at a time.
     */
    public static Cut of(List<Trajectory> flights, double[] cuts) {
        double t0 = Double.POSITIVE_INFINITY, t1 = Double.NEGATIVE_INFINITY;
        for (Trajectory t : flights) {
            t0 = Math.min(t0, t.startTime());
            t1 = Math.max(t1, t.endTime());
        }
        double[] edges = new double[cuts.length + 2];
        edges[0] = t0;
        System.arraycopy(cuts, 0, edges, 1, cuts.length);
        edges[edges.length - 1] = t1;
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("cuts must lie strictly inside the flights' span, ascending: "
                        + Arrays.toString(cuts));
            }
        }
        return new Cut(List.copyOf(flights), edges);
    }

    /** A fleet cut into windows; window k spans [edge(k), edge(k + 1)]. */
    public static final class Cut {
        private final List<Trajectory> flights;
        private final double[] edges;

        private Cut(List<Trajectory> flights, double[] edges) {
            this.flights = flights;
            this.edges = edges;
        }

        public int size() {
            return edges.length - 1;
        }

        public double start(int k) {
            return edges[k];
        }

        public double end(int k) {
            return edges[k + 1];
        }

        /** Window k: every flight's part in it, in canonical order, with the digest of that content. */
        public Window window(int k) {
            double a = edges[k], b = edges[k + 1];
            int n = flights.size();
            Trajectory[] part = new Trajectory[n];
            double[] p = new double[3];
            for (int i = 0; i < n; i++) {
                Trajectory t = flights.get(i);
                if (t.endTime() <= a) {
                    t.position(t.endTime(), p, 0);
                    part[i] = Trajectory.stationary(a, b, p[0], p[1], p[2]);
                } else if (t.startTime() >= b) {
                    t.position(t.startTime(), p, 0);
                    part[i] = Trajectory.stationary(a, b, p[0], p[1], p[2]);
                } else if (t.startTime() >= a && t.endTime() <= b) {
                    part[i] = t;
                } else {
                    part[i] = t.slice(a, b);
                }
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> {
                int c = Trajectory.compareContent(part[x], part[y]);
                return c != 0 ? c : Integer.compare(x, y);
            });
            List<Trajectory> sorted = new ArrayList<>(n);
            int[] drone = new int[n];
            for (int i = 0; i < n; i++) {
                drone[i] = order[i];
                sorted.add(part[order[i]]);
            }
            return new Window(a, b, List.copyOf(sorted), drone, digest(a, b, sorted));
        }
    }

    private static byte[] digest(double a, double b, List<Trajectory> sorted) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(Double.doubleToRawLongBits(a));
            out.writeLong(Double.doubleToRawLongBits(b));
            out.writeInt(sorted.size());
            for (Trajectory t : sorted) {
                t.writeContent(out);
                if (bytes.size() >= 1 << 16) {
                    out.flush();
                    md.update(bytes.toByteArray());
                    bytes.reset();
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        md.update(bytes.toByteArray());
        return md.digest();
    }

    /**
     * One window [start, end]: the flights' parts in it in canonical order ({@code flights}),
     * {@code drone(k)} the index in the fleet of the flight whose part is {@code flights.get(k)},
     * and {@code digest} the SHA-256 of the window's times and sorted content.
     */
    public record Window(double start, double end, List<Trajectory> flights, int[] droneOf, byte[] digest) {
        /** The fleet index of the k-th flight in canonical order. */
        public int drone(int k) {
            return droneOf[k];
        }
    }
}
