import Anvil

/// The block tokens of one volume with their voxel counts: block2vec's vocabulary.
///
/// Tokens are full block-state tokens (`BlockState.token`). Entries are ordered by descending
/// count, then by token, so the same volume always yields the same indices whatever its palette
/// order (World-GAN used first-seen order, which depends on the loop that read the world).
///
/// ```swift
/// let vocab = Vocabulary(volume)
/// vocab.tokens[0]                       // the most common token, e.g. "minecraft:air"
/// vocab.index(of: "minecraft:stone")    // Int? (nil: not in this volume)
/// ```
public struct Vocabulary: Sendable, Equatable {
    /// Tokens by index.
    public let tokens: [String]
    /// Voxel count of each token over the whole volume (border included), by index.
    public let counts: [Int]
    private let indexByToken: [String: Int]

    /// A vocabulary from explicit tokens and counts, kept in the given order.
    /// - Precondition: equal lengths and no duplicate token.
    public init(tokens: [String], counts: [Int]) {
        precondition(tokens.count == counts.count,
                     "Vocabulary: \(tokens.count) tokens but \(counts.count) counts")
        self.tokens = tokens
        self.counts = counts
        indexByToken = tokenRows(tokens, owner: "Vocabulary")
    }

    /// The vocabulary of the states that occur in `volume` (unused palette entries are left out,
    /// duplicated palette entries merged).
    ///
    /// - Complexity: O(voxels + palette · log palette).
    public init(_ volume: BlockVolume) {
        let perPalette = Vocabulary.paletteCounts(volume)
        var byToken: [String: Int] = [:]
        for (i, c) in perPalette.enumerated() where c > 0 {
            byToken[volume.palette[i].token, default: 0] += c
        }
        let ordered = byToken.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
        self.init(tokens: ordered.map(\.key), counts: ordered.map(\.value))
    }

    /// Number of tokens (V).
    public var count: Int { tokens.count }

    /// Total voxel count (the sum of `counts`).
    public var total: Int { counts.reduce(0, +) }

    /// The index of `token`, or `nil` when the token is not in this vocabulary.
    public func index(of token: String) -> Int? { indexByToken[token] }

    /// The vocabulary index of every voxel of `volume`, in the volume's storage order.
    ///
    /// Returns `nil` when the volume holds a state that is not in this vocabulary.
    /// - Complexity: O(voxels + palette).
    public func tokenIndices(of volume: BlockVolume) -> [Int32]? {
        var map = [Int32](repeating: -1, count: volume.palette.count)
        for (i, state) in volume.palette.enumerated() {
            if let v = indexByToken[state.token] { map[i] = Int32(v) }
        }
        var out = [Int32](repeating: 0, count: volume.count)
        var complete = true
        volume.indices.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for n in 0..<src.count {
                    let p = Int(src[n])
                    let v = p < map.count ? map[p] : -1
                    if v < 0 { complete = false; return }
                    dst[n] = v
                }
            }
        }
        return complete ? out : nil
    }

    /// Voxels per palette entry (palette indices past the palette are ignored: the volume's
    /// own initialiser forbids them).
    private static func paletteCounts(_ volume: BlockVolume) -> [Int] {
        var counts = [Int](repeating: 0, count: volume.palette.count)
        counts.withUnsafeMutableBufferPointer { c in
            for i in volume.indices where Int(i) < c.count { c[Int(i)] += 1 }
        }
        return counts
    }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool {
        a.tokens == b.tokens && a.counts == b.counts
    }
}
