package dev.starling.assign;

import dev.starling.formation.ShowTargets;
import dev.starling.formation.Targets;
import dev.starling.plan.ShowPlanner;
import dev.starling.show.Show;
import dev.starling.show.ShowLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Throwaway harness: per-instance times of the flagship's assignments. */
public final class FlagshipInstances {
    public static void main(String[] args) {
        Show show = ShowLoader.load(Path.of(args.length > 0 ? args[0] : "shows/chongqing/show.json"));
        long t0 = System.nanoTime();
        List<Targets> targets = ShowTargets.sampleAll(show);
        System.out.printf("sampling %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        List<double[][]> inst = new ArrayList<>();
        ShowPlanner.choreograph(show, targets, (f, m) -> { }, (ax, ay, az, bx, by, bz) -> {
            inst.add(new double[][] {ax, ay, az, bx, by, bz});
            return Assigner.solve(ax, ay, az, bx, by, bz);
        });
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        for (int rep = 0; rep < reps; rep++) {
            double total = 0;
            for (int k = 0; k < inst.size(); k++) {
                double[][] p = inst.get(k);
                long a = System.nanoTime();
                Solver s = Assigner.prepare(p[0], p[1], p[2], p[3], p[4], p[5], new Assigner.Options(threads),
                        Solver.DEFAULT_CANDIDATES);
                s.solve();
                long b = System.nanoTime();
                Assignment r = Assigner.finish(s, p[0], p[1], p[2], p[3], p[4], p[5]);
                long c = System.nanoTime();
                total += (c - a) / 1e6;
                System.out.printf("rep %d inst %d: solve %.0f ms, finish %.0f ms, cost %.6f %s%n", rep, k,
                        (b - a) / 1e6, (c - b) / 1e6, r.cost(), s.stats());
            }
            System.out.printf("rep %d total %.0f ms%n", rep, total);
        }
    }
}
