import Foundation

/// `run.json`: the effective config and everything needed to read the run folder back.
public struct RunManifest: Codable, Sendable, Equatable {
    /// Where training stands.
    public struct Progress: Codable, Sendable, Equatable {
        public var scale: Int
        public var iteration: Int
        public var finished: Bool
        public init(scale: Int, iteration: Int, finished: Bool) { self.scale = scale; self.iteration = iteration; self.finished = finished }
    }

    public var format = "worldgan-run-1"
    public var worldganVersion: String
    public var config: TrainingConfig
    /// Channels C of the embedded volume (the embedding dimension).
    public var channels: Int
    /// The vocabulary (tokens in embedding-row order) and the embeddings file, relative to the run folder.
    public var tokens: [String]
    public var embeddingsFile: String
    /// The training input as given, and its copy in the run folder.
    public var source: String
    public var realFile: String
    /// `[X, Y, Z]` per scale, coarsest first, and the noise amplitudes of the finished scales.
    public var scaleShapes: [[Int]]
    public var noiseAmplitudes: [Float]
    /// Worker threads; same seed and thread count give identical weights.
    public var threads: Int
    public var progress: Progress
    /// Voxels per token in the training input (row order of `tokens`): the decoder's prior.
    /// Absent in runs written before it existed (they decode by nearest neighbour).
    public var tokenCounts: [Int]?
    /// The token accuracy of each finished scale's reconstruction.
    public var reconstruction: [ReconstructionScore]?
    /// The convolutions' arithmetic the run was trained with (`fp32` or `bf16`); absent in runs
    /// written before it was recorded. Same seed, thread count and arithmetic give identical weights.
    public var arithmetic: String?

    public init(worldganVersion: String, config: TrainingConfig, channels: Int, tokens: [String], embeddingsFile: String,
                source: String, realFile: String, scaleShapes: [[Int]], noiseAmplitudes: [Float], threads: Int, progress: Progress) {
        self.worldganVersion = worldganVersion
        self.config = config
        self.channels = channels
        self.tokens = tokens
        self.embeddingsFile = embeddingsFile
        self.source = source
        self.realFile = realFile
        self.scaleShapes = scaleShapes
        self.noiseAmplitudes = noiseAmplitudes
        self.threads = threads
        self.progress = progress
    }
}
