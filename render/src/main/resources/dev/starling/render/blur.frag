#version 330 core
#include "bloom.glsl"
// Bloom: separable 9-tap Gaussian in 5 bilinear fetches, along u_step (one texel, x or y).
in vec2 v_uv;
uniform sampler2D u_source;
uniform vec2 u_step;
out vec4 o_color;

void main() {
    o_color = vec4(gauss9(u_source, v_uv, u_step), 1.0);
}
