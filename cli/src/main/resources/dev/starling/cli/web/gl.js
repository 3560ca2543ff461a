// Starling web viewer: the desktop renderer's frame (render/FrameRenderer.java) in WebGL2, with
// the renderer's own shaders (translated to GLSL ES by render/WebScene.java) and constants:
// mirrored pass at a third of the size, HDR main pass (city, water, far ground, sky, drones),
// bloom at 1/2, 1/4 and 1/8, ACES tone mapping. Camera maths as JOML's lookAt/perspective.

/** Column-major 4x4 matrices, as JOML and GLSL keep them. */
export const mat4 = {
  perspective(fovDeg, aspect, near, far) {
    const f = 1 / Math.tan((fovDeg * Math.PI / 180) / 2), m = new Float32Array(16);
    m[0] = f / aspect; m[5] = f; m[10] = (far + near) / (near - far); m[11] = -1;
    m[14] = 2 * far * near / (near - far);
    return m;
  },
  lookAt(eye, target, up) {
    let fx = eye[0] - target[0], fy = eye[1] - target[1], fz = eye[2] - target[2];
    let l = Math.hypot(fx, fy, fz); fx /= l; fy /= l; fz /= l;           // z axis: towards the eye
    let sx = up[1] * fz - up[2] * fy, sy = up[2] * fx - up[0] * fz, sz = up[0] * fy - up[1] * fx;
    l = Math.hypot(sx, sy, sz); sx /= l; sy /= l; sz /= l;                // x axis
    const ux = fy * sz - fz * sy, uy = fz * sx - fx * sz, uz = fx * sy - fy * sx;
    const m = new Float32Array(16);
    m[0] = sx; m[4] = sy; m[8] = sz;
    m[1] = ux; m[5] = uy; m[9] = uz;
    m[2] = fx; m[6] = fy; m[10] = fz;
    m[12] = -(sx * eye[0] + sy * eye[1] + sz * eye[2]);
    m[13] = -(ux * eye[0] + uy * eye[1] + uz * eye[2]);
    m[14] = -(fx * eye[0] + fy * eye[1] + fz * eye[2]);
    m[15] = 1;
    return m;
  },
  mul(a, b) {
    const m = new Float32Array(16);
    for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += a[k * 4 + r] * b[c * 4 + k];
      m[c * 4 + r] = s;
    }
    return m;
  },
  /** Reflection in the horizontal plane z = h (JOML reflect(0, 0, 1, -h)). */
  mirrorZ(h) {
    const m = new Float32Array(16);
    m[0] = 1; m[5] = 1; m[10] = -1; m[14] = 2 * h; m[15] = 1;
    return m;
  },
};

/** Pixel (column, row from the top) of world point p in a w x h image, or null when behind the eye. */
export function project(viewProj, p, w, h) {
  const m = viewProj;
  const x = m[0] * p[0] + m[4] * p[1] + m[8] * p[2] + m[12];
  const y = m[1] * p[0] + m[5] * p[1] + m[9] * p[2] + m[13];
  const ww = m[3] * p[0] + m[7] * p[1] + m[11] * p[2] + m[15];
  if (ww <= 0) return null;
  return [(x / ww * 0.5 + 0.5) * w, (1 - (y / ww * 0.5 + 0.5)) * h];
}

function compile(gl, type, src, name) {
  const s = gl.createShader(type);
  gl.shaderSource(s, src);
  gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) {
    throw new Error('shader ' + name + ' does not compile: ' + gl.getShaderInfoLog(s));
  }
  return s;
}

class Program {
  constructor(gl, name, vert, frag, vName, fName) {
    this.gl = gl;
    this.id = gl.createProgram();
    gl.attachShader(this.id, compile(gl, gl.VERTEX_SHADER, vert, vName));
    gl.attachShader(this.id, compile(gl, gl.FRAGMENT_SHADER, frag, fName));
    gl.linkProgram(this.id);
    if (!gl.getProgramParameter(this.id, gl.LINK_STATUS)) {
      throw new Error('program ' + name + ' does not link: ' + gl.getProgramInfoLog(this.id));
    }
    this.loc = new Map();
  }
  use() { this.gl.useProgram(this.id); return this; }
  u(name) {
    if (!this.loc.has(name)) this.loc.set(name, this.gl.getUniformLocation(this.id, name));
    return this.loc.get(name);
  }
  f1(n, v) { this.gl.uniform1f(this.u(n), v); return this; }
  f2(n, a, b) { this.gl.uniform2f(this.u(n), a, b); return this; }
  f3(n, v) { this.gl.uniform3f(this.u(n), v[0], v[1], v[2]); return this; }
  i1(n, v) { this.gl.uniform1i(this.u(n), v); return this; }
  m4(n, m) { this.gl.uniformMatrix4fv(this.u(n), false, m); return this; }
}

class Target {
  constructor(gl, w, h, format, depth) {
    this.gl = gl; this.width = w; this.height = h;
    this.tex = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, this.tex);
    gl.texStorage2D(gl.TEXTURE_2D, 1, format, w, h);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    this.fb = gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.fb);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, this.tex, 0);
    if (depth) {
      this.depth = gl.createRenderbuffer();
      gl.bindRenderbuffer(gl.RENDERBUFFER, this.depth);
      gl.renderbufferStorage(gl.RENDERBUFFER, gl.DEPTH_COMPONENT24, w, h);
      gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.DEPTH_ATTACHMENT, gl.RENDERBUFFER, this.depth);
    }
    if (gl.checkFramebufferStatus(gl.FRAMEBUFFER) !== gl.FRAMEBUFFER_COMPLETE) {
      throw new Error('framebuffer ' + w + 'x' + h + ' is incomplete');
    }
  }
  bind() { const gl = this.gl; gl.bindFramebuffer(gl.FRAMEBUFFER, this.fb); gl.viewport(0, 0, this.width, this.height); }
  free() {
    const gl = this.gl;
    gl.deleteFramebuffer(this.fb); gl.deleteTexture(this.tex);
    if (this.depth) gl.deleteRenderbuffer(this.depth);
  }
}

function vertexArray(gl, data, layout, stride) {
  const vao = gl.createVertexArray();
  gl.bindVertexArray(vao);
  const vbo = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, vbo);
  gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
  for (const [loc, size, offset] of layout) {
    gl.vertexAttribPointer(loc, size, gl.FLOAT, false, stride * 4, offset * 4);
    gl.enableVertexAttribArray(loc);
  }
  gl.bindVertexArray(null);
  return vao;
}

/**
 * Draws frames of the show over the site into a WebGL2 canvas. scene: the page's geometry and
 * constants (WebScene); capacity: the fleet size.
 */
export class Renderer {
  constructor(canvas, scene, capacity) {
    const gl = canvas.getContext('webgl2', { antialias: false, depth: false, alpha: false,
      preserveDrawingBuffer: true, powerPreference: 'high-performance' });
    if (!gl) throw new Error('this browser has no WebGL2');
    this.gl = gl; this.canvas = canvas; this.scene = scene; this.k = scene.constants;
    this.hdrFormat = gl.getExtension('EXT_color_buffer_float') ? gl.R11F_G11F_B10F : gl.RGBA8;
    this.p = {};
    for (const [name, [v, f]] of Object.entries(scene.programs)) {
      this.p[name] = new Program(gl, name, scene.shaders[v], scene.shaders[f], v, f);
    }
    const k = this.k;
    this.p.sky.use().f3('u_zenith', k.zenith).f3('u_horizon', k.horizon).f3('u_glow', k.glow);
    for (const n of ['skyline', 'water']) this.p[n].use().f3('u_fogColor', k.horizon).f1('u_fogDensity', k.fogDensity);
    this.p.water.use().i1('u_reflection', 0);
    this.p.drone.use().f1('u_glowMetres', k.glowMetres).f1('u_coreGain', k.coreGain).f1('u_haloGain', k.haloGain);
    for (const n of ['bright', 'down', 'blur', 'gain']) this.p[n].use().i1('u_source', 0);
    this.p.bright.use().f1('u_threshold', k.bloomThreshold);
    this.p.composite.use().i1('u_scene', 0).i1('u_bloom', 1).f1('u_exposure', k.exposure);

    const F = scene.vertexFloats;
    const cityLayout = [[0, 3, 0], [1, 2, 3], [2, 3, 5], [3, 4, 8]];
    this.cityVao = vertexArray(gl, scene.triangles, cityLayout, F);
    this.cityCount = scene.groundFirst;
    this.groundCount = scene.triangles.length / F - scene.groundFirst;
    this.cableVao = vertexArray(gl, scene.lines, cityLayout, F);
    this.cableCount = scene.lines.length / F;
    this.waterVao = vertexArray(gl, scene.water, [[0, 3, 0], [1, 3, 3]], 6);
    this.waterCount = scene.water.length / 6;
    this.skyVao = vertexArray(gl, scene.sky, [[0, 3, 0], [1, 1, 3]], 4);
    this.skyDome = scene.skyDome;
    this.skyStars = scene.sky.length / 4 - scene.skyDome;
    this.screenVao = gl.createVertexArray();

    this.capacity = Math.max(1, capacity);
    this.instances = new ArrayBuffer(16 * this.capacity);
    this.instF = new Float32Array(this.instances);
    this.instU = new Uint8Array(this.instances);
    this.droneVao = gl.createVertexArray();
    gl.bindVertexArray(this.droneVao);
    const quad = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, quad);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 8, 0);
    gl.enableVertexAttribArray(0);
    this.instanceVbo = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, this.instanceVbo);
    gl.bufferData(gl.ARRAY_BUFFER, this.instances.byteLength, gl.DYNAMIC_DRAW);
    gl.vertexAttribPointer(1, 3, gl.FLOAT, false, 16, 0);
    gl.vertexAttribPointer(2, 4, gl.UNSIGNED_BYTE, true, 16, 12);
    gl.enableVertexAttribArray(1); gl.enableVertexAttribArray(2);
    gl.vertexAttribDivisor(1, 1); gl.vertexAttribDivisor(2, 1);
    gl.bindVertexArray(null);
    this.count = 0;
    this.width = 0; this.height = 0;
  }

  /** (Re)allocates the targets for a w x h drawing buffer. */
  resize(w, h) {
    if (w === this.width && h === this.height) return;
    if (this.targets) for (const t of Object.values(this.targets)) t.free();
    const gl = this.gl, f = this.hdrFormat, d = this.k.reflectionDivisor;
    this.canvas.width = w; this.canvas.height = h;
    this.width = w; this.height = h;
    const half = [Math.max(1, w >> 1), Math.max(1, h >> 1)], q = [Math.max(1, w >> 2), Math.max(1, h >> 2)];
    const e = [Math.max(1, w >> 3), Math.max(1, h >> 3)];
    this.targets = {
      hdr: new Target(gl, w, h, f, true),
      reflection: new Target(gl, Math.max(4, Math.floor(w / d)), Math.max(4, Math.floor(h / d)), f, true),
      half: new Target(gl, half[0], half[1], f, false),
      quarterA: new Target(gl, q[0], q[1], f, false), quarterB: new Target(gl, q[0], q[1], f, false),
      eighthA: new Target(gl, e[0], e[1], f, false), eighthB: new Target(gl, e[0], e[1], f, false),
    };
  }

  /** Fills the instance buffer: n lit drones, xyz (metres) and rgb (0xRRGGBB). */
  upload(xyz, rgb, n) {
    const F = this.instF, U = this.instU;
    for (let i = 0; i < n; i++) {
      F[4 * i] = xyz[3 * i]; F[4 * i + 1] = xyz[3 * i + 1]; F[4 * i + 2] = xyz[3 * i + 2];
      const c = rgb[i];
      U[16 * i + 12] = (c >> 16) & 255; U[16 * i + 13] = (c >> 8) & 255; U[16 * i + 14] = c & 255; U[16 * i + 15] = 255;
    }
    const gl = this.gl;
    gl.bindBuffer(gl.ARRAY_BUFFER, this.instanceVbo);
    gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.instU, 0, 16 * n);
    this.count = n;
  }

  /** The camera's world-to-clip matrix for this canvas. */
  viewProj(cam) {
    return mat4.mul(mat4.perspective(cam.fov, this.width / this.height, this.k.near, this.k.far),
      mat4.lookAt(cam.eye, cam.target, cam.up));
  }

  /** Draws one frame at show time t (the ripples move with it) through camera cam. */
  render(t, cam) {
    const gl = this.gl, T = this.targets, k = this.k;
    const w = this.width, h = this.height;
    const proj = mat4.perspective(cam.fov, w / h, k.near, k.far);
    const vp = mat4.mul(proj, mat4.lookAt(cam.eye, cam.target, cam.up));
    const waterZ = this.scene.waterLevel;
    const vpMirror = mat4.mul(vp, mat4.mirrorZ(waterZ));
    const eye = cam.eye, mirrorEye = [eye[0], eye[1], 2 * waterZ - eye[2]];
    const pixelsPerMetre = proj[5] * h / 2;

    T.reflection.bind();
    gl.depthMask(true);
    gl.clearColor(0, 0, 0, 1);
    gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
    this.city(vpMirror, mirrorEye, waterZ, true);
    this.sky(vpMirror, mirrorEye);
    this.drones(vpMirror, T.reflection.width, T.reflection.height, pixelsPerMetre * T.reflection.height / h);

    T.hdr.bind();
    gl.depthMask(true);
    gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
    this.city(vp, eye, -1e9, false);
    this.water(vp, eye, t);
    this.ground();
    this.sky(vp, eye);
    this.drones(vp, w, h, pixelsPerMetre);
    this.bloom();
    return vp;
  }

  city(vp, eye, clipZ, mirrored) {
    const gl = this.gl;
    gl.enable(gl.DEPTH_TEST); gl.depthFunc(gl.LESS); gl.depthMask(true);
    gl.enable(gl.CULL_FACE); gl.cullFace(gl.BACK); gl.frontFace(mirrored ? gl.CW : gl.CCW);
    this.p.skyline.use().m4('u_viewProj', vp).f1('u_clipZ', clipZ).f3('u_eye', eye);
    gl.bindVertexArray(this.cityVao);
    gl.drawArrays(gl.TRIANGLES, 0, this.cityCount);
    gl.disable(gl.CULL_FACE);
    gl.bindVertexArray(this.cableVao);
    gl.drawArrays(gl.LINES, 0, this.cableCount);
    gl.frontFace(gl.CCW);
  }

  ground() {
    const gl = this.gl;
    gl.enable(gl.DEPTH_TEST); gl.depthFunc(gl.LESS); gl.depthMask(true);
    this.p.skyline.use().f1('u_clipZ', -1e9);
    gl.bindVertexArray(this.cityVao);
    gl.drawArrays(gl.TRIANGLES, this.cityCount, this.groundCount);
  }

  water(vp, eye, t) {
    const gl = this.gl;
    gl.enable(gl.DEPTH_TEST); gl.depthFunc(gl.LESS); gl.depthMask(true);
    this.p.water.use().m4('u_viewProj', vp).f2('u_viewport', this.width, this.height).f3('u_eye', eye).f1('u_time', t);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.targets.reflection.tex);
    gl.bindVertexArray(this.waterVao);
    gl.drawArrays(gl.TRIANGLES, 0, this.waterCount);
  }

  sky(vp, eye) {
    const gl = this.gl;
    gl.enable(gl.DEPTH_TEST); gl.depthFunc(gl.LEQUAL); gl.depthMask(false); gl.disable(gl.CULL_FACE);
    this.p.sky.use().m4('u_viewProj', vp).f3('u_eye', eye);
    gl.bindVertexArray(this.skyVao);
    gl.drawArrays(gl.TRIANGLES, 0, this.skyDome);
    gl.drawArrays(gl.POINTS, this.skyDome, this.skyStars);
  }

  drones(vp, w, h, pixelsPerMetre) {
    if (this.count === 0) return;
    const gl = this.gl, k = this.k, scale = h / 720;
    gl.enable(gl.DEPTH_TEST); gl.depthFunc(gl.LEQUAL); gl.depthMask(false);
    gl.enable(gl.BLEND); gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    this.p.drone.use().m4('u_viewProj', vp).f2('u_viewport', w, h).f1('u_pixelsPerMetre', pixelsPerMetre)
      .f1('u_minPixels', Math.max(2, k.minPixels720 * scale)).f1('u_maxPixels', k.maxPixels720 * scale);
    gl.bindVertexArray(this.droneVao);
    gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, this.count);
    gl.disable(gl.BLEND); gl.depthMask(true);
  }

  bloom() {
    const gl = this.gl, T = this.targets, P = this.p, k = this.k;
    gl.disable(gl.DEPTH_TEST); gl.depthMask(false); gl.disable(gl.BLEND);
    gl.bindVertexArray(this.screenVao);
    const screen = (tex) => { gl.activeTexture(gl.TEXTURE0); gl.bindTexture(gl.TEXTURE_2D, tex); gl.drawArrays(gl.TRIANGLES, 0, 3); };
    const blur = (a, b) => {
      P.blur.use(); b.bind(); P.blur.f2('u_step', 1 / a.width, 0); screen(a.tex);
      a.bind(); P.blur.f2('u_step', 0, 1 / a.height); screen(b.tex);
    };
    T.half.bind(); P.bright.use(); screen(T.hdr.tex);
    T.quarterA.bind(); P.down.use().f2('u_texel', 1 / T.half.width, 1 / T.half.height); screen(T.half.tex);
    blur(T.quarterA, T.quarterB);
    T.eighthA.bind(); P.down.use().f2('u_texel', 1 / T.quarterA.width, 1 / T.quarterA.height); screen(T.quarterA.tex);
    blur(T.eighthA, T.eighthB);
    T.quarterB.bind(); P.gain.use().f1('u_gain', k.bloomNearGain); screen(T.quarterA.tex);
    gl.enable(gl.BLEND); gl.blendFunc(gl.ONE, gl.ONE);
    P.gain.f1('u_gain', k.bloomWideGain); screen(T.eighthA.tex);
    gl.disable(gl.BLEND);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.viewport(0, 0, this.width, this.height);
    P.composite.use();
    gl.activeTexture(gl.TEXTURE1); gl.bindTexture(gl.TEXTURE_2D, T.quarterB.tex);
    screen(T.hdr.tex);
    gl.depthMask(true);
  }
}
