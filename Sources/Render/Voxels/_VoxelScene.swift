import Anvil

/// One palette entry prepared for the tracer: colours as 0…1 doubles, opacity, shape.
struct _Look: Sendable {
    var top: (Double, Double, Double)
    var side: (Double, Double, Double)
    var alpha: Double
    /// Extra opacity per further voxel of the same kind along a ray (depth of water and ice).
    var bodyAlpha: Double
    var box: BlockBox
    var isFull: Bool
    var isPlant: Bool
    /// Water and ice surfaces read as one sheet, so their faces get no outline.
    var outlined: Bool

    init(_ a: BlockAppearance) {
        func unit(_ c: RGBA) -> (Double, Double, Double) { (Double(c.red) / 255, Double(c.green) / 255, Double(c.blue) / 255) }
        top = unit(a.top)
        side = unit(a.side)
        alpha = a.material.opacity
        bodyAlpha = a.material == .water ? 0.14 : (a.material == .ice ? 0.08 : 0)
        box = a.box
        isFull = a.box.isFull
        isPlant = a.material == .plant
        outlined = a.material != .water && a.material != .ice
    }
}

/// The volume re-laid in view space (viewer at +x, +z, above), with a look id per voxel
/// (0 = nothing to draw). Cut-away voxels and air become 0.
struct _VoxelScene: Sendable {
    let sizeX: Int, sizeY: Int, sizeZ: Int
    /// Look id per voxel at `(x * sizeY + y) * sizeZ + z`; index into `looks`.
    var cells: [UInt32]
    /// `looks[0]` is unused (air).
    var looks: [_Look]

    init(volume: BlockVolume, corner: ViewCorner, cutawayY: Int?, colours: BlockColours) {
        let view = corner.viewSize(volume.sizeX, volume.sizeZ)
        (sizeX, sizeY, sizeZ) = (view.x, volume.sizeY, view.z)
        var looks = [_Look(.air)]
        // Palette entry → look id; air and unknown indices map to 0 so bad data cannot trap.
        var idOfPalette = [UInt32](repeating: 0, count: volume.palette.count)
        for (i, state) in volume.palette.enumerated() {
            let appearance = colours.appearance(for: state)
            guard appearance.material != .air, !state.isAir else { continue }
            idOfPalette[i] = UInt32(looks.count)
            looks.append(_Look(appearance))
        }
        self.looks = looks
        let ySpan = min(volume.sizeY, cutawayY.map { max(0, $0 + 1) } ?? volume.sizeY)
        var cells = [UInt32](repeating: 0, count: sizeX * sizeY * sizeZ)
        let (sy, sz) = (sizeY, sizeZ)
        volume.indices.withUnsafeBufferPointer { src in
            for x in 0..<volume.sizeX {
                for z in 0..<volume.sizeZ {
                    let v = corner.viewPosition(x: x, z: z, sizeX: volume.sizeX, sizeZ: volume.sizeZ)
                    for y in 0..<ySpan {
                        let p = Int(src[(x * volume.sizeY + y) * volume.sizeZ + z])
                        cells[(v.x * sy + y) * sz + v.z] = p < idOfPalette.count ? idOfPalette[p] : 0
                    }
                }
            }
        }
        self.cells = cells
    }
}
