package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Three start points on a line and the same points shifted by 10 m in z, rows shuffled. */
    private Path[] simplePair() throws IOException {
        Path a = write("a.csv", "x,y,z,r,g,b\n0,0,0,255,0,0\n5,0,0,0,255,0\n10,0,0,0,0,255\n");
        Path b = write("b.csv", "x,y,z\n10,0,10\n0,0,10\n5,0,10\n");
        return new Path[] {a, b};
    }

    @Test
    void printsTheMinimumAndTheCertificateAndWritesPairs() throws IOException {
        Path[] p = simplePair();
        Path out = dir.resolve("pairs.csv");
        Run r = run("assign", p[0].toString(), p[1].toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("300.000 m²"), r.out());
        assertTrue(r.out().contains("optimal"), r.out());
        assertEquals(List.of("from,to", "0,1", "1,2", "2,0"), Files.readAllLines(out));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".part")), "temporary file left");
        }
    }

    @Test
    void jsonCarriesTheSameNumbers() throws IOException {
        Path[] p = simplePair();
        Run r = run("assign", p[0].toString(), p[1].toString(), "--json", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(3, j.get("n").asInt());
        assertEquals(300.0, j.get("totalSquaredDistance").asDouble(), 1e-9);
        assertTrue(j.get("certificate").get("valid").asBoolean());
        assertEquals(9, j.get("certificate").get("pairsChecked").asLong());
        assertEquals(0, j.get("certificate").get("maxViolation").asLong());
    }

    @Test
    void solvesAGroundGridToAFormationPlane() throws IOException {
        StringBuilder a = new StringBuilder("x,y,z\n");
        StringBuilder b = new StringBuilder("x,y,z\n");
        for (int i = 0; i < 400; i++) {
            a.append(String.format(Locale.ROOT, "%d,%d,0%n", 2 * (i % 20), 2 * (i / 20)));
            b.append(String.format(Locale.ROOT, "%.2f,30,%.2f%n", 1.5 * (i % 25) + 0.01 * (i % 7), 40 + 1.5 * (i / 25)));
        }
        Run r = run("assign", write("g.csv", a.toString()).toString(), write("p.csv", b.toString()).toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(new ObjectMapper().readTree(r.out()).get("certificate").get("valid").asBoolean());
    }

    @Test
    void unequalCountsAreBadInput() throws IOException {
        Path a = write("a.csv", "x,y,z\n0,0,0\n1,0,0\n");
        Path b = write("b.csv", "x,y,z\n0,0,0\n");
        Run r = run("assign", a.toString(), b.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("2 start points") && r.err().contains("1 goal points"), r.err());
        assertTrue(r.err().contains("hint:"), r.err());
    }

    @Test
    void malformedRowsNameFileRowAndColumn() throws IOException {
        Path a = write("a.csv", "x,y,z\n0,0,0\n1,zero,0\n");
        Path b = write("b.csv", "x,y,z\n0,0,0\n1,0,0\n");
        Run r = run("assign", a.toString(), b.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("a.csv:3:3: row 2: column 2 (y): 'zero' is not a number"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void nonFiniteEmptyAndMissingFilesAreBadInput() throws IOException {
        Path good = write("good.csv", "x,y,z\n0,0,0\n");
        assertEquals(2, run("assign", write("nan.csv", "x,y,z\nNaN,0,0\n").toString(), good.toString()).code());
        assertEquals(2, run("assign", write("inf.csv", "x,y,z\n0,-Infinity,0\n").toString(), good.toString()).code());
        Run empty = run("assign", write("empty.csv", "").toString(), good.toString());
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("no points"), empty.err());
        Run missing = run("assign", dir.resolve("missing.csv").toString(), good.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("file not found"), missing.err());
    }

    @Test
    void refusesToOverwriteAnInput() throws IOException {
        Path[] p = simplePair();
        Run r = run("assign", p[0].toString(), p[1].toString(), "--out", p[1].toString());
        assertEquals(2, r.code());
        assertEquals("x,y,z\n10,0,10\n0,0,10\n5,0,10\n", Files.readString(p[1]));
    }

    @Test
    void helpTeachesByExample() {
        Run r = run("assign", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("starling assign ground.csv letters.csv --out pairs.csv"), r.out());
        assertTrue(run("--help").out().contains("assign"));
    }
}
