import Block2Vec
import Foundation

extension RunFolder {
    /// The run's embeddings (`run.json`'s `embeddingsFile`, in the folder), for decoding samples.
    ///
    /// ```swift
    /// let folder = RunFolder(URL(fileURLWithPath: "runs/ruins"))
    /// let pyramid = try TrainedPyramid.load(from: folder.url)
    /// let volume = try pyramid.decode(pyramid.sample(seed: 1), embeddings: try folder.embeddings())
    /// ```
    /// - Throws: ``TrainingError/missingFile(path:)`` or ``TrainingError/corruptFile(path:reason:)``
    ///   (also when the file's tokens differ from `run.json`'s vocabulary).
    public func embeddings() throws(TrainingError) -> Embeddings {
        let manifest = try manifest()
        let path = file(manifest.embeddingsFile)
        guard FileManager.default.fileExists(atPath: path.path) else { throw .missingFile(path: path.path) }
        let embeddings: Embeddings
        do { embeddings = try EmbeddingFile.read(from: path) } catch { throw .corruptFile(path: path.path, reason: "\(error)") }
        guard embeddings.tokens == manifest.tokens, embeddings.dimension == manifest.channels else {
            throw .corruptFile(path: path.path, reason: "its tokens or dimension differ from run.json's vocabulary")
        }
        return embeddings
    }
}
