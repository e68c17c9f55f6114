// libFuzzer entry point for region + chunk decoding: any bytes as a region file, every chunk
// decompressed, its NBT parsed and its blocks decoded by the chunk codecs. Built only by `make fuzz` (Package.swift adds this target when
// WORLDGAN_FUZZ=1); the region's path points at a folder that does not exist, so external `.mcc`
// look-ups fail cleanly and nothing touches the disk.
import Anvil
import Foundation
import NBT

private let url = URL(fileURLWithPath: "/nonexistent-worldgan-fuzz/r.0.0.mca")

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRegion(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let region = try? RegionFile(bytes: bytes, url: url) else { return 0 }
    for outcome in region.readAllChunks(decoder: RegionChunkDecoder(limit: 16 << 20)) {
        guard case .success(let chunk) = outcome.result, let document = try? chunk.nbt(),
              let blocks = try? ChunkBlocks(decoding: document.root) else { continue }
        for section in blocks.sections { _ = section.paletteCounts() }
    }
    return 0
}
