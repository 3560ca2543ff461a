package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.plan.Plan;
import dev.starling.site.Site;
import dev.starling.site.Tower;
import dev.starling.trajectory.Trajectory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the picture itself: the flagship site with a demo "AI+车" formation, held, seen from the
 * south bank, rendered headless (Xvfb + llvmpipe in CI) and read back. Each property is measured
 * on pixels located by projecting the same geometry with the same camera.
 */
class FramePictureTest {
    static final int W = 640;
    static final int H = 360;
    static final int DRONES = 1200;
    static final double HOLD_TIME = (DemoPlans.HOLD_START + DemoPlans.HOLD_END) / 2;
    /** A pixel at least this bright (brightest channel) counts as lit. */
    static final double LIT = 0.45;
    /** Share of lit drones that must land on lit pixels. */
    static final double ON_BRIGHT_SHARE = 0.95;
    /** Reflections under the formation must be this many times brighter than the other water in the same rows. */
    static final double REFLECTION_RATIO = 2.0;
    /** Sky away from towers and drones: mean and 99th percentile brightness limits. */
    static final double SKY_MEAN = 0.12;
    static final double SKY_P99 = 0.3;
    /** Pixels around a drone's projection that its glow may brighten. */
    static final int GLOW_MARGIN = 14;

    static Plan plan;
    static Site site;
    static OffscreenRenderer renderer;
    static Camera camera;
    static BufferedImage image;
    static double[][] drones;

    @BeforeAll
    static void render() throws IOException {
        if (!GlTests.available()) {
            return;
        }
        plan = DemoPlans.aiCar(DRONES);
        site = ChongqingSite.load();
        renderer = OffscreenRenderer.open(plan, site, W, H);
        renderer.setHudVisible(false);
        camera = renderer.camera("south-bank").orElseThrow();
        image = renderer.render(HOLD_TIME, camera);
        GlTests.save(image, "south-bank-hold");
        drones = new double[plan.droneCount()][3];
        for (int i = 0; i < plan.droneCount(); i++) {
            Trajectory tr = plan.trajectories().get(i);
            tr.position(HOLD_TIME, drones[i], 0);
            assertTrue(plan.lights().get(i).colorAt(HOLD_TIME) != 0, "the demo lights every drone in formation");
        }
    }

    @BeforeEach
    void needsGl() {
        GlTests.assumeGl();
    }

    @AfterAll
    static void close() {
        if (renderer != null) {
            renderer.close();
        }
    }

    @Test
    void litDronesLandOnBrightPixels() {
        double[] px = new double[2];
        int inView = 0, onBright = 0;
        for (double[] d : drones) {
            if (!camera.project(d[0], d[1], d[2], W, H, px)) {
                continue;
            }
            inView++;
            if (GlTests.brightness(image, (int) px[0], (int) px[1]) >= LIT) {
                onBright++;
            }
        }
        assertEquals(drones.length, inView, "the whole formation is in view from the south bank");
        assertTrue(onBright >= ON_BRIGHT_SHARE * inView, onBright + " of " + inView + " drones on lit pixels");
    }

    @Test
    void skylineHasLitWindows() {
        boolean[] glow = droneGlowMask();
        int region = 0, lit = 0;
        for (Tower t : site.towers()) {
            if (!t.name().startsWith("Raffles City")) {
                continue;
            }
            int[] r = screenBox(t);
            for (int y = r[1]; y < r[3]; y++) {
                for (int x = r[0]; x < r[2]; x++) {
                    if (glow[y * W + x]) {
                        continue;
                    }
                    region++;
                    if (GlTests.brightness(image, x, y) >= 0.3) {
                        lit++;
                    }
                }
            }
        }
        assertTrue(region > 2000, "Raffles City covers " + region + " pixels from the south bank");
        double share = (double) lit / region;
        assertTrue(share > 0.03 && share < 0.7, "lit windows, not a blank or solid block: " + share + " of the towers' pixels lit");
    }

    @Test
    void waterReflectsTheFormation() {
        double[] px = new double[2];
        double h = site.waterLevel();
        double sum = 0;
        int n = 0, minX = W, maxX = 0, minY = H, maxY = 0;
        for (double[] d : drones) {
            if (camera.project(d[0], d[1], 2 * h - d[2], W, H, px)) {
                int x = (int) px[0], y = (int) px[1];
                sum += GlTests.brightness(image, x, y);
                n++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        assertTrue(n > drones.length / 2, "the mirrored formation lies in view: " + n);
        double reflection = sum / n;
        double other = 0;
        int m = 0;
        for (int y = minY; y <= maxY; y++) {
            for (int x = 0; x < W; x++) {
                if (x < minX - GLOW_MARGIN || x > maxX + GLOW_MARGIN) {
                    other += GlTests.brightness(image, x, y);
                    m++;
                }
            }
        }
        other /= m;
        assertTrue(reflection > REFLECTION_RATIO * other,
                "reflection " + reflection + " vs other water in the same rows " + other);
    }

    @Test
    void skyIsDarkAwayFromCityAndDrones() {
        boolean[] busy = droneGlowMask();
        for (Tower t : site.towers()) {
            int[] r = screenBox(t);
            if (r == null) {
                continue;
            }
            for (int y = Math.max(0, r[1] - 6); y < Math.min(H, r[3] + 6); y++) {
                for (int x = Math.max(0, r[0] - 6); x < Math.min(W, r[2] + 6); x++) {
                    busy[y * W + x] = true;
                }
            }
        }
        // the horizon: a point on the water far beyond everything, straight ahead
        double[] px = new double[2];
        double dx = camera.targetX() - camera.eyeX(), dy = camera.targetY() - camera.eyeY();
        double len = Math.hypot(dx, dy);
        camera.project(camera.eyeX() + dx / len * 9000, camera.eyeY() + dy / len * 9000, site.waterLevel(), W, H, px);
        int horizon = (int) px[1] - 10;
        double[] sky = new double[W * H];
        int n = 0;
        for (int y = 0; y < horizon; y++) {
            for (int x = 0; x < W; x++) {
                if (!busy[y * W + x]) {
                    sky[n++] = GlTests.brightness(image, x, y);
                }
            }
        }
        assertTrue(n > W * H / 8, "enough open sky to judge: " + n + " pixels");
        double[] s = Arrays.copyOf(sky, n);
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0);
        assertTrue(mean < SKY_MEAN, "mean sky brightness " + mean);
        assertTrue(s[(int) (0.99 * (n - 1))] < SKY_P99, "99th percentile of sky brightness " + s[(int) (0.99 * (n - 1))]);
    }

    /** Pixels within the glow margin of a drone or of its reflection. */
    private static boolean[] droneGlowMask() {
        boolean[] mask = new boolean[W * H];
        double[] px = new double[2];
        double h = site.waterLevel();
        for (double[] d : drones) {
            for (double z : new double[] {d[2], 2 * h - d[2]}) {
                if (!camera.project(d[0], d[1], z, W, H, px)) {
                    continue;
                }
                for (int y = (int) px[1] - GLOW_MARGIN; y <= (int) px[1] + GLOW_MARGIN; y++) {
                    for (int x = (int) px[0] - GLOW_MARGIN; x <= (int) px[0] + GLOW_MARGIN; x++) {
                        if (x >= 0 && y >= 0 && x < W && y < H) {
                            mask[y * W + x] = true;
                        }
                    }
                }
            }
        }
        return mask;
    }

    /** Screen bounding box (x0, y0, x1, y1, clamped) of a tower's prism; null when it stands behind the camera. */
    private static int[] screenBox(Tower t) {
        double[] px = new double[2];
        double x0 = W, y0 = H, x1 = 0, y1 = 0;
        double fx = camera.targetX() - camera.eyeX(), fy = camera.targetY() - camera.eyeY();
        for (int i = 0; i < t.footprint().size(); i++) {
            if ((t.footprint().x(i) - camera.eyeX()) * fx + (t.footprint().y(i) - camera.eyeY()) * fy <= 0) {
                return null;
            }
            for (double z : new double[] {t.base(), t.top()}) {
                camera.project(t.footprint().x(i), t.footprint().y(i), z, W, H, px);
                x0 = Math.min(x0, px[0]);
                y0 = Math.min(y0, px[1]);
                x1 = Math.max(x1, px[0]);
                y1 = Math.max(y1, px[1]);
            }
        }
        return new int[] {(int) Math.max(0, x0), (int) Math.max(0, y0), (int) Math.min(W, x1), (int) Math.min(H, y1)};
    }
}
