package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_2;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_ESCAPE;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_H;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_PAGE_DOWN;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_RIGHT;
import static org.lwjgl.glfw.GLFW.GLFW_KEY_SPACE;
import static org.lwjgl.glfw.GLFW.GLFW_MOD_SHIFT;
import static org.lwjgl.glfw.GLFW.GLFW_MOUSE_BUTTON_LEFT;
import static org.lwjgl.glfw.GLFW.GLFW_PRESS;
import static org.lwjgl.glfw.GLFW.GLFW_RELEASE;

import dev.starling.plan.Plan;
import org.junit.jupiter.api.Test;

/** The interactive window, driven through the same handlers GLFW calls (a visible window under Xvfb in CI). */
class PreviewWindowTest {
    private static final double EPS = 1e-9;

    @Test
    void keysAndMouseDriveClockCameraAndHud() {
        GlTests.assumeGl();
        Plan plan = DemoPlans.aiCar(200);
        var site = ChongqingSite.load();
        Camera start = Camera.presets(site).get(0);
        try (PreviewWindow w = PreviewWindow.open(plan, site, 320, 180, start, 0, 1)) {
            FrameInfo first = w.frame();
            assertEquals("south-bank", first.camera());

            w.onKey(GLFW_KEY_SPACE, GLFW_PRESS, 0);
            double paused = w.playback().time();
            w.frame();
            assertEquals(paused, w.playback().time(), EPS, "paused: the clock stands still");

            w.onKey(GLFW_KEY_PAGE_DOWN, GLFW_PRESS, 0);
            assertEquals(DemoPlans.HOLD_START, w.frame().time(), EPS, "next scene: its hold");
            w.onKey(GLFW_KEY_RIGHT, GLFW_PRESS, GLFW_MOD_SHIFT);
            assertEquals(DemoPlans.HOLD_START + 5 * Playback.SCRUB_STEP, w.playback().time(), EPS);

            w.onKey(GLFW_KEY_2, GLFW_PRESS, 0);
            assertEquals("north-bank", w.frame().camera());

            double yaw = w.camera().yaw();
            w.onCursor(100, 100);
            w.onMouseButton(GLFW_MOUSE_BUTTON_LEFT, GLFW_PRESS);
            w.onCursor(140, 100);
            w.onMouseButton(GLFW_MOUSE_BUTTON_LEFT, GLFW_RELEASE);
            w.onCursor(400, 100);
            assertEquals(Camera.ORBIT, w.frame().camera(), "dragging takes the free camera");
            assertEquals(yaw - 40 * PreviewWindow.DEGREES_PER_PIXEL, w.camera().yaw(), 1e-6, "only while the button is down");

            double distance = w.camera().distance();
            w.onScroll(2);
            assertEquals(distance * PreviewWindow.ZOOM_STEP * PreviewWindow.ZOOM_STEP, w.camera().distance(), 1e-6);

            w.onKey(GLFW_KEY_H, GLFW_PRESS, 0);
            assertFalse(w.hudVisible());
            assertFalse(w.shouldClose());
            w.onKey(GLFW_KEY_ESCAPE, GLFW_PRESS, 0);
            assertTrue(w.shouldClose());
        }
    }
}
