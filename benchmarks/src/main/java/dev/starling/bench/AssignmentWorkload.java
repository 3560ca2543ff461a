package dev.starling.bench;

import dev.starling.formation.Formations;
import dev.starling.formation.Targets;
import dev.starling.show.FormationSpec;
import dev.starling.show.Placement;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The assignment instances of the benchmarks and of {@code compare-scipy.sh}: n start points and
 * n goal points, metres, show frame, seeded and deterministic.
 */
public enum AssignmentWorkload {
    /**
     * Takeoff: a square ground grid (2 m spacing, z = 0, centred on the origin) to a jittered grid
     * (1.6 m spacing, ±0.3 m uniform jitter in x and z) on the vertical x–z plane y = 20 m,
     * starting 40 m up. |a−b|² = |a|² + |b|² − 2a·b depends jointly on a and b only through x:
     * the degenerate one-dimensional case with ties in groups of √n.
     */
    GRID_TO_PLANE,
    /** Both sets uniform in the same 100 m cube. */
    BOX_TO_BOX,
    /**
     * Two text formations in the vertical plane y = 0 facing the audience: "新韵重庆" to "AI+车"
     * (bundled Noto Sans SC subset, fill), each sampled by {@link Formations#sample} to n points
     * at the default minimum spacing √2·1.5 m, sized for an ideal spacing of 2.5 m.
     */
    FORMATION_TO_FORMATION;

    /** Start and goal points as structure-of-arrays. */
    public record Instance(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz) {
        public int size() {
            return ax.length;
        }
    }

    /** Area of "AI+车" set 40 m tall, m² (as FormationBenchmark measured it). */
    private static final double AI_CAR_AREA_AT_40M = 976.1;
    private static final double IDEAL_SPACING = 2.5;

    /** The instance of size n for this workload and seed. */
    public Instance generate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[6][n];
        switch (this) {
            case GRID_TO_PLANE -> {
                int side = (int) Math.ceil(Math.sqrt(n));
                for (int i = 0; i < n; i++) {
                    p[0][i] = (i % side - (side - 1) / 2.0) * 2.0;
                    p[1][i] = (i / side - (side - 1) / 2.0) * 2.0;
                }
                int cols = (int) Math.ceil(Math.sqrt(2.0 * n));
                for (int j = 0; j < n; j++) {
                    p[3][j] = (j % cols - (cols - 1) / 2.0) * 1.6 + r.nextDouble(-0.3, 0.3);
                    p[4][j] = 20;
                    p[5][j] = 40 + (j / cols) * 1.6 + r.nextDouble(-0.3, 0.3);
                }
            }
            case BOX_TO_BOX -> {
                for (double[] c : p) {
                    for (int i = 0; i < n; i++) {
                        c[i] = r.nextDouble(0, 100);
                    }
                }
            }
            case FORMATION_TO_FORMATION -> {
                double height = 40 * Math.sqrt(n * IDEAL_SPACING * IDEAL_SPACING / AI_CAR_AREA_AT_40M);
                Targets from = text("新韵重庆", height, n);
                Targets to = text("AI+车", height, n);
                return new Instance(from.x(), from.y(), from.z(), to.x(), to.y(), to.z());
            }
            default -> throw new IllegalStateException(name());
        }
        return new Instance(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    private static Targets text(String text, double height, int n) {
        FormationSpec spec = new FormationSpec("text", text, null, height, null, null, null, null, null, null, null,
                null, n);
        return Formations.sample(spec, Placement.DEFAULT, 0xFFFFFF, n, Math.sqrt(2) * 1.5, Path.of("."));
    }
}
