package dev.starling.render;

import dev.starling.site.Bank;
import dev.starling.site.Bridge;
import dev.starling.site.Polygon;
import dev.starling.site.Pylon;
import dev.starling.site.Site;
import dev.starling.site.Tower;
import java.util.Arrays;

/**
 * The static city as vertex arrays, built once from a {@link Site}: the far ground, banks
 * (embankment walls and land), towers (facades and roofs), bridge decks and pylons as triangles
 * (counter-clockwise seen from outside), and bridge cables as lines. No GL here, so it is tested
 * without a display.
 *
 * <p>Each vertex is {@value #FLOATS} floats: position xyz (metres, show frame); surface
 * coordinates uv in metres (walls: u along the face from its left edge, v up from the base;
 * horizontal faces: world x, y); an sRGB colour (window, shore-light or bridge-light colour,
 * 0..1); and info = (kind + 16 × face index, seed in [0,1), face width m, wall height m). The
 * kinds are the constants below; {@code skyline.frag} shades each one. The far ground comes last,
 * in its own range ({@link #groundFirstVertex}), so it can be drawn after the water.
 */
final class SkylineMesh {
    static final int FLOATS = 12;

    static final int GROUND = 0;
    static final int LAND = 1;
    static final int EMBANKMENT = 2;
    static final int FACADE = 3;
    static final int ROOF = 4;
    static final int DECK_SIDE = 5;
    static final int ROAD = 6;
    static final int PYLON = 7;
    static final int CABLE = 8;
    static final int GLASS = 9;
    static final int TERRACES = 10;
    static final int ARCH = 11;

    /** Half side of the far ground square, metres: beyond the far plane's fog, never seen to end. */
    static final double GROUND_HALF_SIDE = 14000;
    /** The ground under everything lies this far below the water, metres. */
    static final double GROUND_BELOW_WATER = 1.0;
    /** Side of a pylon's square section, metres. */
    static final double PYLON_SIDE = 7;
    /** Cables fanning from each side of a pylon, per deck edge. */
    static final int CABLES_PER_FAN = 9;

    private final Buffer triangles = new Buffer();
    private final Buffer lines = new Buffer();
    private int groundFirst;

    private SkylineMesh() {
    }

    /** Builds the mesh of {@code site}. O(vertices of all outlines²) for the triangulations, once. */
    static SkylineMesh build(Site site) {
        SkylineMesh m = new SkylineMesh();
        double ground = site.waterLevel() - GROUND_BELOW_WATER;
        for (Bank b : site.banks()) {
            float[] c = rgb(b.shoreLightRgb());
            m.walls(b.outline(), ground, b.elevation(), EMBANKMENT, c, 0);
            m.cap(b.outline(), b.elevation(), LAND, c, 0, true);
        }
        int i = 0;
        for (Tower t : site.towers()) {
            float seed = seed(i++);
            float[] c = rgb(t.windowRgb());
            Polygon fp = t.footprint();
            int kind = t.style().equals(Tower.GLASS) ? GLASS : t.style().equals(Tower.TERRACES) ? TERRACES : FACADE;
            for (int k = 0; k < t.sections(); k++) {
                m.walls(fp, t.sectionZ(k), t.sectionZ(k + 1), t.offsetX(k), t.offsetY(k), t.offsetX(k + 1),
                        t.offsetY(k + 1), t.sectionZ(k) - t.base(), t.height(), kind, c, seed);
            }
            m.cap(fp.translated(t.leanX(), t.leanY()), t.top(), ROOF, c, seed, true);
        }
        for (Bridge b : site.bridges()) {
            m.bridge(b, site.waterLevel(), seed(i++));
        }
        m.groundFirst = m.triangleVertices();
        m.ground(ground);
        return m;
    }

    /** Interleaved triangle vertices, {@value #FLOATS} floats each. */
    float[] triangles() {
        return triangles.toArray();
    }

    int triangleVertices() {
        return triangles.size / FLOATS;
    }

    /** Index of the first vertex of the far ground (the last 6 triangle vertices). */
    int groundFirstVertex() {
        return groundFirst;
    }

    /** Interleaved line vertices (pairs), {@value #FLOATS} floats each. */
    float[] lines() {
        return lines.toArray();
    }

    int lineVertices() {
        return lines.size / FLOATS;
    }

    private void ground(double z) {
        double h = GROUND_HALF_SIDE;
        float[] c = {0, 0, 0};
        float[][] p = {{(float) -h, (float) -h}, {(float) h, (float) -h}, {(float) h, (float) h}, {(float) -h, (float) h}};
        int[] order = {0, 1, 2, 0, 2, 3};
        for (int k : order) {
            triangles.vertex(p[k][0], p[k][1], (float) z, p[k][0], p[k][1], c, GROUND, 0, 0, 0);
        }
    }

    /** Vertical walls around {@code outline} from z0 up to z1, facing outwards. */
    private void walls(Polygon outline, double z0, double z1, int kind, float[] color, float seed) {
        walls(outline, z0, z1, 0, 0, 0, 0, 0, z1 - z0, kind, color, seed);
    }

    /**
     * Walls around {@code outline} from z0 (the outline moved by (ox0, oy0)) up to z1 (moved by
     * (ox1, oy1)), facing outwards: one section of a curved tower. The surface v runs from
     * {@code v0} at z0; {@code wallHeight} is the whole wall's, so windows and crown continue
     * across sections.
     */
    private void walls(Polygon outline, double z0, double z1, double ox0, double oy0, double ox1, double oy1,
                       double v0, double wallHeight, int kind, float[] color, float seed) {
        int n = outline.size();
        float height = (float) wallHeight;
        float vLo = (float) v0, vHi = (float) (v0 + z1 - z0);
        float lo = (float) z0, hi = (float) z1;
        for (int a = 0; a < n; a++) {
            int b = (a + 1) % n;
            float ax = (float) (outline.x(a) + ox0), ay = (float) (outline.y(a) + oy0);
            float bx = (float) (outline.x(b) + ox0), by = (float) (outline.y(b) + oy0);
            float tax = (float) (outline.x(a) + ox1), tay = (float) (outline.y(a) + oy1);
            float tbx = (float) (outline.x(b) + ox1), tby = (float) (outline.y(b) + oy1);
            float w = (float) Math.hypot(bx - ax, by - ay);
            // (a, lo) (b, lo) (b, hi) | (a, lo) (b, hi) (a, hi): counter-clockwise seen from outside
            int code = kind | (a << 4);
            triangles.vertex(ax, ay, lo, 0, vLo, color, code, seed, w, height);
            triangles.vertex(bx, by, lo, w, vLo, color, code, seed, w, height);
            triangles.vertex(tbx, tby, hi, w, vHi, color, code, seed, w, height);
            triangles.vertex(ax, ay, lo, 0, vLo, color, code, seed, w, height);
            triangles.vertex(tbx, tby, hi, w, vHi, color, code, seed, w, height);
            triangles.vertex(tax, tay, hi, 0, vHi, color, code, seed, w, height);
        }
    }

    /** A horizontal cap over {@code outline} at height z, facing up (or down when {@code up} is false). */
    private void cap(Polygon outline, double z, int kind, float[] color, float seed, boolean up) {
        int[] tri = outline.triangulate();
        for (int k = 0; k < tri.length; k += 3) {
            for (int j = 0; j < 3; j++) {
                int v = tri[k + (up ? j : 2 - j)];
                float x = (float) outline.x(v), y = (float) outline.y(v);
                triangles.vertex(x, y, (float) z, x, y, color, kind, seed, 0, 0);
            }
        }
    }

    private void bridge(Bridge b, double water, float seed) {
        float[] c = rgb(b.lightRgb());
        double top = b.deckHeight();
        double bottom = top - b.thickness();
        for (int k = 0; k + 1 < b.deckSize(); k++) {
            double ax = b.deckX(k), ay = b.deckY(k), bx = b.deckX(k + 1), by = b.deckY(k + 1);
            double len = Math.hypot(bx - ax, by - ay);
            double angle = Math.toDegrees(Math.atan2(by - ay, bx - ax));
            Polygon slab = Polygon.rectangle((ax + bx) / 2, (ay + by) / 2, len, b.width(), angle);
            walls(slab, bottom, top, DECK_SIDE, c, seed);
            cap(slab, top, ROAD, c, seed, true);
            cap(slab, bottom, ROAD, c, seed, false);
        }
        for (Pylon p : b.pylons()) {
            double angle = deckAngleNear(b, p.x(), p.y());
            Polygon section = Polygon.rectangle(p.x(), p.y(), PYLON_SIDE, PYLON_SIDE, angle);
            walls(section, water - GROUND_BELOW_WATER, p.top(), PYLON, c, seed);
            cap(section, p.top(), PYLON, c, seed, true);
            cables(b, p, angle, c, seed);
        }
        if (b.arch() != null) {
            arch(b, c, seed);
        }
    }

    /**
     * The arch: each rib a tube of square section {@link Bridge#ARCH_RIB} along its polyline (the
     * same points the clearance check measures), lit along its length, with hangers down to the deck.
     */
    private void arch(Bridge b, float[] c, float seed) {
        double[] p = new double[3], q = new double[3];
        float h = (float) (Bridge.ARCH_RIB / 2);
        for (int side = -1; side <= 1; side += 2) {
            float along = 0;
            b.archPoint(side, 0, p);
            for (int k = 1; k <= Bridge.ARCH_SECTIONS; k++) {
                b.archPoint(side, k, q);
                float len = (float) Math.sqrt((q[0] - p[0]) * (q[0] - p[0]) + (q[1] - p[1]) * (q[1] - p[1])
                        + (q[2] - p[2]) * (q[2] - p[2]));
                // horizontal normal of the rib's side faces
                double nx = -(q[1] - p[1]), ny = q[0] - p[0];
                double nn = Math.hypot(nx, ny);
                float ox = (float) (nx / nn) * h, oy = (float) (ny / nn) * h;
                float[][] corners = {{ox, oy, -h}, {-ox, -oy, -h}, {-ox, -oy, h}, {ox, oy, h}};
                for (int f = 0; f < 4; f++) {
                    float[] e0 = corners[f], e1 = corners[(f + 1) % 4];
                    quad(p, q, e0, e1, along, len, c, seed);
                }
                if (k < Bridge.ARCH_SECTIONS && q[2] - b.deckHeight() > 2) {
                    lines.vertex((float) q[0], (float) q[1], (float) q[2], 0, 0, c, CABLE, seed, 0, 0);
                    lines.vertex((float) q[0], (float) q[1], (float) b.deckHeight(), 0, 0, c, CABLE, seed, 0, 0);
                }
                along += len;
                double[] t = p;
                p = q;
                q = t;
            }
        }
    }

    /** One face of a rib section from p to q: the edge e0–e1 of its cross-section swept along, both windings. */
    private void quad(double[] p, double[] q, float[] e0, float[] e1, float along, float len, float[] c, float seed) {
        float[][] v = {
            {(float) p[0] + e0[0], (float) p[1] + e0[1], (float) p[2] + e0[2], along, 0},
            {(float) q[0] + e0[0], (float) q[1] + e0[1], (float) q[2] + e0[2], along + len, 0},
            {(float) q[0] + e1[0], (float) q[1] + e1[1], (float) q[2] + e1[2], along + len, (float) Bridge.ARCH_RIB},
            {(float) p[0] + e1[0], (float) p[1] + e1[1], (float) p[2] + e1[2], along, (float) Bridge.ARCH_RIB}};
        int[] order = {0, 1, 2, 0, 2, 3, 0, 2, 1, 0, 3, 2};
        for (int k : order) {
            triangles.vertex(v[k][0], v[k][1], v[k][2], v[k][3], v[k][4], c, ARCH, seed, len, (float) Bridge.ARCH_RIB);
        }
    }

    /** Harp of cables from the pylon's upper part down to both deck edges, both ways along the deck. */
    private void cables(Bridge b, Pylon p, double angleDeg, float[] c, float seed) {
        double ux = Math.cos(Math.toRadians(angleDeg)), uy = Math.sin(Math.toRadians(angleDeg));
        double nx = -uy, ny = ux;
        double rise = p.top() - b.deckHeight();
        double reach = 1.7 * rise;
        for (int side = -1; side <= 1; side += 2) {
            double ex = nx * b.width() / 2 * side, ey = ny * b.width() / 2 * side;
            for (int dir = -1; dir <= 1; dir += 2) {
                for (int k = 1; k <= CABLES_PER_FAN; k++) {
                    double f = (double) k / CABLES_PER_FAN;
                    double anchorZ = p.top() - 4 - 0.35 * rise * (1 - f);
                    double dx = p.x() + ux * dir * reach * f + ex, dy = p.y() + uy * dir * reach * f + ey;
                    lines.vertex((float) (p.x() + ex * 0.3), (float) (p.y() + ey * 0.3), (float) anchorZ, 0, 0, c, CABLE, seed, 0, 0);
                    lines.vertex((float) dx, (float) dy, (float) b.deckHeight(), 0, 0, c, CABLE, seed, 0, 0);
                }
            }
        }
    }

    private static double deckAngleNear(Bridge b, double x, double y) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k + 1 < b.deckSize(); k++) {
            double mx = (b.deckX(k) + b.deckX(k + 1)) / 2 - x, my = (b.deckY(k) + b.deckY(k + 1)) / 2 - y;
            double d = mx * mx + my * my;
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return Math.toDegrees(Math.atan2(b.deckY(best + 1) - b.deckY(best), b.deckX(best + 1) - b.deckX(best)));
    }

    /** A stable pseudo-random number in [0, 1) per structure, so windows differ from tower to tower. */
    private static float seed(int i) {
        double v = (i + 1) * 0.6180339887498949;
        return (float) (v - Math.floor(v));
    }

    private static float[] rgb(int c) {
        return new float[] {((c >> 16) & 255) / 255f, ((c >> 8) & 255) / 255f, (c & 255) / 255f};
    }

    /** A growable float array of vertices. */
    private static final class Buffer {
        private float[] data = new float[FLOATS * 1024];
        private int size;

        void vertex(float x, float y, float z, float u, float v, float[] c, int kind, float seed, float faceWidth,
                    float height) {
            if (size + FLOATS > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            float[] d = data;
            int o = size;
            d[o] = x;
            d[o + 1] = y;
            d[o + 2] = z;
            d[o + 3] = u;
            d[o + 4] = v;
            d[o + 5] = c[0];
            d[o + 6] = c[1];
            d[o + 7] = c[2];
            d[o + 8] = kind;
            d[o + 9] = seed;
            d[o + 10] = faceWidth;
            d[o + 11] = height;
            size += FLOATS;
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
