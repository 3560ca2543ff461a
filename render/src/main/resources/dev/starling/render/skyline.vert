#version 330 core
// Static city geometry (see SkylineMesh for the vertex layout).
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec3 a_color;
layout(location = 3) in vec4 a_info;
uniform mat4 u_viewProj;
uniform float u_clipZ;      // the mirrored pass keeps only what is above the water
out vec3 v_world;
out vec2 v_uv;
flat out vec3 v_color;
flat out vec4 v_info;

void main() {
    v_world = a_pos;
    v_uv = a_uv;
    v_color = a_color;
    v_info = a_info;
    gl_ClipDistance[0] = a_pos.z - u_clipZ;
    gl_Position = u_viewProj * vec4(a_pos, 1.0);
}
