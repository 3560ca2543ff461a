package dev.starling.formation;

import static dev.starling.formation.Fixtures.assertValid;
import static dev.starling.formation.Fixtures.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.formation.Fixtures.Spec;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFormationTest {
    static final int W = 80, H = 40;
    static final int ORANGE = 0xFF8800, CYAN = 0x00FFFF;

    @TempDir
    Path dir;
    BufferedImage img;

    /** Two lit blocks (orange, cyan), a dark grey block below the threshold, transparent elsewhere. */
    @BeforeEach
    void writeImage() throws IOException {
        img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(ORANGE));
        g.fillRect(4, 4, 30, 32);
        g.setColor(new Color(CYAN));
        g.fillRect(46, 10, 30, 20);
        g.setColor(new Color(0x202020));
        g.fillRect(36, 30, 8, 8);
        g.dispose();
        ImageIO.write(img, "png", dir.resolve("logo.png").toFile());
    }

    @Test
    void pointsStandOnLitPixelsInTheirColours() {
        int k = 300;
        double width = 80; // 1 m per pixel
        Targets t = sample(Spec.of("image").file("logo.png").width(width).count(k).build(), k, 1.2, dir);
        assertValid(t, k, k, 1.2);
        double mpp = width / W;
        double tol = 0.5; // a point may stand anywhere in a lit sampling pixel (≤ 0.25 · ideal)
        int orange = 0, cyan = 0;
        for (int i = 0; i < k; i++) {
            // xz plane, centre (0, 0, 60): u = x, v = z - 60; image centred, row 0 on top
            double u = t.x()[i], v = t.z()[i] - 60;
            int rgb = t.rgb()[i];
            assertTrue(rgb == ORANGE || rgb == CYAN, "colour from the image: " + Integer.toHexString(rgb));
            assertTrue(litNear(u, v, mpp, tol, rgb), "point " + i + " (" + u + ", " + v + ") is on a lit pixel of its colour");
            if (rgb == ORANGE) {
                orange++;
            } else {
                cyan++;
            }
        }
        // Even spread: points in proportion to the lit areas (30·32 vs 30·20 pixels).
        double expected = k * 960.0 / 1560.0;
        assertEquals(expected, orange, 0.08 * k, "orange points");
        assertEquals(k - expected, cyan, 0.08 * k, "cyan points");
    }

    private boolean litNear(double u, double v, double mpp, double tol, int rgb) {
        for (double du : new double[] {0, -tol, tol}) {
            for (double dv : new double[] {0, -tol, tol}) {
                int col = (int) Math.floor((u + du + W * mpp / 2) / mpp);
                int row = (int) Math.floor((H * mpp / 2 - (v + dv)) / mpp);
                if (col >= 0 && row >= 0 && col < W && row < H) {
                    int p = img.getRGB(col, row);
                    if ((p >>> 24) > 0 && (p & 0xFFFFFF) == rgb) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void heightKeepsTheAspectRatio() {
        Shape s = Formations.shapeOf(Spec.of("image").file("logo.png").height(20).build(), dir);
        double[] b = s.bounds();
        assertEquals(40, b[3] - b[0], 1e-9);
        assertEquals(20, b[4] - b[1], 1e-9);
        assertEquals((30 * 32 + 30 * 20) * 0.25, s.measure(), 0.02 * (30 * 32 + 30 * 20) * 0.25, "area of the lit pixels");
    }

    @Test
    void anImageWithoutLitPixelsIsAnInputError() throws IOException {
        BufferedImage dark = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB); // all black
        ImageIO.write(dark, "png", dir.resolve("dark.png").toFile());
        InputException e = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("image").file("dark.png").width(10).build(), dir));
        assertEquals("file", e.path());
        assertTrue(e.getMessage().contains("no lit pixels"), e.getMessage());
        assertTrue(e.hint().contains("threshold"), e.hint());
    }

    @Test
    void badImageInputsAreInputErrors() throws IOException {
        Files.writeString(dir.resolve("fake.png"), "not an image");
        assertEquals("file", assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("image").file("fake.png").width(10).build(), dir)).path());
        assertEquals("file", assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("image").file("missing.png").width(10).build(), dir)).path());
        assertEquals("width", assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("image").file("logo.png").build(), dir)).path());
        assertEquals("threshold", assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("image").file("logo.png").width(10).threshold(1.5).build(), dir)).path());
    }
}
