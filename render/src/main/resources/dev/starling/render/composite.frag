#version 330 core
#include "common.glsl"
// HDR scene + glow -> exposure -> ACES filmic curve -> display gamma (2.0: one sqrt,
// cheap on software GL, within a few percent of sRGB), dithered so the dark sky does not band.
// Writes the display-ready frame (the one the window shows and PNGs store).
in vec2 v_uv;
uniform sampler2D u_scene;
uniform sampler2D u_bloom;        // both glow levels, already weighted and added
uniform float u_exposure;
out vec4 o_color;

vec3 aces(vec3 x) {
    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
}

void main() {
    vec3 c = texelFetch(u_scene, ivec2(gl_FragCoord.xy), 0).rgb
           + texture(u_bloom, v_uv).rgb;
    c = sqrt(aces(c * u_exposure));
    c += (pixelNoise(gl_FragCoord.xy) - 0.5) / 255.0;
    o_color = vec4(c, 1.0);
}
