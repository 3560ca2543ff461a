package dev.starling.render;

import dev.starling.site.ShowBox;
import dev.starling.site.Site;
import dev.starling.site.Viewpoint;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4f;
import org.joml.Vector4f;

/**
 * A pinhole camera in the show frame (metres, z up): eye, point looked at, up vector and vertical
 * field of view in degrees. Right-handed view (JOML {@code lookAt}) and OpenGL clip space
 * (JOML {@code perspective}, depth −1..1) with near and far planes fixed at {@value #NEAR} m and
 * {@value #FAR} m, enough for a city seen from across a river.
 *
 * @param name   what the HUD and the command line call it ({@code south-bank}, {@code orbit})
 * @param fov    vertical field of view, degrees
 */
public record Camera(String name, double eyeX, double eyeY, double eyeZ, double targetX, double targetY,
                     double targetZ, double upX, double upY, double upZ, double fov) {
    /** Near clipping plane, metres. */
    public static final float NEAR = 1.5f;
    /** Far clipping plane, metres. */
    public static final float FAR = 15000f;
    /** Name of the free camera that the preview's mouse moves. */
    public static final String ORBIT = "orbit";
    /** Name of the overhead camera added when a site has none of its own. */
    public static final String TOP = "top";

    /** The camera at a site's viewpoint, up = +z. */
    public static Camera of(Viewpoint v) {
        return new Camera(v.name(), v.eyeX(), v.eyeY(), v.eyeZ(), v.targetX(), v.targetY(), v.targetZ(), 0, 0, 1, v.fov());
    }

    /**
     * A camera on a sphere around (tx, ty, tz): {@code yawDeg} counter-clockwise from +x seen from
     * above (−90 puts it in front of the audience side, at −y), {@code pitchDeg} above the
     * horizon (clamped to ±89), {@code distance} metres away.
     */
    public static Camera orbit(String name, double tx, double ty, double tz, double yawDeg, double pitchDeg,
                               double distance, double fov) {
        double yaw = Math.toRadians(yawDeg);
        double pitch = Math.toRadians(Math.max(-89, Math.min(89, pitchDeg)));
        double c = Math.cos(pitch);
        return new Camera(name, tx + distance * c * Math.cos(yaw), ty + distance * c * Math.sin(yaw),
                tz + distance * Math.sin(pitch), tx, ty, tz, 0, 0, 1, fov);
    }

    /**
     * The named cameras of a site, in the order of the preview's number keys: its viewpoints in
     * file order, {@value #TOP} (unless the site names one), then {@value #ORBIT}.
     */
    public static List<Camera> presets(Site site) {
        List<Camera> out = new ArrayList<>();
        for (Viewpoint v : site.viewpoints()) {
            out.add(of(v));
        }
        ShowBox b = site.showBox();
        double extent = Math.max(b.maxX() - b.minX(), b.maxY() - b.minY());
        if (site.viewpoint(TOP).isEmpty()) {
            out.add(orbit(TOP, b.centerX(), b.centerY(), site.waterLevel(), -90, 85, 6 * extent, 45));
        }
        out.add(defaultOrbit(site));
        return out;
    }

    /** The free camera's starting place: in front of the show box, a little above it. */
    public static Camera defaultOrbit(Site site) {
        ShowBox b = site.showBox();
        double extent = Math.max(b.maxX() - b.minX(), b.maxZ() - b.minZ());
        return orbit(ORBIT, b.centerX(), b.centerY(), b.centerZ() - (b.maxZ() - b.minZ()) * 0.15, -90, 14,
                2.8 * extent, 45);
    }

    /** Distance from eye to target, metres. */
    public double distance() {
        double dx = targetX - eyeX, dy = targetY - eyeY, dz = targetZ - eyeZ;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Yaw of the eye around the target, degrees counter-clockwise from +x (the inverse of {@link #orbit}). */
    public double yaw() {
        return Math.toDegrees(Math.atan2(eyeY - targetY, eyeX - targetX));
    }

    /** Pitch of the eye above the target, degrees. */
    public double pitch() {
        return Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, (eyeZ - targetZ) / distance()))));
    }

    /** This camera renamed. */
    public Camera named(String newName) {
        return new Camera(newName, eyeX, eyeY, eyeZ, targetX, targetY, targetZ, upX, upY, upZ, fov);
    }

    /** World → view matrix into {@code dest}. */
    public Matrix4f view(Matrix4f dest) {
        return dest.setLookAt((float) eyeX, (float) eyeY, (float) eyeZ, (float) targetX, (float) targetY,
                (float) targetZ, (float) upX, (float) upY, (float) upZ);
    }

    /** View → clip matrix for a viewport of the given width/height ratio into {@code dest}. */
    public Matrix4f projection(float aspect, Matrix4f dest) {
        return dest.setPerspective((float) Math.toRadians(fov), aspect, NEAR, FAR);
    }

    /** World → clip matrix (projection × view) into {@code dest}. */
    public Matrix4f viewProjection(float aspect, Matrix4f dest) {
        projection(aspect, dest);
        return dest.mul(view(new Matrix4f()));
    }

    /**
     * Projects the world point (x, y, z) into an image of {@code width} × {@code height} pixels
     * with the origin at the top-left corner (as {@link java.awt.image.BufferedImage} counts),
     * writing (column, row) into {@code out[0..1]}. Returns false when the point is behind the
     * camera or outside the view. Allocates; for tests and tools, not per-drone per-frame work.
     */
    public boolean project(double x, double y, double z, int width, int height, double[] out) {
        Matrix4f vp = viewProjection((float) width / height, new Matrix4f());
        Vector4f p = vp.transform(new Vector4f((float) x, (float) y, (float) z, 1f));
        if (p.w <= 0) {
            return false;
        }
        double nx = p.x / p.w, ny = p.y / p.w, nz = p.z / p.w;
        out[0] = (nx * 0.5 + 0.5) * width;
        out[1] = (1 - (ny * 0.5 + 0.5)) * height;
        return Math.abs(nx) <= 1 && Math.abs(ny) <= 1 && Math.abs(nz) <= 1;
    }
}
