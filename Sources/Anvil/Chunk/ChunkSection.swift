/// One 16×16×16 section's blocks: a local palette and 4096 indices into it.
///
/// `indices` are in the game's order, `(y * 16 + z) * 16 + x` with section-local x, y, z (0…15).
/// For numeric-id (≤ 1.12) sections `legacyIDs` holds each palette entry's original
/// `id << 4 | data`, so counts by numeric id stay possible; two ids may map to the same state, so
/// such a palette may contain duplicates.
///
/// ```swift
/// let s = ChunkSection(y: -4, palette: [.air], indices: [UInt16](repeating: 0, count: 4096))
/// s[x: 3, y: 0, z: 5]   // minecraft:air
/// ```
public struct ChunkSection: Sendable, Equatable {
    /// Section Y: blocks y = 16·Y … 16·Y + 15 (negative from 1.17 custom heights / 1.18).
    public var y: Int
    /// States the indices point into.
    public var palette: [BlockState]
    /// 4096 palette indices, `(y * 16 + z) * 16 + x`.
    public var indices: [UInt16]
    /// Numeric-id sections only: `id << 4 | data` per palette entry.
    public var legacyIDs: [UInt16]?

    /// Blocks per section.
    public static let volume = 4096

    public init(y: Int, palette: [BlockState], indices: [UInt16], legacyIDs: [UInt16]? = nil) {
        precondition(indices.count == Self.volume, "ChunkSection: \(indices.count) indices, expected 4096")
        self.y = y
        self.palette = palette
        self.indices = indices
        self.legacyIDs = legacyIDs
    }

    /// Index into `indices` for section-local (x, y, z).
    @inline(__always)
    public static func offset(x: Int, y: Int, z: Int) -> Int { (y << 8) | (z << 4) | x }

    /// The state at section-local (x, y, z), each 0…15.
    public subscript(x x: Int, y y: Int, z z: Int) -> BlockState {
        palette[Int(indices[Self.offset(x: x, y: y, z: z)])]
    }
}
