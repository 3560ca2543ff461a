package dev.starling.formation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsImageTest {
    @TempDir
    Path dir;

    /** Three lit points in a row facing the audience, one reserve point behind the middle one, below. */
    static Targets row() {
        return new Targets(new double[] {-10, 0, 10, 0}, new double[] {0, 0, 0, 8}, new double[] {60, 60, 60, 50},
                new int[] {0xFF0000, 0x00FF00, 0x0000FF, 0}, 3);
    }

    @Test
    void pointsAppearWhereTheAudienceSeesThemInTheirColours() {
        BufferedImage img = TargetsImage.render(row(), 400, false);
        assertEquals(400, img.getWidth(), "the longer side");
        assertTrue(img.getHeight() < 100, "a row is wide and low");
        int cy = img.getHeight() / 2;
        assertEquals(0xFF0000, img.getRGB(px(img, -10), cy) & 0xFFFFFF, "left: red");
        assertEquals(0x00FF00, img.getRGB(px(img, 0), cy) & 0xFFFFFF, "middle: green");
        assertEquals(0x0000FF, img.getRGB(px(img, 10), cy) & 0xFFFFFF, "right: blue (x to the audience's right)");
        assertEquals(0x000000, img.getRGB(px(img, 5), cy) & 0xFFFFFF, "black sky between them");
    }

    @Test
    void reserveIsDrawnDimOnlyWhenAsked() throws IOException {
        Path png = dir.resolve("r.png");
        TargetsImage.writePng(row(), png, 400, true);
        BufferedImage img = ImageIO.read(png.toFile());
        // the reserve point at z = 50 is the lowest: bottom of the extent, at x = 0
        int x = img.getWidth() / 2;
        int y = (int) Math.round(img.getHeight() * (1 - 0.06 / (1 + 2 * 0.06) * 1.0)) - 1;
        boolean dim = false;
        for (int yy = 0; yy < img.getHeight(); yy++) {
            int c = img.getRGB(x, yy) & 0xFFFFFF;
            int r = c >> 16, g = (c >> 8) & 0xFF, b = c & 0xFF;
            if (r == g && g == b && r > 0x20 && r < 0x80 && yy > img.getHeight() / 2) {
                dim = true;
            }
        }
        assertTrue(dim, "a dim grey dot below the row (near y = " + y + ")");
        BufferedImage without = TargetsImage.render(row(), 400, false);
        assertTrue(without.getHeight() < img.getHeight(), "without the reserve the picture covers the lit points only");
    }

    private static int px(BufferedImage img, double x) {
        return (int) Math.round(img.getWidth() / 2.0 + x * img.getWidth() / (20 * (1 + 2 * 0.06)));
    }
}
