package dev.starling.site;

/**
 * Where an audience (or a camera) stands and looks: an eye point, a point looked at, and a
 * vertical field of view. Metres in the show frame; the camera's up is +z.
 *
 * @param name        short id, used on the command line ({@code south-bank})
 * @param description what the place is, for people
 * @param fov         vertical field of view, degrees, in (0, 180)
 */
public record Viewpoint(String name, String description, double eyeX, double eyeY, double eyeZ,
                        double targetX, double targetY, double targetZ, double fov) {
    public Viewpoint {
        if (!(fov > 0 && fov < 180)) {
            throw new IllegalArgumentException("viewpoint '" + name + "' needs a field of view in (0, 180) degrees");
        }
        if (eyeX == targetX && eyeY == targetY && eyeZ == targetZ) {
            throw new IllegalArgumentException("viewpoint '" + name + "' looks at its own eye point");
        }
    }
}
