package dev.starling.render;

import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;

/**
 * The drones at one moment, as the renderer needs them: positions and colours of the lit ones
 * (packed for the instance buffer), and the smallest distance between airborne drones. Evaluated
 * with {@link Trajectory#position} and {@link LightProgram#colorAt}: the renderer draws the plan,
 * it never re-plans. Arrays are sized for the fleet once; {@link #evaluate} allocates nothing.
 */
final class DroneFrame {
    private final Trajectory[] trajectories;
    private final LightProgram[] lights;
    private final double[] p = new double[3];
    private final double[] ax;
    private final double[] ay;
    private final double[] az;
    private final MinSeparation separation = new MinSeparation();

    /** Lit drones: xyz[3i..3i+2] in metres and colour rgb[i] (0xRRGGBB), i &lt; {@link #litCount}. */
    final float[] xyz;
    final int[] rgb;
    int litCount;
    /** Drones above {@link Limits#DEFAULT_GROUND_ALTITUDE}. */
    int airborne;
    /** Smallest distance between two airborne drones, metres; infinity when fewer than two fly. */
    double minSeparation;

    DroneFrame(Plan plan) {
        trajectories = plan.trajectories().toArray(new Trajectory[0]);
        lights = plan.lights().toArray(new LightProgram[0]);
        int n = trajectories.length;
        xyz = new float[3 * n];
        rgb = new int[n];
        ax = new double[n];
        ay = new double[n];
        az = new double[n];
    }

    int droneCount() {
        return trajectories.length;
    }

    /** Evaluates every drone at {@code t} seconds. O(n log segments) plus the separation search. */
    void evaluate(double t) {
        int lit = 0, air = 0;
        for (int i = 0; i < trajectories.length; i++) {
            trajectories[i].position(t, p, 0);
            int c = lights[i].colorAt(t);
            if (c != 0) {
                xyz[3 * lit] = (float) p[0];
                xyz[3 * lit + 1] = (float) p[1];
                xyz[3 * lit + 2] = (float) p[2];
                rgb[lit++] = c;
            }
            if (p[2] > Limits.DEFAULT_GROUND_ALTITUDE) {
                ax[air] = p[0];
                ay[air] = p[1];
                az[air++] = p[2];
            }
        }
        litCount = lit;
        airborne = air;
        minSeparation = separation.compute(ax, ay, az, air);
    }
}
