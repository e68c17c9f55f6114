import Block2Vec
import WorldGAN
import XCTest

final class TokenDecoderTests: XCTestCase {
    /// Air and stone at right angles, a rare lantern on the arc between them (where skip-gram puts
    /// a block seen beside both).
    private let embeddings = Embeddings(tokens: ["minecraft:air", "minecraft:stone", "minecraft:lantern"], dimension: 2,
                                        vectors: [1, 0, 0, 1, 0.7071, 0.7071])

    func testNearestNeighbourTurnsABlendIntoTheRareTokenBetween() {
        let blend: [Float] = [0.5, 0.5]     // channel-major, one voxel
        XCTAssertEqual(TokenDecoder(embeddings: embeddings, counts: nil).decode(channelMajor: blend, voxelCount: 1), [2])
    }

    func testMAPWithTheInputsFrequenciesKeepsTheBlendCommonAndCleanValuesExact() {
        let decoder = TokenDecoder(embeddings: embeddings, counts: [900, 99, 1], variance: 0.035)
        // The blend: air (p 0.9) wins over the lantern (p 0.001) although the lantern is nearer.
        XCTAssertEqual(decoder.decode(channelMajor: [0.5, 0.5], voxelCount: 1), [0])
        // A value right on the lantern stays a lantern: distance outweighs the prior there.
        // (Both hold for 0.030 < σ² < 0.043 here: the blend needs 0.414 / 2σ² < ln 900, the
        // clean value 0.586 / 2σ² > ln 900 − ln 0.9 … see the scores in TokenDecoder.)
        XCTAssertEqual(decoder.decode(channelMajor: [0.7071, 0.7071], voxelCount: 1), [2])
    }

    func testCalibrationMeasuresTheResidualOfTheReconstruction() {
        let reconstruction = TrainedPyramid.Sample(values: [0.9, 0.1, 0.1, 0.9], size: (x: 2, y: 1, z: 1))
        let decoder = TokenDecoder.calibrated(embeddings: embeddings, counts: [1, 1, 1], reconstruction: reconstruction)
        // Voxel 0 = (0.9, 0.1) → air, residual 0.01 + 0.01; voxel 1 = (0.1, 0.9) → stone, the same.
        XCTAssertEqual(try XCTUnwrap(decoder.variance), 0.04 / 4, accuracy: 1e-6)
    }

    func testOneHotVectorsDecodeByArgmax() {
        let oneHot = Embeddings.oneHot(tokens: ["a:x", "a:y", "a:z"])
        let values: [Float] = [0.2, 0.1,   0.5, 0.1,   0.3, 0.8]   // channel-major, two voxels
        XCTAssertEqual(TokenDecoder(embeddings: oneHot, counts: nil).decode(channelMajor: values, voxelCount: 2), [1, 2])
    }
}
