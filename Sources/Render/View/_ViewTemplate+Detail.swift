extension _ViewTemplate {
    /// Level of detail for a moving camera: a volume whose mesh is large is also merged `f`×`f`×`f`
    /// into a coarse volume, meshed once at load like the full one, and drawn while the camera
    /// turns, pans or zooms or the cut moves; the full mesh is drawn once the camera rests.
    ///
    /// A coarse cell is filled when at least `f`² of its `f`³ voxels are (a wall or floor one block
    /// thick across it stays; a part counts half a voxel), with the look that covers most of it,
    /// voxels not under an opaque cube counting thrice (so grass-topped dirt stays green from
    /// above); parts become cubes of their look.
    static let detailScript = #"""
    // Meshes above COARSE_QUADS quads get a coarse mesh for moving cameras, merged 2×2×2, 3×3×3
    // or 4×4×4: the finest within COARSE_QUADS. Software WebGL (SwiftShader) on two cores draws
    // two to five million triangles a second; a camera outside the box sees about half the
    // quads, two triangles each, so this keeps a moving camera above 10 frames per second.
    const COARSE_QUADS = 150000;

    // Kinds of the coarse volume: parts become cubes (1 opaque, 2 see-through).
    const coarseKind = (kind) => kind.map((k) => (k === 3 ? 1 : k === 4 ? 2 : k));

    // `vox` (X×Y×Z, layer order) merged f×f×f: { vox, size: [X', Y', Z'] }.
    function coarsen(vox, X, Y, Z, kind, f) {
      const CX = Math.ceil(X / f), CY = Math.ceil(Y / f), CZ = Math.ceil(Z / f), out = new Uint16Array(CX * CY * CZ);
      const score = new Uint32Array(kind.length), seen = [];
      for (let cy = 0; cy < CY; cy++) for (let cz = 0; cz < CZ; cz++) for (let cx = 0; cx < CX; cx++) {
        let fill = 0;
        for (let y = cy * f; y < Math.min(Y, cy * f + f); y++) for (let z = cz * f; z < Math.min(Z, cz * f + f); z++) {
          for (let x = cx * f, i = (y * Z + z) * X + x; x < Math.min(X, cx * f + f); x++, i++) {
            const a = vox[i];
            if (a === 0) continue;
            const w = kind[a] < 3 ? 2 : 1, open = y + 1 === Y || kind[vox[i + X * Z]] !== 1;
            fill += w;
            if (score[a] === 0) seen.push(a);
            score[a] += open ? 3 * w : w;
          }
        }
        let best = 0, top = 0;
        for (const a of seen) { if (score[a] > top) { best = a; top = score[a]; } score[a] = 0; }
        seen.length = 0;
        out[(cy * CZ + cz) * CX + cx] = fill >= 2 * f * f ? best : 0;
      }
      return { vox: out, size: [CX, CY, CZ] };
    }

    // The coarse mesh of a volume whose full mesh has `quads` quads, or null when it is small
    // enough: { parts, scale }.
    function coarseMesh(vox, [X, Y, Z], kind, quads) {
      if (quads <= COARSE_QUADS) return null;
      const cubes = coarseKind(kind);
      let mesh = null;
      for (const f of [2, 3, 4]) {
        const c = coarsen(vox, X, Y, Z, kind, f);
        mesh = { parts: meshVolume(c.vox, ...c.size, cubes), scale: f };
        if (quadCount(mesh.parts) <= COARSE_QUADS) break;
      }
      return mesh;
    }
    """#
}
