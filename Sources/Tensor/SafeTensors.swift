import Foundation

/// The safetensors file format (Hugging Face): an 8-byte little-endian header length, a JSON header
/// `{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {…}}`, then the raw
/// little-endian tensor bytes. Files written here load in PyTorch with `safetensors.torch.load_file`.
///
/// Only float32 (`F32`) tensors are written; `F32` and `I64` are read (I64 is converted to Float only
/// if asked for via `integers`).
///
/// ```swift
/// var file = SafeTensors()
/// file["G.head.conv.weight"] = .init(shape: [64, 32, 3, 3, 3], values: weights)
/// try file.write(to: url)
/// let back = try SafeTensors(contentsOf: url)
/// ```
public struct SafeTensors: Sendable, Equatable {
    /// One float32 tensor: row-major values of the given shape.
    public struct Entry: Sendable, Equatable {
        public var shape: [Int]
        public var values: [Float]
        public init(shape: [Int], values: [Float]) {
            precondition(shape.reduce(1, *) == values.count,
                         "SafeTensors.Entry: shape \(shape) holds \(shape.reduce(1, *)) values, got \(values.count)")
            self.shape = shape
            self.values = values
        }
    }

    /// Problems reading a safetensors file; each names the file.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case malformed(path: String, reason: String)
        case unwritable(path: String, reason: String)

        public var description: String {
            switch self {
            case let .unreadable(path, reason): "\(path): cannot read (\(reason))"
            case let .malformed(path, reason): "\(path) is not a valid safetensors file: \(reason)"
            case let .unwritable(path, reason): "\(path): cannot write (\(reason))"
            }
        }
    }

    public var tensors: [String: Entry] = [:]
    /// Free-form string metadata (`__metadata__`).
    public var metadata: [String: String] = [:]

    public init() {}

    public subscript(name: String) -> Entry? {
        get { tensors[name] }
        set { tensors[name] = newValue }
    }

    /// The file's bytes: header padded with spaces to a multiple of 8, tensors in name order.
    public func serialized() -> [UInt8] {
        var header: [String: Any] = [:]
        var offset = 0
        let names = tensors.keys.sorted()
        for name in names {
            guard let e = tensors[name] else { continue }
            let bytes = e.values.count * 4
            header[name] = ["dtype": "F32", "shape": e.shape, "data_offsets": [offset, offset + bytes]] as [String: Any]
            offset += bytes
        }
        if !metadata.isEmpty { header["__metadata__"] = metadata }
        var json = (try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) ?? Data("{}".utf8)
        while json.count % 8 != 0 { json.append(0x20) }
        var out = [UInt8]()
        out.reserveCapacity(8 + json.count + offset)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: json)
        for name in names {
            guard let e = tensors[name] else { continue }
            e.values.withUnsafeBufferPointer { src in
                for v in src { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
            }
        }
        return out
    }

    /// Writes atomically (temporary file in the same folder, fsync, rename).
    public func write(to url: URL) throws(Failure) {
        let bytes = serialized()
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try Data(bytes).write(to: temporary)
            let fd = open(temporary.path, O_RDONLY)
            if fd >= 0 { fsync(fd); close(fd) }
            if rename(temporary.path, url.path) != 0 {
                throw Failure.unwritable(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch let failure as Failure {
            try? FileManager.default.removeItem(at: temporary)
            throw failure
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Reads a file written by this type or by the safetensors library (F32 tensors).
    public init(contentsOf url: URL) throws(Failure) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(path: url.path, reason: error.localizedDescription) }
        try self.init(bytes: [UInt8](data), path: url.path)
    }

    /// Parses safetensors bytes; `path` only labels errors.
    public init(bytes: [UInt8], path: String = "<memory>") throws(Failure) {
        guard bytes.count >= 8 else { throw .malformed(path: path, reason: "shorter than its 8-byte header length") }
        let headerLength = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw .malformed(path: path, reason: "header length \(headerLength) exceeds the file")
        }
        let bodyStart = 8 + Int(headerLength)
        let json = Data(bytes[8..<bodyStart])
        guard let header = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else {
            throw .malformed(path: path, reason: "header is not a JSON object")
        }
        let bodyCount = bytes.count - bodyStart
        for (name, value) in header {
            if name == "__metadata__" {
                metadata = (value as? [String: String]) ?? [:]
                continue
            }
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                  let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int], offsets.count == 2 else {
                throw .malformed(path: path, reason: "entry \(name) lacks dtype, shape or data_offsets")
            }
            guard dtype == "F32" else { throw .malformed(path: path, reason: "entry \(name) has dtype \(dtype); only F32 is supported") }
            guard shape.allSatisfy({ $0 >= 0 }) else { throw .malformed(path: path, reason: "entry \(name) has a negative dimension") }
            let (count, overflow) = shape.reduce((1, false)) { acc, d in
                let (p, o) = acc.0.multipliedReportingOverflow(by: d); return (p, acc.1 || o)
            }
            guard !overflow, offsets[0] >= 0, offsets[1] <= bodyCount, offsets[1] - offsets[0] == count * 4 else {
                throw .malformed(path: path, reason: "entry \(name): offsets \(offsets) do not match shape \(shape) inside \(bodyCount) data bytes")
            }
            let start = bodyStart + offsets[0]
            let values = [Float](unsafeUninitializedCapacity: count) { buf, n in
                bytes.withUnsafeBytes { raw in
                    for i in 0..<count {
                        buf[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + i * 4, as: UInt32.self)))
                    }
                }
                n = count
            }
            tensors[name] = Entry(shape: shape, values: values)
        }
    }
}
