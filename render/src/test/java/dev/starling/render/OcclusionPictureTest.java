package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.site.Site;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Occlusion as the audience sees it: what stands behind the formation hides none of it, what
 * stands in front hides what it covers. A drone shows when its light changes its own pixel: the
 * same frame rendered with the lights on and with them off, same site, same camera, compared.
 */
class OcclusionPictureTest {
    static final int W = 640;
    static final int H = 360;
    static final int DRONES = 1200;
    static final double T = (DemoPlans.HOLD_START + DemoPlans.HOLD_END) / 2;
    /** A drone shows when its light changes a channel of its pixel by this much. */
    static final double CHANGED = 0.10;
    /** Pixels beside a tower's outline that bloom from drones next to it may light. */
    static final int GLOW_MARGIN = 16;

    static Plan lit;
    static Plan dark;
    /** Drones seen over the site without towers (the reference of two tests), or -1 before. */
    static int openSeen = -1;

    /** One OpenGL context for every frame of the class: each renderer below shares it. */
    static GlContext gl;

    @AfterAll
    static void closeGl() {
        if (gl != null) {
            gl.close();
        }
    }

    @BeforeEach
    void needsGl() {
        GlTests.assumeGl();
        if (gl == null) {
            gl = GlContext.open(W, H, false, "occlusion test");
        }
        if (lit == null) {
            lit = DemoPlans.aiCar(DRONES);
            dark = new Plan(lit.name(), lit.limits(), lit.trajectories(),
                    Collections.nCopies(lit.droneCount(), LightProgram.dark()), lit.scenes());
        }
    }

    @Test
    void aTallLitTowerFarBehindTheFormationHidesNothing() throws IOException {
        int open = dronesSeen(site(s -> { }), "open");
        int behind = dronesSeen(site(s -> tower(s, "Behind", -30, 600, 260, 40, 20, 420, "#ffffff")), "behind");
        assertTrue(open >= 0.98 * DRONES, "from the south bank with nothing behind, " + open + " of " + DRONES + " drones show");
        assertTrue(Math.abs(behind - open) <= 0.01 * open,
                "a lit 420 m tower 600 m behind the formation changes the drones seen from " + open + " to " + behind);
    }

    @Test
    void aTowerInFrontHidesWhatItCovers() throws IOException {
        // on the line from the south-bank eye (40, -606) to the formation's middle, 200 m out
        Site front = site(s -> tower(s, "Front", 27, -400, 30, 30, -2, 320, "#ffffff"));
        boolean[] seen = seen(front, "front");
        Camera cam = camera(front);
        double[] p = new double[3];
        int behind = 0, behindSeen = 0, clear = 0, clearSeen = 0;
        for (int i = 0; i < DRONES; i++) {
            lit.trajectories().get(i).position(T, p, 0);
            // a glow's width either side of the tower's outline is left out: bloom from the
            // drones beside the tower spills onto its edge
            int where = towerCover(front, cam, p, GLOW_MARGIN);
            if (where > 0) {
                behind++;
                behindSeen += seen[i] ? 1 : 0;
            } else if (where < 0) {
                clear++;
                clearSeen += seen[i] ? 1 : 0;
            }
        }
        assertTrue(behind > 0.1 * DRONES && clear > 0.3 * DRONES, behind + " drones behind the tower, " + clear + " clear of it");
        assertTrue(behindSeen == 0, behindSeen + " of the " + behind + " drones behind the tower in front show through it");
        assertTrue(clearSeen >= 0.99 * clear, "only " + clearSeen + " of the " + clear + " drones clear of the tower show");
    }

    @Test
    void theFlagshipReadsTheSameWithAndWithoutTheJiangbeizuiTowers() throws IOException {
        int with = dronesSeen(flagship(s -> { }), "flagship");
        int without = dronesSeen(flagship(s -> {
            ArrayNode kept = s.arrayNode();
            s.withArray("districts").forEach(d -> {
                if (!d.get("name").asText().startsWith("Jiangbeizui")) {
                    kept.add(d);
                }
            });
            s.set("districts", kept);
        }), "flagship-no-jiangbeizui");
        assertTrue(without >= 0.98 * DRONES, without + " of " + DRONES + " drones show without Jiangbeizui");
        assertTrue(Math.abs(with - without) <= 0.01 * without,
                "Jiangbeizui's towers behind the show change the drones seen from " + without + " to " + with);
    }

    /** How many drones show: their light changes their own pixel (the projection of their centre). */
    private static int dronesSeen(Site site, String name) throws IOException {
        if (name.equals("open")) {
            if (openSeen < 0) {
                openSeen = count(seen(site, name));
            }
            return openSeen;
        }
        return count(seen(site, name));
    }

    private static int count(boolean[] seen) {
        int n = 0;
        for (boolean b : seen) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** Per drone: whether its light changes the colour of its own pixel by {@link #CHANGED}. */
    private static boolean[] seen(Site site, String name) throws IOException {
        Camera cam = camera(site);
        BufferedImage on = frame(lit, site);
        BufferedImage off = frame(dark, site);
        GlTests.save(on, "occlusion-" + name);
        double[] p = new double[3];
        double[] px = new double[2];
        boolean[] seen = new boolean[lit.droneCount()];
        for (int i = 0; i < seen.length; i++) {
            lit.trajectories().get(i).position(T, p, 0);
            if (cam.project(p[0], p[1], p[2], W, H, px)) {
                seen[i] = colourChange(on.getRGB((int) px[0], (int) px[1]), off.getRGB((int) px[0], (int) px[1])) >= CHANGED;
            }
        }
        return seen;
    }

    /** Largest change of one channel between two sRGB pixels, 0..1. */
    private static double colourChange(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 255) - ((b >> shift) & 255)));
        }
        return d / 255.0;
    }

    /**
     * Where the drone at {@code drone} lies against the towers nearer the eye than it, on screen:
     * 1 inside one's projected outline shrunk by {@code margin} pixels, -1 outside every one
     * grown by {@code margin}, 0 in between.
     */
    private static int towerCover(Site site, Camera cam, double[] drone, int margin) {
        double[] dp = new double[2];
        cam.project(drone[0], drone[1], drone[2], W, H, dp);
        double x = dp[0], y = dp[1];
        double droneDist = Math.hypot(drone[0] - cam.eyeX(), drone[1] - cam.eyeY());
        double[] px = new double[2];
        int result = -1;
        for (var t : site.towers()) {
            double[] b = new double[4];
            t.footprint().bounds(b);
            if (Math.hypot((b[0] + b[1]) / 2 - cam.eyeX(), (b[2] + b[3]) / 2 - cam.eyeY()) >= droneDist) {
                continue;
            }
            double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
            for (double cx : new double[] {b[0], b[1]}) {
                for (double cy : new double[] {b[2], b[3]}) {
                    for (double cz : new double[] {t.base(), t.top()}) {
                        cam.project(cx, cy, cz, W, H, px); // off-screen corners still bound the outline
                        x0 = Math.min(x0, px[0]);
                        x1 = Math.max(x1, px[0]);
                        y0 = Math.min(y0, px[1]);
                        y1 = Math.max(y1, px[1]);
                    }
                }
            }
            if (x > x0 + margin && x < x1 - margin && y > y0 + margin && y < y1 - margin) {
                return 1;
            }
            if (x > x0 - margin && x < x1 + margin && y > y0 - margin && y < y1 + margin) {
                result = 0;
            }
        }
        return result;
    }

    private static BufferedImage frame(Plan plan, Site site) {
        try (FrameRenderer f = new FrameRenderer(plan, site, W, H)) {
            f.setHudVisible(false);
            f.render(T, camera(site), null);
            return f.read();
        }
    }

    private static Camera camera(Site site) {
        return Camera.of(site.viewpoints().stream().filter(v -> v.name().equals("south-bank")).findFirst().orElseThrow());
    }

    /** The flagship's banks, rivers, bridges and viewpoints with no towers but those {@code edit} adds. */
    private static Site site(Consumer<ObjectNode> edit) throws IOException {
        return flagship(s -> {
            s.set("towers", s.arrayNode());
            s.set("districts", s.arrayNode());
            tower(s, "Far corner", 3000, 3000, 20, 20, 90, 50, "#ffd49a"); // a site needs one tower
            edit.accept(s);
        });
    }

    private static Site flagship(Consumer<ObjectNode> edit) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode s;
        try (InputStream in = ChongqingSite.class.getResourceAsStream(ChongqingSite.RESOURCE)) {
            s = (ObjectNode) m.readTree(in);
        }
        edit.accept(s);
        return Site.read(new ByteArrayInputStream(m.writeValueAsBytes(s)), "test site");
    }

    private static void tower(ObjectNode s, String name, double cx, double cy, double w, double d, double base,
                              double height, String windows) {
        ObjectNode t = s.withArray("towers").addObject();
        t.put("name", name);
        t.putArray("center").add(cx).add(cy);
        t.putArray("size").add(w).add(d);
        t.put("base", base);
        t.put("height", height);
        t.put("windows", windows);
    }
}
