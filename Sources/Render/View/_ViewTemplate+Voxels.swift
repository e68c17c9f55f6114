extension _ViewTemplate {
    /// Decodes `_VoxelPacking` bytes and greedy-meshes a volume into instanced quads.
    ///
    /// A quad is 8 × u16: x, y, z, look, w, h, direction (0 +x, 1 −x, 2 +y, 3 −y, 4 +z, 5 −z), and
    /// 1 for a face of a part (drawn in the look's box) or 0 for a cube's.
    /// Top and bottom faces merge in 2D per layer, side faces in 2D across layers (the vertex
    /// shader drops quads above the cut and clamps side faces to it); the "caps" (top faces hidden
    /// by the layer above, exposed by a cut) are kept per layer, so a cut at c draws the body plus
    /// layer c's caps. Boxes that are not full (slabs, plants) get six unmerged faces.
    static let voxelScript = #"""
    function decodeVoxels(b64, n) {
      const bin = atob(b64), len = bin.length, bytes = new Uint8Array(len);
      for (let i = 0; i < len; i++) bytes[i] = bin.charCodeAt(i);
      const out = new Uint16Array(n);
      let o = 0, i = 0;
      while (i < len) {
        let v = 0, s = 0, b;
        do { b = bytes[i++]; v += (b & 127) * 2 ** s; s += 7; } while (b & 128);
        let r = 0; s = 0;
        do { b = bytes[i++]; r += (b & 127) * 2 ** s; s += 7; } while (b & 128);
        r += 1;
        if (o + r > n) throw new Error("voxel data longer than the volume");
        out.fill(v, o, o + r); o += r;
      }
      if (o !== n) throw new Error("voxel data shorter than the volume");
      return out;
    }

    class Quads {
      constructor() { this.a = new Uint16Array(8 * 4096); this.n = 0; this.marks = [0]; }
      push(x, y, z, look, w, h, d, part) {
        if ((this.n + 1) * 8 > this.a.length) { const b = new Uint16Array(this.a.length * 2); b.set(this.a); this.a = b; }
        const a = this.a, o = this.n * 8;
        a[o] = x; a[o + 1] = y; a[o + 2] = z; a[o + 3] = look; a[o + 4] = w; a[o + 5] = h; a[o + 6] = d; a[o + 7] = part;
        this.n++;
      }
      mark() { this.marks.push(this.n); }
    }

    const quadCount = (parts) => Object.values(parts).reduce((s, q) => s + q.n, 0);

    // kind: 0 air, 1 opaque cube, 2 see-through cube, 3 opaque part, 4 see-through part.
    function meshVolume(vox, X, Y, Z, kind) {
      // Body quads per direction (solid0…5, see0…5), so a camera outside the box skips the
      // directions that face away from it; caps per layer.
      const parts = { solidCap: new Quads(), seeCap: new Quads() };
      for (let d = 0; d < 6; d++) { parts["solid" + d] = new Quads(); parts["see" + d] = new Quads(); }
      const XZ = X * Z, m = new Uint16Array(XZ), cap = new Uint16Array(XZ);
      // Is the face of `a` towards `b` seen? Not behind an opaque cube, nor between two equal see-through cubes.
      const shows = (a, b) => { const k = kind[b]; return k === 0 || k > 2 || (k === 2 && a !== b); };
      const cube = (a) => a !== 0 && kind[a] < 3;
      const put = (x, y, z, c, w, h, d, isCap, part = 0) => {
        const see = kind[c] === 2 || kind[c] === 4;
        (isCap ? (see ? parts.seeCap : parts.solidCap) : parts[(see ? "see" : "solid") + d]).push(x, y, z, c, w, h, d, part);
      };
      // Greedy rectangles of equal looks in a U×V mask; emit(u, v, w, h, look) for each.
      function greedy(mask, U, V, emit) {
        for (let v = 0; v < V; v++) {
          for (let u = 0; u < U;) {
            const c = mask[v * U + u];
            if (c === 0) { u++; continue; }
            let w = 1; while (u + w < U && mask[v * U + u + w] === c) w++;
            let h = 1;
            grow: while (v + h < V) {
              const r = (v + h) * U + u;
              for (let k = 0; k < w; k++) if (mask[r + k] !== c) break grow;
              h++;
            }
            for (let dv = 0; dv < h; dv++) mask.fill(0, (v + dv) * U + u, (v + dv) * U + u + w);
            emit(u, v, w, h, c);
            u += w;
          }
        }
      }
      // Side faces facing ±x (slices at x, mask z × y) or ±z (slices at z, mask x × y).
      const side = new Uint16Array(Math.max(Z, X) * Y);
      const at = (x, y, z) => vox[(y * Z + z) * X + x];
      for (let x = 0; x < X; x++) for (const [d, dx] of [[0, 1], [1, -1]]) {
        for (let y = 0; y < Y; y++) for (let z = 0; z < Z; z++) {
          const a = at(x, y, z), n = x + dx;
          side[y * Z + z] = cube(a) && shows(a, n < 0 || n >= X ? 0 : at(n, y, z)) ? a : 0;
        }
        greedy(side, Z, Y, (z, y, w, h, c) => put(x, y, z, c, w, h, d, false));
      }
      for (let z = 0; z < Z; z++) for (const [d, dz] of [[4, 1], [5, -1]]) {
        for (let y = 0; y < Y; y++) for (let x = 0; x < X; x++) {
          const a = at(x, y, z), n = z + dz;
          side[y * X + x] = cube(a) && shows(a, n < 0 || n >= Z ? 0 : at(x, y, n)) ? a : 0;
        }
        greedy(side, X, Y, (x, y, w, h, c) => put(x, y, z, c, w, h, d, false));
      }
      for (let y = 0; y < Y; y++) {
        const base = y * XZ;
        for (let i = 0; i < XZ; i++) {
          const a = vox[base + i];
          m[i] = 0; cap[i] = 0;
          if (!cube(a)) continue;
          if (shows(a, y + 1 < Y ? vox[base + XZ + i] : 0)) m[i] = a; else cap[i] = a;
        }
        greedy(m, X, Z, (x, z, w, h, c) => put(x, y, z, c, w, h, 2, false));
        greedy(cap, X, Z, (x, z, w, h, c) => put(x, y, z, c, w, h, 2, true));
        for (let i = 0; i < XZ; i++) {
          const a = vox[base + i];
          m[i] = cube(a) && shows(a, y > 0 ? vox[base - XZ + i] : 0) ? a : 0;
        }
        greedy(m, X, Z, (x, z, w, h, c) => put(x, y, z, c, w, h, 3, false));
        for (let i = 0; i < XZ; i++) {
          const a = vox[base + i];
          if (a === 0 || kind[a] < 3) continue;
          const x = i % X, z = (i - x) / X;
          // A part standing on an opaque cube (plants, bottom slabs) hides its bottom face.
          const onCube = y > 0 && kind[vox[base - XZ + i]] === 1 && data.looks[a].b[1] === 0;
          for (let d = 0; d < 6; d++) if (d !== 3 || !onCube) put(x, y, z, a, 1, 1, d, false, 1);
        }
        parts.solidCap.mark(); parts.seeCap.mark();
      }
      return parts;
    }
    """#
}
