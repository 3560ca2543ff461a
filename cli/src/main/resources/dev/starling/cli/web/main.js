// Starling web viewer: loads the embedded show, runs the clock (the music's when it plays), and
// wires the controls: play/pause, timeline scrubber with scene and cue marks, viewpoints, orbit
// and pinch-zoom, HUD. window.starling is the test hook (seek, positions, colours, fps).
import { base64Bytes, inflateRaw, decodeShow, position, colour, MinSeparation } from './decode.js';
import { Renderer, project } from './gl.js';

const errors = [];
const note = (what) => { errors.push(String(what)); const e = document.getElementById('error'); e.textContent = String(what); e.hidden = false; };
window.addEventListener('error', (e) => note(e.message));
window.addEventListener('unhandledrejection', (e) => note(e.reason && e.reason.message ? e.reason.message : e.reason));
document.addEventListener('securitypolicyviolation', (e) => note('blocked ' + e.violatedDirective + ': ' + e.blockedURI));

async function blob(id) {
  const el = document.getElementById(id);
  return inflateRaw(base64Bytes(el.textContent));
}

async function floats(id) {
  const b = await blob(id);
  return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
}

const fmt = (v, d) => v.toFixed(d);
const $ = (id) => document.getElementById(id);

/** Orbit around the camera's target: yaw counter-clockwise from +x, pitch above the horizon (Camera.orbit). */
function orbitFrom(cam) {
  const dx = cam.eye[0] - cam.target[0], dy = cam.eye[1] - cam.target[1], dz = cam.eye[2] - cam.target[2];
  const d = Math.hypot(dx, dy, dz);
  return { target: cam.target.slice(), yaw: Math.atan2(dy, dx), pitch: Math.asin(dz / d), distance: d, fov: cam.fov };
}

function orbitCamera(o) {
  const p = Math.max(-89, Math.min(89, o.pitch * 180 / Math.PI)) * Math.PI / 180, c = Math.cos(p);
  return { name: 'orbit', eye: [o.target[0] + o.distance * c * Math.cos(o.yaw), o.target[1] + o.distance * c * Math.sin(o.yaw),
    o.target[2] + o.distance * Math.sin(p)], target: o.target, up: [0, 0, 1], fov: o.fov };
}

async function start() {
  const meta = JSON.parse($('starling-meta').textContent);
  const [showBytes, triangles, lines, water, sky] = await Promise.all([blob('starling-show'), floats('starling-triangles'),
    floats('starling-lines'), floats('starling-water'), floats('starling-sky')]);
  const show = decodeShow(showBytes);
  const n = show.n;
  const scene = { ...meta.scene, triangles, lines, water, sky };
  const renderer = new Renderer($('view'), scene, n);

  // per-frame buffers, allocated once
  const cursor = new Int32Array(n), p = new Float64Array(3 * n), xyz = new Float32Array(3 * n), rgb = new Int32Array(n);
  const ax = new Float64Array(n), ay = new Float64Array(n), az = new Float64Array(n);
  const sep = new MinSeparation();

  const state = { t: meta.start, playing: false, camera: meta.cameras[0], orbit: null, lit: 0, airborne: 0, minSep: Infinity, vp: null };
  let audio = null;
  if (meta.music) {
    const bytes = base64Bytes($('starling-music').textContent);
    audio = new Audio(URL.createObjectURL(new Blob([bytes], { type: meta.music.mime })));
    audio.preload = 'auto';
  }

  function evaluate(t) {
    let lit = 0, air = 0;
    for (let i = 0; i < n; i++) {
      position(show, i, t, cursor, p, 3 * i);
      const c = colour(show, i, t);
      if (c !== 0) { xyz[3 * lit] = p[3 * i]; xyz[3 * lit + 1] = p[3 * i + 1]; xyz[3 * lit + 2] = p[3 * i + 2]; rgb[lit++] = c; }
      if (p[3 * i + 2] > meta.scene.constants.groundAltitude) { ax[air] = p[3 * i]; ay[air] = p[3 * i + 1]; az[air++] = p[3 * i + 2]; }
    }
    state.lit = lit; state.airborne = air;
    state.minSep = sep.compute(ax, ay, az, air);
    renderer.upload(xyz, rgb, lit);
  }

  /** What the show is doing at t, worded as the desktop HUD words it (render/Timeline.describe). */
  function sceneAt(t) {
    const sc = meta.scenes;
    if (!sc.length) return '';
    let k = -1;
    for (let i = 0; i < sc.length; i++) if (sc[i].start <= t) k = i;
    if (k < 0) return 'takeoff';
    const s = sc[k];
    if (t < s.holdStart) return s.name + ' (transition)';
    if (t <= s.holdEnd) return s.name + ' (hold)';
    return k === sc.length - 1 ? 'landing' : s.name + ' (leaving)';
  }

  /** "bar 33:2" (render/Timeline.barAt, beatInBar): the beat counted from the grid's offset, 1-based. */
  function barText(t) {
    const g = meta.beats;
    const k = Math.floor((t - g.offset + 1e-6) / (60 / g.bpm));
    if (k < 0) return 'bar -';
    return 'bar ' + (Math.floor(k / g.beatsPerBar) + 1) + ':' + ((k % g.beatsPerBar) + 1);
  }

  function hud() {
    const t = state.t, limit = meta.minSeparation;
    let s = Number.isFinite(state.minSep) ? fmt(state.minSep, 2) + ' m' : '-';
    if (limit != null) s += ' (limit ' + fmt(limit, 2) + ' m)';
    const next = meta.cues.find((c) => c.time >= t - 1e-3); // as Timeline.nextCue: a cue is "next" through its own moment
    $('hud-time').textContent = 't ' + fmt(t, 1) + ' s / ' + fmt(meta.end, 1) + ' s   ' + sceneAt(t);
    const cue = meta.cues.length ? (next ? 'next: ' + next.name + ' in ' + fmt(Math.max(0, Math.ceil((next.time - t) * 10 - 1e-6) / 10), 1) + ' s' : 'next: no cue left') : '';
    $('hud-cue').textContent = meta.beats ? (cue ? cue + '   ' : '') + barText(t) : cue;
    $('hud-drones').textContent = 'drones ' + n + ' (' + state.lit + ' lit)   min separation ' + s;
    $('hud-drones').classList.toggle('warn', limit != null && state.minSep < limit);
    $('hud-camera').textContent = 'camera ' + state.camera.name;
    $('scrub').value = String(t);
  }

  function resize() {
    const canvas = $('view');
    const dpr = Math.min(window.devicePixelRatio || 1, 2);
    const w = Math.max(8, Math.round(canvas.clientWidth * dpr)), h = Math.max(8, Math.round(canvas.clientHeight * dpr));
    renderer.resize(w, h);
  }

  /**
   * The camera as drawn on this canvas: the site's cameras are framed for a landscape screen, so a
   * narrower one (a phone held upright) widens the vertical field of view until it shows what a
   * 16:9 frame shows across. At 16:9 and wider, the camera is the desktop renderer's exactly.
   */
  function fitted(cam) {
    const aspect = renderer.width / renderer.height, wide = 16 / 9;
    if (aspect >= wide) return cam;
    const half = Math.atan(Math.tan(cam.fov * Math.PI / 360) * wide / aspect);
    return { ...cam, fov: Math.min(120, 2 * half * 180 / Math.PI) };
  }

  const timing = { evaluateMs: 0, drawMs: 0, frames: 0 };
  function frame() {
    resize();
    const a = performance.now();
    evaluate(state.t);
    const b = performance.now();
    state.vp = renderer.render(state.t, fitted(state.camera));
    hud();
    timing.evaluateMs += b - a; timing.drawMs += performance.now() - b; timing.frames++;
  }

  // ---- clock: the music's when it plays, else the page's
  let last = null;
  const frameTimes = [];
  function tick(now) {
    if (state.playing) {
      if (audio && !audio.paused && audio.currentTime > 0) state.t = audio.currentTime - meta.music.offset;
      else if (last != null) state.t += (now - last) / 1000;
      if (state.t >= meta.end) { state.t = meta.end; setPlaying(false); }
    }
    last = now;
    frame();
    frameTimes.push(now);
    if (frameTimes.length > 600) frameTimes.shift();
    requestAnimationFrame(tick);
  }

  function syncAudio() {
    if (!audio) return;
    const at = state.t + meta.music.offset;
    if (state.playing && at >= 0 && at < meta.music.duration) {
      if (Math.abs(audio.currentTime - at) > 0.08) audio.currentTime = at;
      audio.play().catch(() => {});
    } else audio.pause();
  }

  function setPlaying(on) {
    state.playing = on;
    $('play').textContent = on ? '❚❚' : '▶';
    $('play').setAttribute('aria-label', on ? 'pause' : 'play');
    syncAudio();
  }

  function seek(t) {
    state.t = Math.max(meta.start, Math.min(meta.end, Number(t)));
    syncAudio();
    frame();
  }

  function setCamera(name) {
    const c = meta.cameras.find((x) => x.name === name);
    if (!c) throw new Error('no camera ' + name + '; cameras: ' + meta.cameras.map((x) => x.name).join(', '));
    state.camera = c; state.orbit = null;
    $('camera').value = name;
    frame();
  }

  // ---- controls
  const scrub = $('scrub');
  scrub.min = String(meta.start); scrub.max = String(meta.end); scrub.step = '0.01';
  scrub.addEventListener('input', () => seek(Number(scrub.value)));
  $('play').addEventListener('click', () => setPlaying(!state.playing));
  const marks = $('marks'), span = meta.end - meta.start || 1;
  const mark = (t, cls, title) => {
    const m = document.createElement('div');
    m.className = cls; m.style.left = (100 * (t - meta.start) / span) + '%'; m.title = title;
    marks.appendChild(m);
  };
  for (const s of meta.scenes) mark(s.start, 'mark scene', s.name);
  for (const c of meta.cues) mark(c.time, 'mark cue', c.name);
  const select = $('camera');
  for (const c of meta.cameras) { const o = document.createElement('option'); o.value = c.name; o.textContent = c.name; select.appendChild(o); }
  select.addEventListener('change', () => setCamera(select.value));
  window.addEventListener('keydown', (e) => {
    if (e.key === ' ') { setPlaying(!state.playing); e.preventDefault(); }
    const k = Number(e.key);
    if (k >= 1 && k <= meta.cameras.length) setCamera(meta.cameras[k - 1].name);
  });

  // orbit: drag turns around the target; wheel or two fingers zoom
  const canvas = $('view'), pointers = new Map();
  let pinch = null;
  const ensureOrbit = () => { if (!state.orbit) state.orbit = orbitFrom(state.camera); return state.orbit; };
  canvas.addEventListener('pointerdown', (e) => { canvas.setPointerCapture(e.pointerId); pointers.set(e.pointerId, [e.clientX, e.clientY]); });
  const up = (e) => { pointers.delete(e.pointerId); pinch = null; };
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', up);
  canvas.addEventListener('pointermove', (e) => {
    const prev = pointers.get(e.pointerId);
    if (!prev) return;
    pointers.set(e.pointerId, [e.clientX, e.clientY]);
    const o = ensureOrbit();
    if (pointers.size === 1) {
      o.yaw -= (e.clientX - prev[0]) * 0.005;
      o.pitch = Math.max(-0.1, Math.min(1.55, o.pitch + (e.clientY - prev[1]) * 0.005));
    } else if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const d = Math.hypot(a[0] - b[0], a[1] - b[1]);
      if (pinch) o.distance = Math.max(20, Math.min(8000, o.distance * pinch / d));
      pinch = d;
    }
    state.camera = orbitCamera(o);
    select.value = '';
  });
  canvas.addEventListener('wheel', (e) => {
    const o = ensureOrbit();
    o.distance = Math.max(20, Math.min(8000, o.distance * Math.exp(e.deltaY * 0.001)));
    state.camera = orbitCamera(o); select.value = '';
    e.preventDefault();
  }, { passive: false });
  window.addEventListener('resize', frame);

  // ---- test hook
  const query = new URLSearchParams(location.hash.slice(1));
  if (query.has('hud') && query.get('hud') === '0') $('hud').hidden = true;
  if (query.has('ui') && query.get('ui') === '0') $('controls').hidden = true;
  if (query.has('camera')) setCamera(query.get('camera'));
  if (query.has('t')) state.t = Number(query.get('t'));
  setCamera(state.camera.name);
  seek(state.t);
  requestAnimationFrame(tick);

  window.starling = {
    errors,
    droneCount: n,
    cameras: () => meta.cameras.map((c) => c.name),
    seek: (t) => { seek(t); return state.t; },
    time: () => state.t,
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    camera: (name) => { setCamera(name); return state.camera.name; },
    showHud: (on) => { $('hud').hidden = !on; $('controls').hidden = !on; },
    /** Every drone's position at the current time, metres, as [x0, y0, z0, x1, ...] (the plan's order). */
    positions: () => Array.from(p),
    /** Every drone's colour at the current time, 0xRRGGBB. */
    colours: () => Array.from({ length: n }, (_, i) => colour(show, i, state.t)),
    /** Pixel (column, row from the top) of each drone at the current time in the canvas, or null. */
    pixels: () => Array.from({ length: n }, (_, i) => project(state.vp, [p[3 * i], p[3 * i + 1], p[3 * i + 2]], renderer.width, renderer.height)),
    /** The embedded soundtrack's length as the browser decoded it, seconds (NaN until known; null without music). */
    musicDuration: () => (audio ? audio.duration : null),
    hud: () => ({ time: state.t, lit: state.lit, airborne: state.airborne, minSeparation: state.minSep, scene: sceneAt(state.t), camera: state.camera.name }),
    /** Plays for ms milliseconds and reports the animation frames per second requestAnimationFrame saw. */
    /** Milliseconds per frame spent evaluating the drones and issuing the draw (k frames, GPU waited for). */
    profile: (k) => {
      const px = new Uint8Array(4), gl = renderer.gl;
      let ev = 0, dr = 0;
      for (let i = 0; i < k; i++) {
        const a = performance.now();
        evaluate(state.t + i * 0.04);
        const b = performance.now();
        renderer.render(state.t + i * 0.04, fitted(state.camera));
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
        const c = performance.now();
        ev += b - a; dr += c - b;
      }
      return { evaluateMs: ev / k, drawMs: dr / k, width: renderer.width, height: renderer.height };
    },
    measureFps: (ms) => new Promise((resolve) => {
      const from = performance.now(), t0 = state.t;
      setPlaying(true);
      setTimeout(() => {
        const seen = frameTimes.filter((x) => x >= from);
        setPlaying(false);
        const span = seen.length > 1 ? (seen[seen.length - 1] - seen[0]) / 1000 : NaN;
        resolve({ frames: seen.length, seconds: span, fps: (seen.length - 1) / span, showSeconds: state.t - t0,
          width: renderer.width, height: renderer.height });
      }, ms);
    }),
  };
  document.body.dataset.ready = 'true';
}

start().catch((e) => { note(e && e.message ? e.message : e); document.body.dataset.ready = 'failed'; });
