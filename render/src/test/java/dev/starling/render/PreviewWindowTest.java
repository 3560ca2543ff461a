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
import dev.starling.show.Music;
import dev.starling.show.Timeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * A re-planned show replaces the one on screen in place: the camera, the show time, the pause
     * stay; the new plan's drones are drawn; a notice (the show no longer plans) shows as the
     * HUD's last line until it is cleared.
     */
    @Test
    void reloadKeepsCameraAndTimeAndShowsTheNewPlan() {
        GlTests.assumeGl();
        var site = ChongqingSite.load();
        try (PreviewWindow w = PreviewWindow.open(DemoPlans.aiCar(200), site, 320, 180, Camera.presets(site).get(0),
                0, 1)) {
            w.onKey(GLFW_KEY_PAGE_DOWN, GLFW_PRESS, 0);
            w.onKey(GLFW_KEY_SPACE, GLFW_PRESS, 0);
            w.onKey(GLFW_KEY_2, GLFW_PRESS, 0);
            FrameInfo before = w.frame();
            assertEquals(200, before.drones());

            w.reload(DemoPlans.aiCar(120));
            FrameInfo after = w.frame();
            assertEquals(120, after.drones(), "the new plan is drawn");
            assertEquals(before.time(), after.time(), EPS, "the show time stays");
            assertEquals("north-bank", after.camera(), "the camera stays");
            assertTrue(w.playback().paused(), "the pause stays");

            w.setNotice("error: show.json: scenes[1].formation.size: must be positive (last good plan shown)");
            String[] hud = w.frame() == null ? new String[0] : w.hudLines();
            assertTrue(hud[hud.length - 1].startsWith("error: show.json"), String.join("\n", hud));
            w.setNotice(null);
            w.frame();
            assertFalse(String.join("\n", w.hudLines()).contains("error:"), "cleared by the next good plan");
        }
    }

    /** With music: it plays along, or (no sound device, as in CI) the preview runs silent and says why. */
    @Test
    void withMusicThePreviewPlaysAlongOrRunsSilentSayingWhy(@TempDir Path dir) throws IOException {
        GlTests.assumeGl();
        Path wav = dir.resolve("music.wav");
        Tracks.writeWav(wav, Tracks.noise(8000 * 60, 1, 200, 3), 1, 8000);
        Plan demo = DemoPlans.aiCar(100);
        Plan plan = new Plan(demo.name(), demo.limits(), demo.trajectories(), demo.lights(), demo.scenes(),
                new Timeline(new Music(wav, "wav", 0, 60), List.of(), null));
        var site = ChongqingSite.load();
        try (PreviewWindow w = PreviewWindow.open(plan, site, 320, 180, Camera.presets(site).get(0), 5, 1)) {
            String sound = w.sound();
            boolean audible = sound.startsWith("sound: music.wav through ");
            assertTrue(audible || sound.startsWith("sound: off, the preview runs silent ("), sound);
            w.frame();
            assertEquals(audible, w.music().sounding(), "at 1x inside the track the music plays, if it can");
            w.onKey(GLFW_KEY_RIGHT, GLFW_PRESS, 0);
            double scrubbed = w.playback().time();
            w.frame();
            assertTrue(w.playback().time() >= scrubbed - Playback.RESYNC, "the scrub holds: the sound seeks, not the clock");
            w.onKey(GLFW_KEY_SPACE, GLFW_PRESS, 0);
            w.frame();
            assertFalse(w.music().sounding(), "paused: silent");
        }
    }
}
