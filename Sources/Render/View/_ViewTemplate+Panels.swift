extension _ViewTemplate {
    /// The page's state and panels: entry switcher, side-by-side, cut-away slider, block under
    /// the cursor, measures and histogram; coarse meshes while the camera or the cut moves; the URL
    /// hash (`show`, `cut`, `compare`, `yaw`, `pitch`, `zoom`, `pick=x,y` (names the block at that
    /// CSS pixel), `coarse` (draws the coarse meshes as while moving), `bench=frames`) and the JSON
    /// status report tests read with `--dump-dom` (meshes and their times, triangles and draw calls
    /// of the last frame, load time, frames per second).
    static let panelScript = #"""
    const $ = (id) => document.getElementById(id);
    const BACKGROUND = [0.106, 0.125, 0.161];
    const data = JSON.parse($("data").textContent);
    const kind = Uint8Array.from(data.looks, (l) => l.k);
    const inputIndex = data.entries.findIndex((e) => e.role === "input");
    const status = { ready: false, violations: [], meshes: {}, error: null };
    const camera = new Camera();
    const volumes = new Map();
    let renderer = null, show = 0, compare = false, cut = 0, frames = [], pending = false;
    // While the camera or the cut moves (and until SETTLE_MS after), coarse meshes are drawn.
    const SETTLE_MS = 250;
    let moving = false, settle = 0;

    document.addEventListener("securitypolicyviolation", (e) => { status.violations.push(e.blockedURI || e.violatedDirective); report(); });
    function report() {
      status.resources = performance.getEntriesByType("resource").map((r) => r.name);
      $("status").textContent = JSON.stringify(status);
    }
    function hashParams() {
      const p = {};
      for (const kv of location.hash.slice(1).split("&")) {
        if (!kv) continue;
        const [k, v] = kv.split("=");
        p[decodeURIComponent(k)] = v === undefined ? "" : decodeURIComponent(v);
      }
      return p;
    }
    const blockName = (look) => data.looks[look].n.replace(/^minecraft:/, "");
    const hex = (c) => "#" + c.toString(16).padStart(6, "0");

    // Entry `i` decoded, meshed (in full, and coarse when large) and on the GPU (once).
    function volume(i) {
      if (volumes.has(i)) return volumes.get(i);
      const e = data.entries[i], [X, Y, Z] = e.size;
      const t0 = performance.now(), voxels = decodeVoxels(e.voxels, X * Y * Z);
      const t1 = performance.now(), parts = meshVolume(voxels, X, Y, Z, kind), quads = quadCount(parts);
      const t2 = performance.now(), coarse = coarseMesh(voxels, e.size, kind, quads);
      const t3 = performance.now();
      const v = { size: e.size, voxels, mesh: renderer.upload(parts), coarse: coarse && renderer.upload(coarse.parts, coarse.scale) };
      status.meshes[i] = { decodeMs: Math.round(t1 - t0), meshMs: Math.round(t2 - t1), quads,
                           coarse: coarse && { scale: coarse.scale, meshMs: Math.round(t3 - t2), quads: v.coarse.quads },
                           uploadMs: Math.round(performance.now() - t3) };
      volumes.set(i, v);
      return v;
    }
    const shown = () => (compare && inputIndex >= 0 && show !== inputIndex ? [inputIndex, show] : [show]);
    const cutFor = (v) => Math.min(cut, v.size[1] - 1);

    function draw() {
      const canvas = renderer.gl.canvas, dpr = window.devicePixelRatio || 1;
      const W = Math.max(1, Math.round(innerWidth * dpr)), H = Math.max(1, Math.round(innerHeight * dpr));
      if (canvas.width !== W || canvas.height !== H) { canvas.width = W; canvas.height = H; }
      renderer.clear(BACKGROUND);
      const list = shown(), drawn = { calls: 0, triangles: 0 };
      frames = list.map((i, k) => {
        const x0 = Math.round(k * W / list.length), x1 = Math.round((k + 1) * W / list.length);
        const v = volume(i), f = camera.frame(v.size, (x1 - x0) / H);
        camera.last = f;
        const s = renderer.draw(moving && v.coarse || v.mesh, cutFor(v), f.mvp, f.eye, v.size, [x0, 0, x1 - x0, H]);
        drawn.calls += s.calls; drawn.triangles += s.triangles;
        return { i, v, f, left: x0 / dpr, right: x1 / dpr };
      });
      $("labelLeft").textContent = list.length > 1 ? data.entries[list[0]].name + " (input)" : "";
      $("labelRight").textContent = list.length > 1 ? data.entries[list[1]].name : "";
      status.drawn = drawn;
    }
    // The camera or the cut moved: coarse meshes now, the full ones once it rests.
    function moved() {
      moving = true;
      clearTimeout(settle);
      settle = setTimeout(() => { moving = false; redraw(); }, SETTLE_MS);
      redraw();
    }
    function redraw() {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => { pending = false; draw(); });
    }

    function hover(cx, cy) {
      const fr = frames.find((f) => cx >= f.left && cx < f.right);
      if (!fr) return;
      const nx = (cx - fr.left) / (fr.right - fr.left) * 2 - 1, ny = 1 - cy / innerHeight * 2;
      const hit = pick(fr.v, cutFor(fr.v), rayThrough(fr.f, nx, ny));
      $("hover").textContent = hit ? `${blockName(hit.look)} at ${hit.x} ${hit.y} ${hit.z}` : "\u00a0";
    }

    function showEntry(i) {
      show = Math.max(0, Math.min(data.entries.length - 1, i));
      const maxY = Math.max(...shown().map((j) => data.entries[j].size[1])) - 1;
      const slider = $("cut");
      const atTop = cut >= Number(slider.max);
      slider.max = maxY;
      if (atTop || cut > maxY) cut = maxY;
      slider.value = cut; $("cutValue").textContent = cut;
      [...$("entries").children].forEach((b, k) => b.classList.toggle("on", k === show));
      fillMeasures(data.entries[show]);
      redraw();
    }

    function fillMeasures(e) {
      $("measuresTitle").textContent = e.role === "input" ? `${e.name} (input)` : inputIndex >= 0 ? `${e.name} vs input` : e.name;
      const table = $("measures");
      table.replaceChildren();
      const row = (label, value, cls) => {
        const tr = table.insertRow(); if (cls) tr.className = cls;
        tr.insertCell().textContent = label; tr.insertCell().textContent = value;
      };
      row("size", e.size.join(" × "));
      for (const m of e.measures) row(m.label, m.value);
      for (const m of data.summary) row(m.label, m.value, "note");
      $("histNote").textContent = e.inputTotal ? "; blue: this, orange: input" : "";
      const top = Math.max(1e-9, ...e.histogram.map((b) => Math.max(b.count / e.total, b.input == null ? 0 : b.input / e.inputTotal)));
      $("histogram").replaceChildren(...e.histogram.map((b) => {
        const div = document.createElement("div"), share = b.count / e.total;
        div.className = "bar";
        div.title = data.looks[b.look].n;
        const sw = document.createElement("span"); sw.className = "swatch"; sw.style.background = hex(data.looks[b.look].t);
        const name = document.createElement("span"); name.className = "name"; name.textContent = blockName(b.look);
        const pct = document.createElement("span"); pct.className = "pct"; pct.textContent = (share * 100).toFixed(1) + "%";
        const track = document.createElement("span"); track.className = "track";
        const s = document.createElement("i"); s.className = "s"; s.style.width = (share / top * 100) + "%";
        track.append(s);
        if (b.input != null) {
          const r = document.createElement("i"); r.className = "r"; r.style.width = (b.input / e.inputTotal / top * 100) + "%";
          track.append(r);
          pct.title = "input: " + (b.input / e.inputTotal * 100).toFixed(1) + "%";
        }
        div.append(sw, name, pct, track);
        return div;
      }));
    }

    function buildPanels() {
      $("title").textContent = data.title;
      document.title = "worldgan view: " + data.title;
      $("entries").replaceChildren(...data.entries.map((e, i) => {
        const b = document.createElement("button");
        b.textContent = e.name + (e.role === "input" ? " (input)" : "");
        b.addEventListener("click", () => showEntry(i));
        return b;
      }));
      $("compare").disabled = inputIndex < 0 || data.entries.length < 2;
      $("compare").addEventListener("change", (ev) => { compare = ev.target.checked; showEntry(show); });
      $("cut").addEventListener("input", (ev) => { cut = Number(ev.target.value); $("cutValue").textContent = cut; moved(); });
      addEventListener("keydown", (ev) => { if (ev.key >= "1" && ev.key <= "9") showEntry(Number(ev.key) - 1); });
      addEventListener("resize", redraw);
      if (data.previews.length) {
        $("previewBox").hidden = false;
        $("previews").replaceChildren(...data.previews.map((p) => {
          const img = document.createElement("img"); img.src = p.src; img.alt = img.title = p.name; return img;
        }));
      }
    }

    // Frames per second while turning once around: `count` frames submitted back to back (as a
    // browser pipelines them), the time taken until the last one is finished (readPixels waits).
    // `fps` is while turning (coarse meshes, as when dragging), `fpsAtRest` in full detail.
    function bench(count) {
      const gl = renderer.gl, px = new Uint8Array(4);
      const turn = (coarse) => {
        moving = coarse;
        draw(); gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
        const t0 = performance.now();
        for (let n = 0; n < count; n++) { camera.yaw += 2 * Math.PI / count; draw(); gl.flush(); }
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
        return Math.round(count / ((performance.now() - t0) / 1000) * 10) / 10;
      };
      status.fps = turn(true);
      status.drawnMoving = status.drawn;
      status.fpsAtRest = turn(false);
      status.benchFrames = count;
      $("help").textContent = `${status.fps} frames per second turning, ${status.fpsAtRest} at rest (${count} frames)`;
    }

    function start() {
      const p = hashParams();
      buildPanels();
      renderer = new Renderer($("gl"), data.looks);
      compare = "compare" in p && inputIndex >= 0;
      $("compare").checked = compare;
      if (p.yaw) camera.yaw = Number(p.yaw) * Math.PI / 180;
      if (p.pitch) camera.pitch = Number(p.pitch) * Math.PI / 180;
      if (p.zoom) camera.zoom = Number(p.zoom);
      moving = "coarse" in p;
      cut = Infinity;
      $("cut").max = 1e9;
      showEntry(p.show ? Number(p.show) : 0);
      if (p.cut) { cut = Math.max(0, Math.min(Number($("cut").max), Number(p.cut))); $("cut").value = cut; $("cutValue").textContent = cut; }
      attachControls($("gl"), camera, moved, hover);
      draw();
      status.loadMs = Math.round(performance.now());
      if (p.pick) { const [x, y] = p.pick.split(",").map(Number); hover(x, y); status.hover = $("hover").textContent; }
      if ("bench" in p) bench(Number(p.bench) || 60);
      status.ready = true;
      status.shown = shown(); status.cut = cut; status.canvas = [$("gl").width, $("gl").height];
      report();
    }

    try { start(); } catch (err) {
      status.error = String(err && err.message || err);
      $("error").hidden = false; $("error").textContent = status.error;
      report();
    }
    """#
}
