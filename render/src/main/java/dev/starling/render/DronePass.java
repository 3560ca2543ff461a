package dev.starling.render;

import static org.lwjgl.opengl.GL33C.GL_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL33C.GL_BLEND;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL33C.GL_ONE_MINUS_SRC_ALPHA;
import static org.lwjgl.opengl.GL33C.GL_FLOAT;
import static org.lwjgl.opengl.GL33C.GL_LEQUAL;
import static org.lwjgl.opengl.GL33C.GL_ONE;
import static org.lwjgl.opengl.GL33C.GL_STATIC_DRAW;
import static org.lwjgl.opengl.GL33C.GL_STREAM_DRAW;
import static org.lwjgl.opengl.GL33C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL33C.GL_ELEMENT_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL33C.GL_UNSIGNED_INT;
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
import static org.lwjgl.opengl.GL33C.glDrawElements;
import static org.lwjgl.opengl.GL33C.glEnable;
import static org.lwjgl.opengl.GL33C.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL33C.glGenBuffers;
import static org.lwjgl.opengl.GL33C.glGenVertexArrays;
import static org.lwjgl.opengl.GL33C.glUniform1f;
import static org.lwjgl.opengl.GL33C.glUniform2f;
import static org.lwjgl.opengl.GL33C.glUniformMatrix4fv;
import static org.lwjgl.opengl.GL33C.glVertexAttribPointer;

import java.nio.ByteOrder;
import java.nio.IntBuffer;
import org.joml.Matrix4fc;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * The drones: one camera-facing sprite per lit drone, a quad of four vertices that each carry the
 * drone (position as 3 floats, colour as 4 bytes: 16 bytes a vertex) beside a static buffer of
 * their corners, drawn as indexed triangles in one call. The drone buffer is refilled once per
 * frame and drawn twice, mirrored and direct. Not instanced: on software GL (llvmpipe) the
 * instanced draw of 4 vertices per instance was the slower one (both passes 3.6 → 2.9 ms a
 * frame); four copies of 16 bytes cost less. Additive blending into the HDR target, depth tested
 * against the city but not written, so glows overlap freely.
 */
final class DronePass implements AutoCloseable {
    /** Bytes per vertex in the drone buffer (each drone has four). */
    static final int VERTEX_BYTES = 16;
    /** Sprite side in the world, metres: a drone's light with its glow. */
    static final float GLOW_METRES = 2.6f;
    /** Sprite side limits, pixels at 720 rows (scaled with the output height). */
    static final float MIN_PIXELS_720 = 3.2f;
    static final float MAX_PIXELS_720 = 48f;
    /** HDR gains of the core and halo; the core saturates to white-hot, the halo keeps the colour. */
    static final float CORE_GAIN = 7f;
    static final float HALO_GAIN = 0.9f;
    /** A sprite's corners in [-1, 1], in strip order: its two triangles are 0 1 2 and 2 1 3. */
    private static final float[] CORNERS = {-1, -1, 1, -1, -1, 1, 1, 1};
    private static final int[] QUAD = {0, 1, 2, 2, 1, 3};
    private static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

    private final ShaderProgram program;
    private final int vao;
    private final int cornerVbo;
    private final int droneVbo;
    private final int indexBuffer;
    private final int capacity;
    /** One drone's vertex as 4 ints (x, y, z as float bits, colour as RGBA bytes), four times per drone. */
    private final int[] vertices;
    private final IntBuffer staging;
    private final int uViewProj;
    private final int uViewport;
    private final int uPixelsPerMetre;
    private final int uMinPixels;
    private final int uMaxPixels;
    private int count;

    /** @param capacity most drones ever drawn at once (the plan's fleet size) */
    DronePass(int capacity) {
        this.capacity = Math.max(1, capacity);
        program = ShaderProgram.load("drone", "drone");
        uViewProj = program.uniform("u_viewProj");
        uViewport = program.uniform("u_viewport");
        uPixelsPerMetre = program.uniform("u_pixelsPerMetre");
        uMinPixels = program.uniform("u_minPixels");
        uMaxPixels = program.uniform("u_maxPixels");
        program.use();
        glUniform1f(program.uniform("u_glowMetres"), GLOW_METRES);
        glUniform1f(program.uniform("u_coreGain"), CORE_GAIN);
        glUniform1f(program.uniform("u_haloGain"), HALO_GAIN);

        vertices = new int[this.capacity * 16];
        staging = MemoryUtil.memAllocInt(this.capacity * 16);
        vao = glGenVertexArrays();
        glBindVertexArray(vao);
        cornerVbo = glGenBuffers();
        glBindBuffer(GL_ARRAY_BUFFER, cornerVbo);
        float[] corners = new float[this.capacity * 8];
        int[] indices = new int[this.capacity * 6];
        for (int i = 0; i < this.capacity; i++) {
            System.arraycopy(CORNERS, 0, corners, 8 * i, 8);
            for (int k = 0; k < 6; k++) {
                indices[6 * i + k] = 4 * i + QUAD[k];
            }
        }
        glBufferData(GL_ARRAY_BUFFER, corners, GL_STATIC_DRAW);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, 2 * Float.BYTES, 0);
        glEnableVertexAttribArray(0);
        droneVbo = glGenBuffers();
        glBindBuffer(GL_ARRAY_BUFFER, droneVbo);
        glBufferData(GL_ARRAY_BUFFER, (long) this.capacity * 4 * VERTEX_BYTES, GL_STREAM_DRAW);
        glVertexAttribPointer(1, 3, GL_FLOAT, false, VERTEX_BYTES, 0);
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, true, VERTEX_BYTES, 12);
        glEnableVertexAttribArray(1);
        glEnableVertexAttribArray(2);
        indexBuffer = glGenBuffers();
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, indices, GL_STATIC_DRAW);
        glBindVertexArray(0);
    }

    /**
     * Refills the drone buffer with {@code n} drones: positions {@code xyz[3i..3i+2]} (metres)
     * and colours {@code rgb[i]} (0xRRGGBB), each four times. Allocates nothing.
     */
    void upload(float[] xyz, int[] rgb, int n) {
        if (n > capacity) {
            throw new IllegalArgumentException(n + " drones exceed the drone buffer's " + capacity);
        }
        int[] v = vertices;
        for (int i = 0, o = 0; i < n; i++) {
            int x = Float.floatToRawIntBits(xyz[3 * i]);
            int y = Float.floatToRawIntBits(xyz[3 * i + 1]);
            int z = Float.floatToRawIntBits(xyz[3 * i + 2]);
            int c = rgb[i];
            int rgba = 0xFF000000 | (c & 0xFF) << 16 | (c & 0xFF00) | (c >> 16 & 0xFF); // bytes R, G, B, 255 ...
            if (BIG_ENDIAN) {
                rgba = Integer.reverseBytes(rgba); // ... in memory order, as GL reads them
            }
            for (int k = 0; k < 4; k++, o += 4) {
                v[o] = x;
                v[o + 1] = y;
                v[o + 2] = z;
                v[o + 3] = rgba;
            }
        }
        staging.clear();
        staging.put(v, 0, 16 * n).flip();
        glBindBuffer(GL_ARRAY_BUFFER, droneVbo);
        // orphan the old storage so the driver need not wait for the previous frame's draws
        glBufferData(GL_ARRAY_BUFFER, (long) capacity * 4 * VERTEX_BYTES, GL_STREAM_DRAW);
        glBufferSubData(GL_ARRAY_BUFFER, 0, staging);
        count = n;
    }

    /**
     * Draws the uploaded drones into the bound target of {@code width} × {@code height} pixels.
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
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); // core covers, halo adds: see drone.frag
        program.use();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            glUniformMatrix4fv(uViewProj, false, viewProj.get(stack.mallocFloat(16)));
        }
        float scale = height / 720f;
        glUniform2f(uViewport, width, height);
        glUniform1f(uPixelsPerMetre, pixelsPerMetre);
        glUniform1f(uMinPixels, Math.max(2f, MIN_PIXELS_720 * scale));
        glUniform1f(uMaxPixels, MAX_PIXELS_720 * scale);
        glBindVertexArray(vao);
        glDrawElements(GL_TRIANGLES, 6 * count, GL_UNSIGNED_INT, 0);
        glBindVertexArray(0);
        glDisable(GL_BLEND);
        glDepthMask(true);
    }

    @Override
    public void close() {
        glDeleteBuffers(cornerVbo);
        glDeleteBuffers(droneVbo);
        glDeleteBuffers(indexBuffer);
        glDeleteVertexArrays(vao);
        MemoryUtil.memFree(staging);
        program.close();
    }
}
