package dev.starling.render;

import static org.lwjgl.opengl.GL33C.GL_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL33C.GL_CULL_FACE;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL33C.GL_FLOAT;
import static org.lwjgl.opengl.GL33C.GL_LEQUAL;
import static org.lwjgl.opengl.GL33C.GL_POINTS;
import static org.lwjgl.opengl.GL33C.GL_STATIC_DRAW;
import static org.lwjgl.opengl.GL33C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL33C.glBindBuffer;
import static org.lwjgl.opengl.GL33C.glBindVertexArray;
import static org.lwjgl.opengl.GL33C.glBufferData;
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
import static org.lwjgl.opengl.GL33C.glUniform3f;
import static org.lwjgl.opengl.GL33C.glUniformMatrix4fv;
import static org.lwjgl.opengl.GL33C.glVertexAttribPointer;

import java.util.SplittableRandom;
import org.joml.Matrix4fc;
import org.lwjgl.system.MemoryStack;

/**
 * The night sky over a lit city: a dome around the eye whose vertices carry the colour for
 * their elevation (near-black zenith, warm haze of light pollution at the horizon, rings packed
 * close there where it changes fastest), plus {@value #STARS} faint stars as one-pixel points.
 * Drawn after the city and the far ground at the far plane, so only uncovered pixels are touched,
 * and each costs one interpolated colour: on software GL the sky is nearly free. Used in the main and
 * in the mirrored pass (centred on the mirrored eye there).
 */
final class SkyPass implements AutoCloseable {
    /** Linear HDR colours of the sky; the horizon colour is also the haze (fog) colour. */
    static final float[] ZENITH = {0.0016f, 0.0022f, 0.0055f};
    static final float[] HORIZON = {0.020f, 0.016f, 0.022f};
    static final float[] GLOW = {0.030f, 0.017f, 0.012f};
    /** Sines of the ring elevations: dense near the horizon, where the haze fades out. */
    static final double[] RING_SINES = {-0.35, 0, 0.01, 0.025, 0.045, 0.07, 0.1, 0.14, 0.2, 0.3, 0.45, 0.65, 0.85, 1};
    static final int SEGMENTS = 48;
    static final int STARS = 700;
    /** Stars only above this sine of elevation: the haze hides them lower down. */
    static final double STAR_MIN_SINE = 0.12;

    private final ShaderProgram program;
    private final int vao;
    private final int vbo;
    private final int domeVertices;
    private final int uViewProj;
    private final int uEye;

    SkyPass() {
        program = ShaderProgram.load("sky", "sky");
        uViewProj = program.uniform("u_viewProj");
        uEye = program.uniform("u_eye");
        program.use();
        glUniform3f(program.uniform("u_zenith"), ZENITH[0], ZENITH[1], ZENITH[2]);
        glUniform3f(program.uniform("u_horizon"), HORIZON[0], HORIZON[1], HORIZON[2]);
        glUniform3f(program.uniform("u_glow"), GLOW[0], GLOW[1], GLOW[2]);
        float[] data = geometry();
        domeVertices = (RING_SINES.length - 1) * SEGMENTS * 6;
        vao = glGenVertexArrays();
        vbo = glGenBuffers();
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glBufferData(GL_ARRAY_BUFFER, data, GL_STATIC_DRAW);
        glVertexAttribPointer(0, 3, GL_FLOAT, false, 4 * Float.BYTES, 0);
        glVertexAttribPointer(1, 1, GL_FLOAT, false, 4 * Float.BYTES, 3L * Float.BYTES);
        glEnableVertexAttribArray(0);
        glEnableVertexAttribArray(1);
        glBindVertexArray(0);
    }

    /** Dome triangles (direction, 0), then stars (direction, brightness): 4 floats per vertex. */
    static float[] geometry() {
        int dome = (RING_SINES.length - 1) * SEGMENTS * 6;
        float[] d = new float[4 * (dome + STARS)];
        int o = 0;
        for (int r = 0; r + 1 < RING_SINES.length; r++) {
            for (int s = 0; s < SEGMENTS; s++) {
                double a0 = 2 * Math.PI * s / SEGMENTS, a1 = 2 * Math.PI * (s + 1) / SEGMENTS;
                double[][] quad = {dir(a0, RING_SINES[r]), dir(a1, RING_SINES[r]), dir(a1, RING_SINES[r + 1]),
                    dir(a0, RING_SINES[r]), dir(a1, RING_SINES[r + 1]), dir(a0, RING_SINES[r + 1])};
                for (double[] v : quad) {
                    d[o++] = (float) v[0];
                    d[o++] = (float) v[1];
                    d[o++] = (float) v[2];
                    d[o++] = 0;
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(1969);
        for (int k = 0; k < STARS; k++) {
            double[] v = dir(2 * Math.PI * rnd.nextDouble(), STAR_MIN_SINE + (1 - STAR_MIN_SINE) * rnd.nextDouble());
            double b = rnd.nextDouble();
            d[o++] = (float) v[0];
            d[o++] = (float) v[1];
            d[o++] = (float) v[2];
            d[o++] = (float) (0.01 + 0.07 * b * b * b);
        }
        return d;
    }

    private static double[] dir(double azimuth, double sine) {
        double c = Math.sqrt(Math.max(0, 1 - sine * sine));
        return new double[] {c * Math.cos(azimuth), c * Math.sin(azimuth), sine};
    }

    /**
     * Fills the pixels the city and water left uncovered in the bound target with sky, as seen
     * from (eyeX, eyeY, eyeZ) through {@code viewProj}.
     */
    void draw(Matrix4fc viewProj, float eyeX, float eyeY, float eyeZ) {
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LEQUAL);
        glDepthMask(false);
        glDisable(GL_CULL_FACE);
        program.use();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            glUniformMatrix4fv(uViewProj, false, viewProj.get(stack.mallocFloat(16)));
        }
        glUniform3f(uEye, eyeX, eyeY, eyeZ);
        glBindVertexArray(vao);
        glDrawArrays(GL_TRIANGLES, 0, domeVertices);
        glDrawArrays(GL_POINTS, domeVertices, STARS);
        glBindVertexArray(0);
    }

    @Override
    public void close() {
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
        program.close();
    }
}
