#version 330 core
#include "common.glsl"
#include "drone.glsl"
// One camera-facing square per drone (instanced; the web page's drones): its side in pixels is
// spritePixels'.
layout(location = 0) in vec2 a_corner;     // static quad, corners in [-1, 1]
layout(location = 1) in vec3 a_pos;        // per drone: position, metres
layout(location = 2) in vec4 a_color;      // per drone: sRGB colour
uniform mat4 u_viewProj;
uniform vec2 u_viewport;
uniform float u_pixelsPerMetre;            // projection scale: pixels per metre at 1 m depth
uniform float u_glowMetres;                // sprite side in the world, metres
uniform float u_minPixels;
uniform float u_maxPixels;
out vec2 v_corner;
flat out vec3 v_color;                     // linear: converted once per drone, not per pixel

void main() {
    vec4 clip = u_viewProj * vec4(a_pos, 1.0);
    float side = spritePixels(u_glowMetres, u_pixelsPerMetre, clip.w, u_minPixels, u_maxPixels);
    clip.xy += a_corner * side / u_viewport * clip.w;
    gl_Position = clip;
    v_corner = a_corner;
    v_color = srgbToLinear(a_color.rgb);
}
