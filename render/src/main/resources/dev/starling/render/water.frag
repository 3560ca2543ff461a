#version 330 core
#include "common.glsl"
// Dark river that mirrors the city and the drones: samples the mirrored pass at this pixel,
// displaced by ripples and smeared vertically (lights on moving water stretch towards the
// viewer), weighted by Fresnel (grazing views reflect more), fading into the haze. The river's
// own colour (silt brown, jade green) tints the body of the water and the lights it carries.
in vec3 v_world;
flat in vec3 v_water;
uniform sampler2D u_reflection;
uniform vec2 u_viewport;
uniform vec3 u_eye;
uniform float u_time;
uniform vec3 u_fogColor;
uniform float u_fogDensity;
out vec4 o_color;

void main() {
    vec2 uv = gl_FragCoord.xy / u_viewport;
    vec3 toEye = u_eye - v_world;
    float dist = length(toEye);
    vec3 v = toEye / dist;
    vec2 w = v_world.xy;
    float t = u_time;
    float r = sin(dot(w, vec2(0.11, 0.07)) + t * 1.1) + 0.6 * sin(dot(w, vec2(-0.05, 0.19)) - t * 1.6);
    float s = cos(dot(w, vec2(0.07, 0.13)) - t * 0.9) + 0.5 * sin(dot(w, vec2(0.31, -0.23)) + t * 2.4);
    float near = clamp(250.0 / dist, 0.15, 1.0);
    vec2 off = vec2(r * 0.0022, s * 0.005) * near;
    // two streak taps, their spread jittered per pixel: a grainy smear instead of ghost copies
    float j = 0.6 + 0.8 * pixelNoise(gl_FragCoord.xy);
    vec2 s1 = vec2(0.0, 0.007 * j);
    vec3 refl = texture(u_reflection, uv + off + 0.6 * s1).rgb * 0.5
              + texture(u_reflection, uv + off - 0.6 * s1).rgb * 0.5;
    float g = 1.0 - clamp(v.z, 0.0, 1.0);
    float g2 = g * g;
    float fresnel = 0.02 + 0.98 * g2 * g2 * g;
    vec3 water = v_water; // linear already
    vec3 tint = water / max(max(water.r, water.g), max(water.b, 1e-3));
    vec3 c = water * 0.06 + refl * mix(0.22, 0.75, fresnel) * mix(vec3(1.0), tint, 0.45);
    o_color = vec4(applyFog(c, dist, u_fogColor, u_fogDensity), 1.0);
}
