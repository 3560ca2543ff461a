package dev.starling.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.site.Site;
import java.util.List;
import org.junit.jupiter.api.Test;

class CameraTest {
    private static final double PIXEL = 1e-3;
    private static final double EPS = 1e-9;

    @Test
    void presetsFollowTheSiteThenTopAndOrbit() {
        Site site = ChongqingSite.load();
        List<String> names = Camera.presets(site).stream().map(Camera::name).toList();
        assertEquals(List.of("south-bank", "north-bank", "chaotianmen", "top", "orbit"), names);
    }

    @Test
    void theTargetProjectsToTheImageCentre() {
        Camera c = Camera.of(ChongqingSite.load().viewpoint("south-bank").orElseThrow());
        double[] px = new double[2];
        assertTrue(c.project(c.targetX(), c.targetY(), c.targetZ(), 640, 360, px));
        assertEquals(320, px[0], PIXEL);
        assertEquals(180, px[1], PIXEL);
    }

    @Test
    void imageAxesMatchTheShowFrameAsTheAudienceSeesIt() {
        Camera c = Camera.orbit("t", 0, 0, 50, -90, 0, 500, 45);
        double[] centre = new double[2], right = new double[2], up = new double[2];
        c.project(0, 0, 50, 640, 360, centre);
        c.project(10, 0, 50, 640, 360, right);
        c.project(0, 0, 60, 640, 360, up);
        assertTrue(right[0] > centre[0], "+x is to the audience's right");
        assertTrue(up[1] < centre[1], "+z is up (rows count down)");
        assertFalse(c.project(0, -600, 50, 640, 360, centre), "behind the camera");
    }

    @Test
    void orbitRoundTripsItsAngles() {
        Camera c = Camera.orbit("orbit", 10, 20, 30, 35, 22, 400, 45);
        assertEquals(35, c.yaw(), EPS);
        assertEquals(22, c.pitch(), EPS);
        assertEquals(400, c.distance(), EPS);
        assertEquals(-600 + 0, Camera.orbit("o", 0, 0, 0, -90, 0, 600, 45).eyeY(), EPS);
    }
}
