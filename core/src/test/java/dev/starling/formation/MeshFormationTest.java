package dev.starling.formation;

import static dev.starling.formation.Fixtures.assertValid;
import static dev.starling.formation.Fixtures.sample;
import static dev.starling.formation.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import dev.starling.formation.Fixtures.Spec;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshFormationTest {
    @TempDir
    Path dir;

    /** A 2 × 2 × 2 cube about the origin: quads with v/vt/vn references, one face by negative indices. */
    static final String CUBE = """
            # cube
            o Cube
            v -1 -1 -1
            v 1 -1 -1
            v 1 1 -1
            v -1 1 -1
            v -1 -1 1
            v 1 -1 1
            v 1 1 1
            v -1 1 1
            vt 0 0
            vn 0 0 1
            usemtl steel
            s off
            f 1/1/1 2/1/1 3/1/1 4/1/1
            f 5//1 6//1 7//1 8//1
            f 1 2 6 5
            f 2 3 7 6
            f 3 4 8 7
            f -4 -8 -5 -1
            f 1 1 2
            """;

    @Test
    void pointsLieOnTheSurface() throws IOException {
        write(dir, "cube.obj", CUBE);
        int k = 300;
        Shape shape = Formations.shapeOf(Spec.of("mesh").file("cube.obj").size(30).build(), dir);
        assertEquals(6 * 30 * 30, shape.measure(), 1e-6, "area of the six faces, scaled to size 30");
        LocalPoints p = shape.sample(k, 2);
        assertEquals(k, p.size());
        for (int i = 0; i < k; i++) {
            double m = Math.max(Math.abs(p.u()[i]), Math.max(Math.abs(p.v()[i]), Math.abs(p.w()[i])));
            assertEquals(15, m, 1e-9, "on a face of the cube (half-size 15)");
        }
        Targets t = sample(Spec.of("mesh").file("cube.obj").size(30).count(k).build(), k, 2.0, dir);
        assertValid(t, k, k, 2.0);
    }

    @Test
    void areaWeightedSpread() throws IOException {
        // two squares: one 1 × 1, one 3 × 3 (nine times the area), side by side
        write(dir, "two.obj", """
                v 0 0 0
                v 1 0 0
                v 1 1 0
                v 0 1 0
                v 2 0 0
                v 5 0 0
                v 5 3 0
                v 2 3 0
                f 1 2 3 4
                f 5 6 7 8
                """);
        int k = 200;
        LocalPoints p = Formations.shapeOf(Spec.of("mesh").file("two.obj").size(50).build(), dir).sample(k, 4);
        int small = 0;
        for (int i = 0; i < k; i++) {
            if (p.u()[i] < -25 + 10 + 1e-9) {
                small++;
            }
        }
        assertEquals(k / 10.0, small, 6, "one tenth of the points on the small square");
    }

    @Test
    void degenerateFacesAreSkippedAndAllDegenerateIsAnError() throws IOException {
        write(dir, "flat.obj", "v 0 0 0\nv 1 1 1\nv 2 2 2\nv 0 0 0\nf 1 2 3\nf 1 4 2\n");
        InputException e = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("mesh").file("flat.obj").size(10).build(), dir));
        assertEquals("file", e.path());
        assertTrue(e.getMessage().contains("all 2 faces are degenerate"), e.getMessage());
    }

    @Test
    void brokenObjFilesAreInputErrorsWithTheLine() throws IOException {
        write(dir, "nofaces.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\n");
        assertTrue(assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("mesh").file("nofaces.obj").size(10).build(), dir))
                .getMessage().contains("no faces"));
        write(dir, "index.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 9\n");
        InputException idx = assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("mesh").file("index.obj").size(10).build(), dir));
        assertTrue(idx.getMessage().contains("line 4") && idx.getMessage().contains("vertex 9"), idx.getMessage());
        write(dir, "nan.obj", "v 0 0 0\nv 1 NaN 0\nv 0 1 0\nf 1 2 3\n");
        assertTrue(assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("mesh").file("nan.obj").size(10).build(), dir))
                .getMessage().contains("line 2"));
        write(dir, "ok.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
        assertEquals("size", assertThrows(InputException.class,
                () -> Formations.shapeOf(Spec.of("mesh").file("ok.obj").build(), dir)).path());
    }
}
