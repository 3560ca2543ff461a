#version 330 core
#include "bloom.glsl"
// Bloom, last step: the vertical blur of the near glow times its gain, plus the wide glow (one
// bilinear tap of the level below) times its own: both levels in one texture for the composite.
in vec2 v_uv;
uniform sampler2D u_source;
uniform sampler2D u_wide;
uniform vec2 u_step;
uniform float u_gain;
uniform float u_wideGain;
out vec4 o_color;

void main() {
    o_color = vec4(gauss9(u_source, v_uv, u_step) * u_gain + texture(u_wide, v_uv).rgb * u_wideGain, 1.0);
}
