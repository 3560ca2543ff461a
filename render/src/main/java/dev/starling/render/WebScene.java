package dev.starling.render;

import dev.starling.site.Site;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the browser viewer ({@code starling web}) needs to draw a frame the way
 * {@link FrameRenderer} does: the same city, sky and river geometry, the same look constants and
 * the same shaders, translated to WebGL2's GLSL ES 3.00. No GL here: it only hands out data, so
 * the page and the desktop renderer cannot drift apart (one implementation of the look).
 */
public final class WebScene {
    /** The shader programs the page builds: name → {vertex file, fragment file}, as {@link FrameRenderer}'s passes load them. */
    public static final Map<String, String[]> PROGRAMS = programs();

    private final SkylineMesh mesh;
    private final float[] water;

    private WebScene(Site site) {
        mesh = SkylineMesh.build(site);
        water = WaterPass.geometry(site);
    }

    /** Builds the static geometry of {@code site}; same cost as the renderer's start-up. */
    public static WebScene of(Site site) {
        return new WebScene(site);
    }

    /** City triangles, {@link #vertexFloats()} floats per vertex (see {@code SkylineMesh}); the far ground last. */
    public float[] skylineTriangles() {
        return mesh.triangles();
    }

    /** Index of the far ground's first vertex in {@link #skylineTriangles()} (drawn after the water). */
    public int groundFirstVertex() {
        return mesh.groundFirstVertex();
    }

    /** Bridge cables as line pairs, same vertex layout. */
    public float[] skylineLines() {
        return mesh.lines();
    }

    /** Floats per city vertex: position 3, uv 2, colour 3, info 4. */
    public int vertexFloats() {
        return SkylineMesh.FLOATS;
    }

    /** River triangles: x, y, z and linear colour per vertex (6 floats). */
    public float[] water() {
        return water.clone();
    }

    /** Sky dome triangles then stars: direction xyz and star brightness per vertex (4 floats). */
    public static float[] sky() {
        return SkyPass.geometry();
    }

    /** Vertices of the dome in {@link #sky()}; the stars follow. */
    public static int skyDomeVertices() {
        return (SkyPass.RING_SINES.length - 1) * SkyPass.SEGMENTS * 6;
    }

    /**
     * The look's constants by name, in a fixed order: sky colours, haze, drone sprite size and
     * gains, bloom threshold and gains, exposure, the mirrored pass's divisor, the near and far
     * planes. Numbers or arrays of numbers.
     */
    public static Map<String, Object> constants() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("zenith", SkyPass.ZENITH.clone());
        c.put("horizon", SkyPass.HORIZON.clone());
        c.put("glow", SkyPass.GLOW.clone());
        c.put("fogDensity", SkylinePass.FOG_DENSITY);
        c.put("glowMetres", DronePass.GLOW_METRES);
        c.put("minPixels720", DronePass.MIN_PIXELS_720);
        c.put("maxPixels720", DronePass.MAX_PIXELS_720);
        c.put("coreGain", DronePass.CORE_GAIN);
        c.put("haloGain", DronePass.HALO_GAIN);
        c.put("bloomThreshold", BloomPass.THRESHOLD);
        c.put("bloomNearGain", BloomPass.NEAR_GAIN);
        c.put("bloomWideGain", BloomPass.WIDE_GAIN);
        c.put("exposure", BloomPass.EXPOSURE);
        c.put("reflectionDivisor", FrameRenderer.REFLECTION_DIVISOR);
        c.put("near", Camera.NEAR);
        c.put("far", Camera.FAR);
        c.put("groundAltitude", dev.starling.show.Limits.DEFAULT_GROUND_ALTITUDE);
        return c;
    }

    /**
     * The renderer's shader {@code file} ({@code drone.vert}, {@code skyline.frag}, ...) as GLSL
     * ES 3.00 for WebGL2: includes pasted in, {@code #version 330 core} replaced by {@code #version
     * 300 es} with high precision, and the one desktop-only feature, the clip distance of the
     * mirrored pass, done instead by discarding fragments below {@code u_clipZ}.
     */
    public static String webShader(String file) {
        String src = ShaderProgram.source(file);
        boolean fragment = file.endsWith(".frag");
        String header = "#version 300 es\nprecision highp float;\nprecision highp int;\n";
        src = src.replace("#version 330 core\n", header);
        if (file.equals("sky.vert")) {
            // WebGL leaves a point's size undefined unless the shader writes it; the stars are one pixel
            src = src.replace("gl_Position = p.xyww;", "gl_Position = p.xyww;\n    gl_PointSize = 1.0;");
        }
        if (src.contains("gl_ClipDistance[0]")) {
            // the vertex shader passes its height on; the fragment shader of the same program discards
            src = src.replaceAll("\\s*gl_ClipDistance\\[0\\] = [^;]*;", "");
        }
        if (fragment && file.equals("skyline.frag")) {
            src = src.replace("uniform vec3 u_eye;", "uniform vec3 u_eye;\nuniform float u_clipZ;")
                    .replace("void main() {\n    int code", "void main() {\n    if (v_world.z < u_clipZ) {\n        discard;\n    }\n    int code");
        }
        return src;
    }

    /** Every shader file the page uses, for the page's source table. */
    public static List<String> shaderFiles() {
        return List.of("sky.vert", "sky.frag", "skyline.vert", "skyline.frag", "water.vert", "water.frag",
                "drone.vert", "drone.frag", "screen.vert", "bright.frag", "down.frag", "blur.frag", "gain.frag",
                "composite.frag");
    }

    private static Map<String, String[]> programs() {
        Map<String, String[]> p = new LinkedHashMap<>();
        p.put("sky", new String[] {"sky.vert", "sky.frag"});
        p.put("skyline", new String[] {"skyline.vert", "skyline.frag"});
        p.put("water", new String[] {"water.vert", "water.frag"});
        p.put("drone", new String[] {"drone.vert", "drone.frag"});
        for (String f : new String[] {"bright", "down", "blur", "gain", "composite"}) {
            p.put(f, new String[] {"screen.vert", f + ".frag"});
        }
        return java.util.Collections.unmodifiableMap(p);
    }
}
