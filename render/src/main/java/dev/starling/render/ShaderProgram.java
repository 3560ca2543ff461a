package dev.starling.render;

import static org.lwjgl.opengl.GL33C.GL_COMPILE_STATUS;
import static org.lwjgl.opengl.GL33C.GL_FRAGMENT_SHADER;
import static org.lwjgl.opengl.GL33C.GL_LINK_STATUS;
import static org.lwjgl.opengl.GL33C.GL_VERTEX_SHADER;
import static org.lwjgl.opengl.GL33C.glAttachShader;
import static org.lwjgl.opengl.GL33C.glCompileShader;
import static org.lwjgl.opengl.GL33C.glCreateProgram;
import static org.lwjgl.opengl.GL33C.glCreateShader;
import static org.lwjgl.opengl.GL33C.glDeleteProgram;
import static org.lwjgl.opengl.GL33C.glDeleteShader;
import static org.lwjgl.opengl.GL33C.glDetachShader;
import static org.lwjgl.opengl.GL33C.glGetProgramInfoLog;
import static org.lwjgl.opengl.GL33C.glGetProgrami;
import static org.lwjgl.opengl.GL33C.glGetShaderInfoLog;
import static org.lwjgl.opengl.GL33C.glGetShaderi;
import static org.lwjgl.opengl.GL33C.glGetUniformLocation;
import static org.lwjgl.opengl.GL33C.glLinkProgram;
import static org.lwjgl.opengl.GL33C.glShaderSource;
import static org.lwjgl.opengl.GL33C.glUniform1i;
import static org.lwjgl.opengl.GL33C.glUseProgram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A linked vertex + fragment program built from shader sources stored as resources next to this
 * class ({@code dev/starling/render/NAME.vert|frag}); a line {@code #include "FILE"} is replaced by
 * that resource, so helpers live in one place ({@code common.glsl}). Compile and link failures throw
 * {@link ShaderException} with the driver's log. Uniform locations are looked up once, at init,
 * by the pass that owns the program.
 */
final class ShaderProgram implements AutoCloseable {
    private final int id;
    private final String name;

    private ShaderProgram(int id, String name) {
        this.id = id;
        this.name = name;
    }

    /** Loads {@code vertex}.vert and {@code fragment}.frag from the resources and links them. */
    static ShaderProgram load(String vertex, String fragment) {
        return fromSource(vertex + ".vert + " + fragment + ".frag",
                source(vertex + ".vert"), source(fragment + ".frag"));
    }

    /** Compiles and links two sources; {@code name} labels errors. */
    static ShaderProgram fromSource(String name, String vertexSource, String fragmentSource) {
        int vs = compile(GL_VERTEX_SHADER, vertexSource, name + " (vertex shader)");
        int fs;
        try {
            fs = compile(GL_FRAGMENT_SHADER, fragmentSource, name + " (fragment shader)");
        } catch (ShaderException e) {
            glDeleteShader(vs);
            throw e;
        }
        int program = glCreateProgram();
        glAttachShader(program, vs);
        glAttachShader(program, fs);
        glLinkProgram(program);
        glDetachShader(program, vs);
        glDetachShader(program, fs);
        glDeleteShader(vs);
        glDeleteShader(fs);
        if (glGetProgrami(program, GL_LINK_STATUS) == 0) {
            String log = glGetProgramInfoLog(program);
            glDeleteProgram(program);
            throw new ShaderException("linking " + name, log);
        }
        return new ShaderProgram(program, name);
    }

    private static int compile(int type, String source, String what) {
        int shader = glCreateShader(type);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == 0) {
            String log = glGetShaderInfoLog(shader);
            glDeleteShader(shader);
            throw new ShaderException("compiling " + what, log);
        }
        return shader;
    }

    /** The text of shader {@code file} with its includes pasted in. */
    static String source(String file) {
        String text;
        try (InputStream in = ShaderProgram.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("shader resource dev/starling/render/" + file + " is missing from the build");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shader " + file, e);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("#include \"") && t.endsWith("\"")) {
                out.append(source(t.substring(10, t.length() - 1)));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.toString();
    }

    void use() {
        glUseProgram(id);
    }

    /** Location of uniform {@code uniform}; -1 (ignored by GL) when the compiler removed it. */
    int uniform(String uniform) {
        return glGetUniformLocation(id, uniform);
    }

    /** Binds sampler uniform {@code uniform} to texture unit {@code unit}; leaves the program in use. */
    void sampler(String uniform, int unit) {
        glUseProgram(id);
        glUniform1i(uniform(uniform), unit);
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        glDeleteProgram(id);
    }
}
