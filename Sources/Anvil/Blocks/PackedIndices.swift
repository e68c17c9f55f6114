/// Fixed-width unsigned integers packed into 64-bit longs, as chunk sections store block and
/// biome palette indices.
///
/// Two packings exist (see `FORMATS.md`):
/// - `.straddling` (1.13–1.15, DataVersion < 2529): entries are laid end to end, least significant
///   bits first; an entry may start in one long and end in the next. `4096 × bits / 64` longs.
/// - `.padded` (20w17a / 1.16 and later): each long holds `64 / bits` whole entries from its low
///   bits up; the leftover high bits are zero padding. `ceil(count / (64 / bits))` longs.
///
/// ```swift
/// let longs = PackedIndices.encode([1, 2, 3], bits: 4, packing: .padded)   // [0x321]
/// PackedIndices.decode(longs, count: 3, bits: 4, packing: .padded)          // [1, 2, 3]
/// ```
/// Widths 1…64 are supported. Callers check the long count with `longCount` first: the decoders
/// trap (`precondition`) on a short buffer, since that is a caller's bug, not a file's.
public enum PackedIndices {
    /// How entries are laid into longs.
    public enum Packing: Sendable, Hashable {
        /// Entries run across long boundaries (1.13–1.15).
        case straddling
        /// Whole entries per long, high bits padded (1.16+).
        case padded
    }

    /// Number of longs holding `count` entries of `bits` bits. - Complexity: O(1).
    public static func longCount(count: Int, bits: Int, packing: Packing) -> Int {
        precondition(bits >= 1 && bits <= 64, "PackedIndices.longCount: bits \(bits) outside 1…64")
        switch packing {
        case .straddling: return (count * bits + 63) / 64
        case .padded:
            let perLong = 64 / bits
            return (count + perLong - 1) / perLong
        }
    }

    /// Smallest `b` with `2^b >= n` (0 for n ≤ 1).
    public static func ceilLog2(_ n: Int) -> Int {
        n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount
    }

    /// Bits per block index the game uses for a section palette of `paletteCount` entries in every
    /// 1.13+ version: at least 4 (also for a one-entry palette before 1.18). 1.18+ stores no data at
    /// all for a one-entry palette; that case is the codec's, not this function's.
    public static func bitsForBlocks(paletteCount: Int) -> Int {
        max(4, ceilLog2(paletteCount))
    }

    /// Unpacks `out.count` entries of `bits` bits from `longs` into `out`.
    /// - Complexity: O(out.count), no allocation.
    @inlinable
    public static func decode<Out: FixedWidthInteger & UnsignedInteger>(
        _ longs: UnsafeBufferPointer<Int64>, bits: Int, packing: Packing,
        into out: UnsafeMutableBufferPointer<Out>
    ) {
        let count = out.count
        precondition(longs.count >= longCount(count: count, bits: bits, packing: packing),
                     "PackedIndices.decode: \(longs.count) longs for \(count) entries of \(bits) bits")
        let mask: UInt64 = bits == 64 ? ~0 : (1 &<< UInt64(bits)) &- 1
        switch packing {
        case .straddling:
            for i in 0..<count {
                let bit = i &* bits, word = bit &>> 6, offset = bit & 63
                var value = UInt64(bitPattern: longs[word]) &>> UInt64(offset)
                if offset &+ bits > 64 {
                    value |= UInt64(bitPattern: longs[word &+ 1]) &<< UInt64(64 &- offset)
                }
                out[i] = Out(truncatingIfNeeded: value & mask)
            }
        case .padded:
            let perLong = 64 / bits
            var i = 0, word = 0
            while i < count {
                var packed = UInt64(bitPattern: longs[word])
                let end = min(count, i &+ perLong)
                while i < end {
                    out[i] = Out(truncatingIfNeeded: packed & mask)
                    packed = packed &>> UInt64(bits)
                    i &+= 1
                }
                word &+= 1
            }
        }
    }

    /// Packs `values` (each must fit in `bits` bits; higher bits are dropped) into longs.
    /// - Complexity: O(values.count).
    @inlinable
    public static func encode<In: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<In>, bits: Int, packing: Packing
    ) -> [Int64] {
        let n = longCount(count: values.count, bits: bits, packing: packing)
        let mask: UInt64 = bits == 64 ? ~0 : (1 &<< UInt64(bits)) &- 1
        var words = [UInt64](repeating: 0, count: n)
        words.withUnsafeMutableBufferPointer { w in
            switch packing {
            case .straddling:
                for i in 0..<values.count {
                    let v = UInt64(truncatingIfNeeded: values[i]) & mask
                    let bit = i &* bits, word = bit &>> 6, offset = bit & 63
                    w[word] |= v &<< UInt64(offset)
                    if offset &+ bits > 64 { w[word &+ 1] |= v &>> UInt64(64 &- offset) }
                }
            case .padded:
                let perLong = 64 / bits
                for i in 0..<values.count {
                    let v = UInt64(truncatingIfNeeded: values[i]) & mask
                    let word = i / perLong, shift = (i - word &* perLong) &* bits
                    w[word] |= v &<< UInt64(shift)
                }
            }
        }
        return words.map { Int64(bitPattern: $0) }
    }

    /// Array convenience for `decode(_:bits:packing:into:)`.
    public static func decode(_ longs: [Int64], count: Int, bits: Int, packing: Packing) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: count)
        longs.withUnsafeBufferPointer { l in
            out.withUnsafeMutableBufferPointer { decode(l, bits: bits, packing: packing, into: $0) }
        }
        return out
    }

    /// Array convenience for `encode(_:bits:packing:)`.
    public static func encode(_ values: [UInt64], bits: Int, packing: Packing) -> [Int64] {
        values.withUnsafeBufferPointer { encode($0, bits: bits, packing: packing) }
    }
}
