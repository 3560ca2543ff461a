package dev.starling.bench;

import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import dev.starling.verify.VerificationReport;
import dev.starling.verify.Verifier;
import dev.starling.verify.VerifyOptions;
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
 * Full verification ({@link Verifier#verify}, every limit given, separation in continuous time)
 * of a synthetic 600 s show of {@code n} drones.
 *
 * <p>Workload: drones stand on a 2.5 m ground grid, climb together to a launch layer at 20 m,
 * then fly through eight formations and back, landing where they took off. Every formation is
 * the same 2.2 m lattice of n points bent into the air — vertical sheets facing the audience,
 * tilted, turned, waved, scaled, laid flat 80 m up — and drone i always takes lattice point i,
 * so each transition is CAPT-like: straight lines with one shared smoothstep time scaling whose
 * duration caps the fastest drone at 8 m/s (laying a sheet flat brings neighbours to
 * 2.2/√2 ≈ 1.56 m, just above the 1.5 m limit). Holds fill the show to 600 s. Built once per
 * trial from fixed numbers (no randomness), so every invocation does identical work.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -B -pl benchmarks -am package -DskipTests &&
 * java -jar benchmarks/target/benchmarks.jar VerifierBenchmark -rf json -rff jmh-verifier.json}
 * (add {@code -p n=5000} for one size). Single-shot mode: one verification per measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class VerifierBenchmark {
    /** Show length, seconds. */
    static final double SHOW_SECONDS = 600;
    /** Lattice spacing of every formation, metres. */
    static final double SPACING = 2.2;
    /** Takeoff grid spacing, metres. */
    static final double PAD_SPACING = 2.5;
    /** Fastest drone in any transition, m/s. */
    static final double MAX_SPEED = 8;

    @Param({"1000", "5000", "20000"})
    int n;

    private Plan plan;
    private Limits limits;

    @Setup(Level.Trial)
    public void setUp() {
        plan = syntheticShow(n);
        limits = new Limits(1.5, MAX_SPEED + 0.5, 8, 8, 8, 10, 600,
                new double[][] {{-600, -300}, {600, -300}, {600, 400}, {-600, 400}});
    }

    @Benchmark
    public VerificationReport verify() {
        return plan.verify(limits, VerifyOptions.defaults());
    }

    /** The synthetic show described in the class comment. */
    static Plan syntheticShow(int n) {
        int cols = (int) Math.ceil(Math.sqrt(2.0 * n));
        int rows = (n + cols - 1) / cols;
        double w = (cols - 1) * SPACING, h = (rows - 1) * SPACING;
        double[] u = new double[n], v = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = (i % cols) * SPACING - w / 2;
            v[i] = (i / cols) * SPACING;
        }
        List<double[][]> forms = new ArrayList<>();
        double pad = PAD_SPACING / SPACING;
        forms.add(map(u, v, (a, b, o) -> set(o, a * pad, (b - h / 2) * pad, 20)));              // launch layer
        forms.add(map(u, v, (a, b, o) -> set(o, a, 40, 30 + b)));                                // sheet facing the audience
        forms.add(map(u, v, (a, b, o) -> set(o, a, 40 + b * Math.sin(0.5), 30 + b * Math.cos(0.5)))); // tilted back
        forms.add(map(u, v, (a, b, o) -> {                                                        // turned 40° about z
            double c = Math.cos(0.7), s = Math.sin(0.7);
            set(o, a * c, 40 + a * s, 30 + b);
        }));
        forms.add(map(u, v, (a, b, o) -> set(o, a, 40 + 6 * Math.sin(2 * Math.PI * a / 60), 30 + b))); // a wave
        forms.add(map(u, v, (a, b, o) -> set(o, 1.3 * a, 60, 40 + 1.3 * b)));                    // closer in, larger
        forms.add(map(u, v, (a, b, o) -> {                                                        // turned 30° in its plane
            double c = Math.cos(0.5), s = Math.sin(0.5), bb = b - h / 2;
            set(o, a * c - bb * s, 50, 30 + (w / 2 + h / 2) * s + h / 2 + a * s + bb * c);
        }));
        forms.add(map(u, v, (a, b, o) -> set(o, a, b - h / 2 + 40, 80)));                        // laid flat, 80 m up
        forms.add(map(u, v, (a, b, o) -> set(o, a, 40, 30 + b)));                                // the first sheet again
        forms.add(forms.get(0));                                                                  // back to the launch layer

        double climb = 10;
        double[] dur = new double[forms.size() - 1];
        double moving = 2 * climb;
        for (int k = 0; k + 1 < forms.size(); k++) {
            double far = 0;
            double[][] a = forms.get(k), b = forms.get(k + 1);
            for (int i = 0; i < n; i++) {
                far = Math.max(far, Math.hypot(Math.hypot(b[i][0] - a[i][0], b[i][1] - a[i][1]), b[i][2] - a[i][2]));
            }
            dur[k] = Math.max(4, 1.5 * far / MAX_SPEED); // smoothstep peaks at 1.5 × distance / duration
            moving += dur[k];
        }
        double hold = (SHOW_SECONDS - moving) / (forms.size() - 2);
        if (hold < 1) {
            throw new IllegalStateException("transitions alone take " + moving + " s");
        }
        List<Trajectory> trs = new ArrayList<>(n);
        List<LightProgram> lights = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] g = forms.get(0)[i];
            Trajectory.Builder b = Trajectory.startingAt(0, g[0], g[1], 0);
            double t = climb;
            b.cubicTo(t, g[0], g[1], 0, g[0], g[1], g[2], g[0], g[1], g[2]);
            for (int k = 0; k + 1 < forms.size(); k++) {
                if (k > 0) {
                    t += hold;
                    b.holdUntil(t);
                }
                double[] p = forms.get(k)[i], q = forms.get(k + 1)[i];
                t += dur[k];
                b.cubicTo(t, p[0], p[1], p[2], q[0], q[1], q[2], q[0], q[1], q[2]);
            }
            t += climb;
            b.cubicTo(t, g[0], g[1], g[2], g[0], g[1], 0, g[0], g[1], 0);
            trs.add(b.build());
            lights.add(LightProgram.dark());
        }
        return new Plan("synthetic-" + n, Limits.NONE, trs, lights, List.of());
    }

    /** Places lattice point (a, b) into {@code out[0..2]}. */
    private interface Placement {
        void place(double a, double b, double[] out);
    }

    private static double[][] map(double[] u, double[] v, Placement f) {
        double[][] out = new double[u.length][3];
        for (int i = 0; i < u.length; i++) {
            f.place(u[i], v[i], out[i]);
        }
        return out;
    }

    private static void set(double[] o, double x, double y, double z) {
        o[0] = x;
        o[1] = y;
        o[2] = z;
    }
}
