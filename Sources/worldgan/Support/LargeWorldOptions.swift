import ArgumentParser
import WorldGAN

/// `generate`'s options for large outputs: an area of a world, bounded memory, tiles, resuming
/// and sharding.
struct LargeWorldOptions: ParsableArguments {
    @Option(help: "With --world: fill this rectangle X0 Z0 X1 Z1 (inclusive corners) with one sample, region by region.")
    var area: AreaRectangle?
    @Option(help: "With --area: the world height of the sample's bottom layer.") var atY: BlockHeight?
    @Flag(help: "With --area: each column's bottom layer replaces the world's highest solid block there (--at-y: where a column has none).")
    var onSurface = false
    @Option(help: "Peak memory of the process (e.g. 1G, 512M); tiles are sized to fit.") var maxMemory: MemorySize?
    @Option(help: "Tile side in blocks along X and Z (default: the largest that fits --max-memory).") var tile: Int?
    @Flag(help: "With --area: skip the regions a previous run of the same job completed.") var resume = false
    @Option(help: "With --area: compute only share I of N (I/N, 0 ≤ I < N): every N-th region from the I-th.") var shard: ShardSpec?

    func validate() throws {
        if area == nil, atY != nil || onSurface || resume || shard != nil {
            throw ValidationError("--at-y, --on-surface, --resume and --shard go with --area X0 Z0 X1 Z1")
        }
        if area != nil && atY == nil && !onSurface {
            throw ValidationError("--area needs --at-y Y (the height of the sample's bottom layer) or --on-surface")
        }
        if let tile, tile < 1 { throw ValidationError("--tile must be at least 1 block") }
    }

    /// The memory the process may use: `--max-memory`, else half the machine's.
    var budget: Int { maxMemory?.bytes ?? ProcessMemory.physical / 2 }

    /// `--tile`, else the largest tile side whose sampling fits the budget beside what the
    /// process already holds and `reserve` bytes more (outputs kept while tiles run).
    /// - Throws: a `ValidationError` naming the budget when not even the smallest tile fits.
    func tileSide(_ memory: TileMemory, reserve: Int) throws -> Int {
        if let tile { return tile }
        let inUse = ProcessMemory.resident ?? 0
        let free = budget - inUse - reserve
        let smallest = SampleGeometry.alignment
        let finest = memory.geometry.finest
        guard free >= memory.bytes(for: [0..<min(smallest, finest[0]), 0..<finest[1], 0..<min(smallest, finest[2])]) else {
            throw ValidationError("--max-memory \(MemorySize(bytes: budget)) is too small: the run already holds "
                                  + "\(MemorySize(bytes: inUse)) and the output \(MemorySize(bytes: reserve)); give more (e.g. --max-memory "
                                  + "\((2 * (inUse + reserve) >> 20) + 256)M)")
        }
        return memory.largestTile(within: free)
    }
}

