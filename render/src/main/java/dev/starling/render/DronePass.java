package dev.starling.render;

import static org.lwjgl.opengl.GL33C.GL_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL33C.GL_BLEND;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL33C.GL_ONE_MINUS_SRC_ALPHA;
import static org.lwjgl.opengl.GL33C.GL_FLOAT;
import static org.lwjgl.opengl.GL33C.GL_LEQUAL;
import static org.lwjgl.opengl.GL33C.GL_ONE;
import static org.lwjgl.opengl.GL33C.GL_POINTS;
import static org.lwjgl.opengl.GL33C.GL_POINT_SIZE_RANGE;
import static org.lwjgl.opengl.GL33C.GL_PROGRAM_POINT_SIZE;
import static org.lwjgl.opengl.GL33C.GL_STREAM_DRAW;
import static org.lwjgl.opengl.GL33C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL33C.glBindBuffer;
import static org.lwjgl.opengl.GL33C.glBindVertexArray;
import static org.lwjgl.opengl.GL33C.glBlendFunc;
import static org.lwjgl.opengl.GL33C.glBufferData;
import static org.lwjgl.opengl.GL33C.glBufferSubData;
import static org.lwjgl.opengl.GL33C.glDeleteBuffers;
import static org.lwjgl.opengl.GL33C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL33C.glDepthFunc;
import static org.lwjgl.opengl.GL33C.glDepthMask;
import static org.lwjgl.opengl.GL33C.glDisable;
import static org.lwjgl.opengl.GL33C.glDrawArrays;
import static org.lwjgl.opengl.GL33C.glEnable;
import static org.lwjgl.opengl.GL33C.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL33C.glGenBuffers;
import static org.lwjgl.opengl.GL33C.glGenVertexArrays;
import static org.lwjgl.opengl.GL33C.glGetFloatv;
import static org.lwjgl.opengl.GL33C.glUniform1f;
import static org.lwjgl.opengl.GL33C.glUniform2f;
import static org.lwjgl.opengl.GL33C.glUniformMatrix4fv;
import static org.lwjgl.opengl.GL33C.glVertexAttribPointer;
import static org.lwjgl.opengl.GL33C.glViewport;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Locale;
import org.joml.Matrix4fc;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * The drones: one point sprite per lit drone (position as 3 floats, colour as 4 bytes: 16 bytes a
 * drone), drawn in one call. The buffer is refilled once per frame and drawn twice, mirrored and
 * direct. Points, not quads: on software GL (llvmpipe) each primitive costs its setup, and one
 * point instead of two triangles (four vertices) took the direct pass of the flagship's 5,000 lit
 * drones from 4.4 to 2.9 ms (best of 10, alternating); the web page, whose WebGL may cap point
 * sizes, keeps its quads (drone.vert). Additive blending into the HDR target, depth tested
 * against the city but not written, so glows overlap freely. A driver whose largest point is
 * smaller than the largest sprite (48 px at 720 rows) gets sprites clamped to its limit here, with
 * the guard band to match, and {@link #spriteLimitNote} says so.
 */
final class DronePass implements AutoCloseable {
    /** Bytes per drone in the buffer. */
    static final int VERTEX_BYTES = 16;
    /** Sprite side in the world, metres: a drone's light with its glow. */
    static final float GLOW_METRES = 2.6f;
    /** Sprite side limits, pixels at 720 rows (scaled with the output height). */
    static final float MIN_PIXELS_720 = 3.2f;
    static final float MAX_PIXELS_720 = 48f;
    /** HDR gains of the core and halo; the core saturates to white-hot, the halo keeps the colour. */
    static final float CORE_GAIN = 7f;
    static final float HALO_GAIN = 0.9f;
    private static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private final ShaderProgram program;
    private final int vao;
    private final int droneVbo;
    private final int capacity;
    /** One drone as 4 ints: x, y, z as float bits, colour as RGBA bytes. */
    private final int[] vertices;
    private final IntBuffer staging;
    private final int uViewProj;
    private final int uViewport;
    private final int uGuard;
    private final int uPixelsPerMetre;
    private final int uMinPixels;
    private final int uMaxPixels;
    /** The driver's largest point size, pixels (GL_POINT_SIZE_RANGE's upper end). */
    private final float pointSizeLimit;
    private int count;

    /** @param capacity most drones ever drawn at once (the plan's fleet size) */
    DronePass(int capacity) {
        this(capacity, Float.POSITIVE_INFINITY);
    }

    /**
     * @param capacity most drones ever drawn at once (the plan's fleet size)
     * @param pointLimit a point size limit below the driver's, pixels (for tests)
     */
    DronePass(int capacity, float pointLimit) {
        this.capacity = Math.max(1, capacity);
        pointSizeLimit = Math.min(pointLimit, driverPointSizeLimit());
        program = ShaderProgram.load("dronePoint", "dronePoint");
        uViewProj = program.uniform("u_viewProj");
        uViewport = program.uniform("u_viewport");
        uGuard = program.uniform("u_guard");
        uPixelsPerMetre = program.uniform("u_pixelsPerMetre");
        uMinPixels = program.uniform("u_minPixels");
        uMaxPixels = program.uniform("u_maxPixels");
        program.use();
        glUniform1f(program.uniform("u_glowMetres"), GLOW_METRES);
        glUniform1f(program.uniform("u_coreGain"), CORE_GAIN);
        glUniform1f(program.uniform("u_haloGain"), HALO_GAIN);

        vertices = new int[this.capacity * 4];
        staging = MemoryUtil.memAllocInt(this.capacity * 4);
        vao = glGenVertexArrays();
        glBindVertexArray(vao);
        droneVbo = glGenBuffers();
        glBindBuffer(GL_ARRAY_BUFFER, droneVbo);
        glBufferData(GL_ARRAY_BUFFER, (long) this.capacity * VERTEX_BYTES, GL_STREAM_DRAW);
        glVertexAttribPointer(1, 3, GL_FLOAT, false, VERTEX_BYTES, 0);
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, true, VERTEX_BYTES, 12);
        glEnableVertexAttribArray(1);
        glEnableVertexAttribArray(2);
        glBindVertexArray(0);
    }

    /**
     * The largest point sprite the current context draws, pixels. GL clamps gl_PointSize to it,
     * so a larger sprite would be cut to that size without a word; the core profile reports it as
     * POINT_SIZE_RANGE (ALIASED_POINT_SIZE_RANGE is the compatibility profile's name). Asked once.
     */
    private static float driverPointSizeLimit() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            FloatBuffer range = stack.mallocFloat(2);
            glGetFloatv(GL_POINT_SIZE_RANGE, range);
            return range.get(1);
        }
    }

    /** The largest sprite side near drones need in a target {@code height} pixels high, pixels. */
    private static float wantedSpritePixels(int height) {
        return MAX_PIXELS_720 * height / 720f;
    }

    /** The largest sprite side this pass draws, pixels, into a target {@code height} pixels high. */
    float maxSpritePixels(int height) {
        return Math.min(wantedSpritePixels(height), pointSizeLimit);
    }

    /**
     * A sentence for the user when the driver's point size limit keeps sprites in a target
     * {@code height} pixels high below the size near drones need; null when it does not.
     */
    String spriteLimitNote(int height) {
        float wanted = wantedSpritePixels(height);
        if (pointSizeLimit >= wanted) {
            return null;
        }
        return String.format(Locale.ROOT, "this OpenGL draws points of at most %.0f px: drones close to the camera"
                + " are drawn %.0f px wide instead of up to %.0f px (their glow looks smaller)", pointSizeLimit,
                pointSizeLimit, wanted);
    }

    /**
     * Refills the drone buffer with {@code n} drones: positions {@code xyz[3i..3i+2]} (metres)
     * and colours {@code rgb[i]} (0xRRGGBB). Allocates nothing.
     */
    void upload(float[] xyz, int[] rgb, int n) {
        if (n > capacity) {
            throw new IllegalArgumentException(n + " drones exceed the drone buffer's " + capacity);
        }
        int[] v = vertices;
        for (int i = 0, o = 0; i < n; i++, o += 4) {
            int c = rgb[i];
            int rgba = 0xFF000000 | (c & 0xFF) << 16 | (c & 0xFF00) | (c >> 16 & 0xFF); // bytes R, G, B, 255 ...
            if (BIG_ENDIAN) {
                rgba = Integer.reverseBytes(rgba); // ... in memory order, as GL reads them
            }
            v[o] = Float.floatToRawIntBits(xyz[3 * i]);
            v[o + 1] = Float.floatToRawIntBits(xyz[3 * i + 1]);
            v[o + 2] = Float.floatToRawIntBits(xyz[3 * i + 2]);
            v[o + 3] = rgba;
        }
        staging.clear();
        staging.put(v, 0, 4 * n).flip();
        glBindBuffer(GL_ARRAY_BUFFER, droneVbo);
        // orphan the old storage so the driver need not wait for the previous frame's draws
        glBufferData(GL_ARRAY_BUFFER, (long) capacity * VERTEX_BYTES, GL_STREAM_DRAW);
        glBufferSubData(GL_ARRAY_BUFFER, 0, staging);
        count = n;
    }

    /**
     * Draws the uploaded drones into the bound target of {@code width} × {@code height} pixels
     * (whose viewport it leaves set to the whole target).
     *
     * @param pixelsPerMetre the projection's vertical scale: pixels per metre at 1 m depth
     */
    void draw(Matrix4fc viewProj, int width, int height, float pixelsPerMetre) {
        if (count == 0) {
            return;
        }
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LEQUAL);
        glDepthMask(false);
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // core covers, halo adds: see drone.glsl
        glEnable(GL_PROGRAM_POINT_SIZE);
        program.use();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            glUniformMatrix4fv(uViewProj, false, viewProj.get(stack.mallocFloat(16)));
        }
        float scale = height / 720f;
        float maxPixels = maxSpritePixels(height);
        int guard = (int) Math.ceil(maxPixels / 2);
        glViewport(-guard, -guard, width + 2 * guard, height + 2 * guard);
        glUniform2f(uViewport, width, height);
        glUniform1f(uGuard, guard);
        glUniform1f(uPixelsPerMetre, pixelsPerMetre);
        glUniform1f(uMinPixels, Math.min(maxPixels, Math.max(2f, MIN_PIXELS_720 * scale)));
        glUniform1f(uMaxPixels, maxPixels);
        glBindVertexArray(vao);
        glDrawArrays(GL_POINTS, 0, count);
        glBindVertexArray(0);
        glViewport(0, 0, width, height);
        glDisable(GL_PROGRAM_POINT_SIZE);
        glDisable(GL_BLEND);
        glDepthMask(true);
    }

    @Override
    public void close() {
        glDeleteBuffers(droneVbo);
        glDeleteVertexArrays(vao);
        MemoryUtil.memFree(staging);
        program.close();
    }
}
