package dev.starling.render;

import static org.lwjgl.opengl.GL33C.GL_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL33C.GL_FLOAT;
import static org.lwjgl.opengl.GL33C.GL_LEQUAL;
import static org.lwjgl.opengl.GL33C.GL_STATIC_DRAW;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL33C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL33C.glActiveTexture;
import static org.lwjgl.opengl.GL33C.glBindBuffer;
import static org.lwjgl.opengl.GL33C.glBindTexture;
import static org.lwjgl.opengl.GL33C.glBindVertexArray;
import static org.lwjgl.opengl.GL33C.glBufferData;
import static org.lwjgl.opengl.GL33C.glDeleteBuffers;
import static org.lwjgl.opengl.GL33C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL33C.glDepthFunc;
import static org.lwjgl.opengl.GL33C.glDepthMask;
import static org.lwjgl.opengl.GL33C.glDrawArrays;
import static org.lwjgl.opengl.GL33C.glEnable;
import static org.lwjgl.opengl.GL33C.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL33C.glGenBuffers;
import static org.lwjgl.opengl.GL33C.glGenVertexArrays;
import static org.lwjgl.opengl.GL33C.glUniform1f;
import static org.lwjgl.opengl.GL33C.glUniform2f;
import static org.lwjgl.opengl.GL33C.glUniform3f;
import static org.lwjgl.opengl.GL33C.glUniformMatrix4fv;
import static org.lwjgl.opengl.GL33C.glVertexAttribPointer;

import dev.starling.site.Polygon;
import dev.starling.site.River;
import dev.starling.site.Site;
import org.joml.Matrix4fc;
import org.lwjgl.system.MemoryStack;

/**
 * The rivers: their outlines, triangulated once, at the site's water level, each in its own water
 * colour (so the confluence shows where the two rivers meet). The fragment shader
 * reads the mirrored pass (drawn just before into a low-resolution target) at the same pixel,
 * with ripples, vertical streaks, Fresnel weighting and haze: one texture fetch pattern per
 * water pixel, no second geometry pass.
 */
final class WaterPass implements AutoCloseable {
    private final ShaderProgram program;
    private final int vao;
    private final int vbo;
    private final int count;
    private final int uViewProj;
    private final int uViewport;
    private final int uEye;
    private final int uTime;

    WaterPass(Site site) {
        program = ShaderProgram.load("water", "water");
        uViewProj = program.uniform("u_viewProj");
        uViewport = program.uniform("u_viewport");
        uEye = program.uniform("u_eye");
        uTime = program.uniform("u_time");
        program.sampler("u_reflection", 0);
        glUniform3f(program.uniform("u_fogColor"), SkyPass.HORIZON[0], SkyPass.HORIZON[1], SkyPass.HORIZON[2]);
        glUniform1f(program.uniform("u_fogDensity"), SkylinePass.FOG_DENSITY);

        float[] data = geometry(site);
        count = data.length / 6;
        vao = glGenVertexArrays();
        vbo = glGenBuffers();
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glBufferData(GL_ARRAY_BUFFER, data, GL_STATIC_DRAW);
        glVertexAttribPointer(0, 3, GL_FLOAT, false, 6 * Float.BYTES, 0);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(1, 3, GL_FLOAT, false, 6 * Float.BYTES, 3L * Float.BYTES);
        glEnableVertexAttribArray(1);
        glBindVertexArray(0);
    }

    /**
     * The rivers' triangles at the water level: per vertex x, y, z (metres) and the river's
     * colour in linear light (6 floats). Shared with the web viewer ({@link WebScene}).
     */
    static float[] geometry(Site site) {
        int total = 0;
        for (River r : site.rivers()) {
            total += 3 * (r.outline().size() - 2);
        }
        float[] data = new float[total * 6];
        int o = 0;
        float z = (float) site.waterLevel();
        for (River r : site.rivers()) {
            Polygon p = r.outline();
            int c = r.waterRgb();
            // linear colour, as the shaders' srgbToLinear gives it, computed once here rather than per pixel
            float red = linear((c >> 16) & 255), green = linear((c >> 8) & 255), blue = linear(c & 255);
            for (int v : p.triangulate()) {
                data[o++] = (float) p.x(v);
                data[o++] = (float) p.y(v);
                data[o++] = z;
                data[o++] = red;
                data[o++] = green;
                data[o++] = blue;
            }
        }
        return data;
    }

    private static float linear(int channel) {
        return (float) Math.pow(channel / 255.0, 2.2);
    }

    /**
     * Draws the water into the bound target (viewport {@code width} × {@code height}), reflecting
     * {@code reflectionTexture}; {@code time} (seconds) moves the ripples.
     */
    void draw(Matrix4fc viewProj, float eyeX, float eyeY, float eyeZ, int reflectionTexture, int width, int height,
              float time) {
        glEnable(GL_DEPTH_TEST);
        // LEQUAL: the frame draws on the static layer's depth buffer, which holds the water's depth
        // from the frame before (the same triangles at the same depth)
        glDepthFunc(GL_LEQUAL);
        glDepthMask(true);
        program.use();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            glUniformMatrix4fv(uViewProj, false, viewProj.get(stack.mallocFloat(16)));
        }
        glUniform2f(uViewport, width, height);
        glUniform3f(uEye, eyeX, eyeY, eyeZ);
        glUniform1f(uTime, time);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, reflectionTexture);
        glBindVertexArray(vao);
        glDrawArrays(GL_TRIANGLES, 0, count);
        glBindVertexArray(0);
    }

    @Override
    public void close() {
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
        program.close();
    }
}
