package dev.starling.render;

import static org.lwjgl.opengl.GL33C.GL_BLEND;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL33C.GL_RGBA32F;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE1;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL33C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL33C.glActiveTexture;
import static org.lwjgl.opengl.GL33C.glBindTexture;
import static org.lwjgl.opengl.GL33C.glBindVertexArray;
import static org.lwjgl.opengl.GL33C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL33C.glDepthMask;
import static org.lwjgl.opengl.GL33C.glDisable;
import static org.lwjgl.opengl.GL33C.glDrawArrays;
import static org.lwjgl.opengl.GL33C.glGenVertexArrays;
import static org.lwjgl.opengl.GL33C.glUniform1f;
import static org.lwjgl.opengl.GL33C.glUniform2f;

/**
 * Glow and tone mapping. From the HDR scene: keep what is brighter than {@value #THRESHOLD} at
 * half resolution, take it down to a quarter and an eighth, blur both (separable Gaussian), the
 * quarter's vertical blur weighing and adding both levels into one texture, then composite scene
 * + glow → ACES → display gamma into the output target. Eight passes: on software GL every pass
 * costs a flush and a wait besides its pixels, and only the composite runs at full resolution,
 * with two texture reads per pixel. (Thresholding four taps straight into the quarter saved a
 * pass more, but its glow then changed with where a light fell in a quarter texel, up to 2.8×,
 * so a moving drone would flicker: BloomPassTest.)
 */
final class BloomPass implements AutoCloseable {
    static final float THRESHOLD = 0.9f;
    static final float EXPOSURE = 1.0f;
    static final float NEAR_GAIN = 0.55f;
    static final float WIDE_GAIN = 0.45f;
    /**
     * The eighth is taken from the quarter before its blur (whose vertical half also adds the
     * eighth), so the eighth's blur steps that much further: Gaussians add in quadrature, and the
     * quarter's blur is half an eighth's, so sqrt(1 + 0.5²) keeps the wide glow as wide as before.
     */
    static final float WIDE_SPREAD = 1.118f;
    /**
     * Format of the glow's own targets (half, quarter, eighth): 32-bit floats. On software GL
     * (llvmpipe) a bilinear tap of a packed R11F_G11F_B10F texel unpacks four texels bit by bit,
     * while RGBA32F texels are read as they are; the targets are small (the half 3.7 MB at
     * 1280x720), so their wider writes cost less than the unpacking saves, most of all in the
     * composite, whose full-resolution tap of the glow was the frame's dearest texture read.
     */
    static final int GLOW_FORMAT = GL_RGBA32F;

    private final ShaderProgram bright;
    private final ShaderProgram down;
    private final ShaderProgram blur;
    private final ShaderProgram blurAdd;
    private final ShaderProgram composite;
    private final int vao;
    private final int downTexel;
    private final int blurStep;
    private final int blurAddStep;
    private Framebuffer half;
    private Framebuffer quarterA;
    private Framebuffer quarterB;
    private Framebuffer eighthA;
    private Framebuffer eighthB;

    BloomPass(int width, int height) {
        bright = ShaderProgram.load("screen", "bright");
        down = ShaderProgram.load("screen", "down");
        blur = ShaderProgram.load("screen", "blur");
        blurAdd = ShaderProgram.load("screen", "blurAdd");
        composite = ShaderProgram.load("screen", "composite");
        bright.sampler("u_source", 0);
        glUniform1f(bright.uniform("u_threshold"), THRESHOLD);
        down.sampler("u_source", 0);
        downTexel = down.uniform("u_texel");
        blur.sampler("u_source", 0);
        blurStep = blur.uniform("u_step");
        blurAdd.sampler("u_source", 0);
        blurAdd.sampler("u_wide", 1);
        glUniform1f(blurAdd.uniform("u_gain"), NEAR_GAIN);
        glUniform1f(blurAdd.uniform("u_wideGain"), WIDE_GAIN);
        blurAddStep = blurAdd.uniform("u_step");
        composite.sampler("u_scene", 0);
        composite.sampler("u_bloom", 1);
        glUniform1f(composite.uniform("u_exposure"), EXPOSURE);
        vao = glGenVertexArrays();
        resize(width, height);
    }

    /** Reallocates the intermediate targets for an output of {@code width} × {@code height}. */
    void resize(int width, int height) {
        closeTargets();
        half = new Framebuffer(Math.max(1, width / 2), Math.max(1, height / 2), GLOW_FORMAT, false);
        quarterA = new Framebuffer(Math.max(1, width / 4), Math.max(1, height / 4), GLOW_FORMAT, false);
        quarterB = new Framebuffer(quarterA.width(), quarterA.height(), GLOW_FORMAT, false);
        eighthA = new Framebuffer(Math.max(1, width / 8), Math.max(1, height / 8), GLOW_FORMAT, false);
        eighthB = new Framebuffer(eighthA.width(), eighthA.height(), GLOW_FORMAT, false);
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

        eighthA.bind();
        glUniform2f(downTexel, 1f / quarterA.width(), 1f / quarterA.height());
        screen(quarterA.texture());
        blur.use();
        eighthB.bind();
        glUniform2f(blurStep, WIDE_SPREAD / eighthA.width(), 0f);
        screen(eighthA.texture());
        eighthA.bind();
        glUniform2f(blurStep, 0f, WIDE_SPREAD / eighthA.height());
        screen(eighthB.texture());

        quarterB.bind();
        glUniform2f(blurStep, 1f / quarterA.width(), 0f);
        screen(quarterA.texture());
        quarterA.bind();
        blurAdd.use();
        glUniform2f(blurAddStep, 0f, 1f / quarterA.height());
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, eighthA.texture());
        screen(quarterB.texture());

        out.bind();
        composite.use();
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, quarterA.texture());
        screen(scene);
        glBindVertexArray(0);
        glDepthMask(true);
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
        blurAdd.close();
        composite.close();
    }
}
