package dev.starling.render;

import static org.lwjgl.opengl.GL33C.GL_BLEND;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL33C.GL_ONE;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE1;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL33C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL33C.glActiveTexture;
import static org.lwjgl.opengl.GL33C.glBindTexture;
import static org.lwjgl.opengl.GL33C.glBindVertexArray;
import static org.lwjgl.opengl.GL33C.glBlendFunc;
import static org.lwjgl.opengl.GL33C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL33C.glDepthMask;
import static org.lwjgl.opengl.GL33C.glDisable;
import static org.lwjgl.opengl.GL33C.glDrawArrays;
import static org.lwjgl.opengl.GL33C.glEnable;
import static org.lwjgl.opengl.GL33C.glGenVertexArrays;
import static org.lwjgl.opengl.GL33C.glUniform1f;
import static org.lwjgl.opengl.GL33C.glUniform2f;

/**
 * Glow and tone mapping. From the HDR scene: keep what is brighter than
 * {@value #THRESHOLD} at half resolution, take it down to a quarter and an eighth, blur both
 * (separable Gaussian), weigh and add them at a quarter, then composite scene + glow → ACES →
 * display gamma into the output target. Only the composite runs at full resolution, with two
 * texture reads per pixel, which keeps software GL fast.
 */
final class BloomPass implements AutoCloseable {
    static final float THRESHOLD = 0.9f;
    static final float EXPOSURE = 1.0f;
    static final float NEAR_GAIN = 0.55f;
    static final float WIDE_GAIN = 0.45f;

    private final ShaderProgram bright;
    private final ShaderProgram down;
    private final ShaderProgram blur;
    private final ShaderProgram gain;
    private final ShaderProgram composite;
    private final int vao;
    private final int hdrFormat;
    private final int downTexel;
    private final int blurStep;
    private final int gainValue;
    private Framebuffer half;
    private Framebuffer quarterA;
    private Framebuffer quarterB;
    private Framebuffer eighthA;
    private Framebuffer eighthB;

    BloomPass(int width, int height, int hdrFormat) {
        this.hdrFormat = hdrFormat;
        bright = ShaderProgram.load("screen", "bright");
        down = ShaderProgram.load("screen", "down");
        blur = ShaderProgram.load("screen", "blur");
        gain = ShaderProgram.load("screen", "gain");
        composite = ShaderProgram.load("screen", "composite");
        bright.sampler("u_source", 0);
        glUniform1f(bright.uniform("u_threshold"), THRESHOLD);
        down.sampler("u_source", 0);
        downTexel = down.uniform("u_texel");
        blur.sampler("u_source", 0);
        blurStep = blur.uniform("u_step");
        gain.sampler("u_source", 0);
        gainValue = gain.uniform("u_gain");
        composite.sampler("u_scene", 0);
        composite.sampler("u_bloom", 1);
        glUniform1f(composite.uniform("u_exposure"), EXPOSURE);
        vao = glGenVertexArrays();
        resize(width, height);
    }

    /** Reallocates the intermediate targets for an output of {@code width} × {@code height}. */
    void resize(int width, int height) {
        closeTargets();
        half = new Framebuffer(Math.max(1, width / 2), Math.max(1, height / 2), hdrFormat, false);
        quarterA = new Framebuffer(Math.max(1, width / 4), Math.max(1, height / 4), hdrFormat, false);
        quarterB = new Framebuffer(quarterA.width(), quarterA.height(), hdrFormat, false);
        eighthA = new Framebuffer(Math.max(1, width / 8), Math.max(1, height / 8), hdrFormat, false);
        eighthB = new Framebuffer(eighthA.width(), eighthA.height(), hdrFormat, false);
    }

    /** Blooms and tone-maps {@code scene} (an HDR texture of the output's size) into {@code out}. */
    void apply(int scene, Framebuffer out) {
        glDisable(GL_DEPTH_TEST);
        glDepthMask(false);
        glDisable(GL_BLEND);
        glBindVertexArray(vao);

        half.bind();
        bright.use();
        screen(scene);

        quarterA.bind();
        down.use();
        glUniform2f(downTexel, 1f / half.width(), 1f / half.height());
        screen(half.texture());
        blurInto(quarterA, quarterB);

        eighthA.bind();
        down.use();
        glUniform2f(downTexel, 1f / quarterA.width(), 1f / quarterA.height());
        screen(quarterA.texture());
        blurInto(eighthA, eighthB);

        quarterB.bind();
        gain.use();
        glUniform1f(gainValue, NEAR_GAIN);
        screen(quarterA.texture());
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE);
        glUniform1f(gainValue, WIDE_GAIN);
        screen(eighthA.texture());
        glDisable(GL_BLEND);

        out.bind();
        composite.use();
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, quarterB.texture());
        screen(scene);
        glBindVertexArray(0);
        glDepthMask(true);
    }

    /** Horizontal blur a → b, vertical blur b → a. */
    private void blurInto(Framebuffer a, Framebuffer b) {
        blur.use();
        b.bind();
        glUniform2f(blurStep, 1f / a.width(), 0f);
        screen(a.texture());
        a.bind();
        glUniform2f(blurStep, 0f, 1f / a.height());
        screen(b.texture());
    }

    private static void screen(int texture) {
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, texture);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }

    private void closeTargets() {
        for (Framebuffer f : new Framebuffer[] {half, quarterA, quarterB, eighthA, eighthB}) {
            if (f != null) {
                f.close();
            }
        }
    }

    @Override
    public void close() {
        closeTargets();
        glDeleteVertexArrays(vao);
        bright.close();
        down.close();
        blur.close();
        gain.close();
        composite.close();
    }
}
