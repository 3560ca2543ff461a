package dev.starling.assign;

import java.util.SplittableRandom;

/**
 * Seeded test instances: start points {ax, ay, az} and goal points {bx, by, bz}, metres. The
 * families cover the random case and the degenerate ones that slow assignment solvers down.
 */
record Instances(double[] ax, double[] ay, double[] az, double[] bx, double[] by, double[] bz) {
    int size() {
        return ax.length;
    }

    /** Both sets uniform in a 100 m box. */
    static Instances box(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[6][n];
        for (double[] c : p) {
            for (int i = 0; i < n; i++) {
                c[i] = r.nextDouble(0, 100);
            }
        }
        return new Instances(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /**
     * Takeoff: a square ground grid (2 m spacing, z = 0) to a jittered grid on the vertical x–z
     * plane y = 20 m, from 40 m up. Costs collapse to one dimension (x) with ties in groups of
     * √n.
     */
    static Instances gridToPlane(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[6][n];
        int side = (int) Math.ceil(Math.sqrt(n));
        for (int i = 0; i < n; i++) {
            p[0][i] = (i % side - (side - 1) / 2.0) * 2.0;
            p[1][i] = (i / side - (side - 1) / 2.0) * 2.0;
        }
        int cols = (int) Math.ceil(Math.sqrt(2.0 * n));
        for (int j = 0; j < n; j++) {
            p[3][j] = (j % cols - (cols - 1) / 2.0) * 1.6 + r.nextDouble(-0.3, 0.3);
            p[4][j] = 20;
            p[5][j] = 40 + (j / cols) * 1.6 + r.nextDouble(-0.3, 0.3);
        }
        return new Instances(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /**
     * The flagship's first transition: a launch layer (a 2.5 m grid at z = 20 m, twice as wide as
     * deep) to a formation whose lit 30% are jittered points on the plane y = 20 m and whose dark
     * rest park on a grid on the plane y = 24.3 m behind it.
     */
    static Instances launchToLitAndReserve(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[6][n];
        int cols = (int) Math.ceil(Math.sqrt(2.0 * n));
        for (int i = 0; i < n; i++) {
            p[0][i] = (i % cols - (cols - 1) / 2.0) * 2.5;
            p[1][i] = (i / cols) * 2.5 - 30;
            p[2][i] = 20;
        }
        int lit = (int) (0.3 * n);
        int reserveCols = (int) Math.ceil(Math.sqrt(3.0 * (n - lit)));
        for (int j = 0; j < n; j++) {
            if (j < lit) {
                p[3][j] = r.nextDouble(-80, 80);
                p[4][j] = 20;
                p[5][j] = r.nextDouble(60, 140);
            } else {
                int k = j - lit;
                p[3][j] = (k % reserveCols - (reserveCols - 1) / 2.0) * 2.2;
                p[4][j] = 24.3;
                p[5][j] = 62 + (k / reserveCols) * 2.2;
            }
        }
        return new Instances(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /** The takeoff instance with the formation plane turned by {@code radians} about z. */
    static Instances gridToRotatedPlane(int n, long seed, double radians) {
        Instances g = gridToPlane(n, seed);
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        for (int j = 0; j < n; j++) {
            double x = g.bx[j];
            double y = g.by[j];
            g.bx[j] = c * x - s * y;
            g.by[j] = s * x + c * y;
        }
        return g;
    }

    /** Landing: the takeoff instance reversed (plane → ground grid). */
    static Instances planeToGrid(int n, long seed) {
        Instances g = gridToPlane(n, seed);
        return new Instances(g.bx, g.by, g.bz, g.ax, g.ay, g.az);
    }

    /** Two shapes in the same vertical plane: a rectangle to an off-centre ring (2D transport). */
    static Instances rectangleToRing(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[6][n];
        for (int i = 0; i < n; i++) {
            p[0][i] = r.nextDouble(0, 100);
            p[2][i] = r.nextDouble(20, 70);
        }
        for (int j = 0; j < n; j++) {
            double a = r.nextDouble(0, 2 * Math.PI);
            double rad = Math.sqrt(r.nextDouble(0.25, 1)) * 40;
            p[3][j] = 90 + rad * Math.cos(a);
            p[5][j] = 60 + rad * Math.sin(a);
        }
        return new Instances(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /** Both sets on one line (collinear, many equal distances), on a 0.5 m lattice. */
    static Instances collinear(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[6][n];
        for (int i = 0; i < n; i++) {
            double ta = r.nextInt(0, 2 * n) * 0.5;
            double tb = r.nextInt(0, 2 * n) * 0.5;
            p[0][i] = ta;
            p[1][i] = 2 * ta;
            p[2][i] = -ta;
            p[3][i] = tb;
            p[4][i] = 2 * tb;
            p[5][i] = -tb;
        }
        return new Instances(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /** Points on a small integer lattice: many duplicate points and equal distances. */
    static Instances lattice(int n, long seed, int size) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] p = new double[6][n];
        for (double[] c : p) {
            for (int i = 0; i < n; i++) {
                c[i] = r.nextInt(0, size);
            }
        }
        return new Instances(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /** All start points identical, goals random. */
    static Instances identicalStarts(int n, long seed) {
        Instances b = box(n, seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        java.util.Arrays.fill(x, 3.5);
        java.util.Arrays.fill(y, -2);
        java.util.Arrays.fill(z, 7.25);
        return new Instances(x, y, z, b.bx, b.by, b.bz);
    }

    /** Exact integer costs of the quantised instance (the problem the solver solves). */
    long[][] quantisedCosts(Quantisation q) {
        int n = size();
        double[] qax = q.quantise(ax, q.originX());
        double[] qay = q.quantise(ay, q.originY());
        double[] qaz = q.quantise(az, q.originZ());
        double[] qbx = q.quantise(bx, q.originX());
        double[] qby = q.quantise(by, q.originY());
        double[] qbz = q.quantise(bz, q.originZ());
        long[][] c = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long dx = (long) qax[i] - (long) qbx[j];
                long dy = (long) qay[i] - (long) qby[j];
                long dz = (long) qaz[i] - (long) qbz[j];
                c[i][j] = dx * dx + dy * dy + dz * dz;
            }
        }
        return c;
    }

    Quantisation quantisation() {
        return Quantisation.fit(ax, ay, az, bx, by, bz);
    }

    Assignment solve() {
        return Assigner.solve(ax, ay, az, bx, by, bz);
    }
}
