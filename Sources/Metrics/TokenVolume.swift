import Anvil

/// A volume's voxels as ids into a vocabulary shared with other volumes, so that voxels of
/// differently-paletted files compare by block state. Layout as `BlockVolume`:
/// `(x * sizeY + y) * sizeZ + z`.
public struct TokenVolume: Sendable, Equatable {
    /// Label used in errors and reports (a file name).
    public let name: String
    public let size: VolumeSize
    public let tokens: [UInt32]

    /// A volume from ids directly; `tokens.count` must equal the size's voxel count.
    public init(name: String, size: VolumeSize, tokens: [UInt32]) {
        precondition(tokens.count == size.count, "TokenVolume: \(tokens.count) tokens for size \(size)")
        self.name = name
        self.size = size
        self.tokens = tokens
    }
}

/// The block states seen so far across volumes, each with a dense id (first-seen order).
///
/// ```swift
/// var vocabulary = SharedVocabulary()
/// let real = try vocabulary.encode(realVolume, name: "real.schem")
/// let sample = try vocabulary.encode(sampleVolume, name: "sample_0.schem")
/// // real.tokens[i] == sample.tokens[i] ⇔ same BlockState, whatever the files' palettes.
/// ```
public struct SharedVocabulary: Sendable {
    public private(set) var states: [BlockState] = []
    private var ids: [BlockState: UInt32] = [:]
    /// Which properties decide that two states are the same block.
    public let comparison: BlockComparison

    public init(comparison: BlockComparison = .states) { self.comparison = comparison }

    /// The id of `state` under ``comparison`` (its canonical state, or its name alone), adding it
    /// if new.
    public mutating func id(of state: BlockState) -> UInt32 {
        let state = comparison.key(state)
        if let id = ids[state] { return id }
        let id = UInt32(states.count)
        states.append(state)
        ids[state] = id
        return id
    }

    /// `volume` over this vocabulary.
    /// - Throws: `MetricsError.paletteIndexOutOfRange` when a voxel points past the palette.
    /// - Complexity: O(voxels + palette).
    public mutating func encode(_ volume: BlockVolume, name: String) throws -> TokenVolume {
        let remap = volume.palette.map { id(of: $0) }
        var tokens = [UInt32](repeating: 0, count: volume.indices.count)
        for (offset, index) in volume.indices.enumerated() {
            guard Int(index) < remap.count else {
                throw MetricsError.paletteIndexOutOfRange(volume: name, offset: offset, index: index,
                                                          paletteCount: remap.count)
            }
            tokens[offset] = remap[Int(index)]
        }
        return TokenVolume(name: name, size: VolumeSize(volume.sizeX, volume.sizeY, volume.sizeZ), tokens: tokens)
    }
}
