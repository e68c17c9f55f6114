import NBT

/// Writes NBT bytes tag by tag, including ones no valid writer would produce (wrong ids, lying
/// lengths, absurd nesting), so tests can feed hostile input to the reader.
///
/// ```swift
/// var b = NBTBuilder()
/// b.tagHeader(.compound, name: "")
/// b.tagHeader(.list, name: "huge"); b.u8(TagType.byte.rawValue); b.i32(Int32.max)
/// let bytes = b.bytes
/// ```
public struct NBTBuilder: Sendable {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func u8(_ v: UInt8) { bytes.append(v) }
    public mutating func i16(_ v: Int16) { append(v) }
    public mutating func i32(_ v: Int32) { append(v) }
    public mutating func i64(_ v: Int64) { append(v) }

    /// A length-prefixed modified-UTF-8 string.
    public mutating func string(_ s: String) {
        let encoded = ModifiedUTF8.encode(s)
        i16(Int16(truncatingIfNeeded: encoded.count))
        bytes.append(contentsOf: encoded)
    }

    /// A named tag's type id and name (the payload follows).
    public mutating func tagHeader(_ type: TagType, name: String) {
        u8(type.rawValue)
        string(name)
    }

    /// TAG_End, closing a compound.
    public mutating func end() { u8(0) }

    /// Raw bytes.
    public mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }

    private mutating func append<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.bigEndian) { bytes.append(contentsOf: $0) }
    }
}
