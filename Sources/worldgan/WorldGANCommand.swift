import ArgumentParser
import Foundation
import Tensor

/// The `worldgan` command: learn a Minecraft structure's style from one example and generate new ones.
@main
struct WorldGANCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worldgan",
        abstract: "Learn the style of a Minecraft structure from one example and generate new ones.",
        discussion: """
        Exit status: 0 success, 1 a runtime error (the message names the file, chunk or coordinate),
        64 a usage error (bad options or values).

        Typical use:
          worldgan extract <world> --from X Y Z --to X Y Z -o ruins.schem
          worldgan train ruins.schem -o runs/ruins
          worldgan generate runs/ruins --count 4 --world <world> --at X Y Z
        """,
        version: WorldGANVersion.described,
        subcommands: [InfoCommand.self, ExtractCommand.self, PasteCommand.self, ConvertCommand.self, EmbedCommand.self, TrainCommand.self,
                      GenerateCommand.self, RenderCommand.self, ViewCommand.self, EvalCommand.self, SampleWorldCommand.self,
                      BenchCommand.self]
    )

    /// Parses the command line (triples joined first, see ``ArgumentPreprocessor``) and runs the command.
    static func main() {
        let arguments: [String]
        do {
            arguments = try ArgumentPreprocessor.rewrite(Array(CommandLine.arguments.dropFirst()), root: Self.self)
        } catch {
            // One line naming the option; 64 (EX_USAGE) like swift-argument-parser's own usage errors.
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            Self.exit(withError: ExitCode.validationFailure)
        }
        // FP32 unless WORLDGAN_PRECISION=bf16 asks: samples of a seed are then the same on every
        // x86-64. `train` (and its benchmarks) ask for BF16 themselves (README, Arithmetic).
        KernelPrecision.prefer(KernelPrecision.fromEnvironment(default: .fp32))
        main(arguments)
    }
}

/// `worldgan bench …`: benchmarks that print machine-readable `name: value` lines.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed and memory (ends with machine-readable `name: value` lines).",
        subcommands: [BenchExtractCommand.self, BenchBlock2VecCommand.self, BenchConvCommand.self, BenchTrainStepCommand.self,
                      BenchTrainCommand.self, BenchGenerateCommand.self]
    )
}
