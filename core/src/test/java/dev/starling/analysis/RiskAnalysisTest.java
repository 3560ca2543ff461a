package dev.starling.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.starling.light.LightProgram;
import dev.starling.plan.Plan;
import dev.starling.plan.SceneSpan;
import dev.starling.show.Limits;
import dev.starling.trajectory.Trajectory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RiskAnalysisTest {
    /** Monte-Carlo agreement: within this many standard errors of the analytic value. */
    private static final double SIGMAS = 4;

    /** GNSS error only, frozen over the show (τ huge), no wind, no lag: the flown error is one Gaussian draw. */
    private static RiskProfile frozenGnss(double sigma, int runs, int threads) {
        Wind still = new Wind(0, 0, 0, 5, 0.8, 0.3);
        return new RiskProfile(sigma, sigma, 1e9, still, 0, 0, 12, 0.5, 6, 0.2, 2.5, runs, 42, threads, 1e-3);
    }

    /**
     * P(|d0·x̂ + X| < c) for X ~ N(0, s²·I₃): the CDF of the non-central chi distribution with 3
     * degrees of freedom, by Simpson's rule on its density
     * f(r) = r/(d0·s·√(2π))·[exp(−(r−d0)²/2s²) − exp(−(r+d0)²/2s²)].
     */
    static double contactProbability(double d0, double s, double c) {
        int m = 20_000;
        double h = c / m, sum = 0;
        for (int i = 0; i <= m; i++) {
            double r = i * h;
            double f = r / (d0 * s * Math.sqrt(2 * Math.PI))
                    * (Math.exp(-(r - d0) * (r - d0) / (2 * s * s)) - Math.exp(-(r + d0) * (r + d0) / (2 * s * s)));
            sum += f * (i == 0 || i == m ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return sum * h / 3;
    }

    @Test
    void twoDronesBreachAtTheAnalyticRate() {
        double d0 = 0.6, sigma = 0.2, contact = 0.5;
        int runs = 4000;
        Plan plan = TestPlans.holding(0, 1, new double[][] {{0, 0, 50}, {d0, 0, 50}});
        RiskReport r = RiskAnalysis.analyze(plan, frozenGnss(sigma, runs, 2));
        // Relative error of two independent 3D Gaussian errors: σ√2 per axis.
        double p = contactProbability(d0, sigma * Math.sqrt(2), contact);
        assertTrue(p > 0.1 && p < 0.9, "a test case with a measurable rate: " + p);
        double se = Math.sqrt(p * (1 - p) / runs);
        Probability est = r.probabilityContact();
        assertEquals(p, est.estimate(), SIGMAS * se, "analytic " + p + ", Monte Carlo " + est.describe());
        assertTrue(est.low() < est.estimate() && est.estimate() < est.high());
        assertEquals(1, r.encounters());
        assertEquals(est, r.phases().get(0).probabilityContact());
        assertEquals(est.events(), r.riskiestPairs().get(0).probabilityContact().events());
    }

    @Test
    void analyticRateAtAnotherSeparation() {
        double d0 = 0.9, sigma = 0.25, contact = 0.5;
        int runs = 4000;
        Plan plan = TestPlans.holding(0, 0.4, new double[][] {{10, 0, 50}, {10, d0, 50}});
        RiskReport r = RiskAnalysis.analyze(plan, frozenGnss(sigma, runs, 1));
        double p = contactProbability(d0, sigma * Math.sqrt(2), contact);
        assertEquals(p, r.probabilityContact().estimate(), SIGMAS * Math.sqrt(p * (1 - p) / runs));
    }

    @Test
    void farApartPairsAreNotSimulatedAndReportTheRuleOfThree() {
        Plan plan = TestPlans.holding(0, 10, new double[][] {{0, 0, 50}, {10, 0, 50}});
        RiskReport r = RiskAnalysis.analyze(plan, RiskProfile.DEFAULT.withRuns(300).withThreads(2));
        assertEquals(0, r.encounters());
        assertEquals(0, r.dronesInvolved());
        Probability p = r.probabilityContact();
        assertEquals(0, p.events());
        assertEquals("rule-of-three", p.method());
        assertEquals(3.0 / 300, p.high(), 1e-15);
        assertTrue(r.summary().contains("rule of three"), r.summary());
        assertTrue(r.summary().contains("nothing can touch"), r.summary());
        assertEquals("no-encounters", r.margin().method());
    }

    @Test
    void dronesOnTheGroundAreIgnored() {
        // 0.3 m apart on their pads: below the ground altitude, so no encounter.
        Plan plan = TestPlans.holding(0, 10, new double[][] {{0, 0, 0}, {0.3, 0, 0}});
        assertEquals(0, RiskAnalysis.analyze(plan, RiskProfile.DEFAULT.withRuns(10)).encounters());
    }

    /** 36 drones flying from a 1.2 m grid to a 1.2 m grid across, straight and synchronized: dense enough to touch. */
    static Plan denseTransition() {
        List<Trajectory> trs = new ArrayList<>();
        List<LightProgram> lights = new ArrayList<>();
        int side = 6;
        double s = 1.2;
        for (int i = 0; i < side * side; i++) {
            double ax = (i % side) * s, az = 40 + (i / side) * s;
            double bx = 3 + (i / side) * s, bz = 45 + (i % side) * s;
            trs.add(Trajectory.startingAt(0, ax, 0, az).holdUntil(5)
                    .cubicTo(15, ax, 0, az, bx, 2, bz, bx, 2, bz).holdUntil(25).build());
            lights.add(LightProgram.builder().set(0, 0xFFFFFF).build());
        }
        return new Plan("dense", Limits.NONE, trs, lights,
                List.of(new SceneSpan("A", 0, 0, 5), new SceneSpan("B", 5, 15, 25)));
    }

    private static void assertSameNumbers(RiskReport a, RiskReport b) {
        assertEquals(a.probabilityContact(), b.probabilityContact());
        assertEquals(a.probabilityWindAboveRating(), b.probabilityWindAboveRating());
        assertEquals(a.phases(), b.phases());
        assertEquals(a.riskiestPairs(), b.riskiestPairs());
        assertEquals(a.riskiestMoments(), b.riskiestMoments());
        assertEquals(a.closest(), b.closest());
        assertEquals(a.margin(), b.margin());
        assertEquals(a.encounters(), b.encounters());
    }

    @Test
    void sameSeedSameNumbersForAnyThreadCount() {
        Plan plan = denseTransition();
        RiskProfile p = RiskProfile.DEFAULT.withRuns(120).withSeed(7);
        RiskReport one = RiskAnalysis.analyze(plan, p.withThreads(1));
        RiskReport three = RiskAnalysis.analyze(plan, p.withThreads(3));
        RiskReport again = RiskAnalysis.analyze(plan, p.withThreads(1));
        assertTrue(one.probabilityContact().events() > 0, "the dense case has contacts: " + one.summary());
        assertSameNumbers(one, three);
        assertSameNumbers(one, again);
        RiskReport other = RiskAnalysis.analyze(plan, p.withSeed(8).withThreads(2));
        assertNotEquals(one.closest().distanceM(), other.closest().distanceM());
        // Run counts that do not divide evenly among the threads.
        RiskProfile odd = p.withRuns(7);
        assertSameNumbers(RiskAnalysis.analyze(plan, odd.withThreads(1)), RiskAnalysis.analyze(plan, odd.withThreads(3)));
        assertSameNumbers(RiskAnalysis.analyze(plan, odd.withThreads(1)), RiskAnalysis.analyze(plan, odd.withThreads(5)));
    }

    @Test
    void phasesFollowTheSceneTimeline() {
        RiskReport r = RiskAnalysis.analyze(denseTransition(), RiskProfile.DEFAULT.withRuns(50).withThreads(2));
        List<String> names = r.phases().stream().map(RiskReport.PhaseRisk::name).toList();
        assertEquals(List.of("A", "→ B", "B"), names);
        assertEquals("transition", r.phases().get(1).kind());
        long worst = 0;
        for (RiskReport.PhaseRisk ph : r.phases()) {
            worst = Math.max(worst, ph.probabilityContact().events());
            assertTrue(ph.probabilityContact().events() <= r.probabilityContact().events());
        }
        assertTrue(worst > 0);
        for (RiskReport.Moment m : r.riskiestMoments()) {
            assertTrue(m.probabilityContact().events() > 0);
        }
    }

    @Test
    void windAboveTheRatingIsCertainAndCalmNever() {
        Plan plan = TestPlans.holding(0, 10, new double[][] {{0, 0, 50}, {1.5, 0, 50}});
        RiskProfile p = RiskProfile.DEFAULT.withRuns(50).withThreads(1);
        RiskReport storm = RiskAnalysis.analyze(plan, p.withWind(new Wind(20, 0, 1, 5, 0.8, 0.3)));
        assertEquals(50, storm.probabilityWindAboveRating().events());
        RiskReport calm = RiskAnalysis.analyze(plan, p.withWind(Wind.CALM));
        assertEquals(0, calm.probabilityWindAboveRating().events());
    }

    @Test
    void marginMatchesTheGaussianQuantile() {
        // Frozen GNSS error, σ = 0.1 m per drone: deviation ≈ −X_parallel, σ√2 = 0.141 m; the 0.999
        // quantile is about 3.09 × 0.141 = 0.437 m, so near pairs need ≈ 0.5 + 0.437 m.
        Plan plan = TestPlans.holding(0, 0.4, new double[][] {{0, 0, 50}, {1.2, 0, 50}});
        RiskReport r = RiskAnalysis.analyze(plan, frozenGnss(0.1, 20_000, 2));
        RiskReport.Margin m = r.margin();
        assertEquals("empirical", m.method());
        assertEquals(0.5 + 3.09 * 0.1 * Math.sqrt(2), m.requiredSeparationM(), 0.06);
        assertEquals(1.2, m.plannedMinSeparationM(), 1e-9);
        assertTrue(m.meetsTarget());
        assertEquals(20_000, m.deviationSamples());
    }

    @Test
    void inverseNormalMatchesKnownQuantiles() {
        assertEquals(0, RiskAnalysis.inverseNormal(0.5), 1e-9);
        assertEquals(1.959963984540054, RiskAnalysis.inverseNormal(0.975), 1e-8);
        assertEquals(3.090232306167814, RiskAnalysis.inverseNormal(0.999), 1e-8);
        assertEquals(-4.753424308822899, RiskAnalysis.inverseNormal(1e-6), 1e-7);
    }

    /**
     * Screening is sound: every pair whose planned relative segment on some interval comes within
     * contact + the stochastic bound (a lower bound of the screen's threshold) is in an encounter
     * covering that interval.
     */
    @Property(tries = 25)
    void screeningKeepsEveryPairThatCouldTouch(@ForAll @IntRange(min = 2, max = 25) int n,
                                               @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Trajectory> trs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = rnd.nextDouble(0, 8), y = rnd.nextDouble(0, 8), z = rnd.nextDouble(10, 18);
            trs.add(Trajectory.startingAt(0, x, y, z)
                    .cubicTo(6, x, y, z, rnd.nextDouble(0, 8), rnd.nextDouble(0, 8), rnd.nextDouble(10, 18),
                            rnd.nextDouble(0, 8), rnd.nextDouble(0, 8), rnd.nextDouble(10, 18)).build());
        }
        Plan plan = TestPlans.of(trs);
        RiskProfile p = RiskProfile.DEFAULT.withRuns(1);
        Encounters enc = Encounters.build(plan, p);
        double threshold = p.contactDistance() + p.stochasticBound();
        double[] a0 = new double[3], a1 = new double[3], b0 = new double[3], b1 = new double[3];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int k = 0; k < enc.intervals; k++) {
                    trs.get(i).position(enc.time(k), a0, 0);
                    trs.get(i).position(enc.time(k + 1), a1, 0);
                    trs.get(j).position(enc.time(k), b0, 0);
                    trs.get(j).position(enc.time(k + 1), b1, 0);
                    double[] r0 = {a0[0] - b0[0], a0[1] - b0[1], a0[2] - b0[2]};
                    double[] d = {a1[0] - b1[0] - r0[0], a1[1] - b1[1] - r0[1], a1[2] - b1[2] - r0[2]};
                    double dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                    double u = dd == 0 ? 0 : Math.max(0, Math.min(1, -(r0[0] * d[0] + r0[1] * d[1] + r0[2] * d[2]) / dd));
                    double segMin = Math.sqrt(Math.pow(r0[0] + u * d[0], 2) + Math.pow(r0[1] + u * d[1], 2)
                            + Math.pow(r0[2] + u * d[2], 2));
                    if (segMin < threshold - 1e-9) {
                        assertTrue(covered(enc, i, j, k), "pair " + i + "," + j + " at interval " + k + " ("
                                + segMin + " m) is missing from the encounters");
                    }
                }
            }
        }
    }

    private static boolean covered(Encounters enc, int i, int j, int k) {
        for (int e = 0; e < enc.count; e++) {
            if (enc.a[e] == i && enc.b[e] == j && enc.k0[e] <= k && k <= enc.k1[e]) {
                return true;
            }
        }
        return false;
    }
}
