package dev.starling.render;

import static org.lwjgl.opengl.GL33C.GL_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL33C.GL_BACK;
import static org.lwjgl.opengl.GL33C.GL_CCW;
import static org.lwjgl.opengl.GL33C.GL_CLIP_DISTANCE0;
import static org.lwjgl.opengl.GL33C.GL_CULL_FACE;
import static org.lwjgl.opengl.GL33C.GL_CW;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL33C.GL_FLOAT;
import static org.lwjgl.opengl.GL33C.GL_LESS;
import static org.lwjgl.opengl.GL33C.GL_LINES;
import static org.lwjgl.opengl.GL33C.GL_STATIC_DRAW;
import static org.lwjgl.opengl.GL33C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL33C.glBindBuffer;
import static org.lwjgl.opengl.GL33C.glBindVertexArray;
import static org.lwjgl.opengl.GL33C.glBufferData;
import static org.lwjgl.opengl.GL33C.glCullFace;
import static org.lwjgl.opengl.GL33C.glDeleteBuffers;
import static org.lwjgl.opengl.GL33C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL33C.glDepthFunc;
import static org.lwjgl.opengl.GL33C.glDepthMask;
import static org.lwjgl.opengl.GL33C.glDisable;
import static org.lwjgl.opengl.GL33C.glDrawArrays;
import static org.lwjgl.opengl.GL33C.glEnable;
import static org.lwjgl.opengl.GL33C.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL33C.glFrontFace;
import static org.lwjgl.opengl.GL33C.glGenBuffers;
import static org.lwjgl.opengl.GL33C.glGenVertexArrays;
import static org.lwjgl.opengl.GL33C.glUniform1f;
import static org.lwjgl.opengl.GL33C.glUniform3f;
import static org.lwjgl.opengl.GL33C.glUniformMatrix4fv;
import static org.lwjgl.opengl.GL33C.glVertexAttribPointer;

import dev.starling.site.Site;
import org.joml.Matrix4fc;
import org.lwjgl.system.MemoryStack;

/**
 * The city: towers with lit windows, banks with riverside lamps, bridges with uplit pylons and
 * cables, the dark country beyond. All static, uploaded once from {@link SkylineMesh}; one draw
 * for the triangles and one for the cable lines, in the main and in the mirrored pass.
 */
final class SkylinePass implements AutoCloseable {
    /** Haze density, per metre: about a third of the way into the horizon colour at 2.5 km. */
    static final float FOG_DENSITY = 1.6e-4f;

    private final ShaderProgram program;
    private final int triVao;
    private final int triVbo;
    private final int structureCount;
    private final int groundCount;
    private final int lineVao;
    private final int lineVbo;
    private final int lineCount;
    private final int uViewProj;
    private final int uClipZ;
    private final int uEye;

    SkylinePass(Site site) {
        SkylineMesh mesh = SkylineMesh.build(site);
        program = ShaderProgram.load("skyline", "skyline");
        uViewProj = program.uniform("u_viewProj");
        uClipZ = program.uniform("u_clipZ");
        uEye = program.uniform("u_eye");
        program.use();
        glUniform3f(program.uniform("u_fogColor"), SkyPass.HORIZON[0], SkyPass.HORIZON[1], SkyPass.HORIZON[2]);
        glUniform1f(program.uniform("u_fogDensity"), FOG_DENSITY);

        triVao = glGenVertexArrays();
        triVbo = glGenBuffers();
        structureCount = mesh.groundFirstVertex();
        groundCount = mesh.triangleVertices() - structureCount;
        upload(triVao, triVbo, mesh.triangles());
        lineVao = glGenVertexArrays();
        lineVbo = glGenBuffers();
        lineCount = mesh.lineVertices();
        upload(lineVao, lineVbo, mesh.lines());
    }

    private static void upload(int vao, int vbo, float[] data) {
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glBufferData(GL_ARRAY_BUFFER, data, GL_STATIC_DRAW);
        int stride = SkylineMesh.FLOATS * Float.BYTES;
        glVertexAttribPointer(0, 3, GL_FLOAT, false, stride, 0);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, stride, 3L * Float.BYTES);
        glVertexAttribPointer(2, 3, GL_FLOAT, false, stride, 5L * Float.BYTES);
        glVertexAttribPointer(3, 4, GL_FLOAT, false, stride, 8L * Float.BYTES);
        for (int a = 0; a < 4; a++) {
            glEnableVertexAttribArray(a);
        }
        glBindVertexArray(0);
    }

    /**
     * Draws the city (without the far ground) with depth into the bound target.
     *
     * @param eyeX      the eye (for haze distance); in the mirrored pass, the mirrored eye
     * @param clipBelow in the mirrored pass, the water level: only what stands above it is drawn;
     *                  {@link Float#NaN} for no clipping
     * @param mirrored  true when {@code viewProj} includes the reflection (winding flips)
     */
    void draw(Matrix4fc viewProj, float eyeX, float eyeY, float eyeZ, float clipBelow, boolean mirrored) {
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LESS);
        glDepthMask(true);
        glEnable(GL_CULL_FACE);
        glCullFace(GL_BACK);
        glFrontFace(mirrored ? GL_CW : GL_CCW);
        boolean clip = !Float.isNaN(clipBelow);
        if (clip) {
            glEnable(GL_CLIP_DISTANCE0);
        }
        program.use();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            glUniformMatrix4fv(uViewProj, false, viewProj.get(stack.mallocFloat(16)));
        }
        glUniform1f(uClipZ, clip ? clipBelow : -1e9f);
        glUniform3f(uEye, eyeX, eyeY, eyeZ);
        glBindVertexArray(triVao);
        glDrawArrays(GL_TRIANGLES, 0, structureCount);
        glDisable(GL_CULL_FACE);
        glBindVertexArray(lineVao);
        glDrawArrays(GL_LINES, 0, lineCount);
        glBindVertexArray(0);
        if (clip) {
            glDisable(GL_CLIP_DISTANCE0);
        }
        glFrontFace(GL_CCW);
    }

    /**
     * Draws the far ground below the water (the water, drawn later, covers it where the rivers
     * are). Same matrices and eye as the {@link #draw} before it.
     */
    void drawGround() {
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LESS);
        glDepthMask(true);
        program.use();
        glBindVertexArray(triVao);
        glDrawArrays(GL_TRIANGLES, structureCount, groundCount);
        glBindVertexArray(0);
    }

    @Override
    public void close() {
        glDeleteBuffers(triVbo);
        glDeleteBuffers(lineVbo);
        glDeleteVertexArrays(triVao);
        glDeleteVertexArrays(lineVao);
        program.close();
    }
}
