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
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsFormationTest {
    @TempDir
    Path dir;

    /** A 10 × 6 grid in the x–z plane, 3 m apart, coloured by column. */
    static String grid(boolean header, boolean colours) {
        StringBuilder sb = new StringBuilder(header ? (colours ? "x,y,z,r,g,b\n" : "x,y,z\n") : "");
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 6; j++) {
                sb.append(3.0 * i).append(",0,").append(3.0 * j);
                if (colours) {
                    sb.append(',').append(20 * i).append(",100,").append(40 * j);
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void exactlyKRowsAreUsedVerbatimAfterPlacement() throws IOException {
        write(dir, "g.csv", "# my grid\n" + grid(true, true));
        Targets t = sample(Spec.of("points").file("g.csv").count(60).build(), 60, 2.12, dir);
        assertValid(t, 60, 60, 2.12);
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 6; j++) {
                int r = 6 * i + j;
                assertEquals(3.0 * i, t.x()[r], 1e-12);
                assertEquals(0.0, t.y()[r], 1e-12);
                assertEquals(60 + 3.0 * j, t.z()[r], 1e-12, "relative to the centre (0, 0, 60)");
                assertEquals((20 * i) << 16 | 100 << 8 | 40 * j, t.rgb()[r]);
            }
        }
    }

    @Test
    void moreRowsAreThinnedByFarthestPointSampling() throws IOException {
        write(dir, "g.csv", grid(false, false));
        int k = 15;
        Targets t = Formations.sample(Spec.of("points").file("g.csv").count(k).build(), Fixtures.FRONT, 0xABCDEF, 20, 2.12, dir);
        assertValid(t, 20, k, 2.12);
        Set<String> rows = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 6; j++) {
                rows.add(3 * i + "/" + 3 * j);
            }
        }
        for (int a = 0; a < k; a++) {
            assertTrue(rows.contains(Math.round(t.x()[a]) + "/" + Math.round(t.z()[a] - 60)), "a point of the file");
            assertEquals(0xABCDEF, t.rgb()[a], "no colour column: the scene colour");
        }
        // Farthest-point sampling is a 2-approximation of the best subset (here 6 m, a 5 × 3 lattice);
        // from the first row it reaches 3·√2, well beyond the file's own 3 m.
        assertTrue(Spacing.min(t.x(), t.y(), t.z(), k) >= 3 * Math.sqrt(2) - 1e-9, "thinned to a wider spacing");
    }

    @Test
    void fewerRowsThanNeededIsAnError() throws IOException {
        write(dir, "g.csv", grid(true, false));
        InputException e = assertThrows(InputException.class,
                () -> sample(Spec.of("points").file("g.csv").count(61).build(), 61, 2.12, dir));
        assertTrue(e.getMessage().contains("has 60 points but the formation needs 61"), e.getMessage());
        assertTrue(e.hint().contains("\"count\": 60"), e.hint());
    }

    @Test
    void rowsTooCloseAreNamed() throws IOException {
        write(dir, "close.csv", "x,y,z\n0,0,0\n10,0,0\n0,0,10\n10.5,0,0.5\n");
        InputException e = assertThrows(InputException.class,
                () -> sample(Spec.of("points").file("close.csv").build(), 4, 2.12, dir));
        assertEquals("file", e.path());
        assertTrue(e.getMessage().contains("lines 3 and 5"), e.getMessage());
        double scale = Fixtures.suggestedValue(e, "scale");
        Targets t = sample(Spec.of("points").file("close.csv").scale(scale).build(), 4, 2.12, dir);
        assertValid(t, 4, 4, 2.12);
    }

    @Test
    void raggedRowsNanAndJunkAreErrorsWithTheLine() throws IOException {
        write(dir, "ragged.csv", "x,y,z\n0,0,0\n1,2,3,4\n");
        assertTrue(assertThrows(InputException.class,
                () -> sample(Spec.of("points").file("ragged.csv").build(), 2, 1, dir)).getMessage().contains("line 3"));
        write(dir, "mixed.csv", "0,0,0\n5,5,5,255,0,0\n");
        assertTrue(assertThrows(InputException.class,
                () -> sample(Spec.of("points").file("mixed.csv").build(), 2, 1, dir)).getMessage().contains("line 2"));
        write(dir, "nan.csv", "0,0,0\n5,NaN,5\n");
        InputException nan = assertThrows(InputException.class, () -> sample(Spec.of("points").file("nan.csv").build(), 2, 1, dir));
        assertTrue(nan.getMessage().contains("line 2") && nan.getMessage().contains("finite"), nan.getMessage());
        write(dir, "colour.csv", "0,0,0,0,0,0\n5,5,5,256,0,0\n");
        assertTrue(assertThrows(InputException.class,
                () -> sample(Spec.of("points").file("colour.csv").build(), 2, 1, dir)).getMessage().contains("0..255"));
        write(dir, "empty.csv", "x,y,z\n");
        assertTrue(assertThrows(InputException.class,
                () -> sample(Spec.of("points").file("empty.csv").build(), 2, 1, dir)).getMessage().contains("no points"));
    }
}
