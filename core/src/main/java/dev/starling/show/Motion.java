package dev.starling.show;

import java.util.List;

/**
 * Keyframed motion of a formation during its hold: where its centre is, how it is turned and how
 * large it is, as functions of τ, seconds from the hold's start. Each channel ({@code center},
 * {@code rotation}, {@code scale}) is interpolated between the keys that give it, with the easing
 * named by the later key; before its first key a channel keeps that key's value, after its last
 * key the last value; a channel no key gives keeps the placement (centre as placed, no extra
 * turn, scale 1).
 *
 * <p>A drone at P (show frame, as the formation was placed about {@code pivot}) is at
 * {@code c(τ) + s(τ)·R(τ)·(P − pivot)} at τ, with R the rotation [rx, ry, rz] in degrees applied
 * x then y then z (as {@link Placement}'s rotation) and c the centre.
 *
 * @param keys at least one, in increasing {@code t}
 */
public record Motion(List<Key> keys) {
    /** Easing of the segment that arrives at a key: u ∈ [0, 1] → fraction of the way done. */
    public enum Ease {
        /** Constant rate. */
        LINEAR("linear"),
        /** Starts at rest: u². */
        IN("in"),
        /** Ends at rest: 1 − (1 − u)². */
        OUT("out"),
        /** Starts and ends at rest: 3u² − 2u³. */
        IN_OUT("inOut");

        private final String written;

        Ease(String written) {
            this.written = written;
        }

        /** The name a show file uses. */
        public String written() {
            return written;
        }

        /** Fraction done at u ∈ [0, 1]. */
        public double apply(double u) {
            return switch (this) {
                case LINEAR -> u;
                case IN -> u * u;
                case OUT -> 1 - (1 - u) * (1 - u);
                case IN_OUT -> u * u * (3 - 2 * u);
            };
        }

        /** The easing a show file names, or null. */
        public static Ease of(String s) {
            for (Ease e : values()) {
                if (e.written.equals(s)) {
                    return e;
                }
            }
            return null;
        }
    }

    /**
     * One key: at τ = {@code t} seconds from the hold start the channels given here have these
     * values ({@code null}: not keyed here).
     *
     * @param center   [x, y, z] metres, show frame
     * @param rotation [rx, ry, rz] degrees, on top of the placement's rotation
     * @param scale    size factor (1 = as sampled)
     * @param ease     easing of the segment arriving here from the previous key of each channel
     * @param path     JSON path of the key in the show file, for errors ("scenes[4].motion[1]")
     */
    public record Key(double t, double[] center, double[] rotation, Double scale, Ease ease, String path) {
    }

    public Motion {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a motion needs at least one key");
        }
        for (int i = 1; i < keys.size(); i++) {
            if (!(keys.get(i).t() > keys.get(i - 1).t())) {
                throw new IllegalArgumentException("key times must increase: " + keys.get(i - 1).t() + ", "
                        + keys.get(i).t());
            }
        }
    }

    /** τ of the last key: after it the formation stands still. */
    public double end() {
        return keys.get(keys.size() - 1).t();
    }

    /** Key times, in order (where velocity may change abruptly). */
    public double[] times() {
        double[] t = new double[keys.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = keys.get(i).t();
        }
        return t;
    }

    /**
     * The pose at τ: writes the centre into {@code out[0..2]} and the matrix s·R (row-major) into
     * {@code out[3..11]}. {@code pivot} is the centre used where no key gives one.
     */
    public void pose(double tau, double[] pivot, double[] out) {
        channel(tau, 0, pivot, out, 0);
        double[] r = new double[3];
        channel(tau, 1, null, r, 0);
        double[] s = new double[1];
        s[0] = 1;
        channel(tau, 2, null, s, 0);
        rotation(r[0], r[1], r[2], s[0], out, 3);
    }

    /** Interpolates channel {@code ch} (0 centre, 1 rotation, 2 scale) at τ into out[off..]. */
    private void channel(double tau, int ch, double[] fallback, double[] out, int off) {
        int dim = ch == 2 ? 1 : 3;
        Key prev = null;
        for (Key k : keys) {
            double[] v = value(k, ch);
            if (v == null) {
                continue;
            }
            if (k.t() >= tau) {
                if (prev == null) {
                    System.arraycopy(v, 0, out, off, dim);
                    return;
                }
                double[] a = value(prev, ch);
                double u = (tau - prev.t()) / (k.t() - prev.t());
                double f = k.ease().apply(u);
                for (int d = 0; d < dim; d++) {
                    out[off + d] = a[d] + f * (v[d] - a[d]);
                }
                return;
            }
            prev = k;
        }
        if (prev != null) {
            System.arraycopy(value(prev, ch), 0, out, off, dim);
        } else if (fallback != null) {
            System.arraycopy(fallback, 0, out, off, dim);
        }
    }

    private static double[] value(Key k, int ch) {
        return switch (ch) {
            case 0 -> k.center();
            case 1 -> k.rotation();
            default -> k.scale() == null ? null : new double[] {k.scale()};
        };
    }

    /** Row-major s · Rz · Ry · Rx (degrees) into out[off..off+8]. */
    static void rotation(double rxDeg, double ryDeg, double rzDeg, double s, double[] out, int off) {
        double ax = Math.toRadians(rxDeg), ay = Math.toRadians(ryDeg), az = Math.toRadians(rzDeg);
        double cx = Math.cos(ax), sx = Math.sin(ax), cy = Math.cos(ay), sy = Math.sin(ay);
        double cz = Math.cos(az), sz = Math.sin(az);
        // Rz·Ry·Rx
        out[off] = s * (cz * cy);
        out[off + 1] = s * (cz * sy * sx - sz * cx);
        out[off + 2] = s * (cz * sy * cx + sz * sx);
        out[off + 3] = s * (sz * cy);
        out[off + 4] = s * (sz * sy * sx + cz * cx);
        out[off + 5] = s * (sz * sy * cx - cz * sx);
        out[off + 6] = s * (-sy);
        out[off + 7] = s * (cy * sx);
        out[off + 8] = s * (cy * cx);
    }

    /** Smallest scale any key gives (1 when none does): scale is monotone between keys. */
    public double minScale() {
        double m = 1;
        boolean any = false;
        for (Key k : keys) {
            if (k.scale() != null) {
                m = any ? Math.min(m, k.scale()) : k.scale();
                any = true;
            }
        }
        return any ? m : 1;
    }
}
