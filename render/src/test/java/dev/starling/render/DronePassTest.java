package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL33C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL33C.GL_FLOAT;
import static org.lwjgl.opengl.GL33C.GL_PACK_ALIGNMENT;
import static org.lwjgl.opengl.GL33C.GL_READ_FRAMEBUFFER;
import static org.lwjgl.opengl.GL33C.GL_RED;
import static org.lwjgl.opengl.GL33C.glBindFramebuffer;
import static org.lwjgl.opengl.GL33C.glClear;
import static org.lwjgl.opengl.GL33C.glClearColor;
import static org.lwjgl.opengl.GL33C.glPixelStorei;
import static org.lwjgl.opengl.GL33C.glReadPixels;

import java.nio.FloatBuffer;
import org.joml.Matrix4f;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lwjgl.system.MemoryUtil;

/**
 * The drones' point sprites against the driver's point size limit: a drone close to the camera
 * wants the largest sprite (48 px at 720 rows); where the driver draws smaller points the pass
 * draws it at the limit, whole and centred (not dropped, not cut), and says so.
 */
class DronePassTest {
    static final int W = 160;
    static final int H = 720;
    /** A limit below the largest sprite, as a small GPU might report it. */
    static final float LOW_LIMIT = 16f;
    /** Pixels per metre at 1 m: a drone at 1 m wants 2.6 m × 100 px, far above the largest sprite. */
    static final float NEAR = 100f;
    /** HDR value below which a pixel counts as unlit (the halo fades to zero at the sprite's edge). */
    static final float UNLIT = 1e-5f;
    static GlContext gl;
    static Framebuffer target;
    static FloatBuffer red;

    @BeforeEach
    void needsGl() {
        GlTests.assumeGl();
        if (gl == null) {
            gl = GlContext.open(W, H, false, "drone pass test");
            target = new Framebuffer(W, H, FrameRenderer.HDR_FORMAT, false);
            red = MemoryUtil.memAllocFloat(W * H);
        }
    }

    @AfterAll
    static void close() {
        if (gl != null) {
            MemoryUtil.memFree(red);
            target.close();
            gl.close();
        }
    }

    @Test
    void aNearDroneIsDrawnAtTheLargestSpriteWhereTheDriverAllowsIt() {
        try (DronePass pass = new DronePass(1)) {
            Assumptions.assumeTrue(pass.maxSpritePixels(H) == DronePass.MAX_PIXELS_720,
                    "this driver's points stop below " + DronePass.MAX_PIXELS_720 + " px");
            assertNull(pass.spriteLimitNote(H));
            int width = litWidth(pass);
            assertTrue(width > LOW_LIMIT + 8 && width <= DronePass.MAX_PIXELS_720,
                    "a near drone's sprite is " + width + " px wide");
        }
    }

    @Test
    void underALowPointLimitANearDroneIsDrawnAtTheLimitAndTheUserIsTold() {
        try (DronePass pass = new DronePass(1, LOW_LIMIT)) {
            assertEquals(LOW_LIMIT, pass.maxSpritePixels(H));
            int width = litWidth(pass);
            assertTrue(width > LOW_LIMIT - 4 && width <= LOW_LIMIT,
                    "clamped to " + LOW_LIMIT + " px, the near drone's sprite is " + width + " px wide");
            String note = pass.spriteLimitNote(H);
            assertNotNull(note);
            assertTrue(note.contains("16 px") && note.contains("48 px"), note);
            assertNull(pass.spriteLimitNote((int) (H * LOW_LIMIT / DronePass.MAX_PIXELS_720)),
                    "a picture small enough needs no larger points than the limit");
        }
    }

    /** Draws one white drone at the centre, 1 m from the eye, and measures its lit width along the middle row. */
    private static int litWidth(DronePass pass) {
        pass.upload(new float[] {0, 0, 0}, new int[] {0xFFFFFF}, 1);
        target.bind();
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        pass.draw(new Matrix4f(), W, H, NEAR);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, target.id());
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        red.clear();
        glReadPixels(0, 0, W, H, GL_RED, GL_FLOAT, red);
        int lit = 0;
        for (int x = 0; x < W; x++) {
            if (red.get((H / 2) * W + x) > UNLIT) {
                lit++;
            }
        }
        return lit;
    }
}
