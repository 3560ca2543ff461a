package dev.starling.analysis;

import dev.starling.base.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Monte-Carlo runs over a schedule of near encounters ({@link Encounters}): per run, every
 * involved drone's error process is sampled at the steps it is needed (exact Gauss–Markov
 * transitions across gaps), flown positions are formed, and every near pair is tested on each of
 * its intervals (closest approach of the linear relative segment).
 *
 * <p>Runs are split into index ranges over threads; run r draws from the r-th
 * {@link SplittableRandom#split()} of the seed's generator, and every tally is an integer count
 * or a minimum with a run-index tie-break, so the result is identical for any thread count.
 *
 * <p>Hot loop: primitive arrays only, no allocation per step or per drone.
 */
final class ContactSimulation {
    /** Deviation histogram: planned minus flown minimum distance, metres, in 1 mm bins over [−5, 15) m. */
    static final double HIST_LO = -5, HIST_BIN = 1e-3;
    static final int HIST_BINS = 20_000;
    /** Width of a "moment" bucket, seconds. */
    static final double MOMENT = 1.0;

    private ContactSimulation() {
    }

    /** Aggregated outcome of all runs. */
    static final class Tally {
        final int encounters;
        final int phases;
        final int buckets;
        long anyContact;
        long windAboveRating;
        final long[] phaseContacts;
        final long[] bucketRuns;
        final int[] encContacts;
        final double[] encWorst;
        final int[] encWorstRun;
        final double[] encWorstTime;
        final long[] encSumMicro;
        final long[] hist;
        long histBelow;
        long histAbove;

        Tally(int encounters, int phases, int buckets) {
            this.encounters = encounters;
            this.phases = phases;
            this.buckets = buckets;
            phaseContacts = new long[phases];
            bucketRuns = new long[buckets];
            encContacts = new int[encounters];
            encWorst = new double[encounters];
            Arrays.fill(encWorst, Double.POSITIVE_INFINITY);
            encWorstRun = new int[encounters];
            Arrays.fill(encWorstRun, Integer.MAX_VALUE);
            encWorstTime = new double[encounters];
            encSumMicro = new long[encounters];
            hist = new long[HIST_BINS];
        }

        void merge(Tally o) {
            anyContact += o.anyContact;
            windAboveRating += o.windAboveRating;
            for (int p = 0; p < phases; p++) {
                phaseContacts[p] += o.phaseContacts[p];
            }
            for (int q = 0; q < buckets; q++) {
                bucketRuns[q] += o.bucketRuns[q];
            }
            for (int e = 0; e < encounters; e++) {
                encContacts[e] += o.encContacts[e];
                encSumMicro[e] += o.encSumMicro[e];
                if (o.encWorst[e] < encWorst[e] || (o.encWorst[e] == encWorst[e] && o.encWorstRun[e] < encWorstRun[e])) {
                    encWorst[e] = o.encWorst[e];
                    encWorstRun[e] = o.encWorstRun[e];
                    encWorstTime[e] = o.encWorstTime[e];
                }
            }
            for (int q = 0; q < HIST_BINS; q++) {
                hist[q] += o.hist[q];
            }
            histBelow += o.histBelow;
            histAbove += o.histAbove;
        }
    }

    /**
     * Runs {@code p.runs()} simulations.
     *
     * @param phaseStart start time of each phase (ascending); a time belongs to the last phase
     *                   starting at or before it
     */
    static Tally run(Encounters enc, RiskProfile p, double[] phaseStart) {
        int runs = p.runs();
        SplittableRandom root = new SplittableRandom(p.seed());
        SplittableRandom[] rng = new SplittableRandom[runs];
        for (int r = 0; r < runs; r++) {
            rng[r] = root.split();
        }
        int buckets = Math.max(1, (int) Math.ceil(enc.intervals * enc.h / MOMENT) + 1);
        int chunks = Math.max(1, Math.min(runs, p.threads()));
        List<Tally> tallies = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            tallies.add(new Tally(enc.count, phaseStart.length, buckets));
        }
        Parallel.forRanges(runs, chunks, p.threads(), (chunk, lo, hi) -> {
            Worker w = new Worker(enc, p, phaseStart, tallies.get(chunk));
            for (int r = lo; r < hi; r++) {
                w.run(r, rng[r]);
            }
        });
        Tally total = tallies.get(0);
        for (int c = 1; c < chunks; c++) {
            total.merge(tallies.get(c));
        }
        return total;
    }

    /** One thread's buffers and tally. */
    private static final class Worker {
        private final Encounters enc;
        private final double[] phaseStart;
        private final Tally tally;
        // model constants
        private final double sigN_h, sigN_v, tauN;
        private final double sigC_h, sigC_v, sigI_h, sigI_v, tauG;
        private final double cg, lag, invRating, rating, wx, wy, contact2;
        private final double phiNStep, qNStep, phiGStep, qGStep;
        // per involved drone state
        private final double[] nx, ny, nz, gx, gy, gz;
        /** Grid index of each drone's last error sample this run; −1 before its first. */
        private final int[] last;
        private final double[] cx, cy, cz, ox, oy, oz;
        // per encounter, this run
        private final double[] runMin, runMinT;
        private final boolean[] runContact;
        private final int[] active;
        private final boolean[] phaseHit;
        private final int[] bucketMark;

        Worker(Encounters enc, RiskProfile p, double[] phaseStart, Tally tally) {
            this.enc = enc;
            this.phaseStart = phaseStart;
            this.tally = tally;
            Wind w = p.wind();
            sigN_h = p.gnssSigmaH();
            sigN_v = p.gnssSigmaV();
            tauN = p.gnssTau();
            sigC_h = w.commonSigmaH();
            sigC_v = sigC_h * w.verticalRatio();
            sigI_h = w.droneSigmaH();
            sigI_v = sigI_h * w.verticalRatio();
            tauG = w.gustTau();
            cg = p.gustResponse();
            lag = p.trackingLag();
            rating = p.windRating();
            invRating = 1 / p.windRating();
            wx = w.meanX();
            wy = w.meanY();
            contact2 = p.contactDistance() * p.contactDistance();
            phiNStep = Math.exp(-enc.h / tauN);
            qNStep = Math.sqrt(1 - phiNStep * phiNStep);
            phiGStep = Math.exp(-enc.h / tauG);
            qGStep = Math.sqrt(1 - phiGStep * phiGStep);
            int d = enc.drones.length;
            nx = new double[d];
            ny = new double[d];
            nz = new double[d];
            gx = new double[d];
            gy = new double[d];
            gz = new double[d];
            last = new int[d];
            cx = new double[d];
            cy = new double[d];
            cz = new double[d];
            ox = new double[d];
            oy = new double[d];
            oz = new double[d];
            runMin = new double[enc.count];
            runMinT = new double[enc.count];
            runContact = new boolean[enc.count];
            active = new int[enc.count];
            phaseHit = new boolean[phaseStart.length];
            bucketMark = new int[tally.buckets];
        }

        void run(int r, SplittableRandom rng) {
            Arrays.fill(last, -1);
            Arrays.fill(phaseHit, false);
            Arrays.fill(bucketMark, -1);
            boolean any = false;
            // Fleet-wide gust, stationary start.
            double gcx = sigC_h * rng.nextGaussian(), gcy = sigC_h * rng.nextGaussian(), gcz = sigC_v * rng.nextGaussian();
            double rating2 = rating * rating;
            boolean windHigh = false;
            int nActive = 0;
            int[] off = enc.sampleOffset;
            for (int k = 0; k <= enc.intervals; k++) {
                if (k > 0) {
                    gcx = phiGStep * gcx + qGStep * sigC_h * rng.nextGaussian();
                    gcy = phiGStep * gcy + qGStep * sigC_h * rng.nextGaussian();
                    gcz = phiGStep * gcz + qGStep * sigC_v * rng.nextGaussian();
                }
                double fwx = wx + gcx, fwy = wy + gcy;
                if (fwx * fwx + fwy * fwy + gcz * gcz > rating2) {
                    windHigh = true;
                }
                for (int s = off[k], end = off[k + 1]; s < end; s++) {
                    int d = enc.entryDrone[s];
                    int gap = k - last[d];
                    if (last[d] < 0) {
                        // first use this run: draw from the stationary distribution
                        nx[d] = sigN_h * rng.nextGaussian();
                        ny[d] = sigN_h * rng.nextGaussian();
                        nz[d] = sigN_v * rng.nextGaussian();
                        gx[d] = sigI_h * rng.nextGaussian();
                        gy[d] = sigI_h * rng.nextGaussian();
                        gz[d] = sigI_v * rng.nextGaussian();
                    } else {
                        double pn, qn, pg, qg;
                        if (gap == 1) {
                            pn = phiNStep;
                            qn = qNStep;
                            pg = phiGStep;
                            qg = qGStep;
                        } else {
                            double dt = gap * enc.h;
                            pn = Math.exp(-dt / tauN);
                            qn = Math.sqrt(1 - pn * pn);
                            pg = Math.exp(-dt / tauG);
                            qg = Math.sqrt(1 - pg * pg);
                        }
                        nx[d] = pn * nx[d] + qn * sigN_h * rng.nextGaussian();
                        ny[d] = pn * ny[d] + qn * sigN_h * rng.nextGaussian();
                        nz[d] = pn * nz[d] + qn * sigN_v * rng.nextGaussian();
                        gx[d] = pg * gx[d] + qg * sigI_h * rng.nextGaussian();
                        gy[d] = pg * gy[d] + qg * sigI_h * rng.nextGaussian();
                        gz[d] = pg * gz[d] + qg * sigI_v * rng.nextGaussian();
                    }
                    last[d] = k;
                    double ux = gcx + gx[d], uy = gcy + gy[d], uz = gcz + gz[d];
                    double ax = wx + ux, ay = wy + uy;
                    double lagF = lag * (1 + Math.sqrt(ax * ax + ay * ay + uz * uz) * invRating);
                    ox[d] = cx[d];
                    oy[d] = cy[d];
                    oz[d] = cz[d];
                    cx[d] = enc.px[s] + nx[d] + cg * ux - lagF * enc.vx[s];
                    cy[d] = enc.py[s] + ny[d] + cg * uy - lagF * enc.vy[s];
                    cz[d] = enc.pz[s] + nz[d] + cg * uz - lagF * enc.vz[s];
                }
                if (k == 0) {
                    continue;
                }
                // Interval k-1: open the encounters starting there, test every active one.
                int iv = k - 1;
                for (int e = enc.startOffset[iv]; e < enc.startOffset[iv + 1]; e++) {
                    active[nActive++] = e;
                    runMin[e] = Double.POSITIVE_INFINITY;
                    runContact[e] = false;
                }
                int keep = 0;
                double t0 = enc.time(iv);
                for (int q = 0; q < nActive; q++) {
                    int e = active[q];
                    int a = enc.la[e], b = enc.lb[e];
                    double fx = ox[a] - ox[b], fy = oy[a] - oy[b], fz = oz[a] - oz[b];
                    double dx = cx[a] - cx[b] - fx, dy = cy[a] - cy[b] - fy, dz = cz[a] - cz[b] - fz;
                    double dd = dx * dx + dy * dy + dz * dz;
                    double u = dd == 0 ? 0 : -(fx * dx + fy * dy + fz * dz) / dd;
                    u = u < 0 ? 0 : (u > 1 ? 1 : u);
                    double ex = fx + u * dx, ey = fy + u * dy, ez = fz + u * dz;
                    double m2 = ex * ex + ey * ey + ez * ez;
                    if (m2 < runMin[e]) {
                        runMin[e] = m2;
                        runMinT[e] = t0 + u * enc.h;
                    }
                    if (m2 < contact2 && !runContact[e]) {
                        runContact[e] = true;
                        any = true;
                        double when = t0 + u * enc.h;
                        phaseHit[phaseOf(when)] = true;
                        int bucket = Math.min(tally.buckets - 1, (int) ((when - enc.t0) / MOMENT));
                        if (bucketMark[bucket] != r) {
                            bucketMark[bucket] = r;
                            tally.bucketRuns[bucket]++;
                        }
                    }
                    if (enc.k1[e] > iv) {
                        active[keep++] = e;
                    } else {
                        finish(e, r);
                    }
                }
                nActive = keep;
            }
            if (any) {
                tally.anyContact++;
            }
            if (windHigh) {
                tally.windAboveRating++;
            }
            for (int ph = 0; ph < phaseHit.length; ph++) {
                if (phaseHit[ph]) {
                    tally.phaseContacts[ph]++;
                }
            }
        }

        /** Folds encounter {@code e}'s outcome in run {@code r} into the tally. */
        private void finish(int e, int r) {
            double m = Math.sqrt(runMin[e]);
            if (runContact[e]) {
                tally.encContacts[e]++;
            }
            if (m < tally.encWorst[e] || (m == tally.encWorst[e] && r < tally.encWorstRun[e])) {
                tally.encWorst[e] = m;
                tally.encWorstRun[e] = r;
                tally.encWorstTime[e] = runMinT[e];
            }
            tally.encSumMicro[e] += Math.round(m * 1e6);
            double dev = enc.plannedMin[e] - m;
            int bin = (int) Math.floor((dev - HIST_LO) / HIST_BIN);
            if (bin < 0) {
                tally.histBelow++;
            } else if (bin >= HIST_BINS) {
                tally.histAbove++;
            } else {
                tally.hist[bin]++;
            }
        }

        private int phaseOf(double t) {
            int i = Arrays.binarySearch(phaseStart, t);
            if (i >= 0) {
                return i;
            }
            return Math.max(0, -i - 2);
        }
    }
}
