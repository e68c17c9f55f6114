import Anvil
import Block2Vec
import Foundation
import Tensor
import WorldGAN

/// A run's training input as its GAN saw it: the run folder's copy of the input (`real.schem`)
/// with the tokens `train` made of it, embedded with the run's vectors — the image the finest
/// scale of a free sample is refined against (``TiledSampler``'s `input`).
enum RunInput {
    /// Why the input image could not be made (the sampler then refines against the
    /// reconstruction), for a one-line note.
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// The embedded input `[1, C, X, Y, Z]` of the run in `folder`.
    ///
    /// `train` may have tokenized its input by any ``TokenMode``; the mode is the first of
    /// canonical (the default), state and name whose tokens the run's vectors all know.
    /// - Throws: ``Unavailable`` naming the file when it cannot be read, does not have the
    ///   finest scale's size, or has tokens the vectors lack under every mode.
    static func image(folder: URL, manifest: RunManifest, vectors: Embeddings) throws(Unavailable) -> Tensor {
        let file = folder.appendingPathComponent(manifest.realFile)
        let volume: BlockVolume
        do { volume = try InputLoading.schematic(file.path).volume } catch {
            throw Unavailable(description: "\(file.path) could not be read (\(error))")
        }
        guard let finest = manifest.scaleShapes.last, [volume.sizeX, volume.sizeY, volume.sizeZ] == finest else {
            throw Unavailable(description: "\(file.path) is \(volume.sizeX)×\(volume.sizeY)×\(volume.sizeZ), not the finest scale's \(manifest.scaleShapes.last ?? [])")
        }
        for mode in [TokenMode.canonical, .state, .name] {
            if let image = try? TrainingInput.real(volume.tokenized(mode), vectors: vectors, file: manifest.embeddingsFile) {
                return image
            }
        }
        throw Unavailable(description: "\(file.path) has blocks the run's vectors (\(manifest.embeddingsFile)) do not know")
    }
}
