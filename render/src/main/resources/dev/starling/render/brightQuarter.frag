#version 330 core
#include "bloom.glsl"
// Bloom, step 1: a quarter of the resolution straight from the scene. Four bilinear taps, each at
// the corner of 2x2 scene pixels (their average), together the 4x4 block under this texel; each
// tap keeps only what is brighter than the threshold (soft knee), so a lone drone still counts.
in vec2 v_uv;
uniform sampler2D u_source;
uniform vec2 u_texel;           // one scene pixel, in uv
uniform float u_threshold;
out vec4 o_color;

void main() {
    vec3 c = overThreshold(texture(u_source, v_uv + u_texel * vec2(-1.0, -1.0)).rgb, u_threshold)
           + overThreshold(texture(u_source, v_uv + u_texel * vec2(1.0, -1.0)).rgb, u_threshold)
           + overThreshold(texture(u_source, v_uv + u_texel * vec2(-1.0, 1.0)).rgb, u_threshold)
           + overThreshold(texture(u_source, v_uv + u_texel * vec2(1.0, 1.0)).rgb, u_threshold);
    o_color = vec4(0.25 * c, 1.0);
}
