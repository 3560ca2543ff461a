package dev.starling.site;

import java.util.Arrays;
import java.util.List;

/**
 * A bridge: a road deck along a polyline at a fixed height, with optional pylons (cable-stayed
 * towers). Metres in the show frame.
 *
 * @param name       e.g. {@code "Qiansimen Bridge"}
 * @param deck       polyline vertices [x, y], at least two, shore to shore
 * @param deckHeight z of the road surface, metres
 * @param width      deck width, metres; the pylons stand within it
 * @param thickness  depth of the deck structure below the road surface, metres
 * @param pylons     towers standing on the deck line, possibly none
 * @param lightRgb   colour of the deck and cable lights, 0xRRGGBB
 */
public record Bridge(String name, double[][] deck, double deckHeight, double width, double thickness,
                     List<Pylon> pylons, int lightRgb) {
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
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bridge b && name.equals(b.name) && Arrays.deepEquals(deck, b.deck)
                && Double.compare(deckHeight, b.deckHeight) == 0 && Double.compare(width, b.width) == 0
                && Double.compare(thickness, b.thickness) == 0 && pylons.equals(b.pylons) && lightRgb == b.lightRgb;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.deepHashCode(deck);
    }

    @Override
    public String toString() {
        return "Bridge[" + name + ", " + deck.length + " deck points, " + pylons.size() + " pylons]";
    }
}
