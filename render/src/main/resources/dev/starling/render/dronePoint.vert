#version 330 core
#include "common.glsl"
#include "drone.glsl"
// One point sprite per drone (the desktop's drones), spritePixels wide. GL drops a point whose
// centre leaves the clip volume, so the pass draws through a viewport wider than the target by
// u_guard pixels each side and scales clip.xy to match: a sprite at the picture's edge slides
// out instead of vanishing while half of it still shows.
layout(location = 1) in vec3 a_pos;        // position, metres
layout(location = 2) in vec4 a_color;      // sRGB colour
uniform mat4 u_viewProj;
uniform vec2 u_viewport;                   // the target's size, pixels
uniform float u_guard;                     // the viewport's margin each side, pixels
uniform float u_pixelsPerMetre;            // projection scale: pixels per metre at 1 m depth
uniform float u_glowMetres;                // sprite side in the world, metres
uniform float u_minPixels;
uniform float u_maxPixels;
flat out vec3 v_color;                     // linear: converted once per drone, not per pixel

void main() {
    vec4 clip = u_viewProj * vec4(a_pos, 1.0);
    gl_PointSize = spritePixels(u_glowMetres, u_pixelsPerMetre, clip.w, u_minPixels, u_maxPixels);
    clip.xy *= u_viewport / (u_viewport + 2.0 * u_guard);
    gl_Position = clip;
    v_color = srgbToLinear(a_color.rgb);
}
