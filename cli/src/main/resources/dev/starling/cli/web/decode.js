// Starling web viewer: the show's data as the page carries it, decoded in the browser.
// The Java side (dev.starling.cli.WebPack) writes one deflate-raw stream of little-endian
// unsigned LEB128 varints ("zigzag" for signed values), in seven sections: segment counts,
// segment degrees, knot times (ms), control points (mm, each a delta from the point before),
// light counts, light times (ms) and light colours (+ fades). See docs/web.md.

/** Bytes of a base64 text (the page's embedded blobs). */
export function base64Bytes(text) {
  const bin = atob(text.replace(/\s+/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Inflates raw deflate bytes with the browser's own DecompressionStream (no library, no network). */
export async function inflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A cursor over varint-coded bytes. */
export class Reader {
  constructor(bytes, pos = 0, end = bytes.length) { this.b = bytes; this.p = pos; this.end = end; }
  uint() {
    let v = 0, scale = 1, byte;
    do {
      if (this.p >= this.end) throw new Error('starling data: truncated stream');
      byte = this.b[this.p++];
      v += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return v;
  }
  sint() { const u = this.uint(); return u % 2 === 0 ? u / 2 : -(u + 1) / 2; }
  byte() {
    if (this.p >= this.end) throw new Error('starling data: truncated stream');
    return this.b[this.p++];
  }
  /** The next section: its byte length, then its bytes, as a Reader of its own. */
  section() { const n = this.uint(); const r = new Reader(this.b, this.p, this.p + n); this.p += n; return r; }
}

const MAGIC = 'STW1';

/**
 * Decodes the show: per drone its Bézier segments (times in s, points in m) and light keyframes.
 * Structure of arrays, so evaluating 5000 drones a frame allocates nothing.
 */
export function decodeShow(bytes) {
  const head = new Reader(bytes);
  for (let i = 0; i < 4; i++) {
    if (head.byte() !== MAGIC.charCodeAt(i)) throw new Error('starling data: not a ' + MAGIC + ' stream');
  }
  const n = head.uint();
  const counts = head.section(), degrees = head.section(), times = head.section(), points = head.section();
  const lightCounts = head.section(), lightTimes = head.section(), colours = head.section();

  const segFirst = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) segFirst[i + 1] = segFirst[i] + counts.uint();
  const segs = segFirst[n];
  const degree = new Uint8Array(segs);
  let nPoints = n;
  for (let s = 0; s < segs; s++) { degree[s] = degrees.byte(); nPoints += degree[s]; }

  const t0 = new Float64Array(n), knot = new Float64Array(segs);
  let prevStart = 0;
  for (let i = 0; i < n; i++) {
    let ms = prevStart + times.sint();
    prevStart = ms;
    t0[i] = ms / 1000;
    for (let s = segFirst[i]; s < segFirst[i + 1]; s++) { ms += times.uint(); knot[s] = ms / 1000; }
  }

  // pts: the start point of drone i at index first[i], then each segment's points after it
  const pts = new Float64Array(3 * nPoints), first = new Int32Array(n), segPoint = new Int32Array(segs);
  let k = 0, sx = 0, sy = 0, sz = 0;
  for (let i = 0; i < n; i++) {
    sx += points.sint(); sy += points.sint(); sz += points.sint();
    let x = sx, y = sy, z = sz;
    first[i] = k;
    pts[3 * k] = x / 1000; pts[3 * k + 1] = y / 1000; pts[3 * k + 2] = z / 1000; k++;
    for (let s = segFirst[i]; s < segFirst[i + 1]; s++) {
      segPoint[s] = k;
      for (let d = 0; d < degree[s]; d++) {
        x += points.sint(); y += points.sint(); z += points.sint();
        pts[3 * k] = x / 1000; pts[3 * k + 1] = y / 1000; pts[3 * k + 2] = z / 1000; k++;
      }
    }
  }

  const lightFirst = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) lightFirst[i + 1] = lightFirst[i] + lightCounts.uint();
  const keys = lightFirst[n];
  const lightTime = new Float64Array(keys), rgb = new Int32Array(keys), fade = new Uint8Array(keys);
  let prevLight = 0;
  for (let i = 0; i < n; i++) {
    let ms = 0, r = 0, g = 0, b = 0;
    for (let j = lightFirst[i]; j < lightFirst[i + 1]; j++) {
      if (j === lightFirst[i]) { ms = prevLight + lightTimes.sint(); prevLight = ms; } else ms += lightTimes.uint();
      lightTime[j] = ms / 1000;
      r = (r + colours.byte()) & 255; g = (g + colours.byte()) & 255; b = (b + colours.byte()) & 255;
      rgb[j] = (r << 16) | (g << 8) | b;
      fade[j] = colours.byte();
    }
  }
  return { n, segFirst, degree, t0, knot, pts, first, segPoint, lightFirst, lightTime, rgb, fade };
}

/**
 * Position of drone i at time t (seconds) into out[o..o+2], metres: the Bernstein form of the
 * segment holding t (the plan's definition, docs/plan-format.md); at rest before the first
 * segment and after the last. cursor[i] remembers the last segment, so playback is O(1) per drone.
 */
export function position(show, i, t, cursor, out, o) {
  const { segFirst, degree, t0, knot, pts, first, segPoint } = show;
  const a = segFirst[i], e = segFirst[i + 1];
  if (t <= t0[i] || e === a) { copyPoint(pts, first[i], out, o); return; }
  if (t >= knot[e - 1]) { copyPoint(pts, segPoint[e - 1] + degree[e - 1] - 1, out, o); return; }
  let s = cursor[i];
  if (s < a || s >= e) s = a;
  while (s > a && knot[s - 1] > t) s--;
  while (knot[s] < t) s++;
  cursor[i] = s;
  const ta = s === a ? t0[i] : knot[s - 1];
  const u = (t - ta) / (knot[s] - ta), v = 1 - u;
  const p = segPoint[s], p0 = p - 1;
  for (let c = 0; c < 3; c++) {
    const P0 = pts[3 * p0 + c];
    let r;
    switch (degree[s]) {
      case 1: r = v * P0 + u * pts[3 * p + c]; break;
      case 2: r = v * v * P0 + 2 * u * v * pts[3 * p + c] + u * u * pts[3 * p + 3 + c]; break;
      default: r = v * v * v * P0 + 3 * u * v * v * pts[3 * p + c] + 3 * u * u * v * pts[3 * p + 3 + c]
          + u * u * u * pts[3 * p + 6 + c];
    }
    out[o + c] = r;
  }
}

function copyPoint(pts, k, out, o) {
  out[o] = pts[3 * k]; out[o + 1] = pts[3 * k + 1]; out[o + 2] = pts[3 * k + 2];
}

/**
 * Colour (0xRRGGBB) of drone i at time t, exactly as the plan's light program defines it: off
 * before the first keyframe; a step, or a linear fade into a keyframe marked fade, each channel
 * rounded to the nearest integer (LightProgram.colorAt).
 */
export function colour(show, i, t) {
  const { lightFirst, lightTime, rgb, fade } = show;
  const a = lightFirst[i], e = lightFirst[i + 1];
  if (e === a || t < lightTime[a]) return 0;
  let lo = a, hi = e - 1;           // last keyframe with time <= t
  while (lo < hi) { const m = (lo + hi + 1) >> 1; if (lightTime[m] <= t) lo = m; else hi = m - 1; }
  const k = lo;
  if (k + 1 < e && fade[k + 1]) {
    const u = (t - lightTime[k]) / (lightTime[k + 1] - lightTime[k]);
    return lerp(rgb[k], rgb[k + 1], u);
  }
  return rgb[k];
}

function lerp(c0, c1, u) {
  const ch = (sh) => Math.round(((c0 >> sh) & 255) * (1 - u) + ((c1 >> sh) & 255) * u);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/**
 * Smallest distance between two of the first n points (x, y, z arrays), metres; Infinity for
 * fewer than two. A uniform grid of cell c: pairs closer than c are found among neighbouring
 * cells; with none, c doubles (as the desktop HUD's MinSeparation does), so the answer is exact.
 */
export class MinSeparation {
  constructor() { this.previous = 2; this.map = new Map(); }
  compute(x, y, z, n) {
    if (n < 2) return Infinity;
    let c = Math.max(1e-3, Math.min(1.25 * this.previous, 2 * evenSpacing(x, y, z, n)));
    for (;;) {
      const best = this.within(x, y, z, n, c);
      if (best < c * c) { this.previous = Math.sqrt(best); return this.previous; }
      c *= 2;
    }
  }
  within(x, y, z, n, c) {
    const map = this.map; map.clear();
    const key = (i, j, k) => (i * 73856093) ^ (j * 19349663) ^ (k * 83492791);
    const next = new Int32Array(n);
    const ci = new Int32Array(n), cj = new Int32Array(n), ck = new Int32Array(n);
    for (let p = 0; p < n; p++) {
      ci[p] = Math.floor(x[p] / c); cj[p] = Math.floor(y[p] / c); ck[p] = Math.floor(z[p] / c);
      const h = key(ci[p], cj[p], ck[p]);
      const head = map.get(h);
      next[p] = head === undefined ? -1 : head;
      map.set(h, p);
    }
    let best = Infinity;
    for (let p = 0; p < n; p++) {
      for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) for (let dk = -1; dk <= 1; dk++) {
        let q = map.get(key(ci[p] + di, cj[p] + dj, ck[p] + dk));
        while (q !== undefined && q >= 0) {
          if (q > p) {
            const dx = x[q] - x[p], dy = y[q] - y[p], dz = z[q] - z[p];
            const d2 = dx * dx + dy * dy + dz * dz;
            if (d2 < best) best = d2;
          }
          q = next[q];
        }
      }
    }
    return best;
  }
}

function evenSpacing(x, y, z, n) {
  let x0 = x[0], x1 = x[0], y0 = y[0], y1 = y[0], z0 = z[0], z1 = z[0];
  for (let i = 1; i < n; i++) {
    x0 = Math.min(x0, x[i]); x1 = Math.max(x1, x[i]);
    y0 = Math.min(y0, y[i]); y1 = Math.max(y1, y[i]);
    z0 = Math.min(z0, z[i]); z1 = Math.max(z1, z[i]);
  }
  const a = x1 - x0, b = y1 - y0, d = z1 - z0;
  return Math.max(Math.max(a, b, d) / n, Math.sqrt(Math.max(a * b, a * d, b * d) / n), Math.cbrt(a * b * d / n));
}
