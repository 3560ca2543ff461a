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
import static org.lwjgl.opengl.GL33C.GL_TRIANGLE_STRIP;
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
import static org.lwjgl.opengl.GL33C.glDrawArraysInstanced;
import static org.lwjgl.opengl.GL33C.glEnable;
import static org.lwjgl.opengl.GL33C.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL33C.glGenBuffers;
import static org.lwjgl.opengl.GL33C.glGenVertexArrays;
import static org.lwjgl.opengl.GL33C.glUniform1f;
import static org.lwjgl.opengl.GL33C.glUniform2f;
import static org.lwjgl.opengl.GL33C.glUniformMatrix4fv;
import static org.lwjgl.opengl.GL33C.glVertexAttribDivisor;
import static org.lwjgl.opengl.GL33C.glVertexAttribPointer;

import java.nio.ByteBuffer;
import org.joml.Matrix4fc;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * The drones: one camera-facing sprite per lit drone, drawn instanced from a single instance
 * buffer (position as 3 floats, colour as 4 bytes: 16 bytes per drone) that is refilled once per
 * frame and drawn twice, mirrored and direct. Additive blending into the HDR target, depth
 * tested against the city but not written, so glows overlap freely.
 */
final class DronePass implements AutoCloseable {
    /** Bytes per drone in the instance buffer. */
    static final int INSTANCE_BYTES = 16;
    /** Sprite side in the world, metres: a drone's light with its glow. */
    static final float GLOW_METRES = 2.6f;
    /** Sprite side limits, pixels at 720 rows (scaled with the output height). */
    static final float MIN_PIXELS_720 = 3.2f;
    static final float MAX_PIXELS_720 = 48f;
    /** HDR gains of the core and halo; the core saturates to white-hot, the halo keeps the colour. */
    static final float CORE_GAIN = 7f;
    static final float HALO_GAIN = 0.9f;

    private final ShaderProgram program;
    private final int vao;
    private final int quadVbo;
    private final int instanceVbo;
    private final int capacity;
    private final ByteBuffer staging;
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

        staging = MemoryUtil.memAlloc(this.capacity * INSTANCE_BYTES);
        vao = glGenVertexArrays();
        glBindVertexArray(vao);
        quadVbo = glGenBuffers();
        glBindBuffer(GL_ARRAY_BUFFER, quadVbo);
        glBufferData(GL_ARRAY_BUFFER, new float[] {-1, -1, 1, -1, -1, 1, 1, 1}, GL_STATIC_DRAW);
        glVertexAttribPointer(0, 2, GL_FLOAT, false, 2 * Float.BYTES, 0);
        glEnableVertexAttribArray(0);
        instanceVbo = glGenBuffers();
        glBindBuffer(GL_ARRAY_BUFFER, instanceVbo);
        glBufferData(GL_ARRAY_BUFFER, (long) this.capacity * INSTANCE_BYTES, GL_STREAM_DRAW);
        glVertexAttribPointer(1, 3, GL_FLOAT, false, INSTANCE_BYTES, 0);
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, true, INSTANCE_BYTES, 12);
        glEnableVertexAttribArray(1);
        glEnableVertexAttribArray(2);
        glVertexAttribDivisor(1, 1);
        glVertexAttribDivisor(2, 1);
        glBindVertexArray(0);
    }

    /**
     * Refills the instance buffer with {@code n} drones: positions {@code xyz[3i..3i+2]} (metres)
     * and colours {@code rgb[i]} (0xRRGGBB). Copies 16 bytes per drone; allocates nothing.
     */
    void upload(float[] xyz, int[] rgb, int n) {
        if (n > capacity) {
            throw new IllegalArgumentException(n + " drones exceed the instance buffer's " + capacity);
        }
        ByteBuffer b = staging;
        b.clear();
        for (int i = 0; i < n; i++) {
            b.putFloat(xyz[3 * i]).putFloat(xyz[3 * i + 1]).putFloat(xyz[3 * i + 2]);
            int c = rgb[i];
            b.put((byte) (c >> 16)).put((byte) (c >> 8)).put((byte) c).put((byte) 0xFF);
        }
        b.flip();
        glBindBuffer(GL_ARRAY_BUFFER, instanceVbo);
        // orphan the old storage so the driver need not wait for the previous frame's draws
        glBufferData(GL_ARRAY_BUFFER, (long) capacity * INSTANCE_BYTES, GL_STREAM_DRAW);
        glBufferSubData(GL_ARRAY_BUFFER, 0, b);
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
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count);
        glBindVertexArray(0);
        glDisable(GL_BLEND);
        glDepthMask(true);
    }

    @Override
    public void close() {
        glDeleteBuffers(quadVbo);
        glDeleteBuffers(instanceVbo);
        glDeleteVertexArrays(vao);
        MemoryUtil.memFree(staging);
        program.close();
    }
}
