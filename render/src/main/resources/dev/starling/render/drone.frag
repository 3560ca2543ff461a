#version 330 core
#include "common.glsl"
// A bright core and a soft halo, added onto the HDR target: the bloom pass turns it into glow.
in vec2 v_corner;
flat in vec3 v_color;
uniform float u_coreGain;
uniform float u_haloGain;
out vec4 o_color;

void main() {
    float r2 = dot(v_corner, v_corner);
    if (r2 > 1.0) {
        discard;
    }
    float core = exp(-r2 * 14.0);
    float halo = exp(-r2 * 3.5) - exp(-3.5);
    o_color = vec4(srgbToLinear(v_color) * (core * u_coreGain + halo * u_haloGain), 1.0);
}
