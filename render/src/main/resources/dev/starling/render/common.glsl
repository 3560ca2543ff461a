// Shared helpers, pasted in by ShaderProgram where a shader says: #include "common.glsl"

// Colours in the site and plan files are sRGB; lighting happens in linear light.
vec3 srgbToLinear(vec3 c) {
    return pow(c, vec3(2.2));
}

// Hash without sine: a stable pseudo-random number in [0, 1) per input.
float hash12(vec2 p) {
    vec3 q = fract(vec3(p.xyx) * 0.1031);
    q += dot(q, q.yzx + 33.33);
    return fract((q.x + q.y) * q.z);
}

// Interleaved gradient noise (Jimenez 2014): a cheap per-pixel dither in [0, 1).
float pixelNoise(vec2 fragCoord) {
    return fract(52.9829189 * fract(dot(fragCoord, vec2(0.06711056, 0.00583715))));
}

// Night haze over the rivers: distant things sink into the horizon glow.
vec3 applyFog(vec3 c, float dist, vec3 fogColor, float density) {
    return mix(c, fogColor, 1.0 - exp(-dist * density));
}
