package dev.starling.render;

import static org.lwjgl.opengl.GL33C.GL_CLAMP_TO_EDGE;
import static org.lwjgl.opengl.GL33C.GL_COLOR_ATTACHMENT0;
import static org.lwjgl.opengl.GL33C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_ATTACHMENT;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_BUFFER_BIT;
import static org.lwjgl.opengl.GL33C.GL_DEPTH_COMPONENT24;
import static org.lwjgl.opengl.GL33C.GL_DRAW_FRAMEBUFFER;
import static org.lwjgl.opengl.GL33C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL33C.GL_FRAMEBUFFER_COMPLETE;
import static org.lwjgl.opengl.GL33C.GL_LINEAR;
import static org.lwjgl.opengl.GL33C.GL_NEAREST;
import static org.lwjgl.opengl.GL33C.GL_READ_FRAMEBUFFER;
import static org.lwjgl.opengl.GL33C.GL_RENDERBUFFER;
import static org.lwjgl.opengl.GL33C.GL_RGBA;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_2D;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_MAG_FILTER;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_MIN_FILTER;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_WRAP_S;
import static org.lwjgl.opengl.GL33C.GL_TEXTURE_WRAP_T;
import static org.lwjgl.opengl.GL33C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL33C.glBindFramebuffer;
import static org.lwjgl.opengl.GL33C.glBindRenderbuffer;
import static org.lwjgl.opengl.GL33C.glBindTexture;
import static org.lwjgl.opengl.GL33C.glBlitFramebuffer;
import static org.lwjgl.opengl.GL33C.glCheckFramebufferStatus;
import static org.lwjgl.opengl.GL33C.glDeleteFramebuffers;
import static org.lwjgl.opengl.GL33C.glDeleteRenderbuffers;
import static org.lwjgl.opengl.GL33C.glDeleteTextures;
import static org.lwjgl.opengl.GL33C.glDepthMask;
import static org.lwjgl.opengl.GL33C.glFramebufferRenderbuffer;
import static org.lwjgl.opengl.GL33C.glFramebufferTexture2D;
import static org.lwjgl.opengl.GL33C.glGenFramebuffers;
import static org.lwjgl.opengl.GL33C.glGenRenderbuffers;
import static org.lwjgl.opengl.GL33C.glGenTextures;
import static org.lwjgl.opengl.GL33C.glRenderbufferStorage;
import static org.lwjgl.opengl.GL33C.glTexImage2D;
import static org.lwjgl.opengl.GL33C.glTexParameteri;
import static org.lwjgl.opengl.GL33C.glViewport;

import java.nio.ByteBuffer;

/**
 * An offscreen render target: one colour texture (linear filtering, clamped) and, optionally, a
 * depth renderbuffer. The format decides HDR ({@code GL_RGBA16F}, {@code GL_R11F_G11F_B10F}) or
 * display-ready ({@code GL_RGBA8}). A target may draw on another's depth buffer instead of its
 * own ({@link #Framebuffer(Framebuffer)}), which it then neither copies nor deletes.
 * Checked complete at creation.
 */
final class Framebuffer implements AutoCloseable {
    private final int fbo;
    private final int texture;
    private final int depth;
    private final boolean ownsDepth;
    private final int width;
    private final int height;
    private final int internalFormat;

    Framebuffer(int width, int height, int internalFormat, boolean withDepth) {
        this(width, height, internalFormat, withDepth, null);
    }

    /**
     * A target of {@code depthOf}'s size and colour format that draws on {@code depthOf}'s depth
     * buffer: what it writes there, {@code depthOf} sees.
     */
    Framebuffer(Framebuffer depthOf) {
        this(depthOf.width, depthOf.height, depthOf.internalFormat, false, depthOf);
    }

    private Framebuffer(int width, int height, int internalFormat, boolean withDepth, Framebuffer depthOf) {
        if (depthOf != null && depthOf.depth == 0) {
            throw new IllegalArgumentException("a " + width + "x" + height + " target without a depth buffer to share");
        }
        this.width = width;
        this.height = height;
        texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexImage2D(GL_TEXTURE_2D, 0, internalFormat, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, (ByteBuffer) null);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        fbo = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
        this.internalFormat = internalFormat;
        ownsDepth = withDepth;
        if (depthOf != null) {
            depth = depthOf.depth;
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);
        } else if (withDepth) {
            depth = glGenRenderbuffers();
            glBindRenderbuffer(GL_RENDERBUFFER, depth);
            glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, width, height);
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);
        } else {
            depth = 0;
        }
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            close();
            throw new RenderException("the driver refuses a " + width + "x" + height + " framebuffer (format 0x"
                    + Integer.toHexString(internalFormat) + ", status 0x" + Integer.toHexString(status)
                    + "); try a smaller --size");
        }
    }

    /** Binds for drawing and sets the viewport to the whole target. */
    void bind() {
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glViewport(0, 0, width, height);
    }

    /**
     * Copies colour and depth into {@code dest}, which must have this size and format and a
     * depth buffer when this has one (the depth not when it is this one's): exact (no filtering),
     * then leaves {@code dest} bound.
     */
    void copyTo(Framebuffer dest) {
        if (dest.width != width || dest.height != height) {
            throw new IllegalArgumentException("copy between " + width + "x" + height + " and " + dest.width + "x" + dest.height);
        }
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, dest.fbo);
        glDepthMask(true);
        int mask = depth != 0 && dest.depth != 0 && dest.depth != depth ? GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT : GL_COLOR_BUFFER_BIT;
        glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, mask, GL_NEAREST);
        dest.bind();
    }

    int id() {
        return fbo;
    }

    int texture() {
        return texture;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    @Override
    public void close() {
        glDeleteFramebuffers(fbo);
        glDeleteTextures(texture);
        if (ownsDepth) {
            glDeleteRenderbuffers(depth);
        }
    }
}
