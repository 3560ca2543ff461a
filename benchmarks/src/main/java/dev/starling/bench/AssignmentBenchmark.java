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
 * iteration ({@code SingleShotTime}); {@code benchmarks/run.sh} reports the median.
 *
 * <ul>
 * <li>{@code starling}: {@link Assigner#solve} with all processors, certificate check over all n²
 * pairs included.</li>
 * <li>{@code ortools}: a new {@code LinearSumAssignment}, n² arcs added with integer costs, solved.
 * Costs: coordinates rounded to whole millimetres, cost = the exact squared distance in mm²
 * (a long; at most 3·(400 m)² = 4.8·10¹¹ mm² here, far from OR-tools' overflow limit). That is
 * the same kind of integer grid Starling solves on (Starling's is finer: 61 µm at 200 m).</li>
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
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class AssignmentBenchmark {
    @Param({"1000", "5000", "10000", "20000"})
    int n;

    @Param({"GRID_TO_PLANE", "BOX_TO_BOX", "FORMATION_TO_FORMATION"})
    AssignmentWorkload workload;

    private AssignmentWorkload.Instance in;
    private long[] amx;
    private long[] amy;
    private long[] amz;
    private long[] bmx;
    private long[] bmy;
    private long[] bmz;

    @Setup(Level.Trial)
    public void setUp() {
        in = workload.generate(n, 0x5EED_0000L + n);
        amx = millimetres(in.ax());
        amy = millimetres(in.ay());
        amz = millimetres(in.az());
        bmx = millimetres(in.bx());
        bmy = millimetres(in.by());
        bmz = millimetres(in.bz());
        Loader.loadNativeLibraries();
    }

    @Benchmark
    public Assignment starling() {
        return Assigner.solve(in.ax(), in.ay(), in.az(), in.bx(), in.by(), in.bz());
    }

    @Benchmark
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

    static long[] millimetres(double[] metres) {
        long[] out = new long[metres.length];
        for (int i = 0; i < metres.length; i++) {
            out[i] = Math.round(metres[i] * 1000);
        }
        return out;
    }
}
