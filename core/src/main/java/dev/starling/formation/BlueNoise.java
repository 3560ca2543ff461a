package dev.starling.formation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks exactly k of a shape's candidates so that they spread evenly (blue noise) with a large
 * minimum pairwise distance: the sampler behind every formation source except fixed point sets.
 *
 * <ol>
 *   <li><b>Start.</b> Dart throwing: candidates in a seeded random order are accepted when no
 *       accepted one lies within r = 0.75·ideal (0.9·ideal on curves), until k are accepted (r
 *       shrinks and the throw repeats in the rare case that fewer fit).</li>
 *   <li><b>Farthest-point optimisation</b> (Schlömer, Heck &amp; Deussen, "Farthest-point
 *       optimized point sets with maximized minimum distance", HPG 2011), discrete: each point in
 *       turn is lifted out and put back on the candidate farthest from all other points, when
 *       that is farther than its old nearest neighbour. Crowded points thus jump into the largest
 *       holes, anywhere on the shape. A distance field over the candidates (distance to, and
 *       index of, the nearest point) and a max-tree over it find that candidate in O(log n);
 *       each move updates only the candidates near its old and new place. Two sweeps where a
 *       continuous refinement follows; until converged otherwise.</li>
 *   <li><b>Continuous refinement</b> (regions, spheres, tori: shapes with a {@link Domain}):
 *       each point, most crowded first, searches the shape around it (pattern search along the
 *       tangent directions, steps halving) for the spot farthest from its neighbours. This frees
 *       the points from the candidates' resolution and lifts the minimum spacing to about
 *       0.96–0.99 of the ideal sqrt(area / k) on text and hearts (hexagonal packing, the
 *       unreachable optimum on a bounded shape, is 1.07).</li>
 * </ol>
 *
 * <p>Every move strictly raises the moved point's nearest-neighbour distance and leaves all other
 * pairs as they were, so the minimum spacing never drops; the result's minimum is computed
 * exactly over all pairs ({@link Spacing}). Points stay on the shape: on candidates, or where
 * the domain accepts them (inside a lit raster pixel; projected onto the surface).
 * Curves start instead from points spaced evenly by arc length, which is already optimal on a
 * smooth curve; the sweeps then fix corners and places where curves come close.
 * Cost: O(sweeps · k · c) with c ≈ 20–40 candidates touched per point, plus O(n log n) set-up
 * for n candidates. Deterministic for a given seed. One instance per call.
 */
final class BlueNoise {
    /**
     * Farthest-point sweeps before the continuous refinement takes over (it spreads points
     * better, and faster, than more discrete sweeps would), and the upper bound on sweeps for
     * shapes without refinement (curves, meshes), which stop once converged.
     */
    static final int SWEEPS_BEFORE_REFINEMENT = 2;
    static final int MAX_SWEEPS = 60;
    /** A sweep that raises the minimum spacing by less than this fraction, with few moves, ends the optimisation. */
    static final double CONVERGED = 1e-3;
    private static final double[] COS8 = new double[8], SIN8 = new double[8];

    static {
        for (int d = 0; d < 8; d++) {
            COS8[d] = Math.cos(d * Math.PI / 4);
            SIN8[d] = Math.sin(d * Math.PI / 4);
        }
    }

    /** Upper bound on continuous refinement sweeps. */
    static final int REFINE_SWEEPS = 12;

    private final Candidates c;
    private final int k, n;
    private final double[] cu, cv, cw;
    private final CellGrid candGrid;
    private final SplittableRandom rnd;
    private final double ideal;

    /** Candidate index of each point, and its coordinates. */
    private final int[] at;
    private final double[] pu, pv, pw;
    private final PointCells cells;
    /** Per candidate: distance to the nearest point, and that point. */
    private final double[] dist;
    private final int[] owner;
    /** Per point: an upper bound on the distance of the candidates it owns. */
    private final double[] reach;
    /** Max-tree over dist: tree[1] is the candidate of largest distance. */
    private final int[] tree;
    private final int leaves;
    /** Scratch buffers of {@link #move(int)}. */
    private int[] neighbours = new int[64];
    private double[] nbx = new double[64], nby = new double[64], nbz = new double[64], nbd = new double[64];

    private BlueNoise(Candidates c, int k, long seed) {
        this.c = c;
        this.k = k;
        this.n = c.n();
        this.cu = c.u();
        this.cv = c.v();
        this.cw = c.w();
        this.rnd = new SplittableRandom(seed);
        this.ideal = c.idealSpacing(k);
        this.candGrid = CellGrid.build(cu, cv, cw, n, Math.max(2 * c.step(), ideal / 2));
        this.at = new int[k];
        this.pu = new double[k];
        this.pv = new double[k];
        this.pw = new double[k];
        this.cells = new PointCells(candGrid, ideal, k, pu, pv, pw);
        this.dist = new double[n];
        this.owner = new int[n];
        this.reach = new double[k];
        int l = 1;
        while (l < n) {
            l <<= 1;
        }
        this.leaves = l;
        this.tree = new int[2 * l];
    }

    /**
     * Exactly {@code k} points among the candidates, spread evenly, with their exact minimum
     * spacing. Requires {@code 1 <= k <= c.n()}.
     */
    static LocalPoints sample(Candidates c, int k, long seed) {
        if (k < 1 || k > c.n()) {
            throw new IllegalArgumentException("k = " + k + " outside 1.." + c.n());
        }
        return new BlueNoise(c, k, seed).run();
    }

    private LocalPoints run() {
        int[] start = c.runs() != null ? alongCurves() : dartThrow();
        for (int j = 0; j < k; j++) {
            at[j] = start[j];
            pu[j] = cu[start[j]];
            pv[j] = cv[start[j]];
            pw[j] = cw[start[j]];
            cells.add(j);
        }
        initField();
        double min = Spacing.min(pu, pv, pw, k);
        int[] order = new int[k];
        int sweeps = c.domain() != null ? SWEEPS_BEFORE_REFINEMENT : MAX_SWEEPS;
        for (int s = 0; s < sweeps && k > 1; s++) {
            for (int j = 0; j < k; j++) {
                order[j] = j;
            }
            shuffle(order);
            int moves = 0;
            for (int j : order) {
                if (move(j)) {
                    moves++;
                }
            }
            double next = Spacing.min(pu, pv, pw, k);
            boolean converged = moves == 0 || (next - min <= CONVERGED * min && moves < k / 20);
            min = next;
            if (converged) {
                break;
            }
        }
        int[] rgb = new int[k];
        for (int j = 0; j < k; j++) {
            rgb[j] = c.rgb()[at[j]];
        }
        if (c.domain() != null && k > 1) {
            int stale = 0;
            for (int s = 0; s < REFINE_SWEEPS && stale < 2; s++) {
                int moves = refineSweep(c.domain(), rgb);
                double next = Spacing.min(pu, pv, pw, k);
                stale = moves == 0 ? 2 : next - min <= CONVERGED * min ? stale + 1 : 0;
                min = next;
            }
        }
        return new LocalPoints(pu.clone(), pv.clone(), pw.clone(), rgb, min);
    }

    private void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    // ---------------------------------------------------------------- continuous refinement

    /**
     * One pass of local max-min refinement off the candidates: each point, crowded ones first,
     * does a pattern search over the shape's tangent directions (8 of them, step halving from a
     * quarter of its spacing) for the spot farthest from its neighbours, and moves there when
     * that beats its current nearest-neighbour distance. Returns the number of points moved.
     */
    private int refineSweep(Domain domain, int[] rgb) {
        double[] nn = new double[k];
        long[] keyed = new long[k];
        for (int j = 0; j < k; j++) {
            int o = cells.nearest(pu[j], pv[j], pw[j], j);
            nn[j] = Math.sqrt(sq(pu[j] - pu[o]) + sq(pv[j] - pv[o]) + sq(pw[j] - pw[o]));
            keyed[j] = ((long) Float.floatToIntBits((float) nn[j]) << 32) | j;
        }
        Arrays.sort(keyed);
        double[] p = new double[3], q = new double[3], t = new double[6];
        int moved = 0;
        for (int r = 0; r < k; r++) {
            int j = (int) keyed[r];
            int o = cells.nearest(pu[j], pv[j], pw[j], j);
            double own = Math.sqrt(sq(pu[j] - pu[o]) + sq(pv[j] - pv[o]) + sq(pw[j] - pw[o]));
            double maxShift = 0.5 * own;
            int nbs = cells.collect(pu[j], pv[j], pw[j], own + 2 * maxShift, j, neighbours);
            neighbours = cells.lastBuffer;
            if (nbs > nbx.length) {
                nbx = new double[neighbours.length];
                nby = new double[neighbours.length];
                nbz = new double[neighbours.length];
                nbd = new double[neighbours.length];
            }
            for (int a = 0; a < nbs; a++) {
                nbx[a] = pu[neighbours[a]];
                nby[a] = pv[neighbours[a]];
                nbz[a] = pw[neighbours[a]];
            }
            p[0] = pu[j];
            p[1] = pv[j];
            p[2] = pw[j];
            double best = own;
            double step = 0.25 * own;
            while (step > own / 128) {
                domain.tangents(p, t);
                int bestDir = -1;
                double bx = 0, by = 0, bz = 0;
                for (int dir = 0; dir < 8; dir++) {
                    double ca = COS8[dir] * step, sa = SIN8[dir] * step;
                    q[0] = p[0] + ca * t[0] + sa * t[3];
                    q[1] = p[1] + ca * t[1] + sa * t[4];
                    q[2] = p[2] + ca * t[2] + sa * t[5];
                    if (!domain.snap(q)) {
                        continue;
                    }
                    if (sq(q[0] - pu[j]) + sq(q[1] - pv[j]) + sq(q[2] - pw[j]) > maxShift * maxShift) {
                        continue;
                    }
                    double d2min = Double.POSITIVE_INFINITY;
                    double b2 = best * best;
                    for (int a2 = 0; a2 < nbs; a2++) {
                        double d2 = sq(q[0] - nbx[a2]) + sq(q[1] - nby[a2]) + sq(q[2] - nbz[a2]);
                        if (d2 < d2min) {
                            d2min = d2;
                            if (d2min <= b2) {
                                break;
                            }
                        }
                    }
                    if (d2min > b2) {
                        best = Math.sqrt(d2min);
                        bestDir = dir;
                        bx = q[0];
                        by = q[1];
                        bz = q[2];
                    }
                }
                if (bestDir >= 0) {
                    p[0] = bx;
                    p[1] = by;
                    p[2] = bz;
                } else {
                    step *= 0.5;
                }
            }
            if (best > own * (1 + 1e-9)) {
                cells.remove(j);
                pu[j] = p[0];
                pv[j] = p[1];
                pw[j] = p[2];
                cells.add(j);
                rgb[j] = domain.colorAt(p);
                moved++;
            }
        }
        return moved;
    }

    // ---------------------------------------------------------------- start

    /**
     * Curves: k points shared among the polylines by length (largest remainder), evenly spaced
     * by arc length along each (closed: all gaps equal; open: ends included).
     */
    private int[] alongCurves() {
        int[] runs = c.runs();
        int lines = runs.length - 1;
        int[] share = new int[lines];
        double[] rest = new double[lines];
        int given = 0;
        for (int r = 0; r < lines; r++) {
            int len = runs[r + 1] - runs[r];
            double quota = (double) k * len / n;
            share[r] = (int) Math.floor(quota);
            rest[r] = quota - share[r];
            given += share[r];
        }
        while (given < k) { // largest remainders first, ties to the earlier polyline
            int best = -1;
            for (int r = 0; r < lines; r++) {
                if (share[r] < runs[r + 1] - runs[r] && (best < 0 || rest[r] > rest[best])) {
                    best = r;
                }
            }
            share[best]++;
            rest[best] = -1;
            given++;
        }
        int[] chosen = new int[k];
        int a = 0;
        for (int r = 0; r < lines; r++) {
            int len = runs[r + 1] - runs[r], m = share[r];
            for (int i = 0; i < m; i++) {
                int offset;
                if (c.closed()[r] || m == 1) {
                    offset = (int) Math.floor((i + 0.5) * len / m);
                } else {
                    offset = (int) Math.round((double) i * (len - 1) / (m - 1));
                }
                chosen[a++] = runs[r] + Math.min(len - 1, offset);
            }
        }
        return chosen;
    }

    private int[] dartThrow() {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order);
        int[] chosen = new int[k];
        double r = (c.dimension() == 1 ? 0.9 : 0.75) * ideal;
        while (true) {
            if (greedy(order, r, chosen) == k) {
                return chosen;
            }
            r = r > c.step() * 1e-3 ? r * 0.85 : 0; // r = 0 accepts every candidate: n >= k
        }
    }

    /** Accepts candidates in order unless one already accepted lies closer than r; stops at k. */
    private int greedy(int[] order, double r, int[] chosen) {
        double r2 = r * r;
        PointCells pc = new PointCells(candGrid, Math.max(r, ideal * 0.25), k, pu, pv, pw);
        int count = 0;
        for (int o = 0; o < n && count < k; o++) {
            int m = order[o];
            if (r == 0 || pc.nearestWithin(cu[m], cv[m], cw[m], -1, r2) < 0) {
                pu[count] = cu[m];
                pv[count] = cv[m];
                pw[count] = cw[m];
                pc.add(count);
                chosen[count++] = m;
            }
        }
        return count;
    }

    // ---------------------------------------------------------------- distance field

    private void initField() {
        Arrays.fill(reach, 0);
        for (int m = 0; m < n; m++) {
            int j = cells.nearest(cu[m], cv[m], cw[m], -1);
            owner[m] = j;
            dist[m] = d(m, j);
            reach[j] = Math.max(reach[j], dist[m]);
        }
        Arrays.fill(tree, -1);
        for (int m = 0; m < n; m++) {
            tree[leaves + m] = m;
        }
        for (int i = leaves - 1; i >= 1; i--) {
            tree[i] = better(tree[2 * i], tree[2 * i + 1]);
        }
    }

    private int better(int a, int b) {
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        return dist[b] > dist[a] ? b : a; // ties: the lower index (a's subtree comes first)
    }

    private void update(int m) {
        for (int i = (leaves + m) >> 1; i >= 1; i >>= 1) {
            int b = better(tree[2 * i], tree[2 * i + 1]);
            if (tree[i] == b && b != m) {
                return; // the same winner as before, with the same distance: nothing above changes
            }
            tree[i] = b;
        }
    }

    private double d(int m, int j) {
        double du = cu[m] - pu[j], dv = cv[m] - pv[j], dw = cw[m] - pw[j];
        return Math.sqrt(du * du + dv * dv + dw * dw);
    }

    // ---------------------------------------------------------------- farthest-point move

    /**
     * Lifts point j out and puts it on the farthest candidate if that beats its old spacing.
     * Tentative first: the new owners of j's candidates are found among j's neighbours without
     * touching any state, so a point that stays (most of them, after a few sweeps) costs only a
     * neighbour scan.
     */
    private boolean move(int j) {
        int other = cells.nearest(pu[j], pv[j], pw[j], j);
        if (other < 0) {
            return false; // k = 1: nothing to be far from
        }
        double own = Math.sqrt(sq(pu[j] - pu[other]) + sq(pv[j] - pv[other]) + sq(pw[j] - pw[other]));
        double rj = reach[j] * (1 + 1e-12) + 1e-12;
        double x = pu[j], y = pv[j], z = pw[j];
        // Any candidate j owns is within rj of j and within rj + own of j's nearest neighbour,
        // so its next owner lies within 2·rj + own of j. Nearest neighbours first: they are the
        // likely next owners, which lets the scan below stop early.
        int nbs = cells.collect(x, y, z, 2 * rj + own * (1 + 1e-12), j, neighbours);
        neighbours = cells.lastBuffer;
        if (nbs > nbx.length) {
            nbx = new double[neighbours.length];
            nby = new double[neighbours.length];
            nbz = new double[neighbours.length];
            nbd = new double[neighbours.length];
        }
        for (int a = 0; a < nbs; a++) {
            int p = neighbours[a];
            double d2 = sq(pu[p] - x) + sq(pv[p] - y) + sq(pw[p] - z);
            int b = a;
            while (b > 0 && (nbd[b - 1] > d2 || (nbd[b - 1] == d2 && neighbours[b - 1] > p))) {
                nbd[b] = nbd[b - 1];
                nbx[b] = nbx[b - 1];
                nby[b] = nby[b - 1];
                nbz[b] = nbz[b - 1];
                neighbours[b] = neighbours[b - 1];
                b--;
            }
            nbd[b] = d2;
            nbx[b] = pu[p];
            nby[b] = pv[p];
            nbz[b] = pw[p];
            neighbours[b] = p;
        }
        // Decide without changing anything: only candidates whose next distance exceeds the
        // threshold (own spacing, the best place elsewhere, the best found so far) matter.
        int root = tree[1];
        boolean rootIsOurs = owner[root] == j;
        double threshold = Math.max(own * (1 + 1e-12), rootIsOurs ? 0 : dist[root]);
        double t2 = threshold * threshold;
        double ownReach = 0;
        double localMax = -1;
        int localArg = -1;
        CellGrid g = candGrid;
        int x0 = g.ix(x - rj), x1 = g.ix(x + rj), y0 = g.iy(y - rj), y1 = g.iy(y + rj), z0 = g.iz(z - rj), z1 = g.iz(z + rj);
        for (int kz = z0; kz <= z1; kz++) {
            for (int ky = y0; ky <= y1; ky++) {
                int row = g.nx * (ky + g.ny * kz);
                for (int kx = x0; kx <= x1; kx++) {
                    int cell = row + kx;
                    for (int s = g.start[cell], e = g.start[cell + 1]; s < e; s++) {
                        int m = g.items[s];
                        if (owner[m] != j) {
                            continue;
                        }
                        if (dist[m] > ownReach) {
                            ownReach = dist[m];
                        }
                        double mx = cu[m], my = cv[m], mz = cw[m];
                        double best = Double.POSITIVE_INFINITY;
                        boolean matters = true;
                        for (int a = 0; a < nbs; a++) {
                            double d2 = sq(mx - nbx[a]) + sq(my - nby[a]) + sq(mz - nbz[a]);
                            if (d2 <= t2) {
                                matters = false;
                                break;
                            }
                            if (d2 < best) {
                                best = d2;
                            }
                        }
                        if (matters) {
                            localMax = Math.sqrt(best);
                            localArg = m;
                            t2 = best;
                        }
                    }
                }
            }
        }
        if (localArg < 0 && (rootIsOurs || !(dist[root] > own * (1 + 1e-12)))) {
            reach[j] = ownReach; // exact again: later scans around j stay small
            return false; // no place beats the current one: leave everything as it is
        }
        int target = localArg >= 0 ? localArg : root;
        double hole = localArg >= 0 ? localMax : dist[root];
        // Commit: j's candidates go to their next-nearest points, then j moves and claims the
        // candidates now nearer to it (all within the hole's radius).
        cells.remove(j);
        for (int kz = z0; kz <= z1; kz++) {
            for (int ky = y0; ky <= y1; ky++) {
                int row = g.nx * (ky + g.ny * kz);
                for (int kx = x0; kx <= x1; kx++) {
                    int cell = row + kx;
                    for (int s = g.start[cell], e = g.start[cell + 1]; s < e; s++) {
                        int m = g.items[s];
                        if (owner[m] != j) {
                            continue;
                        }
                        int q = -1;
                        double best = Double.POSITIVE_INFINITY;
                        for (int a = 0; a < nbs; a++) {
                            double d2 = sq(cu[m] - nbx[a]) + sq(cv[m] - nby[a]) + sq(cw[m] - nbz[a]);
                            if (d2 < best) {
                                best = d2;
                                q = neighbours[a];
                            }
                        }
                        owner[m] = q;
                        dist[m] = Math.sqrt(best);
                        if (dist[m] > reach[q]) {
                            reach[q] = dist[m];
                        }
                        update(m);
                    }
                }
            }
        }
        at[j] = target;
        pu[j] = cu[target];
        pv[j] = cv[target];
        pw[j] = cw[target];
        cells.add(j);
        reach[j] = 0;
        claim(j, hole * (1 + 1e-12) + 1e-12);
        return true;
    }

    /** Point j takes every candidate within r of it that is closer to j than to its owner. */
    private void claim(int j, double r) {
        CellGrid g = candGrid;
        double x = pu[j], y = pv[j], z = pw[j];
        int x0 = g.ix(x - r), x1 = g.ix(x + r), y0 = g.iy(y - r), y1 = g.iy(y + r), z0 = g.iz(z - r), z1 = g.iz(z + r);
        double r2 = r * r;
        for (int kz = z0; kz <= z1; kz++) {
            for (int ky = y0; ky <= y1; ky++) {
                int row = g.nx * (ky + g.ny * kz);
                for (int kx = x0; kx <= x1; kx++) {
                    int cell = row + kx;
                    for (int s = g.start[cell], e = g.start[cell + 1]; s < e; s++) {
                        int m = g.items[s];
                        double du = cu[m] - x, dv = cv[m] - y, dw = cw[m] - z;
                        double d2 = du * du + dv * dv + dw * dw;
                        if (d2 > r2) {
                            continue;
                        }
                        double dm = Math.sqrt(d2);
                        if (dm < dist[m]) {
                            dist[m] = dm;
                            owner[m] = j;
                            if (dm > reach[j]) {
                                reach[j] = dm;
                            }
                            update(m);
                        }
                    }
                }
            }
        }
    }

    private static double sq(double a) {
        return a * a;
    }

    /**
     * Points in a uniform grid of linked lists (over the candidates' bounding box), supporting
     * add, remove and exact nearest-point queries while points move.
     */
    private static final class PointCells {
        final double minX, minY, minZ, cell, inv;
        final int nx, ny, nz;
        final int[] head, next, cellOf;
        final double[] px, py, pz;

        PointCells(CellGrid frame, double cellAsked, int k, double[] px, double[] py, double[] pz) {
            double ex = frame.nx * frame.cell, ey = frame.ny * frame.cell, ez = frame.nz * frame.cell;
            // At least extent / k: on a needle-thin shape the area-based spacing is tiny, and the
            // ring search of nearest() then crossed ~10^4 empty cells per query (58 s for 12 points).
            double cs = Math.max(cellAsked, Math.max(ex, Math.max(ey, ez)) / k);
            int cx, cy, cz;
            while (true) {
                cx = (int) Math.min(1 << 20, Math.floor(ex / cs) + 1);
                cy = (int) Math.min(1 << 20, Math.floor(ey / cs) + 1);
                cz = (int) Math.min(1 << 20, Math.floor(ez / cs) + 1);
                if ((long) cx * cy * cz <= CellGrid.MAX_CELLS) {
                    break;
                }
                cs *= 1.5;
            }
            this.minX = frame.minX;
            this.minY = frame.minY;
            this.minZ = frame.minZ;
            this.cell = cs;
            this.inv = 1 / cs;
            this.nx = cx;
            this.ny = cy;
            this.nz = cz;
            this.head = new int[cx * cy * cz];
            Arrays.fill(head, -1);
            this.next = new int[k];
            this.cellOf = new int[k];
            this.px = px;
            this.py = py;
            this.pz = pz;
        }

        private int ix(double x) {
            int i = (int) ((x - minX) * inv);
            return i < 0 ? 0 : Math.min(i, nx - 1);
        }

        private int iy(double y) {
            int i = (int) ((y - minY) * inv);
            return i < 0 ? 0 : Math.min(i, ny - 1);
        }

        private int iz(double z) {
            int i = (int) ((z - minZ) * inv);
            return i < 0 ? 0 : Math.min(i, nz - 1);
        }

        void add(int j) {
            int c = ix(px[j]) + nx * (iy(py[j]) + ny * iz(pz[j]));
            cellOf[j] = c;
            next[j] = head[c];
            head[c] = j;
        }

        void remove(int j) {
            int c = cellOf[j];
            if (head[c] == j) {
                head[c] = next[j];
                return;
            }
            for (int a = head[c]; a >= 0; a = next[a]) {
                if (next[a] == j) {
                    next[a] = next[j];
                    return;
                }
            }
            throw new IllegalStateException("point " + j + " not in its cell");
        }

        int[] lastBuffer;

        /**
         * Writes the points other than skip within distance r of (x, y, z) into buf (grown when
         * full; the buffer used is left in {@link #lastBuffer}) and returns how many.
         */
        int collect(double x, double y, double z, double r, int skip, int[] buf) {
            int x0 = ix(x - r), x1 = ix(x + r), y0 = iy(y - r), y1 = iy(y + r), z0 = iz(z - r), z1 = iz(z + r);
            double r2 = r * r;
            int count = 0;
            for (int kz = z0; kz <= z1; kz++) {
                for (int ky = y0; ky <= y1; ky++) {
                    int row = nx * (ky + ny * kz);
                    for (int kx = x0; kx <= x1; kx++) {
                        for (int a = head[row + kx]; a >= 0; a = next[a]) {
                            if (a == skip) {
                                continue;
                            }
                            double dx = px[a] - x, dy = py[a] - y, dz = pz[a] - z;
                            if (dx * dx + dy * dy + dz * dz <= r2) {
                                if (count == buf.length) {
                                    buf = Arrays.copyOf(buf, count * 2);
                                }
                                buf[count++] = a;
                            }
                        }
                    }
                }
            }
            lastBuffer = buf;
            return count;
        }

        /** Some point other than skip closer than sqrt(r2) to (x, y, z) (r2 at most cell²), or -1. */
        int nearestWithin(double x, double y, double z, int skip, double r2) {
            int cx = ix(x), cy = iy(y), cz = iz(z);
            for (int kz = Math.max(0, cz - 1); kz <= Math.min(nz - 1, cz + 1); kz++) {
                for (int ky = Math.max(0, cy - 1); ky <= Math.min(ny - 1, cy + 1); ky++) {
                    int row = nx * (ky + ny * kz);
                    for (int kx = Math.max(0, cx - 1); kx <= Math.min(nx - 1, cx + 1); kx++) {
                        for (int a = head[row + kx]; a >= 0; a = next[a]) {
                            if (a == skip) {
                                continue;
                            }
                            double dx = px[a] - x, dy = py[a] - y, dz = pz[a] - z;
                            if (dx * dx + dy * dy + dz * dz < r2) {
                                return a;
                            }
                        }
                    }
                }
            }
            return -1;
        }

        /** The point nearest to (x, y, z) other than skip (exact: rings of cells outwards), or -1. */
        int nearest(double x, double y, double z, int skip) {
            int cx = ix(x), cy = iy(y), cz = iz(z);
            int best = -1;
            double bestD2 = Double.POSITIVE_INFINITY;
            int maxRing = Math.max(nx, Math.max(ny, nz));
            for (int ring = 0; ring <= maxRing; ring++) {
                int x0 = cx - ring, x1 = cx + ring, y0 = cy - ring, y1 = cy + ring, z0 = cz - ring, z1 = cz + ring;
                for (int kz = Math.max(0, z0); kz <= Math.min(nz - 1, z1); kz++) {
                    boolean zEdge = kz == z0 || kz == z1;
                    for (int ky = Math.max(0, y0); ky <= Math.min(ny - 1, y1); ky++) {
                        boolean edge = zEdge || ky == y0 || ky == y1;
                        int row = nx * (ky + ny * kz);
                        for (int kx = Math.max(0, x0); kx <= Math.min(nx - 1, x1); kx++) {
                            if (!edge && kx != x0 && kx != x1) {
                                kx = x1 - 1;
                                continue;
                            }
                            for (int a = head[row + kx]; a >= 0; a = next[a]) {
                                if (a == skip) {
                                    continue;
                                }
                                double dx = px[a] - x, dy = py[a] - y, dz = pz[a] - z;
                                double d2 = dx * dx + dy * dy + dz * dz;
                                if (d2 < bestD2 || (d2 == bestD2 && a < best)) {
                                    bestD2 = d2;
                                    best = a;
                                }
                            }
                        }
                    }
                }
                if (best >= 0 && bestD2 <= (ring * cell) * (ring * cell)) {
                    return best;
                }
            }
            return best;
        }
    }
}
