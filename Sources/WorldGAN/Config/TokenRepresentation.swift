/// How tokens are represented in the GAN's channels (`train --representation`).
public enum TokenRepresentation: String, Codable, Sendable, CaseIterable {
    /// block2vec skip-gram vectors (32 channels by default), as the paper.
    case block2vec
    /// One channel per token: 1 for the voxel's token, 0 elsewhere.
    case oneHot = "one-hot"
}
