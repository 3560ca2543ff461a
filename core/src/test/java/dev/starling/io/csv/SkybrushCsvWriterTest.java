package dev.starling.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.io.ExportOptions;
import dev.starling.io.SkybrushFrame;
import dev.starling.io.SyntheticPlans;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class SkybrushCsvWriterTest {
    static final Pattern ROW = Pattern.compile("-?\\d+,-?\\d+\\.\\d{3},-?\\d+\\.\\d{3},-?\\d+\\.\\d{3},\\d{1,3},\\d{1,3},\\d{1,3}");

    /** Rows of one CSV: {t_ms, x, y, z (show frame), r, g, b}. */
    static List<double[]> rows(byte[] csv) {
        String[] lines = new String(csv, StandardCharsets.US_ASCII).split("\n", -1);
        assertEquals(SkybrushCsvWriter.HEADER, lines[0]);
        assertEquals("", lines[lines.length - 1], "every row ends with a newline");
        List<double[]> out = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            assertTrue(ROW.matcher(lines[i]).matches(), "row " + i + ": " + lines[i]);
            String[] f = lines[i].split(",");
            double[] sb = {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])};
            double[] show = new double[3];
            SkybrushFrame.toShow(sb, 0, show, 0);
            double[] r = {Long.parseLong(f[0]), show[0], show[1], show[2], Integer.parseInt(f[4]),
                Integer.parseInt(f[5]), Integer.parseInt(f[6])};
            for (int c = 4; c < 7; c++) {
                assertTrue(r[c] >= 0 && r[c] <= 255);
            }
            out.add(r);
        }
        return out;
    }

    /** Linear interpolation between rows, as a CSV consumer does; clamped outside. */
    static void interpolate(List<double[]> rows, double t, double[] out) {
        double ms = t * 1000;
        if (ms <= rows.get(0)[0]) {
            System.arraycopy(rows.get(0), 1, out, 0, 3);
            return;
        }
        if (ms >= rows.get(rows.size() - 1)[0]) {
            System.arraycopy(rows.get(rows.size() - 1), 1, out, 0, 3);
            return;
        }
        int lo = 0, hi = rows.size() - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (rows.get(mid)[0] <= ms) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double[] a = rows.get(lo), b = rows.get(hi);
        double u = (ms - a[0]) / (b[0] - a[0]);
        for (int k = 0; k < 3; k++) {
            out[k] = (1 - u) * a[1 + k] + u * b[1 + k];
        }
    }

    static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    @Test
    void rowsCoverTheWholeFlightOnTheSharedGrid() {
        Trajectory tr = Trajectory.startingAt(0.1, 1, 2, 0).lineTo(3.3, 1, 2, 10).build();
        List<double[]> rows = rows(SkybrushCsvWriter.csv(tr, LightProgram.dark(), 4));
        assertEquals(0, rows.get(0)[0], "the last grid time at or before the start");
        assertEquals(3500, rows.get(rows.size() - 1)[0], "the first grid time at or after the end");
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(250, rows.get(i)[0] - rows.get(i - 1)[0]);
        }
        assertEquals(1, rows.get(0)[1], 0);
        assertEquals(2, rows.get(0)[2], 0);
        assertEquals(0, rows.get(0)[3], 0, "first row: start position");
        assertEquals(10, rows.get(rows.size() - 1)[3], 0, "last row: end position");
    }

    @Test
    void oddRatesStayOnTheMillisecondGrid() {
        Trajectory tr = Trajectory.startingAt(0, 0, 0, 0).lineTo(10, 0, 0, 10).build();
        for (double rate : new double[] {3, 7, 0.3, 1000}) {
            List<double[]> rows = rows(SkybrushCsvWriter.csv(tr, LightProgram.dark(), rate));
            assertEquals(0, rows.get(0)[0]);
            assertEquals(10000, rows.get(rows.size() - 1)[0], 0, "rate " + rate);
            for (int i = 1; i < rows.size(); i++) {
                double step = rows.get(i)[0] - rows.get(i - 1)[0];
                assertTrue(step >= Math.floor(1000 / rate) && step <= Math.ceil(1000 / rate), "step " + step);
            }
            assertEquals(Math.round(rate * 10) + 1, rows.size(), "rate " + rate);
        }
    }

    @Test
    void coloursAreTheProgramsAtEachSample() {
        Trajectory tr = Trajectory.stationary(0, 6, 0, 0, 5);
        LightProgram lp = LightProgram.builder().set(1, 0xFF0000).fadeTo(3, 0x0000FF).set(4.1, 0x00FF00).build();
        for (double[] r : rows(SkybrushCsvWriter.csv(tr, lp, 4))) {
            int c = lp.colorAt(r[0] / 1000);
            assertEquals((c >> 16) & 255, (int) r[4]);
            assertEquals((c >> 8) & 255, (int) r[5]);
            assertEquals(c & 255, (int) r[6]);
        }
    }

    @Test
    void zipHoldsOneSafelyNamedCsvPerDroneInOrder() throws IOException {
        Plan plan = SyntheticPlans.plan(8, 37, 5, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] calls = {0};
        SkybrushCsvWriter.write(plan, 4, out, Path.of("x.zip"), (f, done, total) -> {
            assertEquals(37, total);
            calls[0]++;
        });
        assertTrue(calls[0] > 1, "progress is reported per batch");
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (int i = 0; i < plan.droneCount(); i++) {
                ZipEntry e = zin.getNextEntry();
                assertEquals(String.format("drone-%05d.csv", i + 1), e.getName());
                assertTrue(e.getName().matches("[a-z0-9-]+\\.csv"), "portable name");
                assertEquals(new String(SkybrushCsvWriter.csv(plan.trajectories().get(i), plan.lights().get(i), 4),
                        StandardCharsets.US_ASCII), new String(zin.readAllBytes(), StandardCharsets.US_ASCII));
            }
            assertEquals(null, zin.getNextEntry());
        }
    }

    @Test
    void interpolatingTheRowsStaysWithinTheBound() {
        SplittableRandom rnd = new SplittableRandom(9);
        double[] a = new double[3], b = new double[3];
        for (boolean smooth : new boolean[] {true, false}) {
            for (int rep = 0; rep < 10; rep++) {
                Trajectory tr = smooth ? SyntheticPlans.c1(rnd, rnd.nextDouble(0, 2), 12, rep % 2 == 0)
                        : SyntheticPlans.kinked(rnd, 0, 12, false);
                double rate = new double[] {4, 10, 2.5}[rep % 3];
                List<double[]> rows = rows(SkybrushCsvWriter.csv(tr, LightProgram.dark(), rate));
                double bound = SkybrushCsvWriter.interpolationErrorBound(tr, rate) + SkybrushCsvWriter.ROUNDING_ERROR;
                for (int k = 0; k < 1000; k++) {
                    double t = rnd.nextDouble(tr.startTime() - 0.5, tr.endTime() + 0.5);
                    tr.position(t, a, 0);
                    interpolate(rows, t, b);
                    assertTrue(dist(a, b) <= bound + 1e-9, "t=" + t + " error " + dist(a, b) + " > bound " + bound);
                }
            }
        }
    }

    @Test
    void interpolationBoundIsTightForConstantAcceleration() {
        // x = t² then back to rest (|acceleration| 2, velocity continuous, at rest at both ends)
        // sampled at 4 Hz: the chord sags exactly A·h²/8 mid-sample
        Trajectory tr = Trajectory.startingAt(0, 0, 0, 0).quadTo(1, 0, 0, 0, 1, 0, 0).quadTo(2, 2, 0, 0, 2, 0, 0).build();
        double bound = SkybrushCsvWriter.interpolationErrorBound(tr, 4);
        List<double[]> rows = rows(SkybrushCsvWriter.csv(tr, LightProgram.dark(), 4));
        double[] a = new double[3], b = new double[3];
        tr.position(0.375, a, 0);
        interpolate(rows, 0.375, b);
        assertEquals(2 * 0.25 * 0.25 / 8, dist(a, b), 1e-3);
        assertTrue(dist(a, b) > 0.5 * bound, "the bound is not vacuous: " + dist(a, b) + " vs " + bound);
    }

    @Test
    void numbersAreFormattedExactly() {
        SplittableRandom rnd = new SplittableRandom(12);
        dev.starling.io.AsciiBuilder b = new dev.starling.io.AsciiBuilder(16);
        for (int k = 0; k < 20000; k++) {
            long v = switch (k % 4) {
                case 0 -> rnd.nextLong(-1000, 1000);
                case 1 -> rnd.nextLong(-10_000_000, 10_000_000);
                case 2 -> rnd.nextLong();
                default -> rnd.nextLong(Integer.MAX_VALUE - 5L, Integer.MAX_VALUE + 5L);
            };
            assertEquals(Long.toString(v), new String(b.clear().append(v).toByteArray(), StandardCharsets.US_ASCII));
            long q = v / 7;
            String fixed = new java.math.BigDecimal(q).movePointLeft(3).setScale(3).toPlainString();
            assertEquals(fixed, new String(b.clear().appendFixed3(q).toByteArray(), StandardCharsets.US_ASCII));
            String compact = new java.math.BigDecimal(q).movePointLeft(3).stripTrailingZeros().toPlainString();
            assertEquals(compact, new String(b.clear().appendCompact3(q).toByteArray(), StandardCharsets.US_ASCII));
        }
        assertEquals(Long.toString(Long.MIN_VALUE),
                new String(b.clear().append(Long.MIN_VALUE).toByteArray(), StandardCharsets.US_ASCII));
        assertEquals(1, dev.starling.io.AsciiBuilder.thousandths(0.0005));
        assertEquals(-1, dev.starling.io.AsciiBuilder.thousandths(-0.0005), "rounding is symmetric under negation");
        assertEquals("0.000", new String(b.clear().appendFixed3(dev.starling.io.AsciiBuilder.thousandths(-0.0004))
                .toByteArray(), StandardCharsets.US_ASCII), "never -0.000");
    }

    @Test
    void framesConvertToSkybrushAxes() {
        byte[] csv = SkybrushCsvWriter.csv(Trajectory.stationary(0, 1, 1, 2, 3), LightProgram.dark(), 4);
        String first = new String(csv, StandardCharsets.US_ASCII).split("\n")[1];
        assertEquals("0,2.000,-1.000,3.000,0,0,0", first, "show (1,2,3) is Skybrush (X 2, Y -1, Z 3)");
    }

    @Test
    void samePlanGivesSameBytes() throws IOException {
        Plan plan = new Plan("p", Limits.NONE, SyntheticPlans.plan(10, 50, 6, false).trajectories(),
                SyntheticPlans.plan(10, 50, 6, false).lights(), List.of());
        ByteArrayOutputStream a = new ByteArrayOutputStream(), b = new ByteArrayOutputStream();
        SkybrushCsvWriter.write(plan, 4, a, Path.of("a.zip"), ExportOptions.Progress.NONE);
        SkybrushCsvWriter.write(plan, 4, b, Path.of("b.zip"), ExportOptions.Progress.NONE);
        assertTrue(java.util.Arrays.equals(a.toByteArray(), b.toByteArray()));
    }
}
