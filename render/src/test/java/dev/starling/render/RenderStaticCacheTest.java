package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The static layer (city, ground, sky) drawn once per camera and copied into each frame gives
 * the very picture that drawing it into every frame gives: while the camera stands still and the
 * drones and the water move, when the camera moves, comes back, and when the size changes.
 */
class RenderStaticCacheTest {
    static final int W = 320;
    static final int H = 180;
    static OffscreenRenderer renderer;
    static Camera southBank;
    static Camera top;

    @BeforeAll
    static void open() {
        if (!GlTests.available()) {
            return;
        }
        renderer = OffscreenRenderer.open(DemoPlans.aiCar(300), ChongqingSite.load(), W, H);
        southBank = renderer.camera("south-bank").orElseThrow();
        top = renderer.camera("top").orElseThrow();
    }

    @BeforeEach
    void needsGl() {
        GlTests.assumeGl();
    }

    @AfterAll
    static void close() {
        if (renderer != null) {
            renderer.frames().setStaticCache(true);
            renderer.close();
        }
    }

    @Test
    void cachedFramesEqualFramesDrawnWhole() throws IOException {
        FrameRenderer frames = renderer.frames();
        frames.setStaticCache(true);
        int before = frames.staticDraws();
        double[] times = {6, 14, 25, 31};
        BufferedImage[] cached = new BufferedImage[times.length];
        for (int k = 0; k < times.length; k++) {
            cached[k] = renderer.render(times[k], southBank);
        }
        assertEquals(1, frames.staticDraws() - before, "one camera, one static layer for all four frames");
        GlTests.save(cached[2], "static-cache-hold");
        assertTrue(differing(cached[0], cached[2]) > 100, "the drones moved between the frames, not frozen in the cache");

        BufferedImage topCached = renderer.render(25, top);
        BufferedImage backCached = renderer.render(25, southBank);
        assertEquals(3, frames.staticDraws() - before, "a camera that moves draws the static layer again");

        frames.setStaticCache(false);
        for (int k = 0; k < times.length; k++) {
            assertSame(renderer.render(times[k], southBank), cached[k], "south-bank at t " + times[k]);
        }
        assertSame(renderer.render(25, top), topCached, "top camera");
        assertSame(renderer.render(25, southBank), backCached, "back at south-bank");
        frames.setStaticCache(true);
    }

    @Test
    void aResizeRedrawsTheStaticLayer() {
        FrameRenderer frames = renderer.frames();
        frames.setStaticCache(true);
        renderer.render(25, southBank);
        try {
            frames.resize(200, 120);
            BufferedImage small = renderer.render(25, southBank);
            frames.setStaticCache(false);
            assertSame(renderer.render(25, southBank), small, "200x120 after a resize");
        } finally {
            frames.setStaticCache(true);
            frames.resize(W, H);
        }
    }

    /** Every channel of every pixel equal (the copy is exact, nothing is filtered). */
    private static void assertSame(BufferedImage whole, BufferedImage cached, String what) {
        assertEquals(whole.getWidth(), cached.getWidth());
        assertEquals(whole.getHeight(), cached.getHeight());
        assertEquals(0, differing(whole, cached), what + ": pixels differ between the cached and the whole frame");
    }

    private static int differing(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
