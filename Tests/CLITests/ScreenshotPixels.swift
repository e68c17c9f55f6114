import Foundation
import XCTest

/// Pixel statistics of screenshots, read by Python's zlib (8-bit RGB or RGBA PNGs, all filters):
/// how much of a centred square differs from the background, its mean colour, and the share of
/// pixels that differ between two pictures.
enum ScreenshotPixels {
    struct CentreStats {
        var foregroundShare: Double
        var mean: (Double, Double, Double)
    }

    static let script = #"""
    import sys, struct, zlib, json
    def load(path):
        data = open(path, 'rb').read()
        assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
        pos, idat = 8, b''
        while pos < len(data):
            n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]
            if kind == b'IHDR': w, h, depth, ctype, _, _, lace = struct.unpack('>IIBBBBB', body)
            if kind == b'IDAT': idat += body
            pos += 12 + n
        assert depth == 8 and ctype in (2, 6) and lace == 0, 'unsupported PNG format'
        bpp = 4 if ctype == 6 else 3
        raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
        for y in range(h):
            f, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            for i in range(stride):
                a = row[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
                if f == 1: row[i] = (row[i] + a) & 255
                elif f == 2: row[i] = (row[i] + b) & 255
                elif f == 3: row[i] = (row[i] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            rows.append([tuple(row[x * bpp:x * bpp + 3]) for x in range(w)]); prev = row
        return w, h, rows
    if sys.argv[1] == 'centre':
        w, h, rows = load(sys.argv[2]); bg = tuple(int(v) for v in sys.argv[3].split(',')); r = int(sys.argv[4])
        px = [rows[y][x] for y in range(h // 2 - r, h // 2 + r) for x in range(w // 2 - r, w // 2 + r)]
        fg = [p for p in px if max(abs(p[i] - bg[i]) for i in range(3)) > 12]
        mean = [sum(p[i] for p in px) / len(px) for i in range(3)]
        print(json.dumps({'foreground': len(fg) / len(px), 'mean': mean}))
    else:
        _, _, a = load(sys.argv[2]); _, _, b = load(sys.argv[3])
        diff = sum(1 for ra, rb in zip(a, b) for pa, pb in zip(ra, rb) if pa != pb)
        print(json.dumps({'changed': diff / (len(a) * len(a[0]))}))
    """#

    /// The centred `2·radius` square of `png` against `background` (0…255 RGB).
    static func centre(_ png: URL, background: (Int, Int, Int), radius: Int = 60) throws -> CentreStats {
        let json = try python(["centre", png.path, "\(background.0),\(background.1),\(background.2)", "\(radius)"])
        let mean = json["mean"] as? [Double] ?? [0, 0, 0]
        return CentreStats(foregroundShare: json["foreground"] as? Double ?? 0, mean: (mean[0], mean[1], mean[2]))
    }

    /// Share of pixels that differ between two same-size pictures.
    static func changedShare(_ a: URL, _ b: URL) throws -> Double {
        try python(["diff", a.path, b.path])["changed"] as? Double ?? 0
    }

    private static func python(_ arguments: [String]) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let out = Pipe()
        process.standardOutput = out
        do { try process.run() } catch { throw XCTSkip("python3 is needed to read screenshots") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw HeadlessChromium.Failure("reading screenshot pixels failed (python3 exit \(process.terminationStatus))")
        }
        return json
    }
}
