package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SkyPassTest {
    private static final double EPS = 1e-6;

    @Test
    void domeOfUnitDirectionsThenFaintStarsAboveTheHaze() {
        float[] g = SkyPass.geometry();
        int dome = (SkyPass.RING_SINES.length - 1) * SkyPass.SEGMENTS * 6;
        assertEquals(4 * (dome + SkyPass.STARS), g.length);
        double minZ = 1, maxZ = -1;
        for (int v = 0; v < dome + SkyPass.STARS; v++) {
            double x = g[4 * v], y = g[4 * v + 1], z = g[4 * v + 2];
            assertEquals(1, Math.sqrt(x * x + y * y + z * z), EPS, "vertex " + v + " is a unit direction");
            if (v < dome) {
                assertEquals(0, g[4 * v + 3], "dome vertices carry no star");
                minZ = Math.min(minZ, z);
                maxZ = Math.max(maxZ, z);
            } else {
                assertTrue(z >= SkyPass.STAR_MIN_SINE - EPS, "stars stay above the haze");
                assertTrue(g[4 * v + 3] > 0 && g[4 * v + 3] <= 0.08, "stars are faint");
            }
        }
        assertTrue(minZ < 0, "the dome reaches below the horizon, so no gap shows under a tilted camera");
        assertEquals(1, maxZ, EPS, "and closes at the zenith");
    }
}
