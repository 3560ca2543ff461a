#version 330 core
#include "common.glsl"
// Shades the city by kind (SkylineMesh constants): lit windows on facades, road lamps along the
// embankments and bridge decks, uplit pylons, street lights on the land. Patterns finer than a
// pixel fade to their average (fwidth), so distant towers glow instead of shimmering.
in vec3 v_world;
in vec2 v_uv;
flat in vec3 v_color;
flat in vec4 v_info;
uniform vec3 u_eye;
uniform vec3 u_fogColor;
uniform float u_fogDensity;
out vec4 o_color;

const vec3 WALL = vec3(0.006, 0.0065, 0.009);
const vec3 LAND_DARK = vec3(0.0045, 0.0045, 0.005);
const vec3 LAMP = vec3(1.0, 0.62, 0.30);

// Dots of light on a square grid of `spacing` metres, a fraction `density` of cells lit.
float lampGrid(vec2 xy, float spacing, float density, float radius) {
    vec2 cell = xy / spacing;
    vec2 id = floor(cell);
    vec2 f = (fract(cell) - 0.5) * spacing;
    float on = step(hash12(id), density);
    float spot = on * exp(-dot(f, f) / (radius * radius));
    vec2 fw = fwidth(cell);
    float blur = clamp(max(fw.x, fw.y) * spacing / radius * 0.6 - 0.4, 0.0, 1.0);
    float avg = density * 3.1416 * radius * radius / (spacing * spacing);
    return mix(spot, avg, blur);
}

vec3 facade(vec3 light, float seed, float face, float faceW, float height) {
    float cols = max(1.0, floor(faceW / 3.4));
    vec2 cell = vec2(v_uv.x / (faceW / cols), v_uv.y / 4.0);
    vec2 id = floor(cell);
    vec2 f = fract(cell);
    float pane = step(0.16, f.x) * step(f.x, 0.84) * step(0.22, f.y) * step(f.y, 0.80);
    float floorBusy = hash12(vec2(id.y, seed * 97.0 + face));
    float litShare = mix(0.08, 0.8, floorBusy * floorBusy);
    float lit = step(hash12(id + vec2(seed * 131.0, face * 17.0)), litShare);
    float level = lit * (0.35 + 0.65 * hash12(id.yx * 1.7 + seed * 53.0 + face));
    vec2 fw = fwidth(cell);
    float blur = clamp(max(fw.x, fw.y) * 1.6 - 0.4, 0.0, 1.0);
    // far away: the floor's average, so distant towers keep their bands of busy floors
    float avg = 0.68 * 0.58 * litShare * 0.68;
    float w = mix(pane * level, avg, blur);
    // a few windows in each tower burn in a warmer or cooler light than the rest
    float tint = hash12(id * 0.37 + seed * 11.0);
    vec3 tone = tint < 0.12 ? vec3(1.0, 0.72, 0.42) : (tint > 0.9 ? vec3(0.65, 0.8, 1.0) : vec3(1.0));
    vec3 c = WALL + light * mix(tone, vec3(1.0), blur) * w * 0.55;
    if (height > 120.0) {
        // LED crown and corner lines, as Chongqing's towers wear them
        float crown = step(height - 5.0, v_uv.y);
        float edge = min(v_uv.x, faceW - v_uv.x);
        float corner = 1.0 - smoothstep(0.5, 0.5 + 2.0 * fwidth(v_uv.x), edge);
        c += light * (crown * 0.6 + corner * 0.45 * step(0.45, seed));
    }
    return c;
}

// A row of lamps every `spacing` metres along u at height v0, as a Gaussian of `radius` metres.
// Along u the row fades to its average once lamps are closer than a pixel or two; across it the
// profile widens with the pixel footprint, keeping its energy.
float lampRow(float u, float v, float spacing, float v0, float radius) {
    float cu = u / spacing;
    float du = (fract(cu) - 0.5) * spacing;
    float blurU = clamp(fwidth(cu) * spacing / radius * 0.6 - 0.4, 0.0, 1.0);
    float along = mix(exp(-du * du / (radius * radius)), 1.7725 * radius / spacing, blurU);
    float fv = fwidth(v);
    float r2 = radius * radius + fv * fv;
    float dv = v - v0;
    float across = exp(-dv * dv / r2) * radius / sqrt(r2);
    return along * across;
}

vec3 embankment(vec3 light, float height) {
    vec3 c = LAND_DARK * 1.4;
    if (dot(light, light) > 0.0) {
        float band = smoothstep(height - 6.0, height - 1.5, v_uv.y) * (1.0 - smoothstep(height - 1.0, height - 0.2, v_uv.y));
        c += light * band * 0.12;
        c += light * 2.2 * lampRow(v_uv.x, v_uv.y, 20.0, height - 1.5, 0.9);
    }
    return c;
}

vec3 deckSide(vec3 light, float faceW, float height) {
    return WALL + light * 0.22 + light * 2.4 * lampRow(v_uv.x, v_uv.y, 14.0, height * 0.5, 0.8);
}

// Lit streets on a loose grid: lines `width` metres wide every `period` metres, antialiased and
// averaged once narrower than a pixel.
float streets(vec2 xy, vec2 period, float width) {
    vec2 c = xy / period;
    vec2 d = abs(fract(c) - 0.5) * period;
    vec2 aa = fwidth(c) * period;
    vec2 sharp = clamp((0.5 * width - d) / max(aa, vec2(1e-3)) + 0.5, 0.0, 1.0);
    vec2 avg = width / period;
    vec2 k = clamp(aa / width - 1.0, 0.0, 1.0);
    vec2 line = mix(sharp, avg, k);
    return max(line.x, line.y);
}

// A glass hall lit from inside (the Crystal): a glow with the frame's mullions and floor slabs dark.
vec3 glass(vec3 light, float faceW, float height) {
    vec2 cell = vec2(v_uv.x / 6.0, v_uv.y / max(height / 3.0, 1.0));
    vec2 f = fract(cell);
    vec2 fw = fwidth(cell);
    vec2 frame = smoothstep(vec2(0.0), fw * 1.5 + 0.04, f) * smoothstep(vec2(0.0), fw * 1.5 + 0.04, 1.0 - f);
    float blur = clamp(max(fw.x, fw.y) * 1.2 - 0.3, 0.0, 1.0);
    float pane = mix(frame.x * frame.y, 0.8, blur);
    return WALL + light * (0.08 + 0.5 * pane);
}

// Storeys of eaves hung with lanterns (Hongyadong): a warm wash on each storey, a row of lamps
// under every eave, 5 m apart.
vec3 terraces(vec3 light, float seed, float height) {
    float storey = 5.0;
    float v = mod(v_uv.y, storey);
    float wash = 0.06 + 0.1 * hash12(vec2(floor(v_uv.y / storey), seed * 31.0));
    float lamps = lampRow(v_uv.x + seed * 7.0, v, 2.6, storey - 0.8, 0.45);
    float eave = smoothstep(storey - 0.5, storey - 0.1, v);
    return WALL + light * (wash + 1.4 * lamps + 0.3 * eave);
}

void main() {
    int code = int(v_info.x + 0.5);
    int kind = code & 15;
    float face = float(code >> 4);
    float seed = v_info.y;
    vec3 light = srgbToLinear(v_color);
    vec3 c;
    if (kind == 0) {            // GROUND: the dark country beyond the banks
        c = LAND_DARK * 0.6 + LAMP * 0.5 * lampGrid(v_uv, 40.0, 0.18, 1.8);
    } else if (kind == 1) {     // LAND: streets and squares
        c = LAND_DARK + LAMP * (0.02 * streets(v_uv + seed * 40.0, vec2(83.0, 61.0), 7.0)
                               + 0.6 * lampGrid(v_uv, 24.0, 0.35, 1.6));
    } else if (kind == 2) {     // EMBANKMENT
        c = embankment(light, v_info.w);
    } else if (kind == 3) {     // FACADE
        c = facade(light, seed, face, v_info.z, v_info.w);
    } else if (kind == 4) {     // ROOF
        c = WALL * 0.8 + light * 0.02;
    } else if (kind == 5) {     // DECK_SIDE
        c = deckSide(light, v_info.z, v_info.w);
    } else if (kind == 6) {     // ROAD
        c = WALL + light * 0.06;
    } else if (kind == 7) {     // PYLON, washed from below
        c = WALL + light * (0.12 + 0.4 * smoothstep(0.0, max(v_info.w, 1.0), v_uv.y));
    } else if (kind == 9) {     // GLASS
        c = glass(light, v_info.z, v_info.w);
    } else if (kind == 10) {    // TERRACES
        c = terraces(light, seed, v_info.w);
    } else if (kind == 11) {    // ARCH: a rib lit along its length
        c = WALL + light * (0.3 + 2.0 * lampRow(v_uv.x, v_uv.y, 9.0, 2.5, 0.9));
    } else {                    // CABLE
        c = light * 0.45;
    }
    c = applyFog(c, length(v_world - u_eye), u_fogColor, u_fogDensity);
    o_color = vec4(c, 1.0);
}
