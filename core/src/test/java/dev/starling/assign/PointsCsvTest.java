package dev.starling.assign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsCsvTest {
    @TempDir
    Path dir;

    private static PointsCsv.Points parse(String text) throws IOException {
        return PointsCsv.parse(new BufferedReader(new StringReader(text)), "p.csv");
    }

    private static InputException bad(String text) {
        return assertThrows(InputException.class, () -> parse(text));
    }

    @Test
    void readsColumnsByHeaderNameAndIgnoresOthers() throws IOException {
        PointsCsv.Points p = parse("\uFEFFr,z,g,x,b,y\n# comment\n\n255,3,0,1,0,2\n0,6.5,0,-4,0,5e1\n");
        assertArrayEquals(new double[] {1, -4}, p.x());
        assertArrayEquals(new double[] {2, 50}, p.y());
        assertArrayEquals(new double[] {3, 6.5}, p.z());
        assertArrayEquals(new int[] {4, 5}, p.lines());
    }

    @Test
    void acceptsUnitsInHeadersAndHeaderlessFiles() throws IOException {
        assertEquals(2, parse("x [m],y [m],z [m]\n1,2,3\n4,5,6\n").size());
        PointsCsv.Points p = parse("1,2,3,255,0,0\n4,5,6,0,0,0\n");
        assertArrayEquals(new double[] {3, 6}, p.z());
    }

    @Test
    void malformedValuesNameRowLineAndColumn() {
        InputException e = bad("x,y,z\n1,2,3\n4,five,6\n");
        assertEquals("row 2", e.path());
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().contains("column 2 (y)"), e.getMessage());
        assertTrue(e.hint() != null && !e.hint().isEmpty());
    }

    @Test
    void nonFiniteValuesAreRejected() {
        assertTrue(bad("x,y,z\n1,NaN,3\n").getMessage().contains("finite"));
        assertTrue(bad("x,y,z\n1,2,Infinity\n").getMessage().contains("finite"));
        assertTrue(bad("NaN,1,2\n").getMessage().contains("finite"));
    }

    @Test
    void shortRowsMissingColumnsAndEmptyFilesAreRejected() {
        assertEquals("row 1", bad("x,y,z\n1,2\n").path());
        assertTrue(bad("x,y,w\n1,2,3\n").getMessage().contains("no column named z"));
        assertTrue(bad("x,y,x,z\n1,2,3,4\n").getMessage().contains("twice"));
        assertTrue(bad("x,y,z\n").getMessage().contains("no points"));
        assertTrue(bad("").getMessage().contains("no points"));
    }

    @Test
    void missingFileIsBadInputNamingTheFile() throws IOException {
        Path missing = dir.resolve("nope.csv");
        InputException e = assertThrows(InputException.class, () -> PointsCsv.read(missing));
        assertEquals(missing.toString(), e.file());
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "x,y,z\n1,2,3\n");
        assertEquals(1, PointsCsv.read(ok).size());
    }
}
