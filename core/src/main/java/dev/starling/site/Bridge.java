package dev.starling.site;

import java.util.Arrays;
import java.util.List;

/**
 * A bridge: a road deck along a polyline at a fixed height, with optional pylons (cable-stayed
 * towers) and an optional arch (two ribs over the deck edges, as on Chaotianmen's through-arch).
 * Metres in the show frame.
 *
 * @param name       e.g. {@code "Qiansimen Bridge"}
 * @param deck       polyline vertices [x, y], at least two, shore to shore
 * @param deckHeight z of the road surface, metres
 * @param width      deck width, metres; the pylons stand within it
 * @param thickness  depth of the deck structure below the road surface, metres
 * @param pylons     towers standing on the deck line, possibly none
 * @param lightRgb   colour of the deck and cable lights, 0xRRGGBB
 * @param arch       the arch over the deck, or {@code null}
 */
public record Bridge(String name, double[][] deck, double deckHeight, double width, double thickness,
                     List<Pylon> pylons, int lightRgb, Arch arch) {
    /** Sections each arch rib is drawn and measured as. */
    public static final int ARCH_SECTIONS = 32;
    /** Depth of an arch rib, metres: it is measured as a tube of this diameter. */
    public static final double ARCH_RIB = 5.0;

    /**
     * A parabolic arch over part of the deck: its feet at fractions {@code from} and {@code to} of
     * the deck's length (0 at the first deck point, 1 at the last), its crown {@code rise} metres
     * above the road in the middle; one rib over each deck edge.
     */
    public record Arch(double from, double to, double rise) {
        public Arch {
            if (!(from >= 0 && from < to && to <= 1) || !(rise > 0) || !Double.isFinite(rise)) {
                throw new IllegalArgumentException("an arch needs 0 <= from < to <= 1 and a positive rise");
            }
        }
    }

    /** A bridge without an arch. */
    public Bridge(String name, double[][] deck, double deckHeight, double width, double thickness,
                  List<Pylon> pylons, int lightRgb) {
        this(name, deck, deckHeight, width, thickness, pylons, lightRgb, null);
    }

    public Bridge {
        if (deck == null || deck.length < 2) {
            throw new IllegalArgumentException("bridge '" + name + "' needs a deck of at least 2 [x, y] points");
        }
        double[][] copy = new double[deck.length][];
        for (int i = 0; i < deck.length; i++) {
            if (deck[i] == null || deck[i].length != 2 || !Double.isFinite(deck[i][0]) || !Double.isFinite(deck[i][1])) {
                throw new IllegalArgumentException("bridge '" + name + "' deck point " + i + " must be finite [x, y]");
            }
            copy[i] = deck[i].clone();
        }
        deck = copy;
        if (!(width > 0) || !(thickness > 0) || !Double.isFinite(deckHeight)) {
            throw new IllegalArgumentException("bridge '" + name + "' needs a finite deck height and a positive width and thickness");
        }
        pylons = List.copyOf(pylons);
    }

    /**
     * Point {@code k} (0..{@link #ARCH_SECTIONS}) of the arch rib on {@code side} (−1 or +1 of the
     * deck's centre line) into {@code out} [x, y, z].
     */
    public void archPoint(int side, int k, double[] out) {
        double u = (double) k / ARCH_SECTIONS;
        double f = arch.from() + u * (arch.to() - arch.from());
        double total = 0;
        for (int i = 0; i + 1 < deck.length; i++) {
            total += Math.hypot(deck[i + 1][0] - deck[i][0], deck[i + 1][1] - deck[i][1]);
        }
        double want = f * total;
        int i = 0;
        double len = Math.hypot(deck[1][0] - deck[0][0], deck[1][1] - deck[0][1]);
        while (i + 2 < deck.length && want > len) {
            want -= len;
            i++;
            len = Math.hypot(deck[i + 1][0] - deck[i][0], deck[i + 1][1] - deck[i][1]);
        }
        double dx = (deck[i + 1][0] - deck[i][0]) / len, dy = (deck[i + 1][1] - deck[i][1]) / len;
        double t = Math.min(want, len);
        out[0] = deck[i][0] + dx * t - dy * side * width / 2;
        out[1] = deck[i][1] + dy * t + dx * side * width / 2;
        out[2] = deckHeight + arch.rise() * 4 * u * (1 - u);
    }

    /** Number of deck polyline vertices. */
    public int deckSize() {
        return deck.length;
    }

    public double deckX(int i) {
        return deck[i][0];
    }

    public double deckY(int i) {
        return deck[i][1];
    }

    @Override
    public double[][] deck() {
        double[][] copy = new double[deck.length][];
        for (int i = 0; i < deck.length; i++) {
            copy[i] = deck[i].clone();
        }
        return copy;
    }

    /**
     * Euclidean distance (metres) from (x, y, z) to the bridge: the deck as a slab of
     * {@code width} × {@code thickness} along its polyline, each pylon as a vertical segment.
     * 0 inside the deck. O(deck points + pylons).
     */
    public double distanceTo(double x, double y, double z) {
        double best2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < deck.length; i++) {
            best2 = Math.min(best2, Polygon.segmentDistanceSquared(x, y, deck[i][0], deck[i][1],
                    deck[i + 1][0], deck[i + 1][1]));
        }
        double dh = Math.max(0, Math.sqrt(best2) - width / 2);
        double dv = Math.max(0, Math.max(deckHeight - thickness - z, z - deckHeight));
        double best = Math.sqrt(dh * dh + dv * dv);
        for (Pylon p : pylons) {
            double ex = x - p.x(), ey = y - p.y();
            double pv = Math.max(0, Math.max(p.base() - z, z - p.top()));
            best = Math.min(best, Math.sqrt(ex * ex + ey * ey + pv * pv));
        }
        if (arch != null) {
            double[] a = new double[3], b = new double[3];
            for (int side = -1; side <= 1; side += 2) {
                archPoint(side, 0, a);
                for (int k = 1; k <= ARCH_SECTIONS; k++) {
                    archPoint(side, k, b);
                    best = Math.min(best, Math.max(0, segmentDistance(x, y, z, a, b) - ARCH_RIB / 2));
                    double[] swap = a;
                    a = b;
                    b = swap;
                }
            }
        }
        return best;
    }

    /** Distance from (x, y, z) to the segment a–b in space. */
    private static double segmentDistance(double x, double y, double z, double[] a, double[] b) {
        double ux = b[0] - a[0], uy = b[1] - a[1], uz = b[2] - a[2];
        double wx = x - a[0], wy = y - a[1], wz = z - a[2];
        double uu = ux * ux + uy * uy + uz * uz;
        double t = uu == 0 ? 0 : Math.max(0, Math.min(1, (wx * ux + wy * uy + wz * uz) / uu));
        double ex = wx - t * ux, ey = wy - t * uy, ez = wz - t * uz;
        return Math.sqrt(ex * ex + ey * ey + ez * ez);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bridge b && name.equals(b.name) && Arrays.deepEquals(deck, b.deck)
                && Double.compare(deckHeight, b.deckHeight) == 0 && Double.compare(width, b.width) == 0
                && Double.compare(thickness, b.thickness) == 0 && pylons.equals(b.pylons) && lightRgb == b.lightRgb
                && java.util.Objects.equals(arch, b.arch);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.deepHashCode(deck);
    }

    @Override
    public String toString() {
        return "Bridge[" + name + ", " + deck.length + " deck points, " + pylons.size() + " pylons" + (arch == null ? "" : ", an arch") + "]";
    }
}
