#version 330 core
#include "bloom.glsl"
// Bloom, step 1: half resolution, one bilinear tap at the corner of four
// source texels (their average), keeping only what is brighter than the threshold (soft knee).
in vec2 v_uv;
uniform sampler2D u_source;
uniform float u_threshold;
out vec4 o_color;

void main() {
    o_color = vec4(overThreshold(texture(u_source, v_uv).rgb, u_threshold), 1.0);
}
