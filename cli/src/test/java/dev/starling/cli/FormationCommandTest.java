package dev.starling.cli;

import static dev.starling.cli.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormationCommandTest {
    @TempDir
    Path dir;

    /** Rows of the CSV as numbers, header checked. */
    static double[][] readCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("x,y,z,r,g,b", lines.get(0));
        double[][] rows = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",");
            assertEquals(6, c.length, "row " + i);
            rows[i - 1] = new double[6];
            for (int a = 0; a < 6; a++) {
                rows[i - 1][a] = Double.parseDouble(c[a]);
            }
        }
        return rows;
    }

    static double minDistance(double[][] rows) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rows.length; i++) {
            for (int j = i + 1; j < rows.length; j++) {
                double dx = rows[i][0] - rows[j][0], dy = rows[i][1] - rows[j][1], dz = rows[i][2] - rows[j][2];
                best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        return best;
    }

    @Test
    void chineseTextWithTheDefaultFontAndSpacing() throws IOException {
        Path csv = dir.resolve("t.csv");
        Run r = run("formation", "--text", "两江四岸", "--height", "60", "--count", "700", "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        double[][] rows = readCsv(csv);
        assertEquals(700, rows.length);
        assertTrue(minDistance(rows) >= FormationCommand.DEFAULT_MIN_SPACING, "default spacing √2·1.5 m kept");
        assertTrue(r.out().contains("700 points"), r.out());
        assertTrue(r.out().contains("min spacing"), r.out());
        assertTrue(r.out().contains("extent x"), r.out());
    }

    @Test
    void shapeWithColourReservePictureAndPlacement() throws IOException {
        Path csv = dir.resolve("heart.csv"), png = dir.resolve("heart.png");
        Run r = run("formation", "--shape", "heart", "--size", "60", "--count", "300", "--drones", "350",
                "--min-spacing", "2", "--color", "#ff3366", "--center", "10,20,80", "--out", csv.toString(),
                "--png", png.toString(), "--png-size", "400");
        assertEquals(0, r.code(), r.err());
        double[][] rows = readCsv(csv);
        assertEquals(350, rows.length);
        assertTrue(minDistance(rows) >= 2, "every pair, reserve included");
        for (int i = 0; i < 300; i++) {
            assertEquals(0xff, rows[i][3]);
            assertEquals(0x33, rows[i][4]);
            assertEquals(0x66, rows[i][5]);
            assertEquals(20, rows[i][1], 1e-6, "faces the audience at the centre's depth");
        }
        for (int i = 300; i < 350; i++) {
            assertEquals(0, rows[i][3] + rows[i][4] + rows[i][5], "reserve is dark");
            assertTrue(rows[i][1] > 20, "reserve behind");
        }
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(400, Math.max(img.getWidth(), img.getHeight()));
    }

    @Test
    void aTooSmallShapeExitsTwoWithTheScaleThatFits() throws IOException {
        Path csv = dir.resolve("a.csv");
        Run r = run("formation", "--text", "AI+车", "--height", "40", "--count", "600", "--out", csv.toString());
        assertEquals(Starling.EXIT_BAD_INPUT, r.code());
        assertTrue(r.err().contains("--height") && r.err().contains("scale it by at least"), r.err());
        assertFalse(Files.exists(csv), "nothing written on failure");
        assertFalse(r.err().contains("Exception"), "no stack trace for a user");
    }

    @Test
    void badInputExitsTwo() throws IOException {
        Path csv = dir.resolve("x.csv");
        assertEquals(2, run("formation", "--shape", "cube", "--size", "5", "--count", "3", "--out", csv.toString()).code());
        assertEquals(2, run("formation", "--count", "3", "--out", csv.toString()).code(), "no source");
        assertEquals(2, run("formation", "--text", "A", "--shape", "heart", "--count", "3", "--out", csv.toString()).code());
        assertEquals(2, run("formation", "--shape", "heart", "--size", "50", "--count", "0", "--out", csv.toString()).code());
        assertEquals(2, run("formation", "--shape", "heart", "--size", "50", "--count", "3", "--color", "pink",
                "--out", csv.toString()).code());
        Run missing = run("formation", "--image", dir.resolve("nope.png").toString(), "--width", "9", "--count", "3",
                "--out", csv.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--image"), missing.err());
        Files.writeString(dir.resolve("p.csv"), "0,0,0\n1,0,0\n");
        Run same = run("formation", "--points", dir.resolve("p.csv").toString(), "--count", "2", "--min-spacing", "0.5",
                "--out", dir.resolve("p.csv").toString());
        assertEquals(2, same.code(), "never overwrites its input");
    }

    @Test
    void helpTeachesByExample() {
        Run r = run("formation", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("starling formation --text \"AI+车\""), r.out());
        assertTrue(r.out().contains("--min-spacing"), r.out());
    }

    /**
     * Every example of {@code formation --help} runs as printed (exit 0, the asked-for count
     * written), in a folder holding the files the examples name: a logo PNG, a car SVG, a bunny
     * OBJ (a cube) and a points CSV.
     */
    @Test
    void everyHelpExampleRuns() throws IOException {
        BufferedImage logo = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = logo.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(10, 5, 180, 90);
        g.dispose();
        ImageIO.write(logo, "png", dir.resolve("logo.png").toFile());
        Files.writeString(dir.resolve("car.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\">"
                + "<path d=\"M0 40 L50 40 L70 0 L140 0 L160 40 L200 40 L200 100 L0 100 Z\" fill=\"#ffffff\"/></svg>");
        StringBuilder obj = new StringBuilder();
        for (int v = 0; v < 8; v++) {
            obj.append("v ").append(v & 1).append(' ').append(v >> 1 & 1).append(' ').append(v >> 2 & 1).append('\n');
        }
        for (String f : new String[] {"1 3 4 2", "5 6 8 7", "1 2 6 5", "3 7 8 4", "1 5 7 3", "2 4 8 6"}) {
            obj.append("f ").append(f).append('\n');
        }
        Files.writeString(dir.resolve("bunny.obj"), obj);
        StringBuilder pts = new StringBuilder("x,y,z\n");
        for (int i = 0; i < 900; i++) {
            pts.append(3 * (i % 30)).append(",0,").append(20 + 3 * (i / 30)).append('\n');
        }
        Files.writeString(dir.resolve("mine.csv"), pts);

        String[] description = new picocli.CommandLine(new FormationCommand()).getCommandSpec().usageMessage()
                .description();
        java.util.regex.Pattern token = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)");
        int examples = 0;
        for (String line : description) {
            if (!line.startsWith("  starling formation ")) {
                continue;
            }
            List<String> args = new java.util.ArrayList<>();
            java.util.regex.Matcher m = token.matcher(line.substring("  starling ".length()));
            while (m.find()) {
                String a = m.group(1) != null ? m.group(1) : m.group(2);
                boolean file = !a.startsWith("-") && (a.endsWith(".csv") || a.endsWith(".png") || a.endsWith(".svg")
                        || a.endsWith(".obj"));
                args.add(file ? dir.resolve(a).toString() : a);
            }
            Path out = Path.of(args.get(args.indexOf("--out") + 1));
            Files.deleteIfExists(out);
            Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), line + "\n" + r.err());
            int count = Integer.parseInt(args.get(args.indexOf("--count") + 1));
            assertEquals(count, readCsv(out).length, line);
            examples++;
        }
        assertEquals(9, examples, "the examples found in the help");
    }
}
