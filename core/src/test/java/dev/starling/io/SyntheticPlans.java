package dev.starling.io;

import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic plans for the export tests (the planner is built in parallel, so tests build
 * trajectories directly). C¹ trajectories mix lines, quadratic and cubic Bézier segments with a
 * continuous velocity, as the planner's profiles have; kinked ones jump in velocity at knots.
 */
public final class SyntheticPlans {
    private SyntheticPlans() {
    }

    /** Limits in the range of a real outdoor show. */
    public static final Limits LIMITS = new Limits(2.0, 8, 3, 2, 4, 3, 150, null);

    /**
     * A C¹ trajectory from rest at a random ground point back to rest: {@code segments} segments
     * of random degree lasting 0.5–5 s; knots on the 1 ms grid when {@code msGrid}, else anywhere.
     */
    public static Trajectory c1(SplittableRandom rnd, double t0, int segments, boolean msGrid) {
        double x = rnd.nextDouble(-40, 40), y = rnd.nextDouble(-40, 40), z = 0;
        Trajectory.Builder b = Trajectory.startingAt(t0, x, y, z);
        double vx = 0, vy = 0, vz = 0;
        double t = t0;
        for (int s = 0; s < segments; s++) {
            double d = 0.5 + rnd.nextDouble() * 4.5;
            double t1 = msGrid ? Math.round((t + d) * 1000) / 1000.0 : t + d;
            d = t1 - t;
            // the last segment brings the drone to rest, as a landing does
            int kind = s == segments - 1 ? 2 : rnd.nextInt(3);
            if (kind == 0) {
                // line keeps the velocity (a hold when at rest)
                x += vx * d;
                y += vy * d;
                z += vz * d;
                b.lineTo(t1, x, y, z);
            } else if (kind == 1) {
                double cx = x + vx * d / 2, cy = y + vy * d / 2, cz = z + vz * d / 2;
                double ex = x + rnd.nextDouble(-8, 8), ey = y + rnd.nextDouble(-8, 8), ez = z + rnd.nextDouble(0, 8);
                b.quadTo(t1, cx, cy, cz, ex, ey, ez);
                vx = 2 * (ex - cx) / d;
                vy = 2 * (ey - cy) / d;
                vz = 2 * (ez - cz) / d;
                x = ex;
                y = ey;
                z = ez;
            } else {
                double c1x = x + vx * d / 3, c1y = y + vy * d / 3, c1z = z + vz * d / 3;
                double ex = x + rnd.nextDouble(-10, 10), ey = y + rnd.nextDouble(-10, 10), ez = z + rnd.nextDouble(-3, 10);
                boolean stop = s == segments - 1 || rnd.nextInt(3) == 0;
                double wx = stop ? 0 : rnd.nextDouble(-2, 2), wy = stop ? 0 : rnd.nextDouble(-2, 2),
                        wz = stop ? 0 : rnd.nextDouble(-1, 1);
                b.cubicTo(t1, c1x, c1y, c1z, ex - wx * d / 3, ey - wy * d / 3, ez - wz * d / 3, ex, ey, ez);
                vx = wx;
                vy = wy;
                vz = wz;
                x = ex;
                y = ey;
                z = ez;
            }
            t = t1;
        }
        return b.build();
    }

    /** A trajectory whose velocity jumps at every knot: random control points, random degrees. */
    public static Trajectory kinked(SplittableRandom rnd, double t0, int segments, boolean msGrid) {
        Trajectory.Builder b = Trajectory.startingAt(t0, rnd.nextDouble(-20, 20), rnd.nextDouble(-20, 20), 0);
        double t = t0;
        double[] q = new double[9];
        for (int s = 0; s < segments; s++) {
            t += 1 + rnd.nextDouble() * 3;
            if (msGrid) {
                t = Math.round(t * 1000) / 1000.0;
            }
            for (int k = 0; k < 9; k++) {
                q[k] = rnd.nextDouble(-20, 20) + (k % 3 == 2 ? 30 : 0);
            }
            b.segment(t, 1 + rnd.nextInt(3), q);
        }
        return b.build();
    }

    /**
     * A light program over [t0, t1]: steps and fades between random colours, keyframes at least
     * 60 ms apart (so no two share a 20 ms tick), at arbitrary times unless {@code tickGrid}.
     */
    public static LightProgram lights(SplittableRandom rnd, double t0, double t1, boolean tickGrid) {
        LightProgram.Builder b = LightProgram.builder();
        double t = t0 + rnd.nextDouble() * 2;
        while (t < t1) {
            double kt = tickGrid ? Math.round(t * 50) / 50.0 : t;
            int c = rnd.nextInt(1 << 24);
            if (b.size() > 0 && rnd.nextBoolean()) {
                b.fadeTo(kt, c);
            } else {
                b.set(kt, c);
            }
            t += 0.06 + rnd.nextDouble() * 6;
        }
        return b.build();
    }

    /** A plan of {@code n} C¹ drones with lights, all starting at show time 0. */
    public static Plan plan(long seed, int n, int segments, boolean msGrid) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Trajectory> trs = new ArrayList<>(n);
        List<LightProgram> lps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Trajectory tr = c1(rnd, 0, segments, msGrid);
            trs.add(tr);
            lps.add(lights(rnd, 0, tr.endTime(), false));
        }
        return new Plan("Synthetic " + seed, LIMITS, trs, lps, List.of());
    }

    /** A plan of {@code n} drones holding still for {@code seconds} (cheap, for fleet-size tests). */
    public static Plan stationary(int n, double seconds) {
        List<Trajectory> trs = new ArrayList<>(n);
        List<LightProgram> lps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            trs.add(Trajectory.startingAt(0, (i % 100) * 2.0, (i / 100) * 2.0, 0)
                    .lineTo(seconds / 2, (i % 100) * 2.0, (i / 100) * 2.0, 10)
                    .holdUntil(seconds).build());
            lps.add(LightProgram.builder().set(1, 0x102030 + i % 200).build());
        }
        return new Plan("Fleet of " + n, LIMITS, trs, lps, List.of());
    }
}
