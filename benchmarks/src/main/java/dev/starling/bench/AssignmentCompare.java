package dev.starling.bench;

import dev.starling.assign.Assigner;
import dev.starling.assign.Assignment;
import dev.starling.assign.PointsCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Java side of {@code benchmarks/compare-scipy.sh}.
 *
 * <ul>
 * <li>{@code write WORKLOAD N SEED DIR}: writes DIR/from.csv and DIR/to.csv (header x,y,z, values
 * printed exactly) for an {@link AssignmentWorkload} instance.</li>
 * <li>{@code solve FROM.csv TO.csv [REPEATS]}: solves with {@link Assigner} REPEATS times (default
 * 5) in this JVM and prints one JSON line: the first solve's time (JIT still warming up, like a
 * fresh {@code starling assign}), the median of the others, the total squared distance, the
 * certificate's verdict and its gap bound.</li>
 * </ul>
 */
public final class AssignmentCompare {
    private AssignmentCompare() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 5 && args[0].equals("write")) {
            AssignmentWorkload w = AssignmentWorkload.valueOf(args[1]);
            AssignmentWorkload.Instance in = w.generate(Integer.parseInt(args[2]), Long.parseLong(args[3]));
            Path dir = Path.of(args[4]);
            Files.createDirectories(dir);
            write(dir.resolve("from.csv"), in.ax(), in.ay(), in.az());
            write(dir.resolve("to.csv"), in.bx(), in.by(), in.bz());
            return;
        }
        if (args.length >= 3 && args[0].equals("solve")) {
            PointsCsv.Points a = PointsCsv.read(Path.of(args[1]));
            PointsCsv.Points b = PointsCsv.read(Path.of(args[2]));
            int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
            double[] seconds = new double[repeats];
            Assignment r = null;
            for (int k = 0; k < repeats; k++) {
                long t0 = System.nanoTime();
                r = Assigner.solve(a.x(), a.y(), a.z(), b.x(), b.y(), b.z());
                seconds[k] = (System.nanoTime() - t0) * 1e-9;
            }
            double[] warm = Arrays.copyOfRange(seconds, Math.min(1, repeats - 1), repeats);
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "{\"n\": %d, \"cost\": %.17g, \"firstSeconds\": %.6f, \"medianSeconds\": %.6f,"
                    + " \"repeats\": %d, \"valid\": %b, \"gapBound\": %.17g, \"step\": %.17g}%n", r.size(), r.cost(),
                    seconds[0], warm[warm.length / 2], repeats, r.certificate().valid(), r.certificate().gapBound(),
                    r.certificate().quantisation().step());
            return;
        }
        System.err.println("usage: AssignmentCompare write WORKLOAD N SEED DIR | solve FROM.csv TO.csv [REPEATS]");
        System.exit(2);
    }

    private static void write(Path file, double[] x, double[] y, double[] z) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("x,y,z");
            for (int i = 0; i < x.length; i++) {
                w.println(x[i] + "," + y[i] + "," + z[i]);
            }
        }
    }
}
