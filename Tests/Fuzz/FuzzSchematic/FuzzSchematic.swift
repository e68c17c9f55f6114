// libFuzzer entry point for the schematic readers: any bytes as an (uncompressed or gzip) NBT
// document, then read as whatever schematic format its root tags name (Sponge, Litematica,
// structure, MCEdit) and, when it reads, written back in every writable format. Built only by
// `make fuzz` (WORLDGAN_FUZZ=1). Seeds: Tests/Fuzz/FuzzSchematic/seeds (one small file per format).
import Anvil
import NBT

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzSchematic(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    guard let plain = try? NBTCompression.detect(bytes).decompress(bytes, limit: 16 << 20),
          let document = try? NBTReader.read(plain) else { return 0 }
    for variant in 0..<2 {
        guard let (volume, _) = try? SchematicFile.read(document, palette: variant) else { continue }
        _ = try? SpongeSchematic.document(for: volume, dataVersion: 3955)
        _ = try? LitematicSchematic.document(for: volume, dataVersion: 3955)
        _ = StructureTemplate.document(for: volume, dataVersion: 3955)
    }
    return 0
}
