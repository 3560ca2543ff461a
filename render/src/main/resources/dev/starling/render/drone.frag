#version 330 core
#include "drone.glsl"
// A drone's quad onto the HDR target (see droneLight): the bloom pass turns it into glow.
in vec2 v_corner;
flat in vec3 v_color;     // linear
uniform float u_coreGain;
uniform float u_haloGain;
out vec4 o_color;

void main() {
    float r2 = dot(v_corner, v_corner);
    if (r2 > 1.0) {
        discard;
    }
    o_color = droneLight(r2, v_color, u_coreGain, u_haloGain);
}
