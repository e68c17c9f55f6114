import Foundation
import TestSupport
import XCTest

/// `worldgan bench train` through the built binary: it runs `train`'s loop (the same losses as
/// `train`'s training.csv) and prints its figures in the documented structure. Nothing here
/// depends on how fast anything ran.
final class BenchTrainCommandTests: XCTestCase {
    private let budget = ["--iterations", "3", "--nfc", "4", "--scale-factors", "0.5,1", "--epochs", "2", "--seed", "5"]

    private func number(_ figures: [String: String], _ name: String, file: StaticString = #filePath, line: UInt = #line) -> Double {
        guard let text = figures[name], let value = Double(text) else {
            XCTFail("no number for \(name) in \(figures)", file: file, line: line)
            return .nan
        }
        return value
    }

    func testBenchTrainRunsTheTrainLoopAndReportsEveryScale() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let input = try PillarsSchematic.write((16, 9, 16), in: dir)
        let bench = try CLIRunner.run(["bench", "train", input.path] + budget)
        XCTAssertEqual(bench.status, 0, bench.output)
        let run = dir.appendingPathComponent("run")
        let train = try CLIRunner.run(["train", input.path, "-o", run.path, "--previews", "0", "-q"] + budget)
        XCTAssertEqual(train.status, 0, train.output)

        let f = bench.figures
        XCTAssertEqual(f["scale0_shape"], "8×8×8")
        XCTAssertEqual(f["scale1_shape"], "16×9×16")
        XCTAssertNil(f["scale2_shape"], "two scale factors make two scales")
        XCTAssertEqual(f["scale0_iterations"], "3")
        XCTAssertEqual(f["scale1_iterations"], "3")
        let perIteration = [number(f, "scale0_ms_per_iteration"), number(f, "scale1_ms_per_iteration")]
        XCTAssertTrue(perIteration.allSatisfy { $0 > 0 }, "\(perIteration)")
        let iterations = number(f, "iterations_s")
        XCTAssertEqual(iterations, perIteration.reduce(0, +) * 3 / 1000, accuracy: 0.002, "the total is the scales' sum")
        XCTAssertGreaterThanOrEqual(number(f, "total_s"), iterations)
        XCTAssertGreaterThan(number(f, "cpu_s"), 0)
        XCTAssertGreaterThan(number(f, "peak_rss_mib"), 1)
        let share = number(f, "system_time_share")
        XCTAssertTrue((0...1).contains(share), "system_time_share \(share)")

        // The same loop as train: its last iteration has train's losses and learning rate.
        let csv = try String(contentsOf: run.appendingPathComponent("training.csv"), encoding: .utf8)
        let lastRow = try XCTUnwrap(csv.split(separator: "\n").last).split(separator: ",", omittingEmptySubsequences: false)
        let benchRow = try XCTUnwrap(f["last_record"]).split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(benchRow.count, lastRow.count)
        XCTAssertEqual(Array(benchRow.prefix(8)), Array(lastRow.prefix(8)), "scale, iteration, losses and lr of the last iteration")
    }

    func testBenchTrainOnARandomVolumeHasOneLinePerScale() throws {
        let bench = try CLIRunner.run(["bench", "train", "--size", "12", "8", "10", "--dimension", "3"] + budget)
        XCTAssertEqual(bench.status, 0, bench.output)
        let f = bench.figures
        XCTAssertEqual(f["scale0_shape"], "8×8×8")
        XCTAssertEqual(f["scale1_shape"], "12×8×10")
        XCTAssertTrue(bench.stdout.contains("C 3,"), bench.stdout)
        XCTAssertEqual(f["last_record"]?.hasPrefix("1,2,"), true, "the last record is scale 1, iteration 2")
    }

    /// Training (and its benchmark) asks for BF16 convolutions, which run where the CPU has AVX-512
    /// BF16; `WORLDGAN_PRECISION=fp32` opts out.
    func testTrainingUsesBF16WhereTheCPUHasItUnlessWORLDGAN_PRECISIONSaysFP32() throws {
        let arguments = ["bench", "train", "--size", "10", "8", "9", "--dimension", "3"] + budget
        let plain = try CLIRunner.run(arguments)
        XCTAssertEqual(plain.status, 0, plain.output)
        let fp32 = try CLIRunner.run(arguments, environment: ["WORLDGAN_PRECISION": "fp32"])
        XCTAssertEqual(fp32.status, 0, fp32.output)
        XCTAssertTrue(fp32.stdout.contains(" fp32, "), fp32.stdout)
        let losses = { (run: CLIRunner.Result) in run.figures["last_record"]?.split(separator: ",").dropFirst(2).prefix(5) }
        XCTAssertNotNil(losses(fp32))
        let bf16 = try CLIRunner.run(arguments, environment: ["WORLDGAN_PRECISION": "bf16"])
        XCTAssertEqual(bf16.status, 0, bf16.output)
        XCTAssertEqual(losses(plain), losses(bf16), "the default is what WORLDGAN_PRECISION=bf16 asks for")
        try XCTSkipUnless(bf16.stdout.contains(" bf16, "), "this CPU has no AVX-512 BF16: the binary runs FP32")
        XCTAssertTrue(plain.stdout.contains(" bf16, "), plain.stdout)
        XCTAssertNotEqual(losses(fp32), losses(bf16), "BF16 products change the losses a little")
    }

    func testBenchTrainNeedsOneInputAndABudget() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let input = try PillarsSchematic.write((16, 9, 16), in: dir)
        let cases: [([String], String)] = [
            (["bench", "train", "--iterations", "2"], "either the input schematic or --size"),
            (["bench", "train", input.path, "--size", "8", "8", "8", "--iterations", "2"], "either the input schematic or --size"),
            (["bench", "train", input.path], "--iterations"),
            (["bench", "train", "--size", "6", "8", "8", "--iterations", "2"], "at least 8"),
        ]
        for (arguments, fragment) in cases {
            let r = try CLIRunner.run(arguments)
            XCTAssertNotEqual(r.status, 0, "\(arguments) should fail")
            XCTAssertTrue(r.stderr.contains(fragment), "\(arguments): '\(r.stderr)' lacks '\(fragment)'")
        }
    }
}
