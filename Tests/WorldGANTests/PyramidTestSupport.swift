import Anvil
import Block2Vec
import Foundation
import Tensor
import WorldGAN

/// A small structured world for training tests: a floor, and stone pillars every 4 blocks.
enum PillarWorld {
    static let tokens = ["minecraft:air", "minecraft:stone", "minecraft:oak_planks"]
    /// Well-separated 3-d vectors, one per token.
    static let embeddings = Embeddings(tokens: tokens, dimension: 3, vectors: [-1, -1, -1, 1, -1, 1, -1, 1, 1])

    static func volume(size: (Int, Int, Int) = (16, 10, 16)) -> BlockVolume {
        var indices: [UInt32] = []
        for x in 0..<size.0 {
            for y in 0..<size.1 {
                for z in 0..<size.2 {
                    let pillar = x % 4 == 1 && z % 4 == 1 && y < size.1 - 2
                    indices.append(y == 0 ? 2 : pillar ? 1 : 0)
                }
            }
        }
        return BlockVolume(size: size, palette: tokens.compactMap { BlockState(token: $0) }, indices: indices)
    }

    static func writeEmbeddings(to url: URL) throws { try EmbeddingFile.write(embeddings, to: url) }

    static func real(_ volume: BlockVolume) throws -> Tensor {
        Tensor(shape: [1, 3, volume.sizeX, volume.sizeY, volume.sizeZ],
               data: try embeddings.channelMajorValues(of: volume, file: "pillars"))
    }

    static func manifest(_ trainer: PyramidTrainer) -> RunManifest {
        RunManifest(worldganVersion: "test", config: trainer.config, channels: 3, tokens: tokens, embeddingsFile: "embeddings.txt",
                    source: "pillars", realFile: "real.schem", scaleShapes: trainer.scales.shapes, noiseAmplitudes: [],
                    threads: Parallel.threadCount, progress: .init(scale: 0, iteration: 0, finished: false))
    }

    static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("worldgan-\(name)-\(UUID().uuidString)")
    }

    /// Trains with a checkpoint whenever one is due, stopping (as if killed) after `stopAfter` iterations.
    static func train(_ trainer: PyramidTrainer, into folder: RunFolder, stopAfter: Int? = nil) throws {
        let manifest = Self.manifest(trainer)
        var done = 0
        try trainer.train { trainer, _ in
            if trainer.isCheckpointDue { try folder.save(trainer, manifest: manifest) }
            done += 1
            return done == stopAfter ? .stop : .continue
        }
    }
}
