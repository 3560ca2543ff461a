package dev.starling.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import dev.starling.verify.VerificationReport.Check;
import dev.starling.verify.VerificationReport.CheckResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {
    /** Continuous minima are resolved to this (the verifier's documented tolerance plus rounding). */
    private static final double TOL = Verifier.SEPARATION_TOLERANCE + 1e-9;
    /** Times of minima: where a distance within the tolerance of its minimum is reached first. */
    private static final double TIME_TOL = 1e-2;
    private static final double ALT = 50;

    static Plan plan(Trajectory... trs) {
        List<LightProgram> lights = new ArrayList<>();
        for (int i = 0; i < trs.length; i++) {
            lights.add(LightProgram.dark());
        }
        return new Plan("test", Limits.NONE, List.of(trs), lights, List.of());
    }

    static Limits separation(double d) {
        return new Limits(d, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);
    }

    static VerificationReport verify(Plan p, Limits l) {
        return p.verify(l, VerifyOptions.defaults().withThreads(2));
    }

    // ------------------------------------------------------------------ separation

    @Test
    void crossingAt80MetresPerSecondBetweenAnySamplesIsCaught() {
        // A flies +x, B flies +y, both at 80 m/s, 0.3 m apart in height; B is a little late, so the
        // closest approach (about 0.46 m) falls at an irrational-looking instant near t = 5.0062.
        double late = 0.0123, dz = 0.3, bx = 0.5;
        Trajectory a = Trajectory.startingAt(0, -400, 0, ALT).lineTo(10, 400, 0, ALT).build();
        Trajectory b = Trajectory.startingAt(late, bx, -400, ALT + dz).lineTo(10 + late, bx, 400, ALT + dz).build();
        // relative position r(t) = r0 + w t for the closed-form closest approach
        double[] r0 = {-400 - bx, 0 - (-400 - 80 * late), -dz};
        double[] w = {80, -80, 0};
        double tStar = -(r0[0] * w[0] + r0[1] * w[1]) / (w[0] * w[0] + w[1] * w[1]);
        double exact = Math.sqrt(sq(r0[0] + w[0] * tStar) + sq(r0[1] + w[1] * tStar) + sq(r0[2]));
        for (double step : new double[] {Double.NaN, 0.1, 0.5}) {
            VerifyOptions o = VerifyOptions.defaults().withThreads(2).withSampleStep(step);
            VerificationReport r = plan(a, b).verify(separation(1.5), o);
            CheckResult c = r.check(Check.SEPARATION);
            assertFalse(r.clean(), "step " + step);
            assertEquals(1, c.count());
            assertEquals(exact, c.worst(), TOL, "closest approach, step " + step);
            assertEquals(tStar, c.time(), TIME_TOL, "when");
            assertEquals(exact, r.minSeparation(), TOL);
            assertEquals(0, r.minSeparationDroneA());
            assertEquals(1, r.minSeparationDroneB());
        }
    }

    @Test
    void straightGrazeJustUnderTheLimitFailsAndItsTwinJustOverPasses() {
        // opposite directions on parallel lines 1.49 m (1.53 m) apart; they pass at t = 3.3337
        for (double gap : new double[] {1.49, 1.53}) {
            double tPass = 3.3337, v = 6;
            Trajectory a = Trajectory.startingAt(0, -v * tPass, 0, ALT).lineTo(10, v * (10 - tPass), 0, ALT).build();
            Trajectory b = Trajectory.startingAt(0, v * tPass, gap, ALT).lineTo(10, -v * (10 - tPass), gap, ALT).build();
            VerificationReport r = verify(plan(a, b), separation(1.5));
            CheckResult c = r.check(Check.SEPARATION);
            assertEquals(gap, c.worst(), TOL, "closest approach");
            assertEquals(tPass, c.time(), TIME_TOL);
            assertEquals(gap < 1.5, !r.clean(), "gap " + gap);
            assertEquals(gap < 1.5 ? 1 : 0, c.count());
        }
    }

    @Test
    void cubicGrazeJustUnderTheLimitFailsAndItsTwinJustOverPasses() {
        // A arcs on a cubic Bézier whose apex (y = 2.25 at x = 0) comes at mid-segment, t = 1.6685;
        // B hovers straight above the apex's y-offset by 1.49 m (1.53 m). Radius of curvature at
        // the apex is about 21 m, so the apex is the closest point.
        for (double gap : new double[] {1.49, 1.53}) {
            double t1 = 3.337;
            Trajectory a = Trajectory.startingAt(0, -10, 0, ALT).cubicTo(t1, -3, 3, ALT, 3, 3, ALT, 10, 0, ALT).build();
            Trajectory b = Trajectory.stationary(0, t1, 0, 2.25 + gap, ALT);
            VerificationReport r = verify(plan(a, b), separation(1.5));
            CheckResult c = r.check(Check.SEPARATION);
            assertEquals(gap, c.worst(), TOL);
            assertEquals(t1 / 2, c.time(), TIME_TOL);
            assertEquals(gap < 1.5, !r.clean(), "gap " + gap);
        }
    }

    @Test
    void cubicTimingOnStraightPathsGrazesExactlyAtTheGap() {
        // both fly straight lines with cubic (ease-in-out) timing in opposite directions
        for (double gap : new double[] {1.49, 1.53}) {
            Trajectory a = Trajectory.startingAt(0, -20, 0, ALT).cubicTo(7.77, -20, 0, ALT, 20, 0, ALT, 20, 0, ALT).build();
            Trajectory b = Trajectory.startingAt(0, 13, gap, ALT).cubicTo(7.77, 13, gap, ALT, -27, gap, ALT, -27, gap, ALT).build();
            VerificationReport r = verify(plan(a, b), separation(1.5));
            assertEquals(gap, r.check(Check.SEPARATION).worst(), TOL);
            assertEquals(gap < 1.5, !r.clean());
        }
    }

    @Test
    void dronesOnTheGroundAreNotSeparatedButTheirPadsAre() {
        // two drones 1 m apart that stay on the ground: no airborne separation, but pads too close
        Trajectory a = Trajectory.stationary(0, 10, 0, 0, 0);
        Trajectory b = Trajectory.stationary(0, 10, 1, 0, 0);
        VerificationReport r = verify(plan(a, b), separation(1.5));
        assertEquals(0, r.check(Check.SEPARATION).count());
        CheckResult pads = r.check(Check.GROUND_SPACING);
        assertEquals(1, pads.count());
        assertEquals(1, pads.worst(), 1e-12);
        // the same two climbing side by side through the ground altitude: caught as soon as both are above it
        Trajectory c = Trajectory.startingAt(0, 0, 0, 0).lineTo(10, 0, 0, 20).build();
        Trajectory d = Trajectory.startingAt(0, 1, 0, 0).lineTo(10, 1, 0, 20).build();
        VerificationReport r2 = verify(plan(c, d), separation(1.5));
        CheckResult s = r2.check(Check.SEPARATION);
        assertEquals(1, s.count());
        assertEquals(1, s.worst(), 1e-9);
        double airborne = Limits.DEFAULT_GROUND_ALTITUDE / 2; // both pass 2.5 m at t = 1.25
        assertTrue(s.time() > airborne && s.time() <= airborne + r2.largestStep(), "time " + s.time());
    }

    // ------------------------------------------------------------------ kinematics

    @Test
    void accelerationSpikeAtASegmentJointIsCaughtOnEitherSide() {
        Limits acc = new Limits(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 10, Double.NaN, Double.NaN, null);
        // a gentle straight cruise, then a short cubic that starts with a hard turn: its acceleration
        // is largest at its first end, the joint at t = 5
        Trajectory a = Trajectory.startingAt(0, 0, 0, ALT).lineTo(5, 10, 0, ALT)
                .cubicTo(5.3, 10.2, 0, ALT, 10.4, 0.6, ALT, 10.6, 0.8, ALT).lineTo(9, 10.6, 20, ALT).build();
        VerificationReport r = verify(plan(a), acc);
        CheckResult c = r.check(Check.ACCELERATION);
        assertEquals(1, c.count());
        assertEquals(5, c.time(), 1e-12, "at the joint");
        double[] at = new double[3];
        a.acceleration(5, at, 0);
        double exact = Math.sqrt(sq(at[0]) + sq(at[1]) + sq(at[2]));
        assertTrue(c.worst() >= exact - 1e-9 && exact > 10, "worst " + c.worst() + " vs " + exact);
        // the mirror: the spike at the END of the first segment (acceleration 0 at its start, 20 at
        // its end), the next segment a straight line continuing at the same velocity
        Trajectory b = Trajectory.startingAt(0, 0, 0, ALT).cubicTo(0.3, 0.2, 0, ALT, 0.4, 0, ALT, 0.6, 0.3, ALT)
                .lineTo(5, 0.6 + 2 * 4.7, 0.3 + 3 * 4.7, ALT).build();
        CheckResult cb = verify(plan(b), acc).check(Check.ACCELERATION);
        assertEquals(1, cb.count());
        assertEquals(20, cb.worst(), 1e-9);
        assertEquals(0.3, cb.time(), 1e-12, "the end side of the joint");
    }

    @Test
    void aCornerBetweenStraightSegmentsCountsAsItsFiniteDifferenceAcceleration() {
        // 5 m/s east for 1 s, then 5 m/s north for 1 s: Δv = 7.07 m/s over a mean piece of 1 s
        Trajectory a = Trajectory.startingAt(0, 0, 0, ALT).lineTo(1, 5, 0, ALT).lineTo(2, 5, 5, ALT).build();
        Limits acc = new Limits(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 6, Double.NaN, Double.NaN, null);
        CheckResult c = verify(plan(a), acc).check(Check.ACCELERATION);
        assertEquals(5 * Math.sqrt(2), c.worst(), 1e-9);
        assertEquals(1, c.time(), 1e-12);
        assertEquals(1, c.count());
    }

    @Test
    void speedsAreExactMaximaOfTheBezierPieces() {
        // smoothstep 0 → 30 m east and 0 → 12 m up over 10 s: peak speed 1.5 × distance / T at mid-time
        Trajectory a = Trajectory.startingAt(0, 0, 0, 10).cubicTo(10, 0, 0, 10, 30, 0, 22, 30, 0, 22)
                .cubicTo(20, 30, 0, 22, 30, 0, 10, 30, 0, 10).build();
        Limits l = new Limits(Double.NaN, 4.4, 1.7, 1.9, Double.NaN, Double.NaN, 21.9, null);
        VerificationReport r = verify(plan(a), l);
        assertEquals(4.5, r.check(Check.SPEED_XY).worst(), 1e-9);
        assertEquals(5, r.check(Check.SPEED_XY).time(), 1e-6);
        assertEquals(1.8, r.check(Check.SPEED_UP).worst(), 1e-9);
        assertEquals(1.8, r.check(Check.SPEED_DOWN).worst(), 1e-9);
        assertEquals(15, r.check(Check.SPEED_DOWN).time(), 1e-6);
        assertEquals(22, r.check(Check.ALTITUDE_MAX).worst(), 1e-9);
        assertEquals(1, r.check(Check.SPEED_XY).count());
        assertEquals(1, r.check(Check.SPEED_UP).count());
        assertEquals(0, r.check(Check.SPEED_DOWN).count(), "1.8 ≤ 1.9");
        assertEquals(1, r.check(Check.ALTITUDE_MAX).count());
    }

    @Test
    void minimumAltitudeAppliesBetweenFirstClimbAndLastDescent() {
        Limits l = new Limits(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 10, Double.NaN, null);
        // takeoff from 0 to 20, dip to 8 at t = 15 (a quadratic low point), back to 20, land at 0
        Trajectory dip = Trajectory.startingAt(0, 0, 0, 0).lineTo(10, 0, 0, 20)
                .quadTo(20, 0, 0, -4, 0, 0, 20).lineTo(30, 0, 0, 0).build();
        CheckResult c = verify(plan(dip), l).check(Check.ALTITUDE_MIN);
        assertEquals(1, c.count());
        assertEquals(8, c.worst(), 1e-9);
        assertEquals(15, c.time(), 1e-9);
        Trajectory fine = Trajectory.startingAt(0, 0, 0, 0).lineTo(10, 0, 0, 20).lineTo(30, 0, 0, 0).build();
        assertEquals(0, verify(plan(fine), l).check(Check.ALTITUDE_MIN).count(), "takeoff and landing may pass below");
        Trajectory low = Trajectory.startingAt(0, 0, 0, 0).lineTo(10, 0, 0, 6).lineTo(20, 0, 0, 0).build();
        CheckResult cl = verify(plan(low), l).check(Check.ALTITUDE_MIN);
        assertEquals(1, cl.count(), "flew but never reached the floor");
        assertEquals(6, cl.worst(), 1e-12);
        Trajectory parked = Trajectory.stationary(0, 30, 5, 5, 0);
        assertEquals(0, verify(plan(parked), l).check(Check.ALTITUDE_MIN).count(), "a spare that never flies");
    }

    @Test
    void leavingTheGeofenceForATenthOfASecondIsCaught() {
        double[][] fence = {{-50, -50}, {50, -50}, {50, 50}, {-50, 50}};
        Limits l = new Limits(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, fence);
        // a quadratic bump: y = 49 + 4.4 u (1 - u) peaks at 50.1; outside for u in (0.35, 0.65),
        // which is 0.1 s of the 0.333 s segment; the samples at its ends are inside
        double d = 0.1 / (Math.sqrt(1 - 4 / 4.4));
        Trajectory a = Trajectory.startingAt(0, 0, 49, ALT).lineTo(1, 0, 49, ALT)
                .quadTo(1 + d, 5, 51.2, ALT, 10, 49, ALT).lineTo(20, 0, 0, ALT).build();
        CheckResult c = verify(plan(a), l).check(Check.GEOFENCE);
        assertEquals(1, c.count());
        assertEquals(0.1, c.worst(), TOL, "outside by 10 cm at the peak");
        assertEquals(1 + d / 2, c.time(), TIME_TOL);
        Trajectory inside = Trajectory.startingAt(0, 0, 0, ALT).lineTo(10, 49, 49, ALT).build();
        CheckResult ci = verify(plan(inside), l).check(Check.GEOFENCE);
        assertEquals(0, ci.count());
        assertEquals(-1, ci.worst(), TOL, "closest to the fence: 1 m inside");
    }

    // ------------------------------------------------------------------ whole plans

    @Test
    void aCleanFormationFlightPassesEveryCheck() {
        List<Trajectory> trs = new ArrayList<>();
        double spacing = 3;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double x = (c - 1) * spacing, y = (r - 1) * spacing;
                trs.add(Trajectory.startingAt(0, x, y, 0)
                        .cubicTo(10, x, y, 0, x, y, 20, x, y, 20)          // climb, 3 m/s peak
                        .holdUntil(15)
                        .cubicTo(25, x, y, 20, x + 20, y, 20, x + 20, y, 20) // translate 20 m, 3 m/s peak
                        .holdUntil(30)
                        .cubicTo(40, x + 20, y, 20, x + 20, y, 0, x + 20, y, 0) // land
                        .build());
            }
        }
        Plan p = plan(trs.toArray(new Trajectory[0]));
        Limits all = new Limits(2.5, 4, 4, 4, 2, 5, 40,
                new double[][] {{-20, -20}, {40, -20}, {40, 20}, {-20, 20}});
        VerificationReport r = verify(p, all);
        assertTrue(r.clean(), () -> r.checks().toString());
        for (CheckResult c : r.checks()) {
            // a plan without a show says nothing about lights on the ground
            assertEquals(c.check() != Check.LIGHT_GROUND, c.checked(), c.check() + " was given");
        }
        assertEquals(spacing, r.minSeparation(), 1e-9, "the grid spacing, held throughout");
        assertEquals(3, r.check(Check.GROUND_SPACING).worst(), 1e-12);
        assertTrue(r.violations().isEmpty());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        List<Trajectory> trs = new ArrayList<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int i = 0; i < 40; i++) {
            Trajectory.Builder b = Trajectory.startingAt(0, rnd.nextDouble(-20, 20), rnd.nextDouble(-20, 20), 0);
            double t = 0;
            for (int s = 0; s < 6; s++) {
                t += rnd.nextDouble(1, 8);
                b.cubicTo(t, rnd.nextDouble(-20, 20), rnd.nextDouble(-20, 20), rnd.nextDouble(3, 30),
                        rnd.nextDouble(-20, 20), rnd.nextDouble(-20, 20), rnd.nextDouble(3, 30),
                        rnd.nextDouble(-20, 20), rnd.nextDouble(-20, 20), rnd.nextDouble(3, 30));
            }
            trs.add(b.build());
        }
        Plan p = plan(trs.toArray(new Trajectory[0]));
        Limits l = new Limits(2, 6, 3, 3, 4, 4, 25, null);
        VerificationReport one = p.verify(l, VerifyOptions.defaults().withThreads(1).withMaxViolations(10_000));
        VerificationReport four = p.verify(l, VerifyOptions.defaults().withThreads(4).withMaxViolations(10_000));
        assertEquals(one.checks(), four.checks());
        assertEquals(one.violations(), four.violations());
        assertEquals(one.minSeparation(), four.minSeparation());
        assertTrue(one.check(Check.SEPARATION).count() > 0, "random flights do collide");
    }

    @Test
    void progressRisesToOne() {
        List<Double> seen = new ArrayList<>();
        Trajectory a = Trajectory.startingAt(0, 0, 0, ALT).lineTo(100, 100, 0, ALT).build();
        Trajectory b = Trajectory.startingAt(0, 0, 5, ALT).lineTo(100, 100, 5, ALT).build();
        plan(a, b).verify(separation(1), VerifyOptions.defaults().withProgress(seen::add));
        assertEquals(1.0, seen.get(seen.size() - 1));
        for (int k = 1; k < seen.size(); k++) {
            assertTrue(seen.get(k) >= seen.get(k - 1), "non-decreasing");
        }
    }

    @Test
    void limitsThatAreNotGivenAreNotChecked() {
        Trajectory fast = Trajectory.startingAt(0, 0, 0, ALT).lineTo(1, 100, 0, ALT).build();
        VerificationReport r = verify(plan(fast), Limits.NONE);
        assertTrue(r.clean());
        for (CheckResult c : r.checks()) {
            // the light checks follow the plan's light limits, which always have defaults
            assertEquals(c.check() == Check.LIGHT_RANGE || c.check() == Check.LIGHT_FLASH, c.checked(),
                    c.check().label());
        }
        assertEquals(100, r.check(Check.SPEED_XY).worst(), 1e-9, "still measured, for information");
        assertTrue(Double.isNaN(r.minSeparation()));
    }

    private static double sq(double v) {
        return v * v;
    }
}
