#version 330 core
// Bloom: halves the resolution with 4 bilinear taps (a 4x4 box).
in vec2 v_uv;
uniform sampler2D u_source;
uniform vec2 u_texel;
out vec4 o_color;

void main() {
    o_color = vec4(0.25 * (texture(u_source, v_uv + u_texel * vec2(-1.0, -1.0)).rgb
                         + texture(u_source, v_uv + u_texel * vec2(1.0, -1.0)).rgb
                         + texture(u_source, v_uv + u_texel * vec2(-1.0, 1.0)).rgb
                         + texture(u_source, v_uv + u_texel * vec2(1.0, 1.0)).rgb), 1.0);
}
