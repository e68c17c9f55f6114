import Anvil
import Block2Vec
import Foundation

/// Decodes generated embedding values into blocks by L2 nearest neighbour over a vocabulary:
/// `generate --style FILE.txt` decodes against another embeddings file of the same dimension (its
/// tokens replace the run's), and the run's own embeddings decode the same way.
///
/// Values are channel-major, the generator's `[1, D, X, Y, Z]` output without the batch axis:
/// channel c of the voxel at storage offset n = `(x * sizeY + y) * sizeZ + z` is
/// `values[c * voxelCount + n]`.
///
/// ```swift
/// let decoder = try StyleDecoder(contentsOf: URL(fileURLWithPath: "embeddings/desert.txt"))
/// let volume = try decoder.decode(channelMajor: generated, size: (32, 16, 32))
/// ```
public struct StyleDecoder: Sendable {
    /// The vocabulary decoded against.
    public let embeddings: Embeddings
    /// Row i's token as a block state.
    public let states: [BlockState]
    /// Names the embeddings in errors.
    public let file: String

    /// A decoder over `embeddings`, whose tokens must all be block tokens.
    /// - Throws: `StyleError.emptyVocabulary`, or `.unparsableToken` naming the first token that
    ///   is not `namespace:name[key=value,…]`.
    public init(embeddings: Embeddings, file: String) throws(StyleError) {
        guard embeddings.count > 0 else { throw .emptyVocabulary(file: file) }
        var states: [BlockState] = []
        states.reserveCapacity(embeddings.count)
        for (row, token) in embeddings.tokens.enumerated() {
            guard let state = BlockState(token: token), !state.name.hasSuffix(":") else {
                throw .unparsableToken(file: file, row: row, token: token)
            }
            states.append(state)
        }
        self.embeddings = embeddings
        self.states = states
        self.file = file
    }

    /// A decoder over the word2vec text file at `url` (as `worldgan embed` writes).
    /// - Throws: the file's `EmbeddingFileError`, or as `init(embeddings:file:)`.
    public init(contentsOf url: URL) throws {
        try self.init(embeddings: EmbeddingFile.read(from: url), file: url.path)
    }

    /// The block at each voxel: the state of the row nearest (L2) to the voxel's D values, the
    /// lowest row on ties. The palette holds only the states that occur.
    /// - Parameter size: (X, Y, Z), each ≥ 0.
    /// - Throws: `StyleError.dimensionMismatch` when `values.count` is not D·X·Y·Z (the
    ///   generator's channels differ from this vocabulary's dimension).
    /// - Complexity: O(X·Y·Z·V·D).
    public func decode(channelMajor values: [Float], size: (Int, Int, Int)) throws(StyleError) -> BlockVolume {
        precondition(size.0 >= 0 && size.1 >= 0 && size.2 >= 0, "StyleDecoder.decode: negative size \(size)")
        let voxelCount = size.0 * size.1 * size.2
        let (needed, overflow) = voxelCount.multipliedReportingOverflow(by: embeddings.dimension)
        guard !overflow, values.count == needed else {
            throw .dimensionMismatch(file: file, embeddingsDimension: embeddings.dimension,
                                     valueCount: values.count, voxelCount: voxelCount)
        }
        let rows = embeddings.nearestIndices(channelMajor: values, voxelCount: voxelCount)
        return BlockVolume(size: size, palette: states, indices: rows.map { UInt32($0) }).compacted()
    }
}

extension Embeddings {
    /// Decodes channel-major generated values against these embeddings (see `StyleDecoder`).
    ///
    /// ```swift
    /// let other = try EmbeddingFile.read(from: url)
    /// let volume = try other.decode(channelMajor: generated, size: (32, 16, 32), file: url.path)
    /// ```
    /// - Throws: as `StyleDecoder.init(embeddings:file:)` and `StyleDecoder.decode(channelMajor:size:)`.
    public func decode(channelMajor values: [Float], size: (Int, Int, Int), file: String) throws(StyleError) -> BlockVolume {
        try StyleDecoder(embeddings: self, file: file).decode(channelMajor: values, size: size)
    }
}
