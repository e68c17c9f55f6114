extension _ViewTemplate {
    /// WebGL 2: one program draws every quad as an instance of two triangles; the look table
    /// (colours, alpha, box) is a texture, 4 rows per 256 looks. Faces are shaded by direction and
    /// get thin block-edge lines (faded out when a block is smaller than a few pixels).
    static let glScript = #"""
    const VERTEX = `#version 300 es
    precision highp float; precision highp int;
    layout(location = 0) in uvec4 q0;
    layout(location = 1) in uvec4 q1;
    uniform mat4 mvp;
    uniform float cut;
    uniform sampler2D looks;
    out vec3 vColour; out vec2 vUV; out float vAlpha;
    vec4 look(uint l, int r) { return texelFetch(looks, ivec2(int(l % 256u), int(l / 256u) * 4 + r), 0); }
    void main() {
      int c = gl_VertexID;
      float cu = (c == 1 || c == 2 || c == 4) ? 1.0 : 0.0;
      float cv = (c == 2 || c == 4 || c == 5) ? 1.0 : 0.0;
      uint d = q1.z;
      vec3 N = d < 2u ? vec3(1, 0, 0) : (d < 4u ? vec3(0, 1, 0) : vec3(0, 0, 1));
      vec3 U = d < 2u ? vec3(0, 0, 1) : vec3(1, 0, 0);
      vec3 V = (d == 2u || d == 3u) ? vec3(0, 0, 1) : vec3(0, 1, 0);
      float s = (d % 2u == 0u) ? 1.0 : 0.0;
      vec3 lo = look(q0.w, 2).xyz * (255.0 / 16.0), hi = look(q0.w, 3).xyz * (255.0 / 16.0);
      // Above the cut: dropped (outside the clip volume); side faces reaching above it: clamped.
      float top = cut + 1.0 - float(q0.y);
      float along = (d == 2u || d == 3u) ? cv * float(q1.y) : min(cv * float(q1.y), top);
      vec3 p = N * s + U * (cu * float(q1.x)) + V * along;
      gl_Position = float(q0.y) > cut ? vec4(2, 2, 2, 1) : mvp * vec4(vec3(q0.xyz) + lo + p * (hi - lo), 1.0);
      vec4 up = look(q0.w, 0), side = look(q0.w, 1);
      float shade = d == 2u ? 1.0 : d == 3u ? 0.5 : d == 0u ? 0.84 : d == 1u ? 0.68 : d == 4u ? 0.76 : 0.6;
      vColour = (d == 2u ? up.rgb : side.rgb) * shade;
      vAlpha = up.a;
      vUV = vec2(cu * float(q1.x), along);
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

    class Renderer {
      constructor(canvas, looks) {
        const gl = canvas.getContext("webgl2", { antialias: true, alpha: false, preserveDrawingBuffer: true });
        if (!gl) throw new Error("this page needs WebGL 2, which this browser does not offer");
        this.gl = gl;
        this.program = this.link(VERTEX, FRAGMENT);
        this.mvp = gl.getUniformLocation(this.program, "mvp");
        this.cut = gl.getUniformLocation(this.program, "cut");
        this.texture = this.lookTexture(looks);
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
        const gl = this.gl, rows = Math.ceil(looks.length / 256), px = new Uint8Array(256 * rows * 4 * 4);
        looks.forEach((l, i) => {
          const at = (r) => ((Math.floor(i / 256) * 4 + r) * 256 + (i % 256)) * 4;
          px.set([l.t >> 16, (l.t >> 8) & 255, l.t & 255, l.a], at(0));
          px.set([l.s >> 16, (l.s >> 8) & 255, l.s & 255, l.a], at(1));
          px.set([l.b[0], l.b[1], l.b[2], 0], at(2));
          px.set([l.b[3], l.b[4], l.b[5], 0], at(3));
        });
        const t = gl.createTexture();
        gl.bindTexture(gl.TEXTURE_2D, t);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, 256, rows * 4, 0, gl.RGBA, gl.UNSIGNED_BYTE, px);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
        return t;
      }
      // GPU buffers for a mesh's four quad lists.
      upload(parts) {
        const gl = this.gl, out = {};
        for (const [name, q] of Object.entries(parts)) {
          const buffer = gl.createBuffer(), vao = gl.createVertexArray();
          gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
          gl.bufferData(gl.ARRAY_BUFFER, q.a.subarray(0, Math.max(8, q.n * 8)), gl.STATIC_DRAW);
          gl.bindVertexArray(vao);
          for (const loc of [0, 1]) { gl.enableVertexAttribArray(loc); gl.vertexAttribDivisor(loc, 1); }
          out[name] = { buffer, vao, marks: q.marks, count: q.n };
        }
        gl.bindVertexArray(null);
        return out;
      }
      drawRange(list, first, count) {
        if (count <= 0) return;
        const gl = this.gl;
        gl.bindVertexArray(list.vao);
        gl.bindBuffer(gl.ARRAY_BUFFER, list.buffer);
        gl.vertexAttribIPointer(0, 4, gl.UNSIGNED_SHORT, 16, first * 16);
        gl.vertexAttribIPointer(1, 4, gl.UNSIGNED_SHORT, 16, first * 16 + 8);
        gl.drawArraysInstanced(gl.TRIANGLES, 0, 6, count);
      }
      clear(background) {
        const gl = this.gl;
        gl.disable(gl.SCISSOR_TEST);
        gl.viewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
        gl.clearColor(...background, 1); gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
      }
      // Draws layers 0…cut of `mesh` (the body, cut in the shader, plus layer cut's caps) into the
      // viewport [x, y, w, h] (device pixels, GL origin), seen from `eye` (volume coordinates).
      draw(mesh, cut, mvp, eye, size, [x, y, w, h]) {
        const gl = this.gl, range = (l) => [l.marks[cut], l.marks[cut + 1] - l.marks[cut]];
        // Direction d's faces all face away from an eye beyond the box on the other side.
        const seen = [eye[0] > 0, eye[0] < size[0], eye[1] > 0, eye[1] < Math.min(size[1], cut + 1), eye[2] > 0, eye[2] < size[2]];
        gl.enable(gl.SCISSOR_TEST); gl.scissor(x, y, w, h); gl.viewport(x, y, w, h);
        gl.useProgram(this.program);
        gl.uniformMatrix4fv(this.mvp, false, mvp);
        gl.uniform1f(this.cut, cut);
        gl.activeTexture(gl.TEXTURE0); gl.bindTexture(gl.TEXTURE_2D, this.texture);
        gl.enable(gl.DEPTH_TEST); gl.depthMask(true); gl.disable(gl.BLEND); gl.disable(gl.CULL_FACE);
        for (let d = 0; d < 6; d++) if (seen[d]) this.drawRange(mesh["solid" + d], 0, mesh["solid" + d].count);
        if (seen[2]) this.drawRange(mesh.solidCap, ...range(mesh.solidCap));
        gl.enable(gl.BLEND); gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA); gl.depthMask(false);
        for (let d = 0; d < 6; d++) if (seen[d]) this.drawRange(mesh["see" + d], 0, mesh["see" + d].count);
        if (seen[2]) this.drawRange(mesh.seeCap, ...range(mesh.seeCap));
        gl.depthMask(true);
        gl.bindVertexArray(null);
      }
    }
    """#
}
