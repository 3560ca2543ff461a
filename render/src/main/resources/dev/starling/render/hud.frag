#version 330 core
// Glyph coverage from the font atlas (red channel) times the vertex colour; panels sample a
// fully covered texel.
in vec2 v_uv;
in vec4 v_color;
uniform sampler2D u_atlas;
out vec4 o_color;

void main() {
    o_color = vec4(v_color.rgb, v_color.a * texture(u_atlas, v_uv).r);
}
