import Anvil
import ArgumentParser
import Foundation
import Render

/// `worldgan render`: isometric or top-down pictures of schematics or a box of a world.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render schematics (several make a grid) or a box of a world to PNG.",
        discussion: """
        Examples:
          worldgan render ruins.schem -o ruins.png
          worldgan render samples/*.schem -o grid.png --angle north-west --size 8
          worldgan render runs/ruins -o input.png                 # a run's training input
          worldgan render worlds/ruins --from 48 -63 48 --to 95 -47 95 -o ruins.png --cutaway 6
        """
    )

    @Argument(help: "Schematics (.schem) or run folders (their training input, real.schem), or one world folder with --from/--to.")
    var inputs: [String]

    @OptionGroup var box: BoxOptions

    @Option(help: "overworld, nether or end (world input).")
    var dimension: WorldDimension = .overworld

    @Option(name: .shortAndLong, help: "The PNG to write.")
    var output: String

    @Option(help: "View from: south-east, south-west, north-west or north-east.")
    var angle: ViewCorner = .southEast

    @Flag(help: "Look straight down instead of isometric.")
    var topDown = false

    @Option(help: "Pixels per block (even, 2…256).")
    var size = 12

    @Option(help: "Hide blocks above this height (volume y, 0 = bottom layer; world y for a world box).")
    var cutaway: Int?

    @Option(help: "Grid columns when rendering several inputs (default: about square).")
    var columns: Int?

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one schematic, or a world folder with --from/--to") }
    }

    func run() throws {
        var volumes: [BlockVolume] = []
        var captions: [String] = []
        var cutawayY = cutaway
        if let box = try box.box() {
            guard inputs.count == 1 else { throw ValidationError("with --from/--to give exactly one world folder") }
            let world = try WorldOpening.open(inputs[0])
            volumes = [try WorldExtractor(world: world, dimension: dimension, fillMissingWithAir: true).extract(box)]
            captions = [world.level.levelName]
            cutawayY = cutaway.map { $0 - box.min.y }
        } else {
            for input in inputs {
                // A run folder stands for the structure it was trained on.
                volumes.append(try InputLoading.schematic(EvalCommand.realSchematic(input)).volume)
                captions.append(URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent)
            }
        }
        var options = IsometricRenderer.Options()
        options.corner = angle
        options.projection = topDown ? .topDown : .isometric
        options.blockSize = size
        options.cutawayY = cutawayY
        let renderer = IsometricRenderer(options: options)
        let image = volumes.count == 1
            ? try renderer.render(volumes[0])
            : try renderer.renderGrid(volumes, captions: captions, grid: ImageGrid(columns: columns ?? Self.squareColumns(volumes.count)))
        let url = URL(fileURLWithPath: output)
        try InputLoading.prepareOutput(url)
        try image.writePNG(to: url)
        print("wrote \(url.path) (\(image.width)×\(image.height))")
    }

    static func squareColumns(_ n: Int) -> Int { max(1, Int(Double(n).squareRoot().rounded(.up))) }
}

extension ViewCorner: ExpressibleByArgument {}
