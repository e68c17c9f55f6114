/// XXH32, the 32-bit xxHash (Yann Collet's published algorithm), as lz4-java uses for the
/// checksums of its `LZ4Block` stream.
///
/// ```swift
/// let h = XXHash32.hash(bytes, seed: 0x9747_B28C)
/// ```
public enum XXHash32 {
    static let prime1: UInt32 = 2_654_435_761
    static let prime2: UInt32 = 2_246_822_519
    static let prime3: UInt32 = 3_266_489_917
    static let prime4: UInt32 = 668_265_263
    static let prime5: UInt32 = 374_761_393

    /// The hash of `data`. - Complexity: O(n), about one pass at memory speed.
    public static func hash(_ data: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
        let n = data.count
        var i = 0
        var h: UInt32
        if n >= 16 {
            var v1 = seed &+ prime1 &+ prime2, v2 = seed &+ prime2, v3 = seed, v4 = seed &- prime1
            while i + 16 <= n {
                v1 = round(v1, lane(data, i)); v2 = round(v2, lane(data, i + 4))
                v3 = round(v3, lane(data, i + 8)); v4 = round(v4, lane(data, i + 12))
                i += 16
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
        } else {
            h = seed &+ prime5
        }
        h = h &+ UInt32(truncatingIfNeeded: n)
        while i + 4 <= n {
            h = rotl(h &+ lane(data, i) &* prime3, 17) &* prime4
            i += 4
        }
        while i < n {
            h = rotl(h &+ UInt32(data[i]) &* prime5, 11) &* prime1
            i += 1
        }
        h ^= h >> 15; h = h &* prime2
        h ^= h >> 13; h = h &* prime3
        h ^= h >> 16
        return h
    }

    /// See `hash(_:seed:)`.
    public static func hash(_ data: [UInt8], seed: UInt32 = 0) -> UInt32 {
        data.withUnsafeBytes { hash($0, seed: seed) }
    }

    @inline(__always)
    private static func lane(_ data: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(littleEndian: data.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    @inline(__always)
    private static func round(_ acc: UInt32, _ input: UInt32) -> UInt32 {
        rotl(acc &+ input &* prime2, 13) &* prime1
    }

    @inline(__always)
    private static func rotl(_ x: UInt32, _ r: UInt32) -> UInt32 { (x << r) | (x >> (32 - r)) }
}
