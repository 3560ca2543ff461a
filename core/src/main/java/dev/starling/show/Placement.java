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
}
