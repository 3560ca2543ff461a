package dev.starling.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.starling.InputException;
import dev.starling.assign.Assigner;
import dev.starling.assign.Assignment;
import dev.starling.assign.Certificate;
import dev.starling.assign.PointsCsv;
import dev.starling.base.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code starling assign}: the exact minimum-Σ|a−b|² assignment between two point files, with
 * its optimality certificate. All logic is in {@link Assigner}; this class reads, times and
 * prints.
 */
@Command(name = "assign",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Match every start point to one goal point so that the total squared distance is",
            "the exact minimum (what collision-free straight CAPT transitions need), and prove it:",
            "dual prices are checked on all n² pairs before anything is printed or written.",
            "",
            "Examples:",
            "  starling assign ground.csv letters.csv",
            "  starling assign ground.csv letters.csv --out pairs.csv     # from,to rows, 0-based",
            "  starling assign a.csv b.csv --json | jq .totalSquaredDistance",
            "  starling formation --shape grid --size 160 --count 5000 --plane xy --center 0,0,0 --out ground.csv",
            "  starling formation --text \"AI+车\" --height 200 --count 5000 --center 0,0,120 --out letters.csv",
            "",
            "Point files are CSV with a header naming x,y,z (metres; other columns such as r,g,b",
            "are ignored) and the same number of rows. Coordinates are solved on a power-of-two",
            "grid of at most 1 mm up to 4 km (61 µm for a 200 m show); the result is exactly",
            "optimal on that grid.",
            ""},
        footer = {"", "Exit codes: 0 solved and certified, 1 writing failed or the certificate failed,",
            "2 bad input (missing or malformed file, unequal point counts)."})
final class AssignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FROM.csv", description = "start points (x,y,z per row)")
    Path from;

    @Parameters(index = "1", paramLabel = "TO.csv", description = "goal points, as many as FROM.csv")
    Path to;

    @Option(names = "--out", paramLabel = "FILE", description = "write the pairs as CSV rows from,to (0-based row indices)")
    Path out;

    @Option(names = "--json", description = "print the result as JSON instead of the summary")
    boolean json;

    @Option(names = "--threads", paramLabel = "N", description = "threads for the O(n²) scans (default: all processors)")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (threads != null && threads < 1) {
            throw new InputException(null, "--threads", "must be at least 1, got " + threads, "e.g. --threads 2");
        }
        if (out != null) {
            AtomicFiles.requireNotAnInput(out, from, to);
        }
        PointsCsv.Points a = PointsCsv.read(from);
        PointsCsv.Points b = PointsCsv.read(to);
        if (a.size() != b.size()) {
            throw new InputException(to.toString(), a.size() + " start points in " + from + " but " + b.size()
                    + " goal points here", "give both files the same number of points: one goal per drone");
        }
        Assigner.Options options = threads == null ? Assigner.Options.defaults() : new Assigner.Options(threads);
        long t0 = System.nanoTime();
        Assignment result = Assigner.solve(a.x(), a.y(), a.z(), b.x(), b.y(), b.z(), options);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        if (out != null) {
            int[] target = result.target();
            AtomicFiles.write(out, os -> {
                StringBuilder sb = new StringBuilder(16 * target.length + 16);
                sb.append("from,to\n");
                for (int i = 0; i < target.length; i++) {
                    sb.append(i).append(',').append(target[i]).append('\n');
                }
                os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            });
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(toJson(result, a, b, seconds));
        } else {
            printSummary(o, result, a, b, seconds);
        }
        o.flush();
        return 0;
    }

    private void printSummary(PrintWriter o, Assignment r, PointsCsv.Points a, PointsCsv.Points b, double seconds) {
        Certificate c = r.certificate();
        int n = r.size();
        double maxDistance = maxDistance(r, a, b);
        o.printf(Locale.ROOT, "assigned %d start points in %s to %d goal points in %s%n", n, from, n, to);
        o.printf(Locale.ROOT, "  total squared distance  %.3f m²  (mean %.3f m², longest move %.3f m)%n",
                r.cost(), r.cost() / n, maxDistance);
        o.printf(Locale.ROOT, "  solve time              %.3f s (certificate check included)%n", seconds);
        o.printf(Locale.ROOT, "  certificate             %s: dual prices checked on all %d pairs, max violation %d, "
                + "all assigned pairs tight%n", c.valid() ? "optimal" : "FAILED", (long) n * n, c.maxViolation());
        o.printf(Locale.ROOT, "  exact on a grid of      %s: optimal for the points rounded to it (each moved at most %s)%n",
                formatLength(c.quantisation().step()), formatLength(c.quantisation().maxPointShift()));
        if (out != null) {
            o.printf(Locale.ROOT, "wrote %s (from,to; 0-based rows)%n", out);
        }
    }

    private String toJson(Assignment r, PointsCsv.Points a, PointsCsv.Points b, double seconds) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("from", from.toString());
        root.put("to", to.toString());
        root.put("n", r.size());
        root.put("totalSquaredDistance", r.cost());
        root.put("longestMove", maxDistance(r, a, b));
        root.put("solveSeconds", seconds);
        ObjectNode cert = root.putObject("certificate");
        Certificate c = r.certificate();
        cert.put("valid", c.valid());
        cert.put("pairsChecked", (long) r.size() * r.size());
        cert.put("maxViolation", c.maxViolation());
        cert.put("maxAssignedSlack", c.maxAssignedSlack());
        cert.put("quantisationStep", c.quantisation().step());
        cert.put("maxPointShift", c.quantisation().maxPointShift());
        cert.put("gapBound", c.gapBound());
        if (out != null) {
            root.put("out", out.toString());
        }
        return root.toString();
    }

    private static double maxDistance(Assignment r, PointsCsv.Points a, PointsCsv.Points b) {
        int[] t = r.target();
        double best = 0;
        for (int i = 0; i < t.length; i++) {
            double dx = a.x()[i] - b.x()[t[i]];
            double dy = a.y()[i] - b.y()[t[i]];
            double dz = a.z()[i] - b.z()[t[i]];
            best = Math.max(best, dx * dx + dy * dy + dz * dz);
        }
        return Math.sqrt(best);
    }

    private static String formatLength(double metres) {
        return metres >= 1e-3 ? String.format(Locale.ROOT, "%.3g mm", metres * 1e3)
                : String.format(Locale.ROOT, "%.3g µm", metres * 1e6);
    }
}
