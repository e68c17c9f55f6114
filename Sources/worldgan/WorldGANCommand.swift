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
        subcommands: [BenchCommand.self]
    )
}

/// `worldgan bench`: performance measurements with machine-readable `name: value` results.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the speed of the tensor core and of World-GAN training.",
        subcommands: [BenchConvCommand.self, BenchTrainStepCommand.self]
    )
}
