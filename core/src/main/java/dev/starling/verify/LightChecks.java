package dev.starling.verify;

import dev.starling.base.Parallel;
import dev.starling.light.LightProgram;
import dev.starling.show.LightLimits;
import dev.starling.trajectory.Trajectory;
import dev.starling.verify.VerificationReport.Check;
import dev.starling.verify.VerificationReport.CheckResult;
import dev.starling.verify.VerificationReport.Violation;
import java.util.Arrays;
import java.util.List;

/**
 * The light checks of the {@link Verifier}, on the flights' light programs alone.
 *
 * <ul>
 *   <li><b>colour range</b>: every channel of every keyframe within 0–255 (programs from files are
 *       refused by their readers otherwise; the check reports the brightest channel);</li>
 *   <li><b>flashes</b> ({@link LightLimits}): a drone's luminance Y = (0.2126 r + 0.7152 g +
 *       0.0722 b) / 255 is piecewise linear, so its swings are found exactly from the keyframes
 *       with hysteresis {@code flashContrast}; a flash is two opposing swings. For every one-second
 *       window (starting every {@value #WINDOW_STEP} s) the value is the flash rate that more than
 *       {@code flashArea} of the fleet reach at once; the worst over the show must stay at most
 *       {@code maxFlashRate}. Violating drones are those above the rate in a failing window;</li>
 *   <li><b>lit on ground</b>: brightness (largest channel / 255) while a drone is at or below the
 *       ground altitude (when {@code darkOnGround}) or climbing on takeoff (when
 *       {@code darkDuringTakeoff}), sampled on the 20 ms light ticks; must be 0.</li>
 * </ul>
 * Cost: O(keyframes) per drone plus O(swings × 10) for the windows, and O(ground ticks) for
 * the ground check.
 */
final class LightChecks {
    /** Step between the starts of the one-second flash windows, seconds. */
    static final double WINDOW_STEP = 0.1;
    static final int WINDOWS_PER_SECOND = 10;
    /** Sampling step of the ground check: one light tick. */
    static final double GROUND_STEP = 0.02;

    private LightChecks() {
    }

    /** The light programs to check (one per flight, in order) and their bounds. */
    record Lights(List<LightProgram> programs, LightLimits limits) {
        Lights {
            limits = limits == null ? LightLimits.FLIGHT_FILE : limits;
        }
    }

    /** The checks, on {@code flights} spanning {@code startTime..endTime} (show seconds, as the flight table has them). */
    static void run(List<Trajectory> flights, double startTime, double endTime, Lights lights, double ground,
                    int threads, List<CheckResult> results, List<Violation> all) {
        results.add(range(lights.programs()));
        results.add(flashes(flights, startTime, endTime, lights.programs(), lights.limits(), threads, all));
        results.add(lit(flights, lights.programs(), lights.limits(), ground, threads, all));
    }

    private static CheckResult range(List<LightProgram> lights) {
        double worst = Double.NaN;
        int wi = -1;
        double wt = Double.NaN;
        for (int i = 0; i < lights.size(); i++) {
            LightProgram p = lights.get(i);
            for (int k = 0; k < p.size(); k++) {
                int c = p.rgb(k);
                int m = Math.max((c >> 16) & 255, Math.max((c >> 8) & 255, c & 255));
                if (wi < 0 || m > worst) {
                    worst = m;
                    wi = i;
                    wt = p.time(k);
                }
            }
        }
        return new CheckResult(Check.LIGHT_RANGE, true, 255, worst, wi, -1, wt, 0);
    }

    static double luminance(int c) {
        return (0.2126 * ((c >> 16) & 255) + 0.7152 * ((c >> 8) & 255) + 0.0722 * (c & 255)) / 255;
    }

    /**
     * Times of the swings of at least {@code contrast} of a program's luminance, in order, written
     * into {@code out} (grown as needed); returns the count, and the array in {@code holder[0]}.
     */
    static int swings(LightProgram p, double contrast, double[][] holder) {
        Swings sw = new Swings(contrast, holder[0]);
        double prev = 0; // dark before the first keyframe
        for (int k = 0; k < p.size(); k++) {
            double y = luminance(p.rgb(k));
            double t = p.time(k);
            // a step visits the old value at t first; a fade arrives at y linearly (extremes at keyframes)
            if (!p.fade(k)) {
                sw.feed(prev, t);
            }
            sw.feed(y, t);
            prev = y;
        }
        holder[0] = sw.out;
        return sw.m;
    }

    /** Swing detection with hysteresis over a sequence of luminance values. */
    private static final class Swings {
        final double contrast;
        double[] out;
        int m, dir;
        double lo, hi, ext;
        boolean first = true;

        Swings(double contrast, double[] out) {
            this.contrast = contrast;
            this.out = out;
        }

        void feed(double v, double t) {
            if (first) {
                lo = hi = ext = v;
                first = false;
                return;
            }
            boolean swing = false;
            if (dir == 0) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                if (hi - lo >= contrast) {
                    dir = v == hi ? 1 : -1;
                    ext = v;
                    swing = true;
                }
            } else if (dir > 0) {
                if (v > ext) {
                    ext = v;
                } else if (ext - v >= contrast) {
                    dir = -1;
                    ext = v;
                    swing = true;
                }
            } else if (v < ext) {
                ext = v;
            } else if (v - ext >= contrast) {
                dir = 1;
                ext = v;
                swing = true;
            }
            if (swing) {
                if (m == out.length) {
                    out = Arrays.copyOf(out, Math.max(16, m * 2));
                }
                out[m++] = t;
            }
        }
    }

    private static CheckResult flashes(List<Trajectory> flights, double startTime, double endTime,
                                       List<LightProgram> lights, LightLimits lim, int threads,
                                       List<Violation> all) {
        int n = flights.size();
        double t0 = n == 0 ? 0 : Math.floor(startTime) - 1;
        double end = n == 0 ? 0 : endTime + 1;
        int windows = Math.max(1, (int) Math.ceil((end - t0) * WINDOWS_PER_SECOND) + 1);
        int cap = 2 * 50 + 2; // a swing per 20 ms tick at most
        int[][] hist = new int[windows][];
        int[] cnt = new int[windows];
        int[] touched = new int[windows];
        double[][] swingTimes = new double[n][];
        Parallel.forRanges(n, Math.max(1, threads) * 4, threads, (chunk, lo, hi) -> {
            double[][] holder = {new double[64]};
            for (int i = lo; i < hi; i++) {
                int m = swings(lights.get(i), lim.flashContrast(), holder);
                swingTimes[i] = Arrays.copyOf(holder[0], m);
            }
        });
        for (int i = 0; i < n; i++) {
            int nt = 0;
            for (double t : swingTimes[i]) {
                int hi = windowHi(t, t0, windows);
                for (int j = windowLo(t, t0); j <= hi; j++) {
                    if (cnt[j]++ == 0) {
                        touched[nt++] = j;
                    }
                }
            }
            for (int q = 0; q < nt; q++) {
                int j = touched[q];
                if (hist[j] == null) {
                    hist[j] = new int[cap + 1];
                }
                hist[j][Math.min(cap, cnt[j])]++;
                cnt[j] = 0;
            }
        }
        int allowed = (int) Math.floor(lim.flashArea() * n); // drones that may flash faster at once
        double worst = 0;
        int worstWindow = -1;
        double[] windowRate = new double[windows];
        for (int j = 0; j < windows; j++) {
            if (hist[j] == null) {
                continue;
            }
            // the (allowed + 1)-th largest swing count in this window
            int seen = 0, c = cap;
            for (; c > 0; c--) {
                seen += hist[j][c];
                if (seen > allowed) {
                    break;
                }
            }
            double rate = c / 2.0;
            windowRate[j] = rate;
            if (rate > worst) {
                worst = rate;
                worstWindow = j;
            }
        }
        int worstDrone = -1, count = 0;
        double limit = lim.maxFlashRate();
        for (int i = 0; i < n; i++) {
            double[] ts = swingTimes[i];
            double droneWorst = -1, droneTime = Double.NaN;
            int nt = 0;
            for (double t : ts) {
                int hi = windowHi(t, t0, windows);
                for (int j = windowLo(t, t0); j <= hi; j++) {
                    if (cnt[j]++ == 0) {
                        touched[nt++] = j;
                    }
                }
            }
            for (int q = 0; q < nt; q++) {
                int j = touched[q];
                double rate = cnt[j] / 2.0;
                cnt[j] = 0;
                if (j == worstWindow && rate >= worst && worstDrone < 0) {
                    worstDrone = i;
                }
                if (Verifier.aboveBound(windowRate[j], limit) && Verifier.aboveBound(rate, limit) && rate > droneWorst) {
                    droneWorst = rate;
                    droneTime = t0 + j * WINDOW_STEP;
                }
            }
            if (droneWorst >= 0) {
                count++;
                all.add(new Violation(Check.LIGHT_FLASH, i, -1, droneTime, droneWorst, limit));
            }
        }
        return new CheckResult(Check.LIGHT_FLASH, true, limit, worst, worstDrone, -1,
                worstWindow < 0 ? Double.NaN : t0 + worstWindow * WINDOW_STEP, count);
    }

    /*
     * The one-second windows [t0 + j·step, t0 + j·step + 1) that contain t are j = windowLo..windowHi
     * (none when windowHi < windowLo).
     */
    private static int windowLo(double t, double t0) {
        return Math.max(0, (int) Math.floor((t - t0) * WINDOWS_PER_SECOND + 1e-9) - WINDOWS_PER_SECOND + 1);
    }

    private static int windowHi(double t, double t0, int windows) {
        return Math.min(windows - 1, (int) Math.floor((t - t0) * WINDOWS_PER_SECOND + 1e-9));
    }

    private static CheckResult lit(List<Trajectory> flights, List<LightProgram> lights, LightLimits lim, double ground,
                                   int threads, List<Violation> all) {
        boolean checked = lim.darkOnGround() || lim.darkDuringTakeoff();
        if (!checked) {
            return new CheckResult(Check.LIGHT_GROUND, false, 0, Double.NaN, -1, -1, Double.NaN, 0);
        }
        int n = flights.size();
        double[] worstOf = new double[n], timeOf = new double[n];
        Parallel.forRanges(n, Math.max(1, threads) * 4, threads, (chunk, lo, hi) -> {
            double[] pos = new double[3], vel = new double[3];
            for (int i = lo; i < hi; i++) {
                litOnGround(flights.get(i), lights.get(i).cursor(), lim, ground, pos, vel, worstOf, timeOf, i);
            }
        });
        double worst = Double.NaN, wt = Double.NaN;
        int wi = -1, count = 0;
        for (int i = 0; i < n; i++) {
            double droneWorst = worstOf[i], droneT = timeOf[i];
            if (wi < 0 || droneWorst > worst) {
                worst = droneWorst;
                wi = i;
                wt = droneT;
            }
            if (droneWorst > 0) {
                count++;
                all.add(new Violation(Check.LIGHT_GROUND, i, -1, droneT, droneWorst, 0));
            }
        }
        return new CheckResult(Check.LIGHT_GROUND, true, 0, worst, wi, -1, wt, count);
    }

    /** Drone {@code i}'s brightest light tick that must be dark, and its time, into {@code worstOf[i]}, {@code timeOf[i]}. */
    private static void litOnGround(Trajectory tr, LightProgram.Cursor lp, LightLimits lim, double ground,
                                    double[] pos, double[] vel, double[] worstOf, double[] timeOf, int i) {
        double a = tr.startTime(), b = tr.endTime();
        double droneWorst = 0, droneT = Double.NaN;
        boolean takeoff = true;
        long steps = (long) Math.ceil((b - a) / GROUND_STEP);
        // forward from the start: on the ground, then the takeoff climb
        for (long s = 0; s <= steps; s++) {
            double t = Math.min(b, a + s * GROUND_STEP);
            tr.position(t, pos, 0);
            boolean onGround = pos[2] <= ground;
            if (!onGround && takeoff) {
                tr.velocity(t, vel, 0);
                takeoff = vel[2] > 1e-6;
            }
            boolean mustBeDark = (onGround && lim.darkOnGround()) || (!onGround && takeoff && lim.darkDuringTakeoff());
            if (!mustBeDark) {
                if (!onGround && !takeoff) {
                    break;
                }
                continue;
            }
            double v = brightness(lp.colorAt(t));
            if (v > droneWorst) {
                droneWorst = v;
                droneT = t;
            }
        }
        if (lim.darkOnGround()) {
            // backward from the end: on the ground after landing
            for (long s = 0; s <= steps; s++) {
                double t = Math.max(a, b - s * GROUND_STEP);
                tr.position(t, pos, 0);
                if (pos[2] > ground) {
                    break;
                }
                double v = brightness(lp.colorAt(t));
                if (v > droneWorst) {
                    droneWorst = v;
                    droneT = t;
                }
            }
        }
        worstOf[i] = droneWorst;
        timeOf[i] = droneT;
    }

    /** Largest channel over 255, in percent. */
    static double brightness(int c) {
        return 100 * Math.max((c >> 16) & 255, Math.max((c >> 8) & 255, c & 255)) / 255.0;
    }
}
