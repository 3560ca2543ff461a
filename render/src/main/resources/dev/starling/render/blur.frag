#version 330 core
// Bloom: separable 9-tap Gaussian in 5 bilinear fetches, along u_step (one texel, x or y).
in vec2 v_uv;
uniform sampler2D u_source;
uniform vec2 u_step;
out vec4 o_color;

void main() {
    vec3 c = texture(u_source, v_uv).rgb * 0.2270270270;
    c += texture(u_source, v_uv + u_step * 1.3846153846).rgb * 0.3162162162;
    c += texture(u_source, v_uv - u_step * 1.3846153846).rgb * 0.3162162162;
    c += texture(u_source, v_uv + u_step * 3.2307692308).rgb * 0.0702702703;
    c += texture(u_source, v_uv - u_step * 3.2307692308).rgb * 0.0702702703;
    o_color = vec4(c, 1.0);
}
