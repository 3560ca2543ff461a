#version 330 core
// Full-screen triangle at the far plane (drawn after the city and the water, so the depth test
// skips every covered pixel) carrying each corner's view ray; rays interpolate linearly.
uniform mat4 u_invViewProj;
out vec3 v_ray;

void main() {
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2)) * 2.0 - 1.0;
    vec4 a = u_invViewProj * vec4(p, -1.0, 1.0);
    vec4 b = u_invViewProj * vec4(p, 1.0, 1.0);
    v_ray = b.xyz / b.w - a.xyz / a.w;
    gl_Position = vec4(p, 1.0, 1.0);
}
