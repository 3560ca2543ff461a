package dev.starling.verify;

/**
 * Real roots and extrema of small polynomials (degree ≤ {@link #MAX_DEGREE}) on an interval,
 * for the analytic checks on Bézier pieces: speed maxima (quartics), altitude extrema and
 * crossings (cubics).
 *
 * <p>Coefficients are in the power basis, {@code c[k]} multiplying {@code x^k}. Roots are
 * isolated by recursion on the derivative: between consecutive critical points a polynomial is
 * monotone, so each sign change brackets exactly one root, which bisection then pins to the
 * last bit. A root where the polynomial touches zero without changing sign is found only when
 * it evaluates to exactly zero; every caller here is indifferent to such roots (a touching
 * derivative root is no extremum, a touching crossing changes no side).
 *
 * <p>One instance per thread: it owns the scratch arrays, and calls allocate nothing.
 */
final class Poly {
    /** Highest degree handled. */
    static final int MAX_DEGREE = 6;
    /** Bisection steps: enough to exhaust a double's mantissa on any bracket. */
    private static final int BISECTIONS = 80;

    private final double[][] deriv = new double[MAX_DEGREE + 1][MAX_DEGREE + 1];
    private final double[][] crit = new double[MAX_DEGREE + 1][MAX_DEGREE + 1];

    /** Value of {@code c[0..deg]} at {@code x} (Horner). */
    static double eval(double[] c, int deg, double x) {
        double v = c[deg];
        for (int k = deg - 1; k >= 0; k--) {
            v = v * x + c[k];
        }
        return v;
    }

    /**
     * Distinct real roots of {@code c[0..deg]} in {@code [a, b]}, ascending, written to
     * {@code out} (length ≥ deg); returns how many. A zero polynomial has none.
     */
    int roots(double[] c, int deg, double a, double b, double[] out) {
        if (deg > MAX_DEGREE) {
            throw new IllegalArgumentException("degree " + deg + " above " + MAX_DEGREE);
        }
        return roots(c, deg, a, b, out, 0);
    }

    private int roots(double[] c, int deg, double a, double b, double[] out, int level) {
        while (deg > 0 && c[deg] == 0) {
            deg--;
        }
        if (deg == 0) {
            return 0;
        }
        if (deg == 1) {
            double x = -c[0] / c[1];
            if (x >= a && x <= b) {
                out[0] = x;
                return 1;
            }
            return 0;
        }
        if (deg == 2) {
            return quadraticRoots(c[2], c[1], c[0], a, b, out);
        }
        double[] d = deriv[level];
        for (int k = 1; k <= deg; k++) {
            d[k - 1] = k * c[k];
        }
        double[] cp = crit[level];
        int m = roots(d, deg - 1, a, b, cp, level + 1);
        int cnt = 0;
        double lo = a;
        double flo = eval(c, deg, a);
        if (flo == 0) {
            out[cnt++] = a;
        }
        for (int q = 0; q <= m; q++) {
            double hi = q < m ? cp[q] : b;
            if (hi <= lo) {
                continue;
            }
            double fhi = eval(c, deg, hi);
            if (fhi == 0) {
                if (cnt == 0 || out[cnt - 1] != hi) {
                    out[cnt++] = hi;
                }
            } else if (flo != 0 && (flo < 0) != (fhi < 0)) {
                out[cnt++] = bisect(c, deg, lo, hi, flo);
            }
            lo = hi;
            flo = fhi;
        }
        return cnt;
    }

    /** The root in (lo, hi) of a polynomial monotone there with f(lo) = flo and a sign change. */
    private static double bisect(double[] c, int deg, double lo, double hi, double flo) {
        boolean negLo = flo < 0;
        for (int it = 0; it < BISECTIONS; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            double fm = eval(c, deg, mid);
            if (fm == 0) {
                return mid;
            }
            if ((fm < 0) == negLo) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Roots of a x² + b x + c in [lo, hi], ascending (numerically stable formula). */
    private static int quadraticRoots(double a, double b, double c, double lo, double hi, double[] out) {
        double disc = b * b - 4 * a * c;
        if (disc < 0) {
            return 0;
        }
        double sq = Math.sqrt(disc);
        double q = -0.5 * (b + (b >= 0 ? sq : -sq));
        double r1 = q / a;
        double r2 = q != 0 ? c / q : r1;
        if (r1 > r2) {
            double t = r1;
            r1 = r2;
            r2 = t;
        }
        int n = 0;
        if (r1 >= lo && r1 <= hi) {
            out[n++] = r1;
        }
        if (r2 >= lo && r2 <= hi && (n == 0 || r2 != out[0])) {
            out[n++] = r2;
        }
        return n;
    }

    /**
     * Largest value of {@code c[0..deg]} on {@code [a, b]}: the ends and every critical point
     * are candidates. Returns the value; the argument goes to {@code arg[0]}.
     */
    double max(double[] c, int deg, double a, double b, double[] arg) {
        double best = eval(c, deg, a);
        double at = a;
        double fb = eval(c, deg, b);
        if (fb > best) {
            best = fb;
            at = b;
        }
        if (deg >= 2) {
            double[] d = deriv[MAX_DEGREE];
            for (int k = 1; k <= deg; k++) {
                d[k - 1] = k * c[k];
            }
            double[] cp = crit[MAX_DEGREE];
            int m = roots(d, deg - 1, a, b, cp, 1);
            for (int q = 0; q < m; q++) {
                double v = eval(c, deg, cp[q]);
                if (v > best) {
                    best = v;
                    at = cp[q];
                }
            }
        }
        arg[0] = at;
        return best;
    }
}
