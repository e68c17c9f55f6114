extension _ViewTemplate {
    /// Decodes `_VoxelPacking` bytes and greedy-meshes a volume into instanced quads.
    ///
    /// A quad is 8 × u16: x, y, z, look, w, h, direction (0 +x, 1 −x, 2 +y, 3 −y, 4 +z, 5 −z), 0.
    /// Quads are kept per y layer, in layer order, so the cut-away slider only changes how many
    /// are drawn: layers 0…c of the body, plus layer c's "cap" (top faces hidden by the layer
    /// above, exposed by the cut). Top and bottom faces merge in 2D per layer, side faces merge
    /// along their row; boxes that are not full (slabs, plants) get six unmerged faces.
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
      push(x, y, z, look, w, h, d) {
        if ((this.n + 1) * 8 > this.a.length) { const b = new Uint16Array(this.a.length * 2); b.set(this.a); this.a = b; }
        const a = this.a, o = this.n * 8;
        a[o] = x; a[o + 1] = y; a[o + 2] = z; a[o + 3] = look; a[o + 4] = w; a[o + 5] = h; a[o + 6] = d;
        this.n++;
      }
      mark() { this.marks.push(this.n); }
    }

    // kind: 0 air, 1 opaque cube, 2 see-through cube, 3 opaque part, 4 see-through part.
    function meshVolume(vox, X, Y, Z, kind) {
      const parts = { solid: new Quads(), solidCap: new Quads(), see: new Quads(), seeCap: new Quads() };
      const XZ = X * Z, m = new Uint16Array(XZ), cap = new Uint16Array(XZ);
      // Is the face of `a` towards `b` seen? Not behind an opaque cube, nor between two equal see-through cubes.
      const shows = (a, b) => { const k = kind[b]; return k === 0 || k > 2 || (k === 2 && a !== b); };
      const cube = (a) => a !== 0 && kind[a] < 3;
      const put = (x, y, z, c, w, h, d, isCap) =>
        (kind[c] === 2 || kind[c] === 4 ? (isCap ? parts.seeCap : parts.see) : (isCap ? parts.solidCap : parts.solid))
          .push(x, y, z, c, w, h, d);
      function greedy(mask, y, d, isCap) {
        for (let v = 0; v < Z; v++) {
          for (let u = 0; u < X;) {
            const c = mask[v * X + u];
            if (c === 0) { u++; continue; }
            let w = 1; while (u + w < X && mask[v * X + u + w] === c) w++;
            let h = 1;
            grow: while (v + h < Z) {
              const r = (v + h) * X + u;
              for (let k = 0; k < w; k++) if (mask[r + k] !== c) break grow;
              h++;
            }
            for (let dv = 0; dv < h; dv++) mask.fill(0, (v + dv) * X + u, (v + dv) * X + u + w);
            put(u, y, v, c, w, h, d, isCap);
            u += w;
          }
        }
      }
      // Side faces of one row: `count` voxels from `start`, `step` apart, neighbour at `+off` (or none at the edge).
      function row(base, start, count, step, off, atEdge, at) {
        let run = 0, c0 = 0, from = 0;
        for (let k = 0; k <= count; k++) {
          let c = 0;
          if (k < count) {
            const i = start + k * step, a = base[i];
            if (cube(a) && shows(a, atEdge ? 0 : base[i + off])) c = a;
          }
          if (c !== c0 || k === count) {
            if (c0 !== 0) at(from, run, c0);
            c0 = c; from = k; run = 0;
          }
          run++;
        }
      }
      for (let y = 0; y < Y; y++) {
        const base = y * XZ;
        for (let i = 0; i < XZ; i++) {
          const a = vox[base + i];
          m[i] = 0; cap[i] = 0;
          if (!cube(a)) continue;
          if (shows(a, y + 1 < Y ? vox[base + XZ + i] : 0)) m[i] = a; else cap[i] = a;
        }
        greedy(m, y, 2, false); greedy(cap, y, 2, true);
        for (let i = 0; i < XZ; i++) {
          const a = vox[base + i];
          m[i] = cube(a) && shows(a, y > 0 ? vox[base - XZ + i] : 0) ? a : 0;
        }
        greedy(m, y, 3, false);
        for (let x = 0; x < X; x++) {
          row(vox, base + x, Z, X, 1, x === X - 1, (z, n, c) => put(x, y, z, c, n, 1, 0, false));
          row(vox, base + x, Z, X, -1, x === 0, (z, n, c) => put(x, y, z, c, n, 1, 1, false));
        }
        for (let z = 0; z < Z; z++) {
          row(vox, base + z * X, X, 1, X, z === Z - 1, (x, n, c) => put(x, y, z, c, n, 1, 4, false));
          row(vox, base + z * X, X, 1, -X, z === 0, (x, n, c) => put(x, y, z, c, n, 1, 5, false));
        }
        for (let i = 0; i < XZ; i++) {
          const a = vox[base + i];
          if (a === 0 || kind[a] < 3) continue;
          const x = i % X, z = (i - x) / X;
          for (let d = 0; d < 6; d++) put(x, y, z, a, 1, 1, d, false);
        }
        for (const p of Object.values(parts)) p.mark();
      }
      return parts;
    }
    """#
}
