package dev.starling.bench;

import com.google.ortools.Loader;
import com.google.ortools.graph.LinearSumAssignment;
import dev.starling.assign.Assigner;
import dev.starling.assign.Assignment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact squared-Euclidean assignment of n start points to n goal points: Starling's
 * {@link Assigner} against Google OR-tools {@code LinearSumAssignment} (Goldberg–Kennedy
 * cost-scaling push-relabel, C++ through JNI) on the same instances in the same run.
 *
 * <p>Workloads: {@link AssignmentWorkload} (takeoff ground grid → vertical plane, random box →
 * box, text formation → text formation), built once per trial with a fixed seed. One solve per
 * iteration ({@code SingleShotTime}; Starling 5 warmup + 5 measured, OR-tools 1 + 3);
 * {@code benchmarks/run.sh} reports the median.
 *
 * <ul>
 * <li>{@code starling}: {@link Assigner#solve} with all processors, certificate check over all n²
 * pairs included.</li>
 * <li>{@code ortools}: a new {@code LinearSumAssignment}, n² arcs added with integer costs, solved.
 * Costs: coordinates rounded to a grid of u = 1 mm, cost = the exact squared grid distance (a
 * long), the same kind of integer problem Starling solves (Starling's grid is finer: 61 µm at
 * 200 m). OR-tools scales costs by n + 1 and refuses ({@code POSSIBLE_OVERFLOW}) when its
 * price bound, about 3·(largest cost)·(n + 1)², may exceed 2⁶³, so u doubles (2, 4, 8 mm …)
 * until (largest cost)·(n + 1)² ≤ 2⁶¹: the large text formations need a few millimetres.</li>
 * <li>{@code ortoolsAddArcsOnly}: just the arc loading, so the solve alone is
 * {@code ortools − ortoolsAddArcsOnly}. The n² arcs need ~16 bytes each of native memory: 1.6 GB
 * at n = 10,000 and 6.4 GB at 20,000, which this 2-core, shared machine cannot spare, so
 * {@code run.sh} runs the OR-tools methods up to n = 10,000 by default.</li>
 * </ul>
 *
 * <p>Run from the repository root: {@code benchmarks/run.sh} (all sizes, table), or {@code
 * ./mvnw -q -B -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * AssignmentBenchmark -p n=5000 -rf json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Djava.awt.headless=true"})
public class AssignmentBenchmark {
    @Param({"1000", "5000", "10000", "20000"})
    int n;

    @Param({"GRID_TO_PLANE", "BOX_TO_BOX", "FORMATION_TO_FORMATION"})
    AssignmentWorkload workload;

    private AssignmentWorkload.Instance in;
    /** OR-tools' integer grid, metres (see the class comment). */
    double unit;
    private long[] amx;
    private long[] amy;
    private long[] amz;
    private long[] bmx;
    private long[] bmy;
    private long[] bmz;

    @Setup(Level.Trial)
    public void setUp() {
        in = workload.generate(n, 0x5EED_0000L + n);
        unit = ortoolsUnit(in, n);
        amx = onGrid(in.ax(), unit);
        amy = onGrid(in.ay(), unit);
        amz = onGrid(in.az(), unit);
        bmx = onGrid(in.bx(), unit);
        bmy = onGrid(in.by(), unit);
        bmz = onGrid(in.bz(), unit);
        Loader.loadNativeLibraries();
    }

    /** Starling's solves are short; more warmup lets the JIT finish before measuring. */
    @Benchmark
    @Warmup(iterations = 5)
    @Measurement(iterations = 5)
    public Assignment starling() {
        return Assigner.solve(in.ax(), in.ay(), in.az(), in.bx(), in.by(), in.bz());
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public long ortools() {
        LinearSumAssignment lsa = loadArcs();
        try {
            LinearSumAssignment.Status status = lsa.solve();
            if (status != LinearSumAssignment.Status.OPTIMAL) {
                throw new IllegalStateException("OR-tools: " + status);
            }
            return lsa.getOptimalCost();
        } finally {
            lsa.delete();
        }
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int ortoolsAddArcsOnly() {
        LinearSumAssignment lsa = loadArcs();
        try {
            return lsa.getNumArcs();
        } finally {
            lsa.delete();
        }
    }

    private LinearSumAssignment loadArcs() {
        LinearSumAssignment lsa = new LinearSumAssignment();
        for (int i = 0; i < n; i++) {
            long x = amx[i];
            long y = amy[i];
            long z = amz[i];
            for (int j = 0; j < n; j++) {
                long dx = x - bmx[j];
                long dy = y - bmy[j];
                long dz = z - bmz[j];
                lsa.addArcWithCost(i, j, dx * dx + dy * dy + dz * dz);
            }
        }
        return lsa;
    }

    /** The finest grid, 1 mm doubled as needed, whose largest cost keeps OR-tools from overflowing. */
    static double ortoolsUnit(AssignmentWorkload.Instance in, int n) {
        double span2 = 0;
        for (double[][] axis : new double[][][] {{in.ax(), in.bx()}, {in.ay(), in.by()}, {in.az(), in.bz()}}) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] c : axis) {
                for (double v : c) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            span2 += (hi - lo) * (hi - lo);
        }
        // OR-tools' price bound is about 3·C·(n + 1)² for largest cost C (linear_assignment.h)
        double limit = Math.scalb(1.0, 61) / ((n + 1.0) * (n + 1.0));
        double unit = 1e-3;
        while (span2 / (unit * unit) > limit) {
            unit *= 2;
        }
        return unit;
    }

    static long[] onGrid(double[] metres, double unit) {
        long[] out = new long[metres.length];
        for (int i = 0; i < metres.length; i++) {
            out[i] = Math.round(metres[i] / unit);
        }
        return out;
    }
}
