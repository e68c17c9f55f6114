extension _ViewTemplate {
    /// The orbit camera (yaw, pitch, distance around the volume's centre plus a pan offset),
    /// its matrices, mouse/touch/wheel handling through pointer events, and picking: the mouse
    /// ray marched voxel by voxel (Amanatides–Woo) through the grid below the cut.
    static let controlScript = #"""
    const FOV = 45 * Math.PI / 180;
    const sub = (a, b) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
    const cross = (a, b) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
    const norm = (a) => { const l = Math.hypot(...a) || 1; return [a[0] / l, a[1] / l, a[2] / l]; };
    const dot = (a, b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

    class Camera {
      constructor() { this.yaw = Math.PI / 4; this.pitch = 0.6; this.zoom = 1; this.pan = [0, 0, 0]; }
      // Eye, basis and matrix for a volume of `size` seen in a viewport of `aspect`.
      frame(size, aspect) {
        const radius = 0.5 * Math.hypot(...size), fit = Math.min(1, aspect);
        const dist = this.zoom * radius / Math.sin(Math.atan(Math.tan(FOV / 2) * fit)) * 1.02;
        const target = [size[0] / 2 + this.pan[0], size[1] / 2 + this.pan[1], size[2] / 2 + this.pan[2]];
        const cp = Math.cos(this.pitch);
        const eye = [target[0] + dist * cp * Math.sin(this.yaw), target[1] + dist * Math.sin(this.pitch),
                     target[2] + dist * cp * Math.cos(this.yaw)];
        const fwd = norm(sub(target, eye)), right = norm(cross(fwd, [0, 1, 0])), up = cross(right, fwd);
        const near = Math.max(0.05, dist - radius * 1.5), far = dist + radius * 2;
        const f = 1 / Math.tan(FOV / 2);
        const proj = [f / aspect, 0, 0, 0, 0, f, 0, 0, 0, 0, (far + near) / (near - far), -1, 0, 0, 2 * far * near / (near - far), 0];
        const view = [right[0], up[0], -fwd[0], 0, right[1], up[1], -fwd[1], 0, right[2], up[2], -fwd[2], 0,
                      -dot(right, eye), -dot(up, eye), dot(fwd, eye), 1];
        return { eye, fwd, right, up, dist, aspect, mvp: mat4Multiply(proj, view) };
      }
    }

    function mat4Multiply(a, b) {
      const out = new Float32Array(16);
      for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) {
        let s = 0;
        for (let k = 0; k < 4; k++) s += a[k * 4 + r] * b[c * 4 + k];
        out[c * 4 + r] = s;
      }
      return out;
    }

    // The ray through viewport point (nx, ny) in −1…1 (y up).
    function rayThrough(f, nx, ny) {
      const t = Math.tan(FOV / 2);
      const d = norm([0, 1, 2].map((i) => f.fwd[i] + nx * t * f.aspect * f.right[i] + ny * t * f.up[i]));
      return { origin: f.eye, dir: d };
    }

    // First non-air voxel along the ray at y ≤ cut: { look, x, y, z } or null.
    function pick(vol, cut, ray) {
      const [X, Y, Z] = vol.size, hi = [X, Math.min(Y, cut + 1), Z], o = ray.origin, d = ray.dir;
      let t0 = 0, t1 = Infinity;
      for (let i = 0; i < 3; i++) {
        if (Math.abs(d[i]) < 1e-12) { if (o[i] < 0 || o[i] > hi[i]) return null; continue; }
        let a = (0 - o[i]) / d[i], b = (hi[i] - o[i]) / d[i];
        if (a > b) [a, b] = [b, a];
        t0 = Math.max(t0, a); t1 = Math.min(t1, b);
      }
      if (t0 > t1) return null;
      const p = [0, 1, 2].map((i) => o[i] + d[i] * (t0 + 1e-6));
      const v = p.map((c, i) => Math.min(hi[i] - 1, Math.max(0, Math.floor(c))));
      const step = d.map((c) => (c > 0 ? 1 : -1));
      const delta = d.map((c) => Math.abs(1 / c));
      const next = [0, 1, 2].map((i) => (d[i] > 0 ? v[i] + 1 - p[i] : p[i] - v[i]) * delta[i]);
      for (let n = 0; n < X + Y + Z + 3; n++) {
        const look = vol.voxels[(v[1] * Z + v[2]) * X + v[0]];
        if (look !== 0) return { look, x: v[0], y: v[1], z: v[2] };
        const i = next[0] < next[1] ? (next[0] < next[2] ? 0 : 2) : (next[1] < next[2] ? 1 : 2);
        v[i] += step[i];
        if (v[i] < 0 || v[i] >= hi[i]) return null;
        next[i] += delta[i];
      }
      return null;
    }

    // Pointer gestures on `el`: one pointer turns (pans with shift or the right button), two pinch
    // and pan; the wheel zooms. `changed()` is called after every move, `hover(x, y)` without buttons.
    function attachControls(el, camera, changed, hover) {
      const down = new Map();
      let pinch = null;
      el.addEventListener("contextmenu", (e) => e.preventDefault());
      el.addEventListener("pointerdown", (e) => {
        el.setPointerCapture(e.pointerId);
        down.set(e.pointerId, { x: e.clientX, y: e.clientY, pan: e.shiftKey || e.button === 2 || e.button === 1 });
        pinch = null;
      });
      const release = (e) => { down.delete(e.pointerId); pinch = null; };
      el.addEventListener("pointerup", release);
      el.addEventListener("pointercancel", release);
      el.addEventListener("pointermove", (e) => {
        const p = down.get(e.pointerId);
        if (!p) { hover(e.clientX, e.clientY); return; }
        const dx = e.clientX - p.x, dy = e.clientY - p.y;
        p.x = e.clientX; p.y = e.clientY;
        if (down.size === 1 && !p.pan) {
          camera.yaw -= dx * 0.008;
          camera.pitch = Math.max(-1.5, Math.min(1.5, camera.pitch + dy * 0.008));
        } else if (down.size === 1) {
          panBy(camera, dx, dy, el.clientHeight);
        } else {
          const [a, b] = [...down.values()], span = Math.hypot(a.x - b.x, a.y - b.y);
          if (pinch) camera.zoom = Math.max(0.05, Math.min(20, camera.zoom * pinch / Math.max(span, 1)));
          pinch = span;
          panBy(camera, dx / 2, dy / 2, el.clientHeight);
        }
        changed();
      });
      el.addEventListener("wheel", (e) => {
        e.preventDefault();
        camera.zoom = Math.max(0.05, Math.min(20, camera.zoom * Math.exp(e.deltaY * 0.001)));
        changed();
      }, { passive: false });
    }

    function panBy(camera, dx, dy, height) {
      const f = camera.last;
      if (!f) return;
      const scale = 2 * f.dist * Math.tan(FOV / 2) / Math.max(1, height);
      for (let i = 0; i < 3; i++) camera.pan[i] += (-dx * f.right[i] + dy * f.up[i]) * scale;
    }
    """#
}
