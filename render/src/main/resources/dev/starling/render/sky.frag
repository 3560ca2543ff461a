#version 330 core
#include "common.glsl"
// Night sky over a lit city: near-black zenith, a warm haze of light pollution at the horizon,
// a few faint stars. Linear HDR output.
in vec3 v_ray;
uniform vec3 u_zenith;
uniform vec3 u_horizon;
uniform vec3 u_glow;
out vec4 o_color;

void main() {
    vec3 dir = normalize(v_ray);
    float e = dir.z;
    vec3 c = mix(u_horizon, u_zenith, smoothstep(0.0, 0.5, max(e, 0.0)));
    c += u_glow * exp(-max(e, 0.0) * 22.0);
    if (e > 0.12) {
        vec3 d = dir * 420.0;
        float r = hash13(floor(d));
        if (r > 0.9965) {
            vec3 f = fract(d) - 0.5;
            c += vec3(0.9, 0.95, 1.0) * 0.12 * exp(-dot(f, f) * 40.0) * (r - 0.9965) / 0.0035;
        }
    }
    o_color = vec4(c, 1.0);
}
