#version 330 core
// Bloom (the web page's pipeline): one bilinear tap times a gain, to weigh and add the glow
// levels into one texture.
in vec2 v_uv;
uniform sampler2D u_source;
uniform float u_gain;
out vec4 o_color;

void main() {
    o_color = vec4(texture(u_source, v_uv).rgb * u_gain, 1.0);
}
