package dev.starling.io.skyc;

import dev.starling.io.SkybrushFrame;
import dev.starling.site.Anchor;
import dev.starling.site.Site;
import dev.starling.site.Viewpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code .skyc} says of the world around the show ({@code environment} in Skybrush's
 * show specification, {@code @skybrush/show-format} types.ts): where it lies on Earth
 * ({@code location}: origin as [longitude, latitude, altitude], {@code orientation} the bearing of
 * Skybrush's +X in degrees from north) and the audience cameras, all in Skybrush's frame
 * ({@link SkybrushFrame}: X away from the audience, Y to its left): Skybrush's +X is the show's
 * +y, so its bearing is the anchor's (+x) bearing less 90°.
 *
 * @param anchor  the show frame's place on Earth, or null
 * @param cameras the site's viewpoints as Skybrush cameras, the first the default
 */
public record SkycEnvironment(Anchor anchor, List<Camera> cameras) {
    /** Nothing known about the world: {@code environment} says only {@code "outdoor"}. */
    public static final SkycEnvironment NONE = new SkycEnvironment(null, List.of());

    public SkycEnvironment {
        cameras = List.copyOf(cameras);
    }

    /**
     * A perspective camera as Skybrush stores it: position in Skybrush's frame, orientation as a
     * quaternion (w, x, y, z) from the base orientation (looking along −z, +x to the right,
     * +y up), focal length in millimetres on a 36 mm-wide sensor, as Blender's default.
     */
    public record Camera(String name, double[] position, double[] orientationWxyz, double focalLength) {
    }

    /** Location and cameras from {@code site} (null: none). */
    public static SkycEnvironment of(Site site) {
        if (site == null) {
            return NONE;
        }
        List<Camera> cams = new ArrayList<>();
        for (Viewpoint v : site.viewpoints()) {
            cams.add(camera(v));
        }
        return new SkycEnvironment(site.anchor(), cams);
    }

    /** Preview frames are 16:9: the viewpoint's vertical field of view gives the horizontal one a sensor sees. */
    private static final double ASPECT = 16.0 / 9.0;
    private static final double SENSOR_WIDTH_MM = 36;

    /** Bearing of Skybrush's +X (the show's +y) in degrees from north, 0..360. */
    public static double orientation(Anchor a) {
        double b = a.bearing() - 90;
        return b < 0 ? b + 360 : b;
    }

    static Camera camera(Viewpoint v) {
        double[] eye = {v.eyeX(), v.eyeY(), v.eyeZ()}, target = {v.targetX(), v.targetY(), v.targetZ()};
        SkybrushFrame.fromShow(eye, 0, eye, 0);
        SkybrushFrame.fromShow(target, 0, target, 0);
        double fx = target[0] - eye[0], fy = target[1] - eye[1], fz = target[2] - eye[2];
        double fl = Math.sqrt(fx * fx + fy * fy + fz * fz);
        fx /= fl;
        fy /= fl;
        fz /= fl;
        // right = forward × up(0, 0, 1); a camera looking straight down takes +x as its right
        double rx = fy, ry = -fx, rz = 0;
        double rl = Math.sqrt(rx * rx + ry * ry);
        if (rl < 1e-9) {
            rx = 1;
            ry = 0;
        } else {
            rx /= rl;
            ry /= rl;
        }
        // up = right × forward
        double ux = ry * fz - rz * fy, uy = rz * fx - rx * fz, uz = rx * fy - ry * fx;
        // rotation matrix columns: camera x → right, camera y → up, camera z → −forward
        double m00 = rx, m01 = ux, m02 = -fx;
        double m10 = ry, m11 = uy, m12 = -fy;
        double m20 = rz, m21 = uz, m22 = -fz;
        double[] q = quaternion(m00, m01, m02, m10, m11, m12, m20, m21, m22);
        double hfov = 2 * Math.atan(Math.tan(Math.toRadians(v.fov()) / 2) * ASPECT);
        double focal = SENSOR_WIDTH_MM / 2 / Math.tan(hfov / 2);
        return new Camera(v.name(), eye, q, focal);
    }

    /** Unit quaternion (w, x, y, z) of a rotation matrix (Shepperd's method), w ≥ 0. */
    static double[] quaternion(double m00, double m01, double m02, double m10, double m11, double m12,
                               double m20, double m21, double m22) {
        double tr = m00 + m11 + m22;
        double w, x, y, z;
        if (tr > 0) {
            double s = Math.sqrt(tr + 1) * 2;
            w = s / 4;
            x = (m21 - m12) / s;
            y = (m02 - m20) / s;
            z = (m10 - m01) / s;
        } else if (m00 > m11 && m00 > m22) {
            double s = Math.sqrt(1 + m00 - m11 - m22) * 2;
            w = (m21 - m12) / s;
            x = s / 4;
            y = (m01 + m10) / s;
            z = (m02 + m20) / s;
        } else if (m11 > m22) {
            double s = Math.sqrt(1 + m11 - m00 - m22) * 2;
            w = (m02 - m20) / s;
            x = (m01 + m10) / s;
            y = s / 4;
            z = (m12 + m21) / s;
        } else {
            double s = Math.sqrt(1 + m22 - m00 - m11) * 2;
            w = (m10 - m01) / s;
            x = (m02 + m20) / s;
            y = (m12 + m21) / s;
            z = s / 4;
        }
        if (w < 0) {
            w = -w;
            x = -x;
            y = -y;
            z = -z;
        }
        return new double[] {w, x, y, z};
    }
}
