package dev.starling.formation;

import java.util.SplittableRandom;

/**
 * A surface in 3D (triangle mesh, sphere, torus): candidates are spread over it by area, so
 * sampled points lie on the surface itself.
 */
abstract class SurfaceShape extends SampledShape {
    private final double area;
    private final String noun;
    private final String description;

    SurfaceShape(double area, String noun, String description) {
        this.area = area;
        this.noun = noun;
        this.description = description;
    }

    /** Writes m candidate positions spread evenly by area into u, v, w. */
    abstract void spread(int m, SplittableRandom rnd, double[] u, double[] v, double[] w);

    @Override
    public final int dimension() {
        return 2;
    }

    @Override
    public final double measure() {
        return area;
    }

    @Override
    public String describe() {
        return String.format(description, size3(bounds()));
    }

    @Override
    final String noun() {
        return noun;
    }

    @Override
    final Candidates candidates(double step, long seed) {
        int m = (int) Math.min(MAX_CANDIDATES, Math.ceil(area / (step * step)));
        double[] u = new double[m], v = new double[m], w = new double[m];
        spread(m, new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L), u, v, w);
        int[] rgb = new int[m];
        java.util.Arrays.fill(rgb, Candidates.DEFAULT_COLOR);
        return new Candidates(u, v, w, rgb, m, 2, area, Math.sqrt(area / m)).withDomain(domain());
    }

    /** The analytic surface for the final refinement, or null (meshes stay on candidates). */
    Domain domain() {
        return null;
    }

    /** Two unit tangents perpendicular to the unit normal (nx, ny, nz), into t. */
    static void tangentsOf(double nx, double ny, double nz, double[] t) {
        // a helper axis not parallel to the normal
        double ax = Math.abs(nx) < 0.9 ? 1 : 0, ay = ax == 1 ? 0 : 1;
        double t1x = ny * 0 - nz * ay, t1y = nz * ax - nx * 0, t1z = nx * ay - ny * ax;
        double l = Math.sqrt(t1x * t1x + t1y * t1y + t1z * t1z);
        t1x /= l;
        t1y /= l;
        t1z /= l;
        t[0] = t1x;
        t[1] = t1y;
        t[2] = t1z;
        t[3] = ny * t1z - nz * t1y;
        t[4] = nz * t1x - nx * t1z;
        t[5] = nx * t1y - ny * t1x;
    }

    /**
     * Point i of m of the R2 low-discrepancy sequence (Roberts 2018, plastic-number additive
     * recurrence) with offsets: even 2D coverage of [0, 1)², written to out[0..1].
     */
    static void r2(int i, double o1, double o2, double[] out) {
        final double g = 1.32471795724474602596;
        double a1 = 1 / g, a2 = 1 / (g * g);
        double x = o1 + a1 * (i + 1), y = o2 + a2 * (i + 1);
        out[0] = x - Math.floor(x);
        out[1] = y - Math.floor(y);
    }

    /** Sphere of radius r about the origin, poles on the v axis. */
    static final class Sphere extends SurfaceShape {
        private final double r;

        Sphere(double r) {
            super(4 * Math.PI * r * r, "the sphere", "sphere, diameter " + fmt(2 * r) + " m");
            this.r = r;
        }

        @Override
        void spread(int m, SplittableRandom rnd, double[] u, double[] v, double[] w) {
            // Fibonacci lattice: equal-area latitude bands, golden-angle longitudes.
            double golden = Math.PI * (3 - Math.sqrt(5));
            double spin = rnd.nextDouble() * 2 * Math.PI;
            for (int i = 0; i < m; i++) {
                double z = 1 - (2 * i + 1) / (double) m;
                double s = Math.sqrt(Math.max(0, 1 - z * z));
                double phi = spin + i * golden;
                u[i] = r * s * Math.cos(phi);
                w[i] = r * s * Math.sin(phi);
                v[i] = r * z;
            }
        }

        @Override
        public double[] bounds() {
            return new double[] {-r, -r, -r, r, r, r};
        }

        @Override
        Domain domain() {
            return new Domain() {
                @Override
                public boolean snap(double[] p) {
                    double l = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
                    if (!(l > 0)) {
                        return false;
                    }
                    p[0] *= r / l;
                    p[1] *= r / l;
                    p[2] *= r / l;
                    return true;
                }

                @Override
                public void tangents(double[] p, double[] t) {
                    tangentsOf(p[0] / r, p[1] / r, p[2] / r, t);
                }

                @Override
                public int colorAt(double[] p) {
                    return Candidates.DEFAULT_COLOR;
                }
            };
        }
    }

    /** Torus about the w axis (an "O" facing the audience): major radius R, tube radius a. */
    static final class Torus extends SurfaceShape {
        private final double major, tube;

        Torus(double major, double tube) {
            super(4 * Math.PI * Math.PI * major * tube, "the torus",
                    "torus, diameter " + fmt(2 * (major + tube)) + " m, tube " + fmt(2 * tube) + " m");
            this.major = major;
            this.tube = tube;
        }

        @Override
        void spread(int m, SplittableRandom rnd, double[] u, double[] v, double[] w) {
            double[] q = new double[2];
            double o1 = rnd.nextDouble(), o2 = rnd.nextDouble();
            for (int i = 0; i < m; i++) {
                r2(i, o1, o2, q);
                double theta = 2 * Math.PI * q[0];
                double phi = inverseTubeCdf(q[1]);
                double ring = major + tube * Math.cos(phi);
                u[i] = ring * Math.cos(theta);
                v[i] = ring * Math.sin(theta);
                w[i] = tube * Math.sin(phi);
            }
        }

        /** φ with (Rφ + a·sin φ) / (2πR) = t: area density of the tube angle (Newton, monotone). */
        private double inverseTubeCdf(double t) {
            double target = t * 2 * Math.PI * major;
            double phi = 2 * Math.PI * t;
            for (int it = 0; it < 30; it++) {
                double f = major * phi + tube * Math.sin(phi) - target;
                double df = major + tube * Math.cos(phi); // > 0 because tube < major
                double step = f / df;
                phi -= step;
                if (Math.abs(step) < 1e-13) {
                    break;
                }
            }
            return phi;
        }

        @Override
        public double[] bounds() {
            double o = major + tube;
            return new double[] {-o, -o, -tube, o, o, tube};
        }

        @Override
        Domain domain() {
            return new Domain() {
                @Override
                public boolean snap(double[] p) {
                    double rho = Math.sqrt(p[0] * p[0] + p[1] * p[1]);
                    if (!(rho > 0)) {
                        return false;
                    }
                    double cx = p[0] * major / rho, cy = p[1] * major / rho; // nearest point of the core circle
                    double dx = p[0] - cx, dy = p[1] - cy, dz = p[2];
                    double l = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    if (!(l > 0)) {
                        return false;
                    }
                    p[0] = cx + dx * tube / l;
                    p[1] = cy + dy * tube / l;
                    p[2] = dz * tube / l;
                    return true;
                }

                @Override
                public void tangents(double[] p, double[] t) {
                    double rho = Math.sqrt(p[0] * p[0] + p[1] * p[1]);
                    double cx = p[0] * major / rho, cy = p[1] * major / rho;
                    tangentsOf((p[0] - cx) / tube, (p[1] - cy) / tube, p[2] / tube, t);
                }

                @Override
                public int colorAt(double[] p) {
                    return Candidates.DEFAULT_COLOR;
                }
            };
        }
    }

    /** A triangle mesh: {x0,y0,z0, x1,y1,z1, x2,y2,z2} per triangle, all of positive area. */
    static final class Mesh extends SurfaceShape {
        private final double[] tri;
        private final double[] cumulative;
        private final double[] bounds;

        Mesh(double[] tri, double[] cumulative, String description) {
            super(cumulative[cumulative.length - 1], "the mesh", description);
            this.tri = tri;
            this.cumulative = cumulative;
            double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int i = 0; i < tri.length; i++) {
                b[i % 3] = Math.min(b[i % 3], tri[i]);
                b[3 + i % 3] = Math.max(b[3 + i % 3], tri[i]);
            }
            this.bounds = b;
        }

        @Override
        void spread(int m, SplittableRandom rnd, double[] u, double[] v, double[] w) {
            // Stratified by area: candidate i targets the area fraction (i + jitter) / m, so each
            // triangle gets its share within one candidate; inside it, a uniform random point.
            double total = cumulative[cumulative.length - 1];
            int t = 0;
            int triangles = cumulative.length;
            for (int i = 0; i < m; i++) {
                double target = (i + rnd.nextDouble()) / m * total;
                while (t < triangles - 1 && cumulative[t] < target) {
                    t++;
                }
                double r1 = Math.sqrt(rnd.nextDouble()), r2 = rnd.nextDouble();
                double a = 1 - r1, b = r1 * (1 - r2), c = r1 * r2;
                int o = 9 * t;
                u[i] = a * tri[o] + b * tri[o + 3] + c * tri[o + 6];
                v[i] = a * tri[o + 1] + b * tri[o + 4] + c * tri[o + 7];
                w[i] = a * tri[o + 2] + b * tri[o + 5] + c * tri[o + 8];
            }
        }

        @Override
        public double[] bounds() {
            return bounds.clone();
        }

        @Override
        double candidatesPerSpacing() {
            return CANDIDATES_PER_SPACING_DISCRETE;
        }
    }

    static String fmt(double x) {
        return String.format(java.util.Locale.ROOT, "%.1f", x);
    }
}
