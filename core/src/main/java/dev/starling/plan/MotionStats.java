package dev.starling.plan;

import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;

/**
 * How fast the drones of a moving formation fly during its hold, measured on the planned
 * trajectories (not on the show file's keys), beside the limits they must keep.
 *
 * @param scene            the scene's name
 * @param start            show time the motion starts (the hold start), seconds
 * @param end              show time the motion ends, seconds
 * @param peakSpeedXY      largest horizontal speed of any drone, m/s
 * @param peakSpeedUp      largest climb rate, m/s
 * @param peakSpeedDown    largest descent rate, m/s
 * @param peakAcceleration largest acceleration, m/s²
 * @param limitSpeedXY     limits.maxSpeedXY, m/s
 * @param limitSpeedUp     limits.maxSpeedUp, m/s
 * @param limitSpeedDown   limits.maxSpeedDown, m/s
 * @param limitAcceleration limits.maxAcceleration, m/s²
 */
public record MotionStats(String scene, double start, double end, double peakSpeedXY, double peakSpeedUp,
                          double peakSpeedDown, double peakAcceleration, double limitSpeedXY, double limitSpeedUp,
                          double limitSpeedDown, double limitAcceleration) {
    /** Samples per trajectory piece: the ends and three inner points (velocity is quadratic, acceleration linear). */
    private static final int SAMPLES = 5;

    /** Peaks of {@code tr} over [start, end], from every piece's ends and inner points. */
    static MotionStats measure(String scene, double start, double end, java.util.List<Trajectory> tr, Limits lim) {
        double xy = 0, up = 0, down = 0, acc = 0;
        double[] v = new double[3], a = new double[3];
        for (Trajectory t : tr) {
            int s0 = t.segmentAt(start + 1e-6), s1 = t.segmentAt(end - 1e-6);
            for (int s = s0; s <= s1; s++) {
                for (int q = 0; q < SAMPLES; q++) {
                    double u = q / (double) (SAMPLES - 1);
                    t.evalVelocity(s, u, v, 0);
                    t.evalAcceleration(s, u, a, 0);
                    xy = Math.max(xy, Math.sqrt(v[0] * v[0] + v[1] * v[1]));
                    up = Math.max(up, v[2]);
                    down = Math.max(down, -v[2]);
                    acc = Math.max(acc, Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]));
                }
            }
        }
        return new MotionStats(scene, start, end, xy, up, down, acc, lim.maxSpeedXY(), lim.maxSpeedUp(),
                lim.maxSpeedDown(), lim.maxAcceleration());
    }
}
