import Foundation
import Tensor
import WorldGAN
import XCTest

final class PyramidResumeTests: XCTestCase {
    private var tinyConfig: TrainingConfig {
        var config = TrainingConfig()
        config.iterations = 6
        config.scaleFactors = [0.5, 1]
        config.features = 8
        config.checkpointEvery = 2
        config.previewSamples = 0
        config.learningRateMilestones = [4]
        config.seed = 11
        return config
    }

    func testInterruptedAndResumedRunEndsWithTheSameWeightsAsAnUninterruptedOne() throws {
        let real = try PillarWorld.real(PillarWorld.volume())
        let whole = RunFolder(PillarWorld.temporaryFolder("whole")), split = RunFolder(PillarWorld.temporaryFolder("split"))
        defer { try? FileManager.default.removeItem(at: whole.url); try? FileManager.default.removeItem(at: split.url) }
        try whole.create(replacing: false)
        try split.create(replacing: false)
        try PillarWorld.train(try PyramidTrainer(real: real, config: tinyConfig), into: whole)
        // Killed after 3 iterations (the last checkpoint is after 2), then resumed twice: once
        // mid-scale 0 and once more mid-scale 1.
        try PillarWorld.train(try PyramidTrainer(real: real, config: tinyConfig), into: split, stopAfter: 3)
        var (resumed, _) = try split.resume()
        XCTAssertEqual(resumed.scale, 0)
        XCTAssertEqual(resumed.iteration, 2)
        try PillarWorld.train(resumed, into: split, stopAfter: 7)
        (resumed, _) = try split.resume()
        XCTAssertEqual(resumed.scale, 1)
        XCTAssertEqual(resumed.iteration, 2)
        try PillarWorld.train(resumed, into: split)
        for name in ["G0", "D0", "G1", "D1"] {
            let a = try SafeTensors(contentsOf: whole.file("\(name).safetensors"))
            let b = try SafeTensors(contentsOf: split.file("\(name).safetensors"))
            XCTAssertFalse(a.tensors.isEmpty)
            XCTAssertEqual(a, b, "\(name) differs after resuming")
        }
        XCTAssertEqual(try whole.manifest().noiseAmplitudes, try split.manifest().noiseAmplitudes)
        let losses = { (folder: RunFolder) throws -> [String] in
            try String(contentsOf: folder.file("training.csv"), encoding: .utf8).split(separator: "\n")
                .map { $0.split(separator: ",").dropLast().joined(separator: ",") }   // all but the ms column
        }
        XCTAssertEqual(try losses(whole).count, 13)
        XCTAssertEqual(try losses(whole), try losses(split))
        XCTAssertThrowsError(try split.resume()) { XCTAssertEqual($0 as? TrainingError, .alreadyFinished(path: split.url.path)) }
    }

    func testSameSeedGivesIdenticalWeightsAndAnotherSeedDifferentOnes() throws {
        let real = try PillarWorld.real(PillarWorld.volume())
        var config = tinyConfig
        config.iterations = 2
        let a = try PyramidTrainer(real: real, config: config), b = try PyramidTrainer(real: real, config: config)
        config.seed = 12
        let c = try PyramidTrainer(real: real, config: config)
        for trainer in [a, b, c] { try trainer.train { _, _ in .continue } }
        XCTAssertEqual(a.pyramid.generators[1].parameters.map(\.data), b.pyramid.generators[1].parameters.map(\.data))
        XCTAssertNotEqual(a.pyramid.generators[1].parameters.map(\.data), c.pyramid.generators[1].parameters.map(\.data))
    }

    func testExistingRunFolderIsRefusedUnlessReplaced() throws {
        let folder = RunFolder(PillarWorld.temporaryFolder("exists"))
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try folder.create(replacing: false)
        XCTAssertThrowsError(try folder.create(replacing: false)) {
            XCTAssertEqual($0 as? TrainingError, .runExists(path: folder.url.path))
            XCTAssertTrue("\($0)".contains("--resume"))
        }
        XCTAssertNoThrow(try folder.create(replacing: true))
    }

    func testResumingAFolderWithoutARunNamesTheMissingFile() throws {
        let folder = RunFolder(PillarWorld.temporaryFolder("empty"))
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try folder.create(replacing: false)
        XCTAssertThrowsError(try folder.resume()) {
            XCTAssertEqual($0 as? TrainingError, .missingFile(path: folder.file("run.json").path))
        }
    }

    func testDamagedRunFilesAreNamedErrorsNotCrashes() throws {
        let folder = RunFolder(PillarWorld.temporaryFolder("damaged"))
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try folder.create(replacing: false)
        var config = tinyConfig
        config.iterations = 2
        try PillarWorld.train(try PyramidTrainer(real: try PillarWorld.real(PillarWorld.volume()), config: config), into: folder)
        let state = try Data(contentsOf: folder.file("state.safetensors"))
        try state.prefix(state.count / 2).write(to: folder.file("state.safetensors"))
        XCTAssertThrowsError(try TrainedPyramid.load(from: folder.url)) {
            guard case .corruptFile(let path, _)? = $0 as? TrainingError else { return XCTFail("\($0)") }
            XCTAssertTrue(path.hasSuffix("state.safetensors"))
        }
        try Data("{\"format\": 3}".utf8).write(to: folder.file("run.json"))
        XCTAssertThrowsError(try TrainedPyramid.load(from: folder.url)) {
            guard case .corruptFile(let path, _)? = $0 as? TrainingError else { return XCTFail("\($0)") }
            XCTAssertTrue(path.hasSuffix("run.json"))
        }
    }
}
