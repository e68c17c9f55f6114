import Foundation

/// The JSON written beside an embeddings file (`<name>.json` next to `<name>.txt`): how the
/// vectors were made, so a run can be traced and repeated.
///
/// ```swift
/// let sidecar = EmbeddingSidecar(result: result, sourceFile: "ruins.schem")
/// try sidecar.write(to: URL(fileURLWithPath: "embeddings/ruins.json"))
/// ```
public struct EmbeddingSidecar: Codable, Sendable, Equatable {
    /// One vocabulary entry.
    public struct Entry: Codable, Sendable, Equatable {
        public var token: String
        public var count: Int
        public init(token: String, count: Int) { self.token = token; self.count = count }
    }

    /// The format revision this code writes and reads.
    public static let currentVersion = 1

    public var version: Int
    /// The training input as the user named it (a `.schem`), if known.
    public var sourceFile: String?
    /// Training parameters, seed included.
    public var parameters: Block2VecConfig
    /// Tokens in embedding-row order with their voxel counts in the source.
    public var vocabulary: [Entry]
    /// Targets per epoch (interior voxels) and optimiser steps per epoch.
    public var samplesPerEpoch: Int
    public var batchesPerEpoch: Int
    /// Mean loss of the last epoch (absent after zero epochs) and of every epoch.
    public var finalLoss: Float?
    public var epochLosses: [Float]

    /// The sidecar of a training run.
    public init(result: Block2VecResult, sourceFile: String?) {
        version = EmbeddingSidecar.currentVersion
        self.sourceFile = sourceFile
        parameters = result.config
        vocabulary = zip(result.vocabulary.tokens, result.vocabulary.counts).map { Entry(token: $0, count: $1) }
        samplesPerEpoch = result.samplesPerEpoch
        batchesPerEpoch = result.batchesPerEpoch
        finalLoss = result.finalLoss
        epochLosses = result.epochLosses
    }

    /// Pretty-printed JSON with sorted keys (stable diffs).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Writes the JSON to `url` atomically.
    /// - Throws: `EmbeddingFileError.writeFailed`.
    public func write(to url: URL) throws {
        do { try jsonData().write(to: url, options: .atomic) } catch {
            throw EmbeddingFileError.writeFailed(file: url.path, reason: error.localizedDescription)
        }
    }

    /// Reads a sidecar.
    /// - Throws: `.unreadable`, or `.badSidecar` when the JSON does not decode or has another version.
    public static func read(from url: URL) throws -> EmbeddingSidecar {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EmbeddingFileError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        return try decode(data, file: url.path)
    }

    /// Decodes sidecar JSON; `file` names the source in errors.
    public static func decode(_ data: Data, file: String) throws -> EmbeddingSidecar {
        let sidecar: EmbeddingSidecar
        do { sidecar = try JSONDecoder().decode(EmbeddingSidecar.self, from: data) } catch {
            throw EmbeddingFileError.badSidecar(file: file, reason: "\(error)")
        }
        guard sidecar.version == currentVersion else {
            throw EmbeddingFileError.badSidecar(file: file, reason: "version \(sidecar.version), this worldgan reads \(currentVersion)")
        }
        return sidecar
    }
}
