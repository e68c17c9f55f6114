import Anvil
import Foundation

/// Voxels packed for the page: look ids in layer order (`(y · sizeZ + z) · sizeX + x`, the order
/// the page meshes in), run-length coded as LEB128 varint pairs `(look id, run length − 1)`.
/// Structures are mostly long runs of air and of one block, so this is 10–100× smaller than one
/// byte per voxel, and the page decodes it synchronously without an inflater.
enum _VoxelPacking {
    /// The packed bytes of `volume`, whose palette index `i` becomes look `lookOf[i]` (indices
    /// outside the palette become air, so damaged data cannot trap).
    /// - Complexity: O(voxels).
    static func pack(_ volume: BlockVolume, lookOf: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        var current = -1, run = 0
        volume.indices.withUnsafeBufferPointer { src in
            for y in 0..<volume.sizeY {
                for z in 0..<volume.sizeZ {
                    for x in 0..<volume.sizeX {
                        let p = Int(src[(x * volume.sizeY + y) * volume.sizeZ + z])
                        let look = p < lookOf.count ? lookOf[p] : 0
                        if look == current { run += 1; continue }
                        if run > 0 { appendVarint(current, &out); appendVarint(run - 1, &out) }
                        current = look
                        run = 1
                    }
                }
            }
        }
        if run > 0 { appendVarint(current, &out); appendVarint(run - 1, &out) }
        return out
    }

    static func appendVarint(_ value: Int, _ out: inout [UInt8]) {
        var v = UInt(value)
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}
