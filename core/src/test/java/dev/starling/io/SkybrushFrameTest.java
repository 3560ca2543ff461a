package dev.starling.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SkybrushFrameTest {
    @Test
    void audienceAxesMapToSkybrushAxes() {
        double[] out = new double[3];
        SkybrushFrame.fromShow(new double[] {0, 1, 0}, 0, out, 0);
        assertArrayEquals(new double[] {1, 0, 0}, out, 0.0, "away from the audience is Skybrush front (+X)");
        SkybrushFrame.fromShow(new double[] {-1, 0, 0}, 0, out, 0);
        assertArrayEquals(new double[] {0, 1, 0}, out, 0.0, "audience's left is Skybrush left (+Y)");
        SkybrushFrame.fromShow(new double[] {0, 0, 1}, 0, out, 0);
        assertArrayEquals(new double[] {0, 0, 1}, out, 0.0, "up stays up");
    }

    @Test
    void conversionIsARotationKeepingHandedness() {
        double[] ex = new double[3], ey = new double[3], ez = new double[3];
        SkybrushFrame.fromShow(new double[] {1, 0, 0}, 0, ex, 0);
        SkybrushFrame.fromShow(new double[] {0, 1, 0}, 0, ey, 0);
        SkybrushFrame.fromShow(new double[] {0, 0, 1}, 0, ez, 0);
        double[] cross = {ex[1] * ey[2] - ex[2] * ey[1], ex[2] * ey[0] - ex[0] * ey[2], ex[0] * ey[1] - ex[1] * ey[0]};
        assertArrayEquals(ez, cross, 0.0, "x × y = z in both frames");
    }

    @Property(tries = 200)
    void roundTripIsExact(@ForAll double x, @ForAll double y, @ForAll double z) {
        double[] buf = {x, y, z, 0, 0, 0};
        SkybrushFrame.fromShow(buf, 0, buf, 3);
        SkybrushFrame.toShow(buf, 3, buf, 3);
        assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(buf[3]));
        assertEquals(Double.doubleToLongBits(y), Double.doubleToLongBits(buf[4]));
        assertEquals(Double.doubleToLongBits(z), Double.doubleToLongBits(buf[5]));
        SkybrushFrame.fromShow(buf, 0, buf, 0);
        SkybrushFrame.toShow(buf, 0, buf, 0);
        assertEquals(x, buf[0]);
        assertEquals(y, buf[1]);
    }
}
