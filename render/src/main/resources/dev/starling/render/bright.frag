#version 330 core
// Bloom, step 1: half resolution, one bilinear tap at the corner of four source texels (their
// average), keeping only what is brighter than the threshold (soft knee).
in vec2 v_uv;
uniform sampler2D u_source;
uniform float u_threshold;
out vec4 o_color;

void main() {
    vec3 c = texture(u_source, v_uv).rgb;
    float lum = max(c.r, max(c.g, c.b));
    float knee = u_threshold * 0.5;
    float soft = clamp(lum - u_threshold + knee, 0.0, 2.0 * knee);
    soft = soft * soft / (4.0 * knee + 1e-5);
    float keep = max(soft, lum - u_threshold) / max(lum, 1e-5);
    o_color = vec4(c * keep, 1.0);
}
