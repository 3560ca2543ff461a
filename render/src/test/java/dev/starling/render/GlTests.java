package dev.starling.render;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** What the GL tests share: the availability gate and saving frames for a person to look at. */
final class GlTests {
    /** Why OpenGL 3.3 cannot run here, or null; probed once per test JVM. */
    private static final String UNAVAILABLE = GlContext.unavailableReason();

    private GlTests() {
    }

    /** True when OpenGL 3.3 works here. */
    static boolean available() {
        return UNAVAILABLE == null;
    }

    /**
     * Skips the calling test where there is no display or OpenGL, saying why (call it from each
     * test or a {@code @BeforeEach}, so the reason appears in the report); fails instead in CI
     * under a display (xvfb-run), where the render tests must run.
     */
    static void assumeGl() {
        if (UNAVAILABLE == null) {
            return;
        }
        boolean ciWithDisplay = "true".equalsIgnoreCase(System.getenv("CI")) && System.getenv("DISPLAY") != null;
        if (ciWithDisplay) {
            fail("CI runs the render tests under xvfb-run, but OpenGL 3.3 does not start: " + UNAVAILABLE);
        }
        Assumptions.assumeTrue(false, "render test skipped: " + UNAVAILABLE);
    }

    /** Brightest channel of pixel (x, y), 0..1. */
    static double brightness(BufferedImage img, int x, int y) {
        int c = img.getRGB(x, y);
        return Math.max((c >> 16) & 255, Math.max((c >> 8) & 255, c & 255)) / 255.0;
    }

    /** Saves {@code img} under the build folder (surefire sets the place) for a person to look at. */
    static void save(BufferedImage img, String name) throws IOException {
        String dir = System.getProperty("starling.render.testOutput");
        if (dir == null) {
            return;
        }
        Path d = Path.of(dir);
        Files.createDirectories(d);
        OffscreenRenderer.writePng(img, d.resolve(name + ".png"));
    }
}
