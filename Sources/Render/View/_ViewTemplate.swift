/// The page `ViewPage` writes: HTML and CSS here, the script in `_ViewTemplate+*.swift`
/// (voxels and meshing, level of detail, WebGL, camera and picking, panels). Everything is inline; the
/// Content-Security-Policy forbids every request, so the page works from `file://` offline and
/// cannot fetch anything even if a block name were hostile (names are only ever set as text).
enum _ViewTemplate {
    static func page(title: String, dataJSON: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>worldgan view: \(escapeHTML(title))</title>
        <style>\(css)</style></head>
        <body>
        <canvas id="gl"></canvas>
        <div id="panel" class="box">
          <h1 id="title"></h1>
          <div id="entries"></div>
          <label class="row"><input type="checkbox" id="compare"> side by side with the input</label>
          <label class="row">cut away above y <output id="cutValue"></output><input type="range" id="cut" min="0" max="0" value="0"></label>
          <div id="hover">&nbsp;</div>
          <div id="help">drag: turn · right-drag or shift-drag: pan · wheel or pinch: zoom · 1–9: switch</div>
        </div>
        <div id="side" class="box"><h2 id="measuresTitle"></h2><table id="measures"></table>
          <h2>Blocks <span class="note">(share of voxels<span id="histNote"></span>)</span></h2><div id="histogram"></div>
          <details id="previewBox" hidden><summary>training previews</summary><div id="previews"></div></details></div>
        <div id="labels"><span id="labelLeft"></span><span id="labelRight"></span></div>
        <div id="error" hidden></div>
        <pre id="status" hidden>{"ready":false}</pre>
        <script type="application/json" id="data">\(dataJSON)</script>
        <script>
        "use strict";
        \(voxelScript)
        \(detailScript)
        \(glScript)
        \(controlScript)
        \(panelScript)
        </script>
        </body></html>

        """
    }

    static func escapeHTML(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let css = """
    html, body { margin: 0; height: 100%; overflow: hidden; background: #1b2029; color: #e6e6e6;
      font: 13px/1.35 system-ui, sans-serif; }
    canvas { position: fixed; inset: 0; width: 100%; height: 100%; touch-action: none; display: block; }
    .box { position: fixed; top: 8px; background: rgba(20, 24, 32, 0.82); border-radius: 6px; padding: 8px 10px;
      max-height: calc(100% - 32px); overflow: auto; }
    #panel { left: 8px; width: 250px; }
    #side { right: 8px; width: 250px; }
    h1 { font-size: 15px; margin: 0 0 6px; word-break: break-all; }
    h2 { font-size: 13px; margin: 8px 0 4px; }
    .note { font-weight: normal; color: #9aa; }
    .row { display: block; margin: 6px 0; }
    input[type=range] { width: 100%; }
    #entries button { margin: 0 4px 4px 0; background: #2c3443; color: #ddd; border: 1px solid #456; border-radius: 4px;
      padding: 2px 6px; cursor: pointer; font: inherit; }
    #entries button.on { background: #4a6b9a; color: #fff; }
    #hover { min-height: 1.4em; color: #fdf6c8; word-break: break-all; }
    #help { color: #8a94a6; font-size: 11px; margin-top: 4px; }
    table { border-collapse: collapse; width: 100%; }
    td { padding: 1px 4px; } td:last-child { text-align: right; font-variant-numeric: tabular-nums; }
    .bar { display: grid; grid-template-columns: 12px 1fr 44px; gap: 4px; align-items: center; margin: 2px 0; }
    .swatch { width: 12px; height: 12px; border-radius: 2px; }
    .name { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; font-size: 12px; }
    .track { grid-column: 2 / 4; height: 5px; position: relative; }
    .track i { position: absolute; left: 0; height: 5px; border-radius: 2px; }
    .track i.s { top: 0; background: #7fb2ff; } .track i.r { top: 5px; height: 3px; background: #e0a060; }
    .pct { text-align: right; font-size: 11px; color: #bbb; }
    #previews img { width: 100%; image-rendering: pixelated; margin-top: 4px; }
    #labels span { position: fixed; bottom: 8px; background: rgba(20, 24, 32, 0.7); padding: 2px 6px; border-radius: 4px; }
    #labelLeft { left: 8px; } #labelRight { right: 8px; } #labels span:empty { display: none; }
    #error { position: fixed; left: 50%; top: 40%; transform: translateX(-50%); background: #622; padding: 12px;
      border-radius: 6px; max-width: 60%; }
    """
}
