package dev.starling.render;

import static org.lwjgl.opengl.GL33C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL33C.GL_LEQUAL;
import static org.lwjgl.opengl.GL33C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL33C.glBindVertexArray;
import static org.lwjgl.opengl.GL33C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL33C.glDepthFunc;
import static org.lwjgl.opengl.GL33C.glDepthMask;
import static org.lwjgl.opengl.GL33C.glDrawArrays;
import static org.lwjgl.opengl.GL33C.glEnable;
import static org.lwjgl.opengl.GL33C.glGenVertexArrays;
import static org.lwjgl.opengl.GL33C.glUniform3f;
import static org.lwjgl.opengl.GL33C.glUniformMatrix4fv;

import org.joml.Matrix4fc;
import org.lwjgl.system.MemoryStack;

/**
 * The night sky: a full-screen triangle whose colour follows the view direction (from the
 * inverse view-projection): near-black zenith, warm city haze at the horizon, sparse faint stars.
 * Drawn after the city and the water at the far plane with the depth test on, so only the pixels
 * they leave uncovered are shaded; in the main and in the mirrored pass.
 */
final class SkyPass implements AutoCloseable {
    /** Linear HDR colours of the sky; the horizon colour is also the haze (fog) colour. */
    static final float[] ZENITH = {0.0016f, 0.0022f, 0.0055f};
    static final float[] HORIZON = {0.020f, 0.016f, 0.022f};
    static final float[] GLOW = {0.030f, 0.017f, 0.012f};

    private final ShaderProgram program;
    private final int vao;
    private final int uInvViewProj;

    SkyPass() {
        program = ShaderProgram.load("sky", "sky");
        vao = glGenVertexArrays();
        uInvViewProj = program.uniform("u_invViewProj");
        program.use();
        glUniform3f(program.uniform("u_zenith"), ZENITH[0], ZENITH[1], ZENITH[2]);
        glUniform3f(program.uniform("u_horizon"), HORIZON[0], HORIZON[1], HORIZON[2]);
        glUniform3f(program.uniform("u_glow"), GLOW[0], GLOW[1], GLOW[2]);
    }

    /** Fills the uncovered pixels of the bound target with sky as seen through {@code invViewProj} (clip → world). */
    void draw(Matrix4fc invViewProj) {
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LEQUAL);
        glDepthMask(false);
        program.use();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            glUniformMatrix4fv(uInvViewProj, false, invViewProj.get(stack.mallocFloat(16)));
        }
        glBindVertexArray(vao);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glBindVertexArray(0);
    }

    @Override
    public void close() {
        glDeleteVertexArrays(vao);
        program.close();
    }
}
