import CZlib
import Foundation

/// Encodes an `Image` as a PNG file: 8-bit RGBA (colour type 6), no interlace, one IDAT chunk
/// compressed with zlib, CRCs from zlib's `crc32` (PNG spec, ISO/IEC 15948).
///
/// Each row gets the PNG filter (None, Sub, Up, Average, Paeth) with the smallest sum of absolute
/// filtered bytes — the spec's recommended heuristic — which makes flat-shaded renders compress well.
///
/// ```swift
/// let bytes = try PNGEncoder().encode(image)
/// try Data(bytes).write(to: url)
/// ```
/// - Complexity: O(width · height).
public struct PNGEncoder: Sendable {
    /// zlib level 0 (store) … 9 (smallest); 6 is zlib's default balance.
    public var compressionLevel: Int32

    public init(compressionLevel: Int32 = 6) {
        self.compressionLevel = max(0, min(9, compressionLevel))
    }

    /// The PNG file bytes of `image`.
    /// - Throws: `RenderError.emptyImage` for a 0-pixel-wide or -high image (PNG forbids it),
    ///   `RenderError.compressionFailed` if zlib fails.
    public func encode(_ image: Image) throws -> [UInt8] {
        guard image.width > 0, image.height > 0 else { throw RenderError.emptyImage(width: image.width, height: image.height) }
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        Self.appendBigEndian(UInt32(image.width), to: &header)
        Self.appendBigEndian(UInt32(image.height), to: &header)
        header += [8, 6, 0, 0, 0]  // bit depth 8, RGBA, deflate, adaptive filtering, no interlace
        Self.appendChunk("IHDR", header, to: &out)
        Self.appendChunk("IDAT", try deflate(Self.filteredRows(image)), to: &out)
        Self.appendChunk("IEND", [], to: &out)
        return out
    }

    /// Rows prefixed by their filter type byte, as the IDAT stream expects before compression.
    static func filteredRows(_ image: Image) -> [UInt8] {
        let stride = image.width * 4
        var out = [UInt8](repeating: 0, count: (stride + 1) * image.height)
        var candidate = [UInt8](repeating: 0, count: stride)
        var best = [UInt8](repeating: 0, count: stride)
        let zeros = [UInt8](repeating: 0, count: stride)
        image.pixels.withUnsafeBufferPointer { px in
            for row in 0..<image.height {
                let cur = UnsafeBufferPointer(rebasing: px[(row * stride)..<((row + 1) * stride)])
                let prevRange = row == 0 ? nil : ((row - 1) * stride)..<(row * stride)
                var bestType: UInt8 = 0, bestCost = Int.max
                for type in UInt8(0)...4 {
                    let cost = zeros.withUnsafeBufferPointer { z in
                        let prev = prevRange.map { UnsafeBufferPointer(rebasing: px[$0]) } ?? z
                        return Self.filter(type, current: cur, previous: prev, into: &candidate)
                    }
                    if cost < bestCost { bestCost = cost; bestType = type; swap(&best, &candidate) }
                }
                out[row * (stride + 1)] = bestType
                out.replaceSubrange((row * (stride + 1) + 1)..<((row + 1) * (stride + 1)), with: best)
            }
        }
        return out
    }

    /// Applies PNG filter `type` to one row; returns the sum of |filtered byte as Int8|.
    static func filter(_ type: UInt8, current: UnsafeBufferPointer<UInt8>, previous: UnsafeBufferPointer<UInt8>,
                       into out: inout [UInt8]) -> Int {
        var cost = 0
        for i in 0..<current.count {
            let a = i >= 4 ? Int(current[i - 4]) : 0
            let b = Int(previous[i])
            let c = i >= 4 ? Int(previous[i - 4]) : 0
            let predictor: Int
            switch type {
            case 0: predictor = 0
            case 1: predictor = a
            case 2: predictor = b
            case 3: predictor = (a + b) / 2
            default: predictor = paeth(a, b, c)
            }
            let v = UInt8(truncatingIfNeeded: Int(current[i]) - predictor)
            out[i] = v
            cost += abs(Int(Int8(bitPattern: v)))
        }
        return cost
    }

    @inline(__always)
    static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
        return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
    }

    /// zlib-wrapped deflate of `input` (what IDAT holds).
    func deflate(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        // deflateInit is a C macro Swift cannot import; call the function it expands to.
        let initCode = deflateInit_(&stream, compressionLevel, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initCode == Z_OK else { throw RenderError.compressionFailed(stage: "deflateInit", code: initCode) }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        var input = input
        let code: Int32 = input.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.next_in = src.baseAddress
                stream.avail_in = uInt(src.count)
                stream.next_out = dst.baseAddress
                stream.avail_out = uInt(dst.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard code == Z_STREAM_END else { throw RenderError.compressionFailed(stage: "deflate", code: code) }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    static func appendChunk(_ type: String, _ data: [UInt8], to out: inout [UInt8]) {
        appendBigEndian(UInt32(data.count), to: &out)
        let typeBytes = Array(type.utf8)
        var crc = crc32(0, nil, 0)
        crc = typeBytes.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        out += typeBytes
        out += data
        appendBigEndian(UInt32(truncatingIfNeeded: crc), to: &out)
    }

    static func appendBigEndian(_ v: UInt32, to out: inout [UInt8]) {
        out += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
