// Bloom helpers, pasted in by ShaderProgram where a shader says: #include "bloom.glsl"

// What of c is brighter than the threshold (max channel), with a soft knee.
vec3 overThreshold(vec3 c, float threshold) {
    float lum = max(c.r, max(c.g, c.b));
    float knee = threshold * 0.5;
    float soft = clamp(lum - threshold + knee, 0.0, 2.0 * knee);
    soft = soft * soft / (4.0 * knee + 1e-5);
    float keep = max(soft, lum - threshold) / max(lum, 1e-5);
    return c * keep;
}

// Separable 9-tap Gaussian in 5 bilinear fetches, along step (one texel, x or y).
vec3 gauss9(sampler2D source, vec2 uv, vec2 step) {
    vec3 c = texture(source, uv).rgb * 0.2270270270;
    c += texture(source, uv + step * 1.3846153846).rgb * 0.3162162162;
    c += texture(source, uv - step * 1.3846153846).rgb * 0.3162162162;
    c += texture(source, uv + step * 3.2307692308).rgb * 0.0702702703;
    c += texture(source, uv - step * 3.2307692308).rgb * 0.0702702703;
    return c;
}
