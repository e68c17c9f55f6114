/// Unsigned LEB128 varints, as the Sponge schematic's block data stores palette ids.
enum VarInt {
    static func append(_ value: UInt32, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// Reads varints one after another; `next()` is `nil` at a truncated or overlong (> 5 bytes) value.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func next() -> UInt32? {
            var value: UInt32 = 0
            var shift: UInt32 = 0
            while position < bytes.count {
                let b = bytes[position]
                position += 1
                value |= UInt32(b & 0x7F) << shift
                if b & 0x80 == 0 { return value }
                shift += 7
                if shift > 28 { return nil }
            }
            return nil
        }
    }
}
