import ArgumentParser

/// The `worldgan` command: learn a Minecraft structure's style from one example and generate new ones.
@main
struct WorldGANCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worldgan",
        abstract: "Learn the style of a Minecraft structure from one example and generate new ones.",
        discussion: """
        Typical use:
          worldgan extract <world> --from X Y Z --to X Y Z -o ruins.schem
          worldgan train ruins.schem -o runs/ruins
          worldgan generate runs/ruins --count 4 --world <world> --at X Y Z
        """,
        subcommands: [InfoCommand.self, ExtractCommand.self, PasteCommand.self, ConvertCommand.self, EmbedCommand.self, TrainCommand.self,
                      GenerateCommand.self, RenderCommand.self, EvalCommand.self, SampleWorldCommand.self,
                      BenchCommand.self]
    )

    static func main() {
        main(Array(ArgumentPreprocessor.join(Array(CommandLine.arguments.dropFirst()))))
    }
}

/// `worldgan bench …`: benchmarks that print machine-readable `name: value` lines.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed and memory (ends with machine-readable `name: value` lines).",
        subcommands: [BenchExtractCommand.self, BenchBlock2VecCommand.self, BenchConvCommand.self, BenchTrainStepCommand.self]
    )
}
