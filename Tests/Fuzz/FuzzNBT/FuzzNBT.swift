// libFuzzer entry point for the NBT reader: any bytes, detected compression, then parsing, then
// writing back what parsed. Built only by `make fuzz` (Package.swift adds this target when
// WORLDGAN_FUZZ=1); a crash, hang, leak or sanitizer report is a bug to turn into a named test.
import NBT

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzNBT(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let compression = NBTCompression.detect(bytes)
    guard let plain = try? compression.decompress(bytes, limit: 16 << 20),
          let document = try? NBTReader.read(plain) else { return 0 }
    // What parsed must write back and parse to the same document.
    guard let written = try? NBTWriter.write(document), let again = try? NBTReader.read(written) else {
        fatalError("FuzzNBT: a parsed document failed to write or re-read")
    }
    if again != document && !containsNaN(.compound(document.root)) {
        fatalError("FuzzNBT: round trip changed the document")
    }
    _ = SNBT.format(document)
    return 0
}

/// NaN floats compare unequal to themselves, so documents holding them cannot be compared.
private func containsNaN(_ tag: Tag) -> Bool {
    switch tag {
    case .float(let f): f.isNaN
    case .double(let d): d.isNaN
    case .list(_, let items): items.contains(where: containsNaN)
    case .compound(let c): c.contains { containsNaN($0.1) }
    default: false
    }
}
