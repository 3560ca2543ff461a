package dev.starling.formation;

import static dev.starling.formation.Fixtures.assertValid;
import static dev.starling.formation.Fixtures.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.formation.Fixtures.Spec;
import java.awt.geom.Path2D;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapeFormationTest {
    static final double ON_SURFACE = 1e-9;

    @TempDir
    Path dir;

    @Test
    void spherePointsAreAtTheRadius() {
        int k = 500;
        Targets t = sample(Spec.of("shape").shape("sphere").size(40).count(k).build(), k, 2.12, dir);
        assertValid(t, k, k, 2.12);
        for (int i = 0; i < k; i++) {
            assertEquals(20, Math.sqrt(t.x()[i] * t.x()[i] + t.y()[i] * t.y()[i] + (t.z()[i] - 60) * (t.z()[i] - 60)),
                    ON_SURFACE, "on the sphere");
        }
        double ratio = t.minSpacingBruteForce() / Math.sqrt(4 * Math.PI * 400 / k);
        assertTrue(ratio > 0.9, "spread evenly over the sphere: " + ratio);
    }

    @Test
    void torusPointsAreOnTheTorus() {
        int k = 500;
        LocalPoints p = Formations.shapeOf(Spec.of("shape").shape("torus").size(60).height(16).build(), dir).sample(k, 3);
        double major = 22, tube = 8; // outer diameter 60, tube diameter 16
        for (int i = 0; i < k; i++) {
            double ring = Math.hypot(p.u()[i], p.v()[i]) - major;
            assertEquals(tube, Math.hypot(ring, p.w()[i]), ON_SURFACE, "on the torus");
        }
        assertEquals("height", assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("shape").shape("torus").size(60).height(30).build(), dir)).path());
    }

    @Test
    void ringPointsAreOnTheCircleOrInTheBand() {
        int k = 120;
        LocalPoints circle = Formations.shapeOf(Spec.of("shape").shape("ring").size(100).build(), dir).sample(k, 1);
        double chord = 2 * 50 * Math.sin(Math.PI / k);
        for (int i = 0; i < k; i++) {
            double r = Math.hypot(circle.u()[i], circle.v()[i]);
            assertTrue(r <= 50 + 1e-9 && r > 50 - 0.01, "on the circle: " + r);
        }
        assertTrue(circle.minSpacing() > 0.97 * chord, "evenly around: " + circle.minSpacing() + " vs " + chord);
        Shape band = Formations.shapeOf(Spec.of("shape").shape("ring").size(100).height(10).build(), dir);
        LocalPoints b = band.sample(400, 1);
        double tol = 0.4 * band.idealSpacing(400);
        for (int i = 0; i < 400; i++) {
            double r = Math.hypot(b.u()[i], b.v()[i]);
            assertTrue(r >= 40 - tol && r <= 50 + tol, "in the band: " + r);
        }
    }

    @Test
    void helixPointsAreOnTheHelix() {
        int k = 200;
        LocalPoints p = Formations.shapeOf(Spec.of("shape").shape("helix").size(30).height(60).turns(4).build(), dir)
                .sample(k, 1);
        for (int i = 0; i < k; i++) {
            double r = Math.hypot(p.u()[i], p.w()[i]);
            assertTrue(r <= 15 + 1e-9 && r > 15 - 0.01, "on the helix cylinder: " + r);
            assertTrue(Math.abs(p.v()[i]) <= 30 + 1e-9, "within its height");
            // the angle matches the height: a = 2π · turns · (v / height + 1/2)
            double a = Math.atan2(p.w()[i], p.u()[i]);
            double expected = 2 * Math.PI * 4 * (p.v()[i] / 60 + 0.5);
            double diff = Math.abs(Math.IEEEremainder(a - expected, 2 * Math.PI));
            assertTrue(diff < 0.01, "on the helix itself: angle off by " + diff);
        }
    }

    @Test
    void gridIsALatticeOfKPoints() {
        int k = 50;
        Targets t = sample(Spec.of("shape").shape("grid").size(40).height(20).count(k).build(), k, 2.12, dir);
        assertValid(t, k, k, 2.12);
        // 50 points in 40 × 20 m: 5 rows of 10, cell 4.44 m (min(40/9, 20/4))
        assertEquals(40.0 / 9, t.minSpacingBruteForce(), 1e-9);
        double[] l = new GridShape(40, 20).layout(k);
        assertEquals(5, l[0]);
        assertEquals(10, l[1]);
    }

    @Test
    void heartPointsAreInsideTheHeart() {
        int k = 400;
        Shape heart = Formations.shapeOf(Spec.of("shape").shape("heart").size(60).build(), dir);
        LocalPoints p = heart.sample(k, 9);
        Path2D.Double outline = new Path2D.Double();
        for (int i = 0; i < 720; i++) {
            double s = 2 * Math.PI * i / 720, sin = Math.sin(s);
            double x = 16 * sin * sin * sin, y = 13 * Math.cos(s) - 5 * Math.cos(2 * s) - 2 * Math.cos(3 * s) - Math.cos(4 * s);
            if (i == 0) {
                outline.moveTo(x, y);
            } else {
                outline.lineTo(x, y);
            }
        }
        double f = 60 / 32.0; // the curve is 32 units wide, centred on its bounding box
        double tol = 0.4 * heart.idealSpacing(k);
        double cy = heartCentreY();
        for (int i = 0; i < k; i++) {
            double x = p.u()[i] / f, y = p.v()[i] / f + cy;
            assertTrue(outline.intersects(x - tol / f, y - tol / f, 2 * tol / f, 2 * tol / f), "inside the heart");
        }
        assertTrue(p.minSpacing() > 0.9 * heart.idealSpacing(k), "evenly spread");
    }

    /** Centre of the heart curve's bounding box in its own units (y from about -17 to 12). */
    private static double heartCentreY() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 1440; i++) {
            double s = 2 * Math.PI * i / 1440;
            double y = 13 * Math.cos(s) - 5 * Math.cos(2 * s) - 2 * Math.cos(3 * s) - Math.cos(4 * s);
            lo = Math.min(lo, y);
            hi = Math.max(hi, y);
        }
        return (lo + hi) / 2;
    }

    @Test
    void unknownShapesAndMissingSizesAreInputErrors() {
        InputException unknown = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("shape").shape("cube").size(10).build(), dir));
        assertEquals("shape", unknown.path());
        assertTrue(unknown.hint().contains("sphere, torus, ring, helix, grid, heart"));
        assertEquals("size", assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("shape").shape("sphere").build(), dir)).path());
        assertEquals("size", assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("shape").shape("sphere").size(-3).build(), dir)).path());
        assertEquals("turns", assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("shape").shape("helix").size(10).turns(0).build(), dir)).path());
    }
}
