#version 330 core
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec3 a_water; // the river's colour, linear
uniform mat4 u_viewProj;
out vec3 v_world;
flat out vec3 v_water;

void main() {
    v_world = a_pos;
    v_water = a_water;
    gl_Position = u_viewProj * vec4(a_pos, 1.0);
}
