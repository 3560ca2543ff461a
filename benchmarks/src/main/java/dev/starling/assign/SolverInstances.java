package dev.starling.assign;

import dev.starling.formation.ShowTargets;
import dev.starling.formation.Targets;
import dev.starling.plan.ShowPlanner;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replays a show's assignment problems through {@link Solver}, one instance at a time, to compare
 * solver versions: the same class run against an old and a new core jar prints per-instance
 * times, work counters and a digest of the solution (permutation and prices), which must match.
 *
 * <pre>
 * java -cp benchmarks/target/classes:cli/target/starling-cli.jar dev.starling.assign.SolverInstances \
 *     dump benchmarks/shows/fleet-20000.json /tmp/fleet.bin      # sample and solve once, store the problems
 * java -cp ... dev.starling.assign.SolverInstances run /tmp/fleet.bin [REPS] [THREADS] [INSTANCE]
 * </pre>
 */
public final class SolverInstances {
    /** CPU time of the solving thread (its own work only; with THREADS > 1 the other threads' is left out). */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private SolverInstances() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("dump")) {
            dump(Path.of(args[1]), Path.of(args[2]));
        } else if (args.length >= 2 && args[0].equals("run")) {
            int reps = args.length > 2 ? Integer.parseInt(args[2]) : 1;
            int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
            int only = args.length > 4 ? Integer.parseInt(args[4]) : -1;
            run(load(Path.of(args[1])), reps, threads, only);
        } else {
            System.err.println("usage: SolverInstances dump SHOW OUT | run FILE [REPS] [THREADS] [INSTANCE]");
            System.exit(2);
        }
    }

    private static void dump(Path showFile, Path out) throws IOException {
        Show show = ShowLoader.load(showFile);
        List<Targets> targets = ShowTargets.sampleAll(show);
        List<double[][]> inst = new ArrayList<>();
        ShowPlanner.choreograph(show, targets, (f, m) -> { }, (ax, ay, az, bx, by, bz) -> {
            inst.add(new double[][] {ax.clone(), ay.clone(), az.clone(), bx.clone(), by.clone(), bz.clone()});
            return Assigner.solve(ax, ay, az, bx, by, bz);
        });
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            o.writeInt(inst.size());
            for (double[][] p : inst) {
                o.writeInt(p[0].length);
                for (double[] a : p) {
                    for (double v : a) {
                        o.writeDouble(v);
                    }
                }
            }
        }
        System.out.println(inst.size() + " problems written to " + out);
    }

    private static List<double[][]> load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int count = in.readInt();
            List<double[][]> inst = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                int n = in.readInt();
                double[][] p = new double[6][n];
                for (double[] a : p) {
                    for (int i = 0; i < n; i++) {
                        a[i] = in.readDouble();
                    }
                }
                inst.add(p);
            }
            return inst;
        }
    }

    private static void run(List<double[][]> inst, int reps, int threads, int only) {
        for (int rep = 0; rep < reps; rep++) {
            double total = 0;
            double totalCpu = 0;
            long digestAll = 17;
            for (int k = 0; k < inst.size(); k++) {
                if (only >= 0 && k != only) {
                    continue;
                }
                double[][] p = inst.get(k);
                long a = System.nanoTime();
                long cpu0 = CPU.getCurrentThreadCpuTime();
                Solver s = Assigner.prepare(p[0], p[1], p[2], p[3], p[4], p[5], new Assigner.Options(threads),
                        Solver.DEFAULT_CANDIDATES);
                s.solve();
                double ms = (System.nanoTime() - a) / 1e6;
                double cpuMs = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e6;
                total += ms;
                totalCpu += cpuMs;
                long digest = 31L * Arrays.hashCode(s.colOf) + Arrays.hashCode(s.price);
                digestAll = 31 * digestAll + digest;
                System.out.printf("rep %d inst %d n %d: solve %.0f ms (cpu %.0f ms) digest %016x %s%n", rep, k, s.n, ms, cpuMs, digest,
                        s.stats());
            }
            System.out.printf("rep %d total %.0f ms (cpu %.0f ms) digest %016x%n", rep, total, totalCpu, digestAll);
        }
    }
}
