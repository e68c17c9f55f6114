extension _ViewTemplate {
    /// WebGL 2: one program draws every mesh; quads become four vertices each (position in
    /// sixteenths of a block, look, edge coordinates, the quad's layer and direction) in one
    /// buffer per mesh, drawn by ranges of one shared 32-bit index buffer. Software WebGL
    /// (SwiftShader) runs an instanced draw once per instance, so a million instanced quads cost
    /// seconds a frame; plain indexed triangles cost a fraction of that. The look table (colours,
    /// alpha, box) is a texture, 4 rows per 256 looks. Faces are shaded by direction and get thin
    /// edge lines (faded out when a block is smaller than a few pixels).
    static let glScript = #"""
    const VERTEX = `#version 300 es
    precision highp float; precision highp int;
    layout(location = 0) in uvec4 at0;
    layout(location = 1) in uvec4 at1;
    uniform mat4 mvp;
    uniform float cut;
    uniform float scale;
    uniform sampler2D looks;
    out vec3 vColour; out vec2 vUV; out float vAlpha;
    vec4 look(uint l, int r) { return texelFetch(looks, ivec2(int(l % 256u), int(l / 256u) * 2 + r), 0); }
    void main() {
      uint d = at1.w;
      float layer = float(at1.z), top = cut + 1.0;
      vec3 p = vec3(at0.xyz) / 16.0;
      vec2 uv = vec2(at1.xy);
      // Above the cut: dropped (outside the clip volume); faces reaching above it: clamped.
      p.y = min(p.y, top);
      if (d != 2u && d != 3u) uv.y = min(uv.y, (top - layer) / scale);
      gl_Position = layer > cut ? vec4(2, 2, 2, 1) : mvp * vec4(p, 1.0);
      vec4 up = look(at0.w, 0), side = look(at0.w, 1);
      float shade = d == 2u ? 1.0 : d == 3u ? 0.5 : d == 0u ? 0.84 : d == 1u ? 0.68 : d == 4u ? 0.76 : 0.6;
      vColour = (d == 2u ? up.rgb : side.rgb) * shade;
      vAlpha = up.a;
      vUV = uv;
    }`;
    const FRAGMENT = `#version 300 es
    precision highp float;
    in vec3 vColour; in vec2 vUV; in float vAlpha;
    out vec4 colour;
    void main() {
      vec2 fw = max(fwidth(vUV), vec2(1e-4));
      vec2 g = abs(fract(vUV - 0.5) - 0.5) / fw;
      float edge = 1.0 - min(min(g.x, g.y), 1.0);
      float fade = clamp(1.4 - 2.5 * max(fw.x, fw.y), 0.0, 1.0);
      colour = vec4(vColour * (1.0 - 0.3 * edge * fade), vAlpha);
    }`;
    // Quad lists in the order a mesh's buffer holds them.
    const LISTS = [0, 1, 2, 3, 4, 5].map((d) => "solid" + d).concat(["solidCap"], [0, 1, 2, 3, 4, 5].map((d) => "see" + d), ["seeCap"]);

    // Vertices of quads `q` (see `Quads`) of a mesh at `scale` into `out` from vertex `at`:
    // 8 × u16 each, x, y, z in sixteenths of a block, look, u, v (edge coordinates), layer, direction.
    const FULL_BOX = [0, 0, 0, 16, 16, 16];
    function quadVertices(q, scale, looks, out, at) {
      const a = q.a, p = [0, 0, 0];
      for (let i = 0; i < q.n; i++) {
        const o = i * 8, look = a[o + 3], w = a[o + 4], h = a[o + 5], d = a[o + 6];
        const b = a[o + 7] ? looks[look].b : FULL_BOX;
        const n = d >> 1, u = d < 2 ? 2 : 0, v = d === 2 || d === 3 ? 2 : 1;
        for (let c = 0; c < 4; c++) {
          const cu = c === 1 || c === 2 ? 1 : 0, cv = c >= 2 ? 1 : 0, e = (at + i * 4 + c) * 8;
          p[n] = 1 - (d & 1); p[u] = cu * w; p[v] = cv * h;
          for (let k = 0; k < 3; k++) out[e + k] = scale * (16 * a[o + k] + b[k] + p[k] * (b[k + 3] - b[k]));
          out[e + 3] = look; out[e + 4] = cu * w; out[e + 5] = cv * h; out[e + 6] = scale * a[o + 1]; out[e + 7] = d;
        }
      }
    }

    class Renderer {
      constructor(canvas, looks) {
        const gl = canvas.getContext("webgl2", { antialias: false, alpha: false, preserveDrawingBuffer: true });
        if (!gl) throw new Error("this page needs WebGL 2, which this browser does not offer");
        this.gl = gl;
        this.looks = looks;
        this.program = this.link(VERTEX, FRAGMENT);
        this.mvp = gl.getUniformLocation(this.program, "mvp");
        this.cut = gl.getUniformLocation(this.program, "cut");
        this.scale = gl.getUniformLocation(this.program, "scale");
        this.texture = this.lookTexture(looks);
        this.indices = gl.createBuffer();
        this.indexQuads = 0;
      }
      link(vs, fs) {
        const gl = this.gl, p = gl.createProgram();
        for (const [type, src] of [[gl.VERTEX_SHADER, vs], [gl.FRAGMENT_SHADER, fs]]) {
          const s = gl.createShader(type);
          gl.shaderSource(s, src); gl.compileShader(s);
          if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error("shader: " + gl.getShaderInfoLog(s));
          gl.attachShader(p, s);
        }
        gl.linkProgram(p);
        if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error("program: " + gl.getProgramInfoLog(p));
        return p;
      }
      lookTexture(looks) {
        const gl = this.gl, rows = Math.ceil(looks.length / 256), px = new Uint8Array(256 * rows * 2 * 4);
        looks.forEach((l, i) => {
          const at = (r) => ((Math.floor(i / 256) * 2 + r) * 256 + (i % 256)) * 4;
          px.set([l.t >> 16, (l.t >> 8) & 255, l.t & 255, l.a], at(0));
          px.set([l.s >> 16, (l.s >> 8) & 255, l.s & 255, l.a], at(1));
        });
        const t = gl.createTexture();
        gl.bindTexture(gl.TEXTURE_2D, t);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, 256, rows * 2, 0, gl.RGBA, gl.UNSIGNED_BYTE, px);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
        return t;
      }
      // The shared index buffer (two triangles per quad) grown to at least `quads` quads.
      reserveIndices(quads) {
        if (quads <= this.indexQuads) return;
        const gl = this.gl, idx = new Uint32Array(quads * 6);
        for (let i = 0, o = 0, v = 0; i < quads; i++, o += 6, v += 4) {
          idx[o] = idx[o + 3] = v; idx[o + 1] = v + 1; idx[o + 2] = idx[o + 4] = v + 2; idx[o + 5] = v + 3;
        }
        gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.indices);
        gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, idx, gl.STATIC_DRAW);
        this.indexQuads = quads;
      }
      // A mesh's quad lists (`meshVolume`) at `scale` on the GPU: one vertex buffer, a range per list.
      upload(parts, scale = 1) {
        const gl = this.gl, lists = {};
        let total = 0;
        for (const name of LISTS) { lists[name] = { first: total, count: parts[name].n, marks: parts[name].marks }; total += parts[name].n; }
        const vertices = new Uint16Array(Math.max(1, total) * 32);
        for (const name of LISTS) quadVertices(parts[name], scale, this.looks, vertices, lists[name].first * 4);
        const vao = gl.createVertexArray(), buffer = gl.createBuffer();
        gl.bindVertexArray(vao);
        this.reserveIndices(total);
        gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.indices);
        gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
        gl.bufferData(gl.ARRAY_BUFFER, vertices, gl.STATIC_DRAW);
        for (const loc of [0, 1]) { gl.enableVertexAttribArray(loc); gl.vertexAttribIPointer(loc, 4, gl.UNSIGNED_SHORT, 16, loc * 8); }
        gl.bindVertexArray(null);
        return { vao, buffer, scale, lists, quads: total };
      }
      clear(background) {
        const gl = this.gl;
        gl.disable(gl.SCISSOR_TEST);
        gl.viewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
        gl.clearColor(...background, 1); gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
      }
      // Draws layers 0…cut of `mesh` (the body, cut in the shader, plus the caps of the mesh layer
      // holding cut) into the viewport [x, y, w, h] (device pixels, GL origin), seen from `eye`
      // (volume coordinates); returns the draw calls and triangles submitted.
      draw(mesh, cut, mvp, eye, size, [x, y, w, h]) {
        const gl = this.gl, layer = Math.floor(cut / mesh.scale), stats = { calls: 0, triangles: 0 };
        const drawRange = (l, first, count) => {
          if (count <= 0) return;
          gl.drawElements(gl.TRIANGLES, count * 6, gl.UNSIGNED_INT, (l.first + first) * 24);
          stats.calls++; stats.triangles += count * 2;
        };
        const caps = (l) => drawRange(l, l.marks[layer], l.marks[layer + 1] - l.marks[layer]);
        // Direction d's faces all face away from an eye beyond the box on the other side.
        const seen = [eye[0] > 0, eye[0] < size[0], eye[1] > 0, eye[1] < Math.min(size[1], cut + 1), eye[2] > 0, eye[2] < size[2]];
        gl.enable(gl.SCISSOR_TEST); gl.scissor(x, y, w, h); gl.viewport(x, y, w, h);
        gl.useProgram(this.program);
        gl.uniformMatrix4fv(this.mvp, false, mvp);
        gl.uniform1f(this.cut, cut);
        gl.uniform1f(this.scale, mesh.scale);
        gl.activeTexture(gl.TEXTURE0); gl.bindTexture(gl.TEXTURE_2D, this.texture);
        gl.bindVertexArray(mesh.vao);
        gl.enable(gl.DEPTH_TEST); gl.depthMask(true); gl.disable(gl.BLEND); gl.disable(gl.CULL_FACE);
        for (const see of [false, true]) {
          const prefix = see ? "see" : "solid";
          if (see) { gl.enable(gl.BLEND); gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA); gl.depthMask(false); }
          for (let d = 0; d < 6; d++) if (seen[d]) drawRange(mesh.lists[prefix + d], 0, mesh.lists[prefix + d].count);
          if (seen[2]) caps(mesh.lists[prefix + "Cap"]);
        }
        gl.depthMask(true);
        gl.bindVertexArray(null);
        return stats;
      }
    }
    """#
}
