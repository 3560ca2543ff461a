package dev.starling.bench;

import dev.starling.analysis.RiskAnalysis;
import dev.starling.analysis.RiskProfile;
import dev.starling.analysis.RiskReport;
import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;
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
 * Monte-Carlo contact risk ({@link RiskAnalysis#analyze}) of a flagship-sized plan: 200 runs with
 * the default RTK/wind profile on all cores. The target is ≤ 60 s for 5000 drones and a 10-minute
 * show on 2 cores.
 *
 * <p>Workload ({@link #syntheticShow}): {@code n} drones on a 2:1 ground grid 2.2 m apart climb
 * to a 10 m launch layer, turn it up into a vertical 2.2 m grid formation, then fly a sequence of
 * rigid moves of that formation (spins in its plane by ±90°, turns about the vertical by ±45°,
 * tilts by 30°, translations), undo them in reverse, lay the grid down and land. Every transition
 * is a straight synchronized cubic "smoothstep" with peak speed 8 m/s, the CAPT shape: under a
 * rotation by θ ≤ 90° neighbours stay ≥ cos(θ/2) × 2.2 m ≥ 1.56 m apart, which is where near
 * encounters come from. Holds fill the show to about 600 s. Built once per trial, deterministic.
 *
 * <p>Run: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar RiskBenchmark -f 1 -wi 0 -i 1 -p n=5000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class RiskBenchmark {
    /** Formation spacing, metres. */
    public static final double SPACING = 2.2;
    /** Peak speed of every transition, m/s. */
    public static final double PEAK_SPEED = 8;

    @Param({"1000", "5000"})
    int n;

    @Param({"200"})
    int runs;

    private Plan plan;
    private RiskProfile profile;

    @Setup(Level.Trial)
    public void setUp() {
        plan = syntheticShow(n, 600);
        profile = RiskProfile.DEFAULT.withRuns(runs);
    }

    @Benchmark
    public RiskReport risk() {
        RiskReport r = RiskAnalysis.analyze(plan, profile);
        System.out.printf("%n[n=%d] %d encounters, %d drones involved, %d pair tests and %d error samples per run; "
                        + "encounters %.2f s, runs %.2f s; P(contact) %s%n", n, r.encounters(), r.dronesInvolved(),
                r.pairTestsPerRun(), r.droneStepsPerRun(), r.precomputeMs() / 1000, r.simulationMs() / 1000,
                r.probabilityContact().describe());
        return r;
    }

    /**
     * The synthetic show described in the class comment: {@code n} drones, about
     * {@code seconds} long.
     */
    public static Plan syntheticShow(int n, double seconds) {
        int cols = (int) Math.ceil(Math.sqrt(2.0 * n));
        int rows = (n + cols - 1) / cols;
        double[] u = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = (i % cols - (cols - 1) / 2.0) * SPACING;
            w[i] = (i / cols - (rows - 1) / 2.0) * SPACING;
        }
        double half = Math.max(cols, rows) * SPACING / 2;
        // Rigid moves applied in turn to the vertical formation: axis (0 x, 1 y, 2 z) and degrees,
        // or a translation (axis 3, then dx, dy, dz).
        double[][] moves = {{1, 90}, {2, 45}, {3, 0, 30, 20}, {0, 30}, {1, -90}, {2, -45}, {3, 40, -20, 0}, {1, 90}};
        List<double[][]> frames = new ArrayList<>();
        double[][] launch = new double[n][];
        double[][] ground = new double[n][];
        for (int i = 0; i < n; i++) {
            ground[i] = new double[] {u[i], w[i], 0};
            launch[i] = new double[] {u[i], w[i], 10};
        }
        double cz = 20 + half;
        double[][] first = new double[n][];
        for (int i = 0; i < n; i++) {
            first[i] = new double[] {u[i], 0, cz + w[i]};
        }
        frames.add(first);
        double[] centre = {0, 0, cz};
        List<double[]> applied = new ArrayList<>();
        for (double[] m : moves) {
            frames.add(apply(frames.get(frames.size() - 1), centre, m, false));
            if (m[0] == 3) {
                centre = new double[] {centre[0] + m[1], centre[1] + m[2], centre[2] + m[3]};
            }
            applied.add(m);
        }
        for (int k = applied.size() - 1; k >= 0; k--) {
            double[] m = applied.get(k);
            if (m[0] == 3) {
                centre = new double[] {centre[0] - m[1], centre[1] - m[2], centre[2] - m[3]};
            }
            frames.add(apply(frames.get(frames.size() - 1), centre, m, true));
        }
        // Timeline: climb, turn up, moves, undo, lay down, descend.
        List<double[][]> path = new ArrayList<>();
        path.add(ground);
        path.add(launch);
        path.addAll(frames);
        path.add(launch);
        path.add(ground);
        double[] durations = new double[path.size() - 1];
        double moving = 0;
        for (int k = 0; k + 1 < path.size(); k++) {
            durations[k] = Math.max(4, Math.ceil(1.5 * maxMove(path.get(k), path.get(k + 1)) / PEAK_SPEED));
            moving += durations[k];
        }
        int holds = frames.size();
        double hold = Math.max(10, Math.floor((seconds - moving) / holds));
        List<Trajectory.Builder> builders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            builders.add(Trajectory.startingAt(0, ground[i][0], ground[i][1], ground[i][2]));
        }
        List<SceneSpan> scenes = new ArrayList<>();
        double t = 0, litFrom = 0, litTo = 0;
        for (int k = 0; k + 1 < path.size(); k++) {
            double start = t;
            t += durations[k];
            double[][] a = path.get(k), b = path.get(k + 1);
            for (int i = 0; i < n; i++) {
                builders.get(i).cubicTo(t, a[i][0], a[i][1], a[i][2], b[i][0], b[i][1], b[i][2], b[i][0], b[i][1], b[i][2]);
            }
            boolean formation = k >= 1 && k + 1 < path.size() - 2;
            if (formation) {
                if (k == 1) {
                    litFrom = t;
                }
                double end = t + hold;
                for (int i = 0; i < n; i++) {
                    builders.get(i).holdUntil(end);
                }
                scenes.add(new SceneSpan("formation " + (scenes.size() + 1), start, t, end));
                t = end;
                litTo = end;
            }
        }
        List<Trajectory> trs = new ArrayList<>(n);
        List<LightProgram> lights = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            trs.add(builders.get(i).build());
            lights.add(LightProgram.builder().set(0, 0).set(litFrom, 0xFFFFFF).set(litTo, 0).build());
        }
        return new Plan("synthetic " + n, Limits.NONE, trs, lights, scenes);
    }

    /** Points {@code p} moved rigidly about {@code c}: rotation (axis 0–2, degrees) or translation (axis 3). */
    private static double[][] apply(double[][] p, double[] c, double[] m, boolean inverse) {
        double[][] out = new double[p.length][];
        int axis = (int) m[0];
        double sign = inverse ? -1 : 1;
        if (axis == 3) {
            for (int i = 0; i < p.length; i++) {
                out[i] = new double[] {p[i][0] + sign * m[1], p[i][1] + sign * m[2], p[i][2] + sign * m[3]};
            }
            return out;
        }
        double a = Math.toRadians(sign * m[1]), cs = Math.cos(a), sn = Math.sin(a);
        int i1 = (axis + 1) % 3, i2 = (axis + 2) % 3;
        for (int i = 0; i < p.length; i++) {
            double[] q = p[i].clone();
            double d1 = p[i][i1] - c[i1], d2 = p[i][i2] - c[i2];
            q[i1] = c[i1] + cs * d1 - sn * d2;
            q[i2] = c[i2] + sn * d1 + cs * d2;
            out[i] = q;
        }
        return out;
    }

    private static double maxMove(double[][] a, double[][] b) {
        double best = 0;
        for (int i = 0; i < a.length; i++) {
            double dx = b[i][0] - a[i][0], dy = b[i][1] - a[i][1], dz = b[i][2] - a[i][2];
            best = Math.max(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        return best;
    }
}
