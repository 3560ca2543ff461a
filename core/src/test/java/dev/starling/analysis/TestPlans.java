package dev.starling.analysis;

import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;

/** Small hand-built plans with known geometry for the analysis tests. */
final class TestPlans {
    static final int WHITE = 0xFFFFFF;

    private TestPlans() {
    }

    /** Drones holding still at the given points from t0 to t1, lit white, one scene "hold". */
    static Plan holding(double t0, double t1, double[][] points) {
        List<Trajectory> trs = new ArrayList<>();
        List<LightProgram> lights = new ArrayList<>();
        for (double[] p : points) {
            trs.add(Trajectory.stationary(t0, t1, p[0], p[1], p[2]));
            lights.add(LightProgram.builder().set(t0, WHITE).build());
        }
        return new Plan("holding", Limits.NONE, trs, lights, List.of(new SceneSpan("hold", t0, t0, t1)));
    }

    /** A columns × rows grid with the given spacing in the vertical plane facing the audience (xz), centred at (cx, cy, cz). */
    static double[][] gridXZ(int columns, int rows, double spacing, double cx, double cy, double cz) {
        double[][] out = new double[columns * rows][];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[r * columns + c] = new double[] {cx + (c - (columns - 1) / 2.0) * spacing, cy,
                    cz + (r - (rows - 1) / 2.0) * spacing};
            }
        }
        return out;
    }

    /** Plan from explicit trajectories, all lit white, no scenes. */
    static Plan of(List<Trajectory> trs) {
        List<LightProgram> lights = new ArrayList<>();
        for (int i = 0; i < trs.size(); i++) {
            lights.add(LightProgram.builder().set(trs.get(i).startTime(), WHITE).build());
        }
        return new Plan("test", Limits.NONE, trs, lights, List.of());
    }
}
