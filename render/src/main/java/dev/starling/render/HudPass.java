package dev.starling.render;

import static org.lwjgl.opengl.GL33C.GL_ARRAY_BUFFER;
import static org.lwjgl.opengl.GL33C.GL_BLEND;
import static org.lwjgl.opengl.GL33C.GL_CLAMP_TO_EDGE;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_TEST;
import static org.lwjgl.opengl.GL33C.GL_FLOAT;
import static org.lwjgl.opengl.GL33C.GL_LINEAR;
import static org.lwjgl.opengl.GL33C.GL_ONE_MINUS_SRC_ALPHA;
import static org.lwjgl.opengl.GL33C.GL_R8;
import static org.lwjgl.opengl.GL33C.GL_RED;
import static org.lwjgl.opengl.GL33C.GL_SRC_ALPHA;
import static org.lwjgl.opengl.GL33C.GL_STREAM_DRAW;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE0;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_MAG_FILTER;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_MIN_FILTER;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_WRAP_S;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_WRAP_T;
import static org.lwjgl.opengl.GL33C.GL_TRIANGLES;
import static org.lwjgl.opengl.GL33C.GL_UNPACK_ALIGNMENT;
import static org.lwjgl.opengl.GL33C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL33C.glActiveTexture;
import static org.lwjgl.opengl.GL33C.glBindBuffer;
import static org.lwjgl.opengl.GL33C.glBindTexture;
import static org.lwjgl.opengl.GL33C.glBindVertexArray;
import static org.lwjgl.opengl.GL33C.glBlendFunc;
import static org.lwjgl.opengl.GL33C.glBufferData;
import static org.lwjgl.opengl.GL33C.glDeleteBuffers;
import static org.lwjgl.opengl.GL33C.glDeleteTextures;
import static org.lwjgl.opengl.GL33C.glDeleteVertexArrays;
import static org.lwjgl.opengl.GL33C.glDisable;
import static org.lwjgl.opengl.GL33C.glDrawArrays;
import static org.lwjgl.opengl.GL33C.glEnable;
import static org.lwjgl.opengl.GL33C.glEnableVertexAttribArray;
import static org.lwjgl.opengl.GL33C.glGenBuffers;
import static org.lwjgl.opengl.GL33C.glGenTextures;
import static org.lwjgl.opengl.GL33C.glGenVertexArrays;
import static org.lwjgl.opengl.GL33C.glPixelStorei;
import static org.lwjgl.opengl.GL33C.glTexImage2D;
import static org.lwjgl.opengl.GL33C.glTexParameteri;
import static org.lwjgl.opengl.GL33C.glUniform2f;
import static org.lwjgl.opengl.GL33C.glVertexAttribPointer;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.lwjgl.system.MemoryUtil;

/**
 * The heads-up display: lines of text on a translucent panel in the top-left corner of the
 * display-ready frame (so PNGs and the window show the same HUD). Glyphs come from a
 * {@link FontAtlas}; the quads are rebuilt into one vertex buffer per frame.
 */
final class HudPass implements AutoCloseable {
    /** Floats per vertex: x, y (pixels), u, v, r, g, b, a. */
    private static final int FLOATS = 8;
    private static final float[] PANEL = {0.02f, 0.025f, 0.045f, 0.62f};

    private final ShaderProgram program;
    private final FontAtlas atlas;
    private final int texture;
    private final int vao;
    private final int vbo;
    private final int uViewport;
    private float[] verts = new float[FLOATS * 6 * 256];
    private FloatBuffer staging = MemoryUtil.memAllocFloat(FLOATS * 6 * 256);
    private int size;

    HudPass(FontAtlas atlas) {
        this.atlas = atlas;
        program = ShaderProgram.load("hud", "hud");
        program.sampler("u_atlas", 0);
        uViewport = program.uniform("u_viewport");
        texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        ByteBuffer px = MemoryUtil.memAlloc(atlas.pixels.length);
        try {
            px.put(atlas.pixels).flip();
            glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.width, atlas.height, 0, GL_RED, GL_UNSIGNED_BYTE, px);
        } finally {
            MemoryUtil.memFree(px);
        }
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        vao = glGenVertexArrays();
        vbo = glGenBuffers();
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        int stride = FLOATS * Float.BYTES;
        glVertexAttribPointer(0, 2, GL_FLOAT, false, stride, 0);
        glVertexAttribPointer(1, 2, GL_FLOAT, false, stride, 2L * Float.BYTES);
        glVertexAttribPointer(2, 4, GL_FLOAT, false, stride, 4L * Float.BYTES);
        glEnableVertexAttribArray(0);
        glEnableVertexAttribArray(1);
        glEnableVertexAttribArray(2);
        glBindVertexArray(0);
    }

    /** The glyphs it draws from (for tests). */
    FontAtlas atlas() {
        return atlas;
    }

    /** Pixel rectangle the panel covers for these lines: x, y, width, height (for tests). */
    int[] panel(String[] lines) {
        int margin = atlas.lineHeight / 2;
        int w = 0;
        for (String l : lines) {
            w = Math.max(w, atlas.measure(l));
        }
        return new int[] {margin, margin, w + 2 * margin, lines.length * atlas.lineHeight + margin};
    }

    /**
     * Draws {@code lines}, line k in colour {@code colors[k]} (0xRRGGBB), into the bound target of
     * {@code width} × {@code height} pixels.
     */
    void draw(String[] lines, int[] colors, int width, int height) {
        size = 0;
        int[] p = panel(lines);
        float su = atlas.solidCentre() / atlas.width, sv = atlas.solidCentre() / atlas.height;
        quad(p[0], p[1], p[0] + p[2], p[1] + p[3], su, sv, su, sv, PANEL[0], PANEL[1], PANEL[2], PANEL[3]);
        int pad = atlas.lineHeight / 2;
        for (int k = 0; k < lines.length; k++) {
            int c = colors[k];
            float r = ((c >> 16) & 255) / 255f, g = ((c >> 8) & 255) / 255f, b = (c & 255) / 255f;
            float penX = p[0] + pad;
            float baseline = p[1] + pad / 2f + atlas.ascent + k * atlas.lineHeight;
            String line = lines[k];
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                i += Character.charCount(cp);
                int gi = atlas.glyph(cp);
                if (atlas.blank(gi)) { // a space: its quad would blend nothing, and costs its setup on software GL
                    penX += atlas.advance(gi);
                    continue;
                }
                float x0 = penX - 1, y0 = baseline + atlas.cellTop();
                float x1 = x0 + atlas.cellWidth(gi), y1 = y0 + atlas.cellHeight();
                float u0 = (float) atlas.cellX(gi) / atlas.width, v0 = (float) atlas.cellY(gi) / atlas.height;
                float u1 = (float) (atlas.cellX(gi) + atlas.cellWidth(gi)) / atlas.width;
                float v1 = (float) (atlas.cellY(gi) + atlas.cellHeight()) / atlas.height;
                quad(x0, y0, x1, y1, u0, v0, u1, v1, r, g, b, 1f);
                penX += atlas.advance(gi);
            }
        }
        glDisable(GL_DEPTH_TEST);
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        program.use();
        glUniform2f(uViewport, width, height);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, texture);
        glBindVertexArray(vao);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        if (staging.capacity() < size) {
            staging = MemoryUtil.memRealloc(staging, verts.length);
        }
        staging.clear();
        staging.put(verts, 0, size).flip();
        glBufferData(GL_ARRAY_BUFFER, staging, GL_STREAM_DRAW);
        glDrawArrays(GL_TRIANGLES, 0, size / FLOATS);
        glBindVertexArray(0);
        glDisable(GL_BLEND);
    }

    private void quad(float x0, float y0, float x1, float y1, float u0, float v0, float u1, float v1,
                      float r, float g, float b, float a) {
        if (size + 6 * FLOATS > verts.length) {
            verts = Arrays.copyOf(verts, verts.length * 2);
        }
        vertex(x0, y0, u0, v0, r, g, b, a);
        vertex(x1, y0, u1, v0, r, g, b, a);
        vertex(x1, y1, u1, v1, r, g, b, a);
        vertex(x0, y0, u0, v0, r, g, b, a);
        vertex(x1, y1, u1, v1, r, g, b, a);
        vertex(x0, y1, u0, v1, r, g, b, a);
    }

    private void vertex(float x, float y, float u, float v, float r, float g, float b, float a) {
        float[] d = verts;
        int o = size;
        d[o] = x;
        d[o + 1] = y;
        d[o + 2] = u;
        d[o + 3] = v;
        d[o + 4] = r;
        d[o + 5] = g;
        d[o + 6] = b;
        d[o + 7] = a;
        size += FLOATS;
    }

    @Override
    public void close() {
        glDeleteTextures(texture);
        glDeleteBuffers(vbo);
        glDeleteVertexArrays(vao);
        MemoryUtil.memFree(staging);
        program.close();
    }
}
