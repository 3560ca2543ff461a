// A drone's sprite, pasted in by ShaderProgram where a drone shader says: #include "drone.glsl"
// (the web page's quads, drone.vert/.frag, and the desktop's points, dronePoint.vert/.frag).

// Side of the sprite in pixels: its world size over the depth clip.w, never below minPixels,
// so a drone 1 km away is still a point of light.
float spritePixels(float glowMetres, float pixelsPerMetre, float clipW, float minPixels, float maxPixels) {
    return clamp(glowMetres * pixelsPerMetre / max(clipW, 0.001), minPixels, maxPixels);
}

// A bright core and a soft halo at r2, the squared distance from the centre (1 at the edge): the
// core is the LED behind its diffuser, an opaque light (alpha, blended as src + dst * (1 - alpha)),
// so a lit window behind a drone never shows through it; the halo is light in the air and adds.
vec4 droneLight(float r2, vec3 color, float coreGain, float haloGain) {
    float core = exp(-r2 * 14.0);
    float halo = exp(-r2 * 3.5) - exp(-3.5);
    return vec4(color * (core * coreGain + halo * haloGain), core);
}
