package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.starling.io.json.PlanJson;
import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import dev.starling.render.Camera;
import dev.starling.render.ChongqingSite;
import dev.starling.render.GlContext;
import dev.starling.render.OffscreenRenderer;
import dev.starling.site.Site;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code starling web}: the command as a user meets it, and the page it writes opened in headless
 * Chromium (software GL): no console error, no network request, the drones where the plan puts
 * them, the formation's lit pixels where the desktop renderer draws them.
 */
class WebCommandTest {
    /** Largest distance between a drone in the page and in the plan, metres. */
    static final double POSITION_TOLERANCE = 0.01;
    /** A lit pixel of one image must have a lit pixel of the other this close, pixels. */
    static final int PIXEL_TOLERANCE = 3;
    /** Share of the lit pixels that must find their counterpart. */
    static final double LIT_MATCH = 0.9;
    /** A pixel is lit when its brightest channel reaches this. */
    static final int LIT = 200;
    /** Flagship page without music, bytes (the budget). */
    static final long FLAGSHIP_BUDGET = 12_000_000;
    static final Path SHOWS = Path.of("..", "shows");
    /** Pictures for people to look at: cli/target/web-screens/. */
    static final Path SCREENS = Path.of("target", "web-screens");

    @TempDir
    static Path dir;
    static Path helloPlan;

    @BeforeAll
    static void planHello() {
        Path out = dir.resolve("hello");
        Run r = run("plan", SHOWS.resolve("hello/show.json").toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        helloPlan = out.resolve("plan.json");
    }

    @Test
    void helpShowsExamples() {
        Run r = run("web", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("starling web out/chongqing/plan.json --out chongqing.html"), r.out());
        assertTrue(run("--help").out().contains("web"));
    }

    @Test
    void aFileThatIsNotAPlanExitsTwoAndWritesNothing() throws IOException {
        Path bad = dir.resolve("not-a-plan.json");
        Files.writeString(bad, "{\"format\": \"starling-show/1\", \"scenes\": []}");
        Path html = dir.resolve("bad.html");
        Run r = run("web", bad.toString(), "--out", html.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("not-a-plan.json"), r.err());
        assertTrue(r.err().contains("hint"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(html));
    }

    @Test
    void aSiteThatDoesNotParseExitsTwoAndWritesNothing() throws IOException {
        Path site = dir.resolve("broken-site.json");
        Files.writeString(site, "{\"format\": \"starling-site/1\", \"rivers\": [ {\"name\": \n");
        Path html = dir.resolve("bad-site.html");
        Run r = run("web", helloPlan.toString(), "--site", site.toString(), "--out", html.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("broken-site.json"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(html));
    }

    @Test
    void thePageLoadsNothingFromOutside() throws IOException {
        Path html = dir.resolve("hello.html");
        Run r = run("web", helloPlan.toString(), "--out", html.toString());
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(html);
        assertFalse(page.contains(" src="), "no external script, image or media");
        assertFalse(page.contains("<link"), "no external style sheet or font");
        assertFalse(page.contains("import "), "the modules are inlined");
        assertTrue(page.contains("default-src 'none'"), "a CSP that forbids every fetch");
    }

    @Test
    void helloPlaysInChromiumAsPlanned() throws Exception {
        Path chromium = requireChromium();
        Path html = dir.resolve("hello-browser.html");
        assertEquals(0, run("web", helloPlan.toString(), "--out", html.toString()).code());
        Plan plan = PlanJson.read(helloPlan);
        try (Chromium c = new Chromium(chromium, Files.createDirectories(dir.resolve("profile-hello")), 1280, 720)) {
            assertEquals("true", c.open(html.toUri().toString(), Duration.ofSeconds(60)), String.valueOf(c.errors));
            assertPositions(c, plan);
            assertClean(c, html);
        }
    }

    /**
     * The flagship: its size, positions at three times, the screenshot at AI+车 against the
     * desktop renderer (when OpenGL runs here), the in-page frame rate, and a phone viewport.
     */
    @Test
    void flagshipPlaysInChromiumAsTheDesktopRendersIt() throws Exception {
        Path chromium = requireChromium();
        Path out = dir.resolve("chongqing");
        Run planned = run("plan", SHOWS.resolve("chongqing/show.json").toString(), "--out", out.toString(), "-q");
        assertEquals(0, planned.code(), planned.err());
        Path planFile = out.resolve("plan.json");
        Path html = dir.resolve("chongqing.html");
        Path silent = dir.resolve("chongqing-silent.html");
        assertEquals(0, run("web", planFile.toString(), "--out", html.toString()).code());
        assertEquals(0, run("web", planFile.toString(), "--no-music", "--out", silent.toString()).code());
        long size = Files.size(silent);
        assertTrue(size <= FLAGSHIP_BUDGET, "flagship page is " + size + " bytes");
        Plan plan = PlanJson.read(planFile);
        Files.createDirectories(SCREENS);
        double aiCar = plan.scenes().stream().filter(s -> s.name().equals("AI+车")).findFirst()
                .map(SceneSpan::holdStart).orElseThrow();
        int w = 1280, h = 720;
        try (Chromium c = new Chromium(chromium, Files.createDirectories(dir.resolve("profile-cq")), w, h)) {
            long t0 = System.nanoTime();
            assertEquals("true", c.open(html.toUri().toString(), Duration.ofSeconds(90)), String.valueOf(c.errors));
            double openSeconds = (System.nanoTime() - t0) / 1e9;
            assertPositions(c, plan);
            double track = plan.timeline().music().duration();
            JsonNode heard = c.eval("new Promise((ok) => { const f = () => Number.isFinite(starling.musicDuration())"
                    + " ? ok(starling.musicDuration()) : setTimeout(f, 100); f(); })");
            assertEquals(track, heard.asDouble(), 0.1, "the embedded music decodes to the soundtrack's length");

            c.eval("starling.showHud(false); starling.camera('south-bank'); starling.seek(" + aiCar + ")");
            BufferedImage page = ImageIO.read(new ByteArrayInputStream(c.screenshot()));
            ImageIO.write(page, "png", SCREENS.resolve("page-ai-car.png").toFile());
            assertEquals(w, page.getWidth());
            Site site = ChongqingSite.load();
            Camera cam = Camera.presets(site).get(0);
            assertFormationLit(page, plan, cam, aiCar, "page");
            String noGl = GlContext.unavailableReason();
            if (noGl == null) {
                BufferedImage desktop;
                try (OffscreenRenderer r = OffscreenRenderer.open(plan, site, w, h)) {
                    r.setHudVisible(false);
                    desktop = r.render(aiCar, cam);
                }
                ImageIO.write(desktop, "png", SCREENS.resolve("desktop-ai-car.png").toFile());
                assertFormationLit(desktop, plan, cam, aiCar, "desktop");
                double[] match = litMatch(desktop, page);
                System.out.printf(Locale.ROOT, "web: lit pixels matched within %d px: desktop->page %.3f, page->desktop %.3f%n",
                        PIXEL_TOLERANCE, match[0], match[1]);
                assertTrue(match[0] >= LIT_MATCH && match[1] >= LIT_MATCH,
                        "lit pixels of desktop and page differ: " + match[0] + ", " + match[1]);
            } else {
                System.out.println("web: desktop comparison skipped, no OpenGL here: " + noGl);
            }

            c.eval("starling.showHud(true); starling.seek(" + aiCar + ")");
            ImageIO.write(ImageIO.read(new ByteArrayInputStream(c.screenshot())), "png", SCREENS.resolve("page-hud.png").toFile());
            c.eval("starling.seek(" + (aiCar - 8) + ")");
            JsonNode fps = c.eval("starling.measureFps(5000)");
            System.out.printf(Locale.ROOT, "web: flagship %d bytes without music, %d with; open to first frame %.2f s;"
                            + " %.1f fps in headless Chromium (%d frames in %.2f s, %dx%d)%n",
                    size, Files.size(html), openSeconds, fps.get("fps").asDouble(), fps.get("frames").asInt(),
                    fps.get("seconds").asDouble(), fps.get("width").asInt(), fps.get("height").asInt());
            assertTrue(fps.get("frames").asInt() > 1, "the page animates: " + fps);
            JsonNode prof = c.eval("starling.profile(10)");
            c.viewport(640, 360, 1, false);
            JsonNode small = c.eval("starling.seek(" + (aiCar - 8) + "); starling.measureFps(3000)");
            JsonNode smallProf = c.eval("starling.profile(10)");
            System.out.printf(Locale.ROOT, "web: per frame at %dx%d: evaluate %.1f ms, draw %.1f ms; at 640x360: %.1f fps,"
                            + " evaluate %.1f ms, draw %.1f ms%n", prof.get("width").asInt(), prof.get("height").asInt(),
                    prof.get("evaluateMs").asDouble(), prof.get("drawMs").asDouble(), small.get("fps").asDouble(),
                    smallProf.get("evaluateMs").asDouble(), smallProf.get("drawMs").asDouble());

            c.viewport(390, 844, 3, true);
            c.eval("starling.pause(); starling.seek(" + aiCar + ")");
            ImageIO.write(ImageIO.read(new ByteArrayInputStream(c.screenshot())), "png", SCREENS.resolve("page-phone.png").toFile());
            assertClean(c, html);
        }
    }

    /** The page's drones at three times equal the plan's within {@link #POSITION_TOLERANCE}. */
    private static void assertPositions(Chromium c, Plan plan) throws Exception {
        double start = plan.startTime(), end = plan.endTime();
        double[] p = new double[3];
        for (double t : new double[] {start + 0.37 * (end - start), start + 0.618 * (end - start) + 0.0005, end - 1.25}) {
            JsonNode xyz = c.eval("starling.seek(" + t + "); starling.positions()");
            assertEquals(3 * plan.droneCount(), xyz.size());
            double worst = 0;
            for (int i = 0; i < plan.droneCount(); i++) {
                plan.trajectories().get(i).position(t, p, 0);
                for (int a = 0; a < 3; a++) {
                    worst = Math.max(worst, Math.abs(xyz.get(3 * i + a).asDouble() - p[a]));
                }
            }
            assertTrue(worst <= POSITION_TOLERANCE, "at t=" + t + " a drone is " + worst + " m off");
        }
    }

    /** No console error, no exception, no request but the page's own file. */
    private static void assertClean(Chromium c, Path html) throws Exception {
        assertEquals(0, c.eval("starling.errors.length").asInt(), String.valueOf(c.eval("starling.errors")));
        assertEquals(List.of(), c.errors);
        List<String> others = new ArrayList<>();
        for (String u : c.requests) {
            if (!u.equals(html.toUri().toString()) && !u.startsWith("blob:") && !u.startsWith("data:")) {
                others.add(u);
            }
        }
        assertEquals(List.of(), others, "the page made network requests");
    }

    /** Where the plan puts the lit drones through {@code cam}, the image is lit (within a pixel or two). */
    private static void assertFormationLit(BufferedImage img, Plan plan, Camera cam, double t, String what) {
        double[] p = new double[3], px = new double[2];
        int seen = 0, lit = 0;
        for (int i = 0; i < plan.droneCount(); i++) {
            if (plan.lights().get(i).colorAt(t) == 0) {
                continue;
            }
            plan.trajectories().get(i).position(t, p, 0);
            if (!cam.project(p[0], p[1], p[2], img.getWidth(), img.getHeight(), px)) {
                continue;
            }
            seen++;
            if (litNear(img, (int) px[0], (int) px[1], 1)) {
                lit++;
            }
        }
        assertTrue(seen > 100, what + ": the formation is in view");
        assertTrue(lit >= 0.95 * seen, what + ": only " + lit + " of " + seen + " drones are lit where the plan puts them");
    }

    /** Share of a's lit pixels with a lit pixel of b within the tolerance, and the other way round. */
    static double[] litMatch(BufferedImage a, BufferedImage b) {
        return new double[] {share(a, b), share(b, a)};
    }

    private static double share(BufferedImage a, BufferedImage b) {
        int total = 0, found = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (lit(a.getRGB(x, y))) {
                    total++;
                    if (litNear(b, x, y, PIXEL_TOLERANCE)) {
                        found++;
                    }
                }
            }
        }
        return total == 0 ? 1 : (double) found / total;
    }

    private static boolean litNear(BufferedImage img, int x, int y, int r) {
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int u = x + dx, v = y + dy;
                if (u >= 0 && v >= 0 && u < img.getWidth() && v < img.getHeight() && lit(img.getRGB(u, v))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean lit(int rgb) {
        return Math.max((rgb >> 16) & 255, Math.max((rgb >> 8) & 255, rgb & 255)) >= LIT;
    }

    private static Path requireChromium() {
        var exe = Chromium.find();
        if (exe.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI must run the browser tests, but there is no chromium (.ci/run installs it)");
        }
        Assumptions.assumeTrue(exe.isPresent(), "web browser test skipped: no chromium on the PATH");
        return exe.get();
    }
}
