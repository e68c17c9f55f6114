/// Java's "modified UTF-8" (DataInput.readUTF), the string encoding of NBT.
///
/// It differs from UTF-8 in two ways: U+0000 is written as the two bytes C0 80, and characters
/// above U+FFFF are written as a UTF-16 surrogate pair, each half as a 3-byte sequence.
public enum ModifiedUTF8 {
    /// Encodes `string`. - Complexity: O(n).
    public static func encode(_ string: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count)
        for unit in string.utf16 {
            switch unit {
            case 0x0001...0x007F:
                out.append(UInt8(unit))
            case 0x0000, 0x0080...0x07FF:
                out.append(0xC0 | UInt8(unit >> 6))
                out.append(0x80 | UInt8(unit & 0x3F))
            default:
                out.append(0xE0 | UInt8(unit >> 12))
                out.append(0x80 | UInt8((unit >> 6) & 0x3F))
                out.append(0x80 | UInt8(unit & 0x3F))
            }
        }
        return out
    }

    /// Decodes bytes; `nil` if they are not modified UTF-8. A lone surrogate (legal in Java, not in
    /// Swift strings) becomes U+FFFD. - Complexity: O(n).
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> String? {
        // Fast path: plain ASCII (almost every NBT key and block name).
        var ascii = true
        for b in bytes where b == 0 || b >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: bytes, as: UTF8.self) }

        var units: [UInt16] = []
        units.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt16(bytes[i])
            if b0 & 0x80 == 0 {
                guard b0 != 0 else { return nil }
                units.append(b0); i += 1
            } else if b0 & 0xE0 == 0xC0 {
                guard i + 1 < n else { return nil }
                let b1 = UInt16(bytes[i + 1])
                guard b1 & 0xC0 == 0x80 else { return nil }
                units.append((b0 & 0x1F) << 6 | (b1 & 0x3F)); i += 2
            } else if b0 & 0xF0 == 0xE0 {
                guard i + 2 < n else { return nil }
                let b1 = UInt16(bytes[i + 1]), b2 = UInt16(bytes[i + 2])
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return nil }
                units.append((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)); i += 3
            } else {
                return nil
            }
        }
        // String(decoding:as:UTF16) repairs lone surrogates with U+FFFD.
        return String(decoding: units, as: UTF16.self)
    }
}
