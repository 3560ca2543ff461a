package dev.starling.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatteryAnalysisTest {
    private static final double REL = 1e-9;
    private static final DroneProfile DRONE = DroneProfile.DEFAULT;

    private static Plan dark(List<Trajectory> trs) {
        return new Plan("t", Limits.NONE, trs, trs.stream().map(t -> LightProgram.dark()).toList(), List.of());
    }

    @Test
    void hoverOnlyPlanUsesHoverPowerTimesTime() {
        double seconds = 600;
        Plan plan = dark(List.of(Trajectory.stationary(0, seconds, 3, 4, 50)));
        BatteryReport r = BatteryAnalysis.analyze(plan, DRONE, Wind.CALM, 1);
        double expectedWh = DRONE.hoverPower() * seconds / 3600;
        assertEquals(expectedWh, r.worst().energyWh(), REL * expectedWh);
        assertEquals(seconds, r.worst().airborneS(), REL * seconds);
        assertEquals(DRONE.hoverPower(), r.worst().meanPowerW(), REL * DRONE.hoverPower());
    }

    @Test
    void hoverPowerFollowsMomentumTheory() {
        // P_ih = W^1.5 / (FM sqrt(2 rho A)); for 0.38 kg and four 5-inch rotors: about 34 W shaft.
        double w = DRONE.mass() * DroneProfile.G;
        double area = 4 * Math.PI * 0.0635 * 0.0635;
        double expected = Math.pow(w, 1.5) / (DRONE.figureOfMerit() * Math.sqrt(2 * DRONE.airDensity() * area));
        assertEquals(expected, DRONE.hoverShaftPower(), 1e-9 * expected);
        assertTrue(DRONE.hoverPower() > 35 && DRONE.hoverPower() < 50, "hover power " + DRONE.hoverPower());
    }

    @Test
    void aDroneBelowTheReserveIsFlagged() {
        // Usable minus reserve lasts about 24 minutes hovering: a 30-minute hover lands below the reserve.
        Plan plan = dark(List.of(Trajectory.stationary(0, 600, 0, 0, 50), Trajectory.stationary(0, 1800, 5, 0, 50)));
        BatteryReport r = BatteryAnalysis.analyze(plan, DRONE, Wind.CALM, 2);
        assertEquals(1, r.belowReserveCount());
        assertEquals(1, r.belowReserve().get(0).drone());
        assertTrue(r.belowReserve().get(0).belowReserve());
        assertFalse(r.ok());
        assertEquals(1, r.worst().drone());
        double hoverMinutes = r.hoverEnduranceS() / 60;
        assertTrue(hoverMinutes > 10 && hoverMinutes < 30, "hover endurance " + hoverMinutes + " min");
        assertTrue(r.summary().contains("drone-00002"), r.summary());
    }

    @Test
    void droneOnTheGroundUsesNothing() {
        Plan plan = dark(List.of(Trajectory.stationary(0, 600, 0, 0, 0)));
        BatteryReport r = BatteryAnalysis.analyze(plan, DRONE, Wind.DEFAULT, 1);
        assertEquals(0, r.worst().energyWh());
        assertEquals(0, r.worst().airborneS());
    }

    @Test
    void steadyClimbAddsPotentialEnergyOverEfficiency() {
        // Constant-velocity climb from 10 m to 60 m in 25 s (2 m/s), no acceleration, calm air.
        double dz = 50, dur = 25, v = dz / dur;
        Plan plan = dark(List.of(Trajectory.startingAt(0, 0, 0, 10).lineTo(dur, 0, 0, 10 + dz).build()));
        BatteryReport r = BatteryAnalysis.analyze(plan, DRONE, Wind.CALM, 1);
        double parasitic = 0.5 * DRONE.airDensity() * DRONE.dragArea() * v * v * v / DRONE.efficiency();
        double expectedJ = DRONE.hoverPower() * dur + DRONE.mass() * DroneProfile.G * dz / DRONE.efficiency()
                + parasitic * dur;
        assertEquals(expectedJ / 3600, r.worst().energyWh(), 1e-9 * expectedJ);
    }

    @Test
    void levelFlightInWindPaysDragOnAirspeed() {
        // 8 m/s along +x into a 5 m/s wind blowing towards -x: airspeed 13 m/s.
        double dur = 20, v = 8;
        Wind headwind = new Wind(5, 180, 0, 5, 0.8, 0.3);
        Plan plan = dark(List.of(Trajectory.startingAt(0, 0, 0, 50).lineTo(dur, v * dur, 0, 50).build()));
        BatteryReport r = BatteryAnalysis.analyze(plan, DRONE, headwind, 1);
        double air = 13;
        double expectedJ = (DRONE.hoverPower() + 0.5 * DRONE.airDensity() * DRONE.dragArea() * air * air * air
                / DRONE.efficiency()) * dur;
        assertEquals(expectedJ / 3600, r.worst().energyWh(), 1e-9 * expectedJ);
    }

    @Test
    void accelerationCostsMoreThanHover() {
        // A smoothstep move (cubic Bézier) of 100 m in 20 s against a hover of the same duration.
        Plan plan = dark(List.of(
                Trajectory.startingAt(0, 0, 0, 50).cubicTo(20, 0, 0, 50, 100, 0, 50, 100, 0, 50).build(),
                Trajectory.stationary(0, 20, 0, 10, 50)));
        BatteryReport r = BatteryAnalysis.analyze(plan, DRONE, Wind.CALM, 1);
        double moving = r.lowest().get(0).energyWh(), hovering = r.lowest().get(1).energyWh();
        assertEquals(0, r.lowest().get(0).drone());
        assertTrue(moving > hovering * 1.01, moving + " vs " + hovering);
    }

    @Test
    void ledEnergyIntegratesTheLightProgramExactly() {
        // White for 100 s, fade to black over the next 100 s: LED energy = P_led·(100 + 50) s.
        Trajectory tr = Trajectory.stationary(0, 200, 0, 0, 50);
        LightProgram lp = LightProgram.builder().set(0, 0xFFFFFF).set(100, 0xFFFFFF).fadeTo(200, 0).build();
        Plan plan = new Plan("t", Limits.NONE, List.of(tr), List.of(lp), List.of());
        BatteryReport r = BatteryAnalysis.analyze(plan, DRONE, Wind.CALM, 1);
        double expectedJ = DRONE.hoverPower() * 200 + DRONE.ledPower() * 150;
        assertEquals(expectedJ / 3600, r.worst().energyWh(), 1e-9 * expectedJ);
    }

    @Test
    void resultDoesNotDependOnThreads() {
        Plan plan = dark(List.of(Trajectory.startingAt(0, 0, 0, 0).lineTo(10, 0, 0, 30).cubicTo(30, 5, 0, 30, 20, 5, 40, 30, 5, 40).build(),
                Trajectory.stationary(0, 40, 2, 2, 40), Trajectory.startingAt(0, 4, 0, 0).lineTo(40, 4, 0, 80).build()));
        BatteryReport a = BatteryAnalysis.analyze(plan, DRONE, Wind.DEFAULT, 1);
        BatteryReport b = BatteryAnalysis.analyze(plan, DRONE, Wind.DEFAULT, 3);
        assertEquals(a.lowest(), b.lowest());
        assertEquals(a.energyMeanWh(), b.energyMeanWh());
    }

    @Test
    void motionIsTheTrajectorysOwnEvaluationBitForBit() {
        // The integrand's height, velocity and acceleration come from BatteryAnalysis.Motion, not
        // Trajectory.eval*: the energies stay the same to the last bit only if every value does.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(13);
        Trajectory.Builder b = Trajectory.startingAt(3.5, 1, 2, 30);
        double t = 3.5;
        double[] p = new double[9];
        for (int s = 0; s < 300; s++) {
            t += rnd.nextDouble(0.01, 20);
            for (int k = 0; k < 9; k++) {
                p[k] = rnd.nextDouble(-300, 300);
            }
            b.segment(t, 1 + s % 3, p);
        }
        Trajectory tr = b.build();
        BatteryAnalysis.Motion m = new BatteryAnalysis.Motion();
        double[] want = new double[9], got = new double[6];
        for (int s = 0; s < tr.segmentCount(); s++) {
            m.load(tr, s);
            for (int q = 0; q < 50; q++) {
                double u = q == 0 ? 0 : q == 1 ? 1 : rnd.nextDouble();
                tr.evalPosition(s, u, want, 0);
                tr.evalVelocity(s, u, want, 3);
                tr.evalAcceleration(s, u, want, 6);
                m.derivatives(u, got, 0);
                assertEquals(want[2], m.z(u), 0, "z of segment " + s + " at " + u);
                for (int a = 0; a < 6; a++) {
                    assertEquals(Double.doubleToRawLongBits(want[3 + a]), Double.doubleToRawLongBits(got[a]),
                            "derivative " + a + " of segment " + s + " (degree " + tr.degree(s) + ") at " + u);
                }
            }
        }
    }
}
