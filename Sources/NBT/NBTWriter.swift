/// Writes binary NBT (big-endian, modified UTF-8), the exact inverse of `NBTReader`.
///
/// ```swift
/// let bytes = try NBTWriter.write(NBTReader.Document(root: chunk))
/// ```
public enum NBTWriter {
    /// Serialises a named root compound (uncompressed).
    /// - Throws: `NBTError.stringTooLong` or `.inconsistentList` for values NBT cannot hold.
    public static func write(_ document: NBTReader.Document) throws(NBTError) -> [UInt8] {
        var out = ByteWriter()
        out.bytes.reserveCapacity(4096)
        out.append(TagType.compound.rawValue)
        try writeString(document.name, &out)
        try writePayload(.compound(document.root), &out)
        return out.bytes
    }

    static func writeString(_ s: String, _ out: inout ByteWriter) throws(NBTError) {
        let encoded = ModifiedUTF8.encode(s)
        guard encoded.count <= Int(UInt16.max) else { throw .stringTooLong(bytes: encoded.count, path: NBTPath()) }
        out.append(UInt16(encoded.count))
        out.bytes.append(contentsOf: encoded)
    }

    static func writePayload(_ tag: Tag, _ out: inout ByteWriter) throws(NBTError) {
        switch tag {
        case .byte(let v): out.append(v)
        case .short(let v): out.append(v)
        case .int(let v): out.append(v)
        case .long(let v): out.append(v)
        case .float(let v): out.append(v.bitPattern)
        case .double(let v): out.append(v.bitPattern)
        case .byteArray(let a): out.append(Int32(a.count)); out.bytes.append(contentsOf: a)
        case .intArray(let a): out.append(Int32(a.count)); out.appendArray(a)
        case .longArray(let a): out.append(Int32(a.count)); out.appendArray(a)
        case .string(let s): try writeString(s, &out)
        case .list(let type, let items):
            out.append(type.rawValue)
            out.append(Int32(items.count))
            for (i, item) in items.enumerated() {
                guard item.type == type else {
                    throw NBTError.inconsistentList(declared: type, found: item.type, path: NBTPath([.index(i)]))
                }
                do throws(NBTError) { try writePayload(item, &out) } catch { throw error.prepending(.index(i)) }
            }
        case .compound(let c):
            for (name, value) in c {
                out.append(value.type.rawValue)
                do throws(NBTError) {
                    try writeString(name, &out)
                    try writePayload(value, &out)
                } catch { throw error.prepending(.key(name)) }
            }
            out.append(TagType.end.rawValue)
        }
    }
}

/// A growable big-endian byte buffer.
struct ByteWriter {
    var bytes: [UInt8] = []

    @inline(__always)
    mutating func append<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func appendArray<T: FixedWidthInteger>(_ a: [T]) {
        let start = bytes.count
        let n = a.count * MemoryLayout<T>.size
        bytes.append(contentsOf: repeatElement(0, count: n))
        bytes.withUnsafeMutableBytes { dst in
            a.withUnsafeBufferPointer { src in
                let out = UnsafeMutableRawBufferPointer(rebasing: dst[start..<start + n])
                for (i, v) in src.enumerated() {
                    out.storeBytes(of: v.bigEndian, toByteOffset: i * MemoryLayout<T>.size, as: T.self)
                }
            }
        }
    }
}
