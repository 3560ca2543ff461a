package dev.starling.show;

/**
 * Where a formation stands in the show frame (metres, x right, y away from the audience, z up).
 *
 * @param center   formation centre [x, y, z]
 * @param plane    the plane a 2D formation is drawn in: {@code xz} (facing the audience, the
 *                 default), {@code yz} (side-on) or {@code xy} (flat, seen from below)
 * @param rotation Euler angles in degrees [about x, about y, about z], applied x then y then z
 *                 about the centre, after the formation is put in its plane; {@code null} for none
 */
public record Placement(double[] center, String plane, double[] rotation) {
    public static final Placement DEFAULT = new Placement(new double[] {0, 0, 60}, "xz", null);

    /**
     * The formation's front as placed: the unit direction, in the show frame, towards the side from
     * which it reads as drawn (not mirrored). For a drawing in its plane that is w (u × v): −y for
     * the default {@code xz} plane, towards the main audience. A point set of type {@code points} is
     * written in show axes and faces −y before its rotation.
     */
    public static double[] front(Placement p, String type) {
        Placement pl = p == null ? DEFAULT : p;
        boolean showAxes = "points".equals(type);
        double[] m = pl.matrix(showAxes);
        return showAxes ? new double[] {-m[1], -m[4], -m[7]} : new double[] {m[2], m[5], m[8]};
    }

    /**
     * Row-major 3×3 matrix from a formation's local (u, v, w) to show-frame offsets: rotation · plane. Point sets
     * ({@code showAxes}) are already in show-frame axes: rotation only.
     */
    public double[] matrix(boolean showAxes) {
        double[] plane;
        String name = plane() == null ? "xz" : plane();
        if (showAxes) {
            plane = new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        } else if (name.equals("xz")) {
            plane = new double[] {1, 0, 0, 0, 0, -1, 0, 1, 0}; // x = u, y = -w, z = v
        } else if (name.equals("yz")) {
            plane = new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0};  // x = w, y = u, z = v
        } else {
            plane = new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};  // x = u, y = v, z = w
        }
        double[] r = rotation() == null ? new double[3] : rotation();
        double ax = Math.toRadians(r[0]), ay = Math.toRadians(r[1]), az = Math.toRadians(r[2]);
        double[] rx = {1, 0, 0, 0, Math.cos(ax), -Math.sin(ax), 0, Math.sin(ax), Math.cos(ax)};
        double[] ry = {Math.cos(ay), 0, Math.sin(ay), 0, 1, 0, -Math.sin(ay), 0, Math.cos(ay)};
        double[] rz = {Math.cos(az), -Math.sin(az), 0, Math.sin(az), Math.cos(az), 0, 0, 0, 1};
        return mul(rz, mul(ry, mul(rx, plane)));
    }

    private static double[] mul(double[] a, double[] b) {
        double[] o = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                o[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return o;
    }
}

