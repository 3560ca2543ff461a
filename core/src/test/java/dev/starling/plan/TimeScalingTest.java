package dev.starling.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class TimeScalingTest {
    private static final double EPS = 1e-9;

    @Property(tries = 500)
    void timeOptimalProfileRespectsBoundsAndReachesOne(@ForAll @DoubleRange(min = 1e-4, max = 10) @net.jqwik.api.constraints.Scale(6) double rate,
                                                       @ForAll @DoubleRange(min = 1e-4, max = 10) @net.jqwik.api.constraints.Scale(6) double accel) {
        TimeScaling p = TimeScaling.timeOptimal(rate, accel);
        assertTrue(p.cruise() <= rate * (1 + EPS), "rate " + p.cruise() + " > " + rate);
        assertTrue(p.accel() <= accel * (1 + EPS), "accel " + p.accel() + " > " + accel);
        assertEquals(1, p.s(p.duration()), EPS);
        assertEquals(1, p.sAfterCruise() + 0.5 * p.accel() * p.ta() * p.ta(), 1e-9);
        assertEquals(p.cruise(), p.accel() * p.ta(), 1e-9 * p.cruise());
        assertOnMillisecondGrid(p.ta());
        assertOnMillisecondGrid(p.tc());
        // within rounding of the continuous optimum
        assertTrue(p.duration() <= TimeScaling.optimalDuration(rate, accel) + 0.004, "too slow");
        assertTrue(p.duration() >= TimeScaling.optimalDuration(rate, accel) - 1e-9, "faster than the bound");
    }

    @Property(tries = 300)
    void fixedDurationProfileLastsExactlyThatLong(@ForAll @DoubleRange(min = 0.01, max = 5) double rate,
                                                  @ForAll @DoubleRange(min = 0.01, max = 5) double accel,
                                                  @ForAll @DoubleRange(min = 1, max = 3) double stretch) {
        double fastest = TimeScaling.timeOptimal(rate, accel).duration();
        double wanted = Math.round(fastest * stretch * 1000) / 1000.0;
        TimeScaling p = TimeScaling.fixedDuration(wanted, rate, accel);
        assertEquals(wanted, p.duration(), 1e-9);
        assertTrue(p.cruise() <= rate * (1 + 1e-9));
        assertTrue(p.accel() <= accel * (1 + 1e-9));
        assertEquals(1, p.s(p.duration()), EPS);
    }

    @Property(tries = 200)
    void sIsMonotone(@ForAll @DoubleRange(min = 0.01, max = 5) double rate,
                     @ForAll @DoubleRange(min = 0.01, max = 5) double accel) {
        TimeScaling p = TimeScaling.timeOptimal(rate, accel);
        double prev = -1;
        for (int k = 0; k <= 200; k++) {
            double s = p.s(p.duration() * k / 200);
            assertTrue(s >= prev - 1e-12);
            prev = s;
        }
    }

    private static void assertOnMillisecondGrid(double t) {
        assertEquals(Math.round(t * 1000), t * 1000, 1e-6);
    }
}
