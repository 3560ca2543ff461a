package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.site.Bank;
import dev.starling.site.Bridge;
import dev.starling.site.Site;
import dev.starling.site.Tower;
import org.junit.jupiter.api.Test;

class SkylineMeshTest {
    private static final Site SITE = ChongqingSite.load();
    private static final SkylineMesh MESH = SkylineMesh.build(SITE);

    @Test
    void everyStructureIsInTheMesh() {
        int expected = 6; // the far ground
        for (Bank b : SITE.banks()) {
            expected += 6 * b.outline().size() + 3 * (b.outline().size() - 2);
        }
        for (Tower t : SITE.towers()) {
            expected += 6 * t.footprint().size() * t.sections() + 3 * (t.footprint().size() - 2);
        }
        for (Bridge b : SITE.bridges()) {
            expected += (b.deckSize() - 1) * (6 * 4 + 2 * 6) + b.pylons().size() * (6 * 4 + 6);
            if (b.arch() != null) {
                expected += 2 * Bridge.ARCH_SECTIONS * 4 * 12; // two ribs, four faces a section, both windings
            }
        }
        assertEquals(expected, MESH.triangleVertices());
        assertEquals(MESH.triangleVertices() - 6, MESH.groundFirstVertex(), "the ground comes last");
        int cables = 0;
        for (Bridge b : SITE.bridges()) {
            cables += b.pylons().size() * 4 * SkylineMesh.CABLES_PER_FAN;
            if (b.arch() != null) {
                cables += 2 * (Bridge.ARCH_SECTIONS - 1); // hangers from both ribs
            }
        }
        assertEquals(2 * cables, MESH.lineVertices());
    }

    @Test
    void trianglesFaceOutwardsAndUp() {
        float[] v = MESH.triangles();
        int f = SkylineMesh.FLOATS;
        int checked = 0;
        for (int t = 0; t < MESH.triangleVertices() / 3; t++) {
            int a = 3 * t * f, b = a + f, c = b + f;
            double ux = v[b] - v[a], uy = v[b + 1] - v[a + 1], uz = v[b + 2] - v[a + 2];
            double wx = v[c] - v[a], wy = v[c + 1] - v[a + 1], wz = v[c + 2] - v[a + 2];
            double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
            int kind = ((int) v[a + 8]) & 15;
            if (kind == SkylineMesh.ROOF || kind == SkylineMesh.LAND || kind == SkylineMesh.GROUND) {
                assertTrue(nz >= 0, "horizontal caps face up: triangle " + t);
                checked++;
            } else if (kind == SkylineMesh.FACADE && Math.abs(nz) < 1e-6 * Math.sqrt(nx * nx + ny * ny)) {
                // a wall: its normal points away from its tower's footprint centre
                double cx = (v[a] + v[b] + v[c]) / 3, cy = (v[a + 1] + v[b + 1] + v[c + 1]) / 3;
                Tower owner = owner(cx, cy);
                double[] centroid = centroid(owner);
                assertTrue(nx * (cx - centroid[0]) + ny * (cy - centroid[1]) > 0, "wall faces out: triangle " + t);
                checked++;
            }
        }
        assertTrue(checked > 1000);
    }

    private static Tower owner(double x, double y) {
        Tower best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (Tower t : SITE.towers()) {
            double d = t.footprint().distanceTo(x, y) + t.footprint().distanceToOutline(x, y);
            if (d < bestD) {
                bestD = d;
                best = t;
            }
        }
        return best;
    }

    private static double[] centroid(Tower t) {
        double x = 0, y = 0;
        for (int i = 0; i < t.footprint().size(); i++) {
            x += t.footprint().x(i);
            y += t.footprint().y(i);
        }
        return new double[] {x / t.footprint().size(), y / t.footprint().size()};
    }
}
