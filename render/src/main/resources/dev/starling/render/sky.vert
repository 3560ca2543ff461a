#version 330 core
// The sky as a dome around the eye, pinned to the far plane (drawn after the city and the water,
// so the depth test skips every covered pixel). The colour is worked out per vertex from the
// elevation (near-black zenith, warm city haze at the horizon) and interpolated: the fragment
// shader does nothing but write it. Stars are points on the same dome.
layout(location = 0) in vec3 a_dir;     // unit direction from the eye
layout(location = 1) in float a_star;   // 0 for the dome, the star's brightness for a star
uniform mat4 u_viewProj;
uniform vec3 u_eye;
uniform vec3 u_zenith;
uniform vec3 u_horizon;
uniform vec3 u_glow;
out vec3 v_color;

void main() {
    float e = max(a_dir.z, 0.0);
    vec3 c = mix(u_horizon, u_zenith, smoothstep(0.0, 0.5, e)) + u_glow * exp(-e * 22.0);
    v_color = a_star > 0.0 ? c + vec3(0.9, 0.95, 1.0) * a_star : c;
    vec4 p = u_viewProj * vec4(u_eye + a_dir * 1000.0, 1.0);
    gl_Position = p.xyww;
}
