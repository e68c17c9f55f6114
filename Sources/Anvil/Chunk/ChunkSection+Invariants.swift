/// Palette ⇄ index consistency, compiled in with `-D ANVIL_INTERNAL_CHECKS`
/// (`swift build -Xswiftc -DANVIL_INTERNAL_CHECKS`); a no-op otherwise.
extension ChunkSection {
    @inline(__always)
    func checkInvariants() {
        #if ANVIL_INTERNAL_CHECKS
        precondition(indices.count == Self.volume, "ChunkSection \(y): \(indices.count) indices")
        precondition(!palette.isEmpty && palette.count <= Self.volume, "ChunkSection \(y): palette of \(palette.count)")
        if let bad = indices.first(where: { Int($0) >= palette.count }) {
            preconditionFailure("ChunkSection \(y): index \(bad) past palette of \(palette.count)")
        }
        if let legacyIDs { precondition(legacyIDs.count == palette.count, "ChunkSection \(y): legacy ids do not match palette") }
        #endif
    }
}
