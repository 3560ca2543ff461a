#version 330 core
// A bright core and a soft halo onto the HDR target: the bloom pass turns it into glow. The core
// is the LED behind its diffuser, an opaque light: it covers what stands behind it (alpha, blended
// as src + dst * (1 - alpha)), so a lit window behind a drone never shows through it. The halo
// is light in the air and adds.
in vec2 v_corner;
flat in vec3 v_color;     // linear
uniform float u_coreGain;
uniform float u_haloGain;
out vec4 o_color;

void main() {
    float r2 = dot(v_corner, v_corner);
    if (r2 > 1.0) {
        discard;
    }
    float core = exp(-r2 * 14.0);
    float halo = exp(-r2 * 3.5) - exp(-3.5);
    o_color = vec4(v_color * (core * u_coreGain + halo * u_haloGain), core);
}
