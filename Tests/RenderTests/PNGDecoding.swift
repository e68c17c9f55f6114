import Foundation
import XCTest

/// Decodes PNG bytes with an independent decoder: Python's zlib + struct (no imaging library),
/// checking the signature, every chunk CRC and all five row filters. Skips when python3 is missing.
enum PNGDecoding {
    static let script = #"""
import sys, struct, zlib
data = sys.stdin.buffer.read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'signature'
pos, idat, ihdr = 8, b'', None
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    crc, = struct.unpack('>I', data[pos + 8 + n:pos + 12 + n])
    assert zlib.crc32(kind + body) & 0xffffffff == crc, 'crc of ' + kind.decode()
    if kind == b'IHDR': ihdr = struct.unpack('>IIBBBBB', body)
    if kind == b'IDAT': idat += body
    pos += 12 + n
    if kind == b'IEND': break
w, h, depth, ctype, _, _, interlace = ihdr
assert (depth, ctype, interlace) == (8, 6, 0), 'format'
raw, stride, out, prev = zlib.decompress(idat), w * 4, bytearray(), bytearray(w * 4)
for y in range(h):
    f, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = row[i - 4] if i >= 4 else 0
        b = prev[i]
        c = prev[i - 4] if i >= 4 else 0
        if f == 0: p = 0
        elif f == 1: p = a
        elif f == 2: p = b
        elif f == 3: p = (a + b) // 2
        else:
            q = a + b - c
            pa, pb, pc = abs(q - a), abs(q - b), abs(q - c)
            p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
        row[i] = (row[i] + p) & 255
    out += row
    prev = row
print(w, h, out.hex())
"""#

    /// (width, height, RGBA bytes) as Python decodes them.
    static func decode(_ png: [UInt8]) throws -> (Int, Int, [UInt8]) {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("python3 not found: cannot cross-check the PNG with an independent decoder")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(png))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            XCTFail("python rejected the PNG: \(problem)")
            return (0, 0, [])
        }
        let parts = text.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard parts.count == 3, let w = Int(parts[0]), let h = Int(parts[1]) else {
            XCTFail("unexpected decoder output: \(text.prefix(200))")
            return (0, 0, [])
        }
        var bytes: [UInt8] = []
        var index = parts[2].startIndex
        while index < parts[2].endIndex {
            let next = parts[2].index(index, offsetBy: 2)
            bytes.append(UInt8(parts[2][index..<next], radix: 16) ?? 0)
            index = next
        }
        return (w, h, bytes)
    }
}
