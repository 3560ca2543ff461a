package dev.starling.analysis;

import java.util.Locale;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * A probability estimated from {@code events} successes in {@code trials} independent Bernoulli
 * trials (Monte-Carlo runs), with a two-sided 95 % confidence interval.
 *
 * <p>The interval is Wilson's score interval, computed by commons-math3's
 * {@link WilsonScoreInterval} (Wilson 1927; Brown, Cai &amp; DasGupta, "Interval estimation for a
 * binomial proportion", Statistical Science 16(2), 2001), which keeps its
 * coverage near the nominal level for small counts, unlike the normal approximation. With zero
 * events the interval is [0, 3/trials]: the "rule of three" (Hanley &amp; Lippman-Hand, JAMA 1983),
 * the one-sided 95 % upper bound −ln(0.05)/n ≈ 3/n; {@code method} then says
 * {@code rule-of-three}.
 *
 * @param estimate events / trials
 * @param low      lower end of the 95 % interval
 * @param high     upper end of the 95 % interval
 * @param events   number of trials in which the event happened
 * @param trials   number of trials
 * @param method   {@code wilson} or {@code rule-of-three}
 */
public record Probability(double estimate, double low, double high, long events, long trials, String method) {
    /** Two-sided confidence level of the interval. */
    static final double CONFIDENCE = 0.95;

    public Probability {
        if (trials <= 0 || events < 0 || events > trials) {
            throw new IllegalArgumentException("need 0 <= events <= trials and trials > 0, got " + events + "/" + trials);
        }
    }

    /** The estimate of {@code events} in {@code trials} with its 95 % interval (see the class comment). */
    public static Probability of(long events, long trials) {
        if (trials <= 0 || events < 0 || events > trials) {
            throw new IllegalArgumentException("need 0 <= events <= trials and trials > 0, got " + events + "/" + trials);
        }
        double n = trials;
        double p = events / n;
        if (events == 0) {
            return new Probability(0, 0, Math.min(1, 3 / n), 0, trials, "rule-of-three");
        }
        ConfidenceInterval wilson = new WilsonScoreInterval().createInterval(Math.toIntExact(trials),
                Math.toIntExact(events), CONFIDENCE);
        double lo = Math.max(0, wilson.getLowerBound());
        double hi = Math.min(1, wilson.getUpperBound());
        if (events == trials) {
            hi = 1;
        }
        return new Probability(p, lo, hi, events, trials, "wilson");
    }

    /** e.g. {@code 0.0150 [0.0052, 0.0431] (3/200)} or {@code < 0.0150 (0/200, rule of three)}. */
    public String describe() {
        if (events == 0) {
            return String.format(Locale.ROOT, "< %s (0/%d, rule of three)", fmt(high), trials);
        }
        return String.format(Locale.ROOT, "%s [%s, %s] (%d/%d)", fmt(estimate), fmt(low), fmt(high), events, trials);
    }

    static String fmt(double p) {
        if (p == 0) {
            return "0";
        }
        if (p >= 0.01) {
            return String.format(Locale.ROOT, "%.3f", p);
        }
        return String.format(Locale.ROOT, "%.2e", p);
    }
}
