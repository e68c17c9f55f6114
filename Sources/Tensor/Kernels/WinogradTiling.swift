import CKernels

/// The geometry of the two-axis Winograd path for 3×3×3 kernels, F(4,3) × F(4,3): the output is
/// cut into 4×4 tiles across two spatial axes (`outer`, `inner`); each tile reads a 6×6 patch of
/// the zero-padded input on every plane of the third axis (`direct`), along which the kernel's
/// three taps stay a direct sum.
///
/// Tiles are numbered plane by plane, `T = plane · planeTiles + row · tilesInner + column`, so a
/// tap along the direct axis is a shift of `planeTiles` and each of the 36 transformed components
/// is a 3-tap convolution over tile indices: the register-blocked kernels of the one-axis path
/// (`wg_conv_wide`) run on it unchanged. 36 products per 16 outputs and 3 taps: 6.75 instead of
/// 27 multiply-adds per output and input channel (the one-axis path: 13.5).
///
/// The direct axis is the shortest output axis (tiles then waste the fewest junk outputs); of
/// the other two, `inner` is the one with the smaller dense stride.
struct WinogradTiling {
    /// Transformed components per tile (6 × 6).
    static let components = WinogradTile.points * WinogradTile.points

    let geometry: ConvKernel.Geometry
    /// Spatial axes (0, 1, 2 for D, H, W).
    let direct, outer, inner: Int
    /// Extents of the zero-padded input along the direct axis (its planes).
    let paddedPlanes: Int
    /// Output extents along (direct, outer, inner).
    let outPlanes, outRows, outColumns: Int
    /// Input extents (unpadded) along (direct, outer, inner).
    let inPlanes, inRows, inColumns: Int
    let tilesOuter, tilesInner: Int
    /// Product rows: the output tiles rounded up to whole column blocks of `wg_conv_wide`.
    let ldm: Int
    /// Transformed-input rows: every padded plane's tiles, the kernels' reads past `ldm` (zeros).
    let ldu: Int
    /// Output-gradient rows of the weight gradient: the output tiles rounded up to 16.
    let ldq: Int

    init(_ g: ConvKernel.Geometry) {
        geometry = g
        let outputs = [g.outD, g.outH, g.outW]
        let direct = [0, 1, 2].min { outputs[$0] < outputs[$1] } ?? 0
        let tiled = [0, 1, 2].filter { $0 != direct }
        (self.direct, outer, inner) = (direct, tiled[0], tiled[1])
        let inputs = [g.inD, g.inH, g.inW]
        (inPlanes, inRows, inColumns) = (inputs[direct], inputs[outer], inputs[inner])
        (outPlanes, outRows, outColumns) = (outputs[direct], outputs[outer], outputs[inner])
        paddedPlanes = inPlanes + 2 * g.padding
        let tile = WinogradTile.outputs
        tilesOuter = (outRows + tile - 1) / tile
        tilesInner = (outColumns + tile - 1) / tile
        let block = Int(WG_CONV_COLUMN_BLOCK)
        let columns = outPlanes * tilesOuter * tilesInner
        ldm = (columns + block - 1) / block * block
        ldq = (columns + 15) / 16 * 16
        // Rows 64 bytes off a 1 KiB multiple apart, so rows read together do not share cache sets.
        ldu = (ldm + 2 * (tilesOuter * tilesInner) + 255) / 256 * 256 + 16
    }

    /// Tiles of one plane.
    var planeTiles: Int { tilesOuter * tilesInner }
    /// Tiles `0 ..< columns` hold every output (junk outputs where tiles pass the volume's end).
    var columns: Int { outPlanes * planeTiles }
    /// Floats of one channel's transformed input, `[36][ldu]`.
    var channelStride: Int { Self.components * ldu }
    /// The flat shifts of the direct axis's three taps, in tiles.
    var shifts: [Int] { [0, planeTiles, 2 * planeTiles] }
    /// Rows of one zero-padded plane as the transforms read it (whole tiles: 6 inputs every 4).
    var planeRows: Int { WinogradTile.outputs * tilesOuter + 2 }
    /// Floats of one plane row as the transforms read it (`wg_winograd_plane`): its tiles' inputs,
    /// 4 · tilesInner + 2, rounded up to whole quads.
    var rowLength: Int { WinogradTile.outputs * (tilesInner + 1) }

    /// The PyTorch tap index of the tap `(directTap, outerTap, innerTap)`.
    func tap(_ directTap: Int, _ outerTap: Int, _ innerTap: Int) -> Int {
        var index = [0, 0, 0]
        index[direct] = directTap
        index[outer] = outerTap
        index[inner] = innerTap
        return (index[0] * 3 + index[1]) * 3 + index[2]
    }

    /// Dense strides (D, H, W) of a volume with spatial `extents`, along (direct, outer, inner).
    func strides(_ extents: [Int]) -> (direct: Int, outer: Int, inner: Int) {
        let dense = [extents[1] * extents[2], extents[2], 1]
        return (dense[direct], dense[outer], dense[inner])
    }
}
