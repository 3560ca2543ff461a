#version 330 core
#include "drone.glsl"
// A drone's point sprite onto the HDR target (see droneLight): the bloom pass turns it into glow.
flat in vec3 v_color;     // linear
uniform float u_coreGain;
uniform float u_haloGain;
out vec4 o_color;

void main() {
    vec2 corner = gl_PointCoord * 2.0 - 1.0;
    float r2 = dot(corner, corner);
    if (r2 > 1.0) {
        discard;
    }
    o_color = droneLight(r2, v_color, u_coreGain, u_haloGain);
}
