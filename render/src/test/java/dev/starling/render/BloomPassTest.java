package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL33C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL33C.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengl.GL33C.GL_READ_FRAMEBUFFER;
import static org.lwjgl.opengl.GL33C.GL_RGBA;
import static org.lwjgl.opengl.GL33C.GL_RGBA8;
import static org.lwjgl.opengl.GL33C.GL_SCISSOR_TEST;
import static org.lwjgl.opengl.GL33C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL33C.glBindFramebuffer;
import static org.lwjgl.opengl.GL33C.glClear;
import static org.lwjgl.opengl.GL33C.glClearColor;
import static org.lwjgl.opengl.GL33C.glDisable;
import static org.lwjgl.opengl.GL33C.glEnable;
import static org.lwjgl.opengl.GL33C.glPixelStorei;
import static org.lwjgl.opengl.GL33C.glReadPixels;
import static org.lwjgl.opengl.GL33C.glScissor;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

/**
 * The glow on its own: an HDR scene of dark night sky with single lights in it, bloomed and tone
 * mapped into a display frame. A light above the threshold brightens the pixels around it, a dim
 * one does not, the sky far from any light keeps the value it has without lights, and a light's
 * glow is the same wherever it falls within the coarse levels' texels (a drone crossing them does
 * not flicker).
 */
class BloomPassTest {
    static final int W = 320;
    static final int H = 180;
    /** Night sky in linear light, as the sky's zenith is about. */
    static final float SKY = 0.01f;
    /** A drone's core in the HDR target (DronePass.CORE_GAIN times a bright colour). */
    static final float LIGHT = 6f;
    static GlContext gl;
    static BloomPass bloom;
    static Framebuffer scene;
    static Framebuffer out;
    static ByteBuffer pixels;

    @BeforeEach
    void needsGl() {
        GlTests.assumeGl();
        if (gl == null) {
            gl = GlContext.open(W, H, false, "bloom test");
            bloom = new BloomPass(W, H);
            scene = new Framebuffer(W, H, FrameRenderer.HDR_FORMAT, false);
            out = new Framebuffer(W, H, GL_RGBA8, false);
            pixels = MemoryUtil.memAlloc(W * H * 4);
        }
    }

    @AfterAll
    static void close() {
        if (gl != null) {
            MemoryUtil.memFree(pixels);
            out.close();
            scene.close();
            bloom.close();
            gl.close();
        }
    }

    @Test
    void aBrightLightGlowsAndTheSkyAwayFromItStaysAsItWas() {
        int[] sky = frame(0, 0, 0);
        int[] lit = frame(160, 90, LIGHT);
        int ring = lit[90 * W + 160 + 5] - sky[90 * W + 160 + 5];
        assertTrue(ring >= 12, "5 px from the light the glow adds " + ring + "/255");
        assertTrue(lit[90 * W + 160 + 12] > sky[90 * W + 160 + 12], "the wide glow still shows 12 px away");
        int far = maxDifference(sky, lit, 160, 90, 48);
        assertTrue(far <= 2, "beyond 48 px the sky differs by at most the dither, not " + far + "/255");
        assertTrue(maxOf(sky) <= 0.2 * 255, "the dark sky stays dark: brightest " + maxOf(sky) + "/255");
    }

    @Test
    void aLightBelowTheThresholdDoesNotGlow() {
        int[] sky = frame(0, 0, 0);
        int[] dim = frame(160, 90, 0.4f);
        int around = maxDifference(sky, dim, 160, 90, 3);
        assertTrue(around <= 2, "a light under the threshold leaves its surroundings as they were, not +" + around + "/255");
    }

    @Test
    void theGlowIsTheSameWhereverTheLightFallsInACoarseTexel() {
        int[] sky = frame(0, 0, 0);
        double least = Double.MAX_VALUE, most = 0;
        for (int dy = 0; dy < 8; dy++) {
            for (int dx = 0; dx < 8; dx++) {
                int x = 152 + dx, y = 84 + dy;
                int[] lit = frame(x, y, LIGHT);
                double glow = 0;
                for (int j = y - 30; j <= y + 30; j++) {
                    for (int i = x - 30; i <= x + 30; i++) {
                        if (Math.abs(i - x) > 4 || Math.abs(j - y) > 4) {
                            glow += lit[j * W + i] - sky[j * W + i];
                        }
                    }
                }
                least = Math.min(least, glow);
                most = Math.max(most, glow);
            }
        }
        assertTrue(least > 0, "every position glows");
        assertTrue(most <= 1.1 * least, "glow around the light from " + least + " to " + most + " over an 8x8 block of positions");
    }

    /** The display frame's brightest channel per pixel (bottom row first) for one light of {@code value}, 3x3 pixels (a drone's core at 720 rows) centred on (x, y). */
    private static int[] frame(int x, int y, float value) {
        scene.bind();
        glClearColor(SKY, SKY, SKY * 1.2f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        if (value > 0) {
            glEnable(GL_SCISSOR_TEST);
            glScissor(x - 1, y - 1, 3, 3);
            glClearColor(value, value, value, 1);
            glClear(GL_COLOR_BUFFER_BIT);
            glDisable(GL_SCISSOR_TEST);
        }
        bloom.apply(scene.texture(), out);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, out.id());
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        pixels.clear();
        glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        int[] b = new int[W * H];
        for (int i = 0; i < W * H; i++) {
            b[i] = Math.max(pixels.get(4 * i) & 255, Math.max(pixels.get(4 * i + 1) & 255, pixels.get(4 * i + 2) & 255));
        }
        return b;
    }

    /** Largest |a − b| over the pixels farther than {@code radius} (Chebyshev) from (x, y). */
    private static int maxDifference(int[] a, int[] b, int x, int y, int radius) {
        int m = 0;
        for (int j = 0; j < H; j++) {
            for (int i = 0; i < W; i++) {
                if (Math.max(Math.abs(i - x), Math.abs(j - y)) > radius) {
                    m = Math.max(m, Math.abs(a[j * W + i] - b[j * W + i]));
                }
            }
        }
        return m;
    }

    private static int maxOf(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
