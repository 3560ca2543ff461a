package dev.starling.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
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
 * The same assignment as {@link AssignmentBenchmark} against JGraphT 1.5.3's
 * {@code KuhnMunkresMinimalWeightBipartitePerfectMatching} (O(n³) Hungarian on a dense double
 * matrix), at n = 1000 only: it needs tens of seconds there and grows as n³. The complete
 * bipartite graph (n² weighted edges, squared distances in m²) is built in the trial setup, so
 * the time is the matching alone. {@code benchmarks/run.sh} runs it in the same JMH run as
 * {@code AssignmentBenchmark.starling} at n = 1000 for the ratio.
 *
 * <p>Run from the repository root: {@code benchmarks/run.sh} (includes it for n = 1000), or
 * {@code java -jar benchmarks/target/benchmarks.jar AssignmentKuhnMunkresBenchmark -rf json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Djava.awt.headless=true"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class AssignmentKuhnMunkresBenchmark {
    @Param({"1000"})
    int n;

    @Param({"GRID_TO_PLANE", "BOX_TO_BOX", "FORMATION_TO_FORMATION"})
    AssignmentWorkload workload;

    private AssignmentWorkload.Instance in;
    private SimpleWeightedGraph<Integer, DefaultWeightedEdge> graph;
    private Set<Integer> starts;
    private Set<Integer> goals;

    @Setup(Level.Trial)
    public void setUp() {
        in = workload.generate(n, 0x5EED_0000L + n);
        graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        starts = new HashSet<>();
        goals = new HashSet<>();
        List<Integer> goalIds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            graph.addVertex(i);
            starts.add(i);
            graph.addVertex(n + i);
            goals.add(n + i);
            goalIds.add(n + i);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = in.ax()[i] - in.bx()[j];
                double dy = in.ay()[i] - in.by()[j];
                double dz = in.az()[i] - in.bz()[j];
                DefaultWeightedEdge e = graph.addEdge(i, goalIds.get(j));
                graph.setEdgeWeight(e, dx * dx + dy * dy + dz * dz);
            }
        }
    }

    @Benchmark
    public double jgrapht() {
        MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> m =
                new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(graph, starts, goals).getMatching();
        return m.getWeight();
    }
}
