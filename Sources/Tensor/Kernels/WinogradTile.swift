import CKernels

/// The Winograd F(4,3) tile along one axis (interpolation points 0, ±1, ±2, ∞; Lavin & Gray 2015):
/// four outputs of a 3-tap correlation over six inputs `d` are `y = Aᵀ[(G g) ⊙ (Bᵀ d)]`, six
/// products instead of twelve.
///
/// Float32 error: the transforms' largest coefficients (5 in Bᵀ, 8 in Aᵀ) cost a few ulps more than
/// a direct sum; the parity tests hold at their tolerances.
enum WinogradTile {
    /// Outputs per tile.
    static let outputs = 4
    /// Inputs (and products) per tile.
    static let points = Int(WG_WINOGRAD_POINTS)

    /// `Bᵀ` (6×6, row-major): `u_k = Σ_j Bᵀ[k][j] · d_j`.
    static let inputTransform: [Float] = [
        4, 0, -5, 0, 1, 0,
        0, -4, -4, 1, 1, 0,
        0, 4, -4, -1, 1, 0,
        0, -2, -1, 2, 1, 0,
        0, 2, -1, -2, 1, 0,
        0, 4, 0, -5, 0, 1,
    ]

    /// `G` (6×3): `G_k = Σ_m G[k][m] · g_m`.
    static let kernelTransform: [[Float]] = [
        [1 / 4, 0, 0],
        [-1 / 6, -1 / 6, -1 / 6],
        [-1 / 6, 1 / 6, -1 / 6],
        [1 / 24, 1 / 12, 1 / 6],
        [1 / 24, -1 / 12, 1 / 6],
        [0, 0, 1],
    ]

    /// `A` (6×4, row-major), the transpose of the output transform `Aᵀ` (applied in C,
    /// `wg_winograd_output_row`): the weight gradient's output-gradient transform `a_k = Σ_r A[k][r] · dy_r`.
    static let outputGradientTransform: [Float] = [
        1, 0, 0, 0,
        1, 1, 1, 1,
        1, -1, 1, -1,
        1, 2, 4, 8,
        1, -2, 4, -8,
        0, 0, 0, 1,
    ]

    /// `Aᵀ` (4×6, row-major): `y_r = Σ_k Aᵀ[r][k] · M_k`, the output transform across rows of the
    /// two-axis path (along rows it is `wg_winograd_output_row`).
    static let outputTransposed: [Float] = (0..<(outputs * points)).map { i in
        outputGradientTransform[(i % points) * outputs + i / points]
    }
}

/// The 9 row taps of a 3×3×3 kernel on the wide grid: the taps of the two outer scratch axes, each
/// with its flat shift split into whole tiles (`tileShifts`) and a phase (`phases`, the shift modulo
/// the tile), and the PyTorch tap indices of its three taps along the stride-1 axis.
struct WinogradRows {
    var tileShifts: [Int] = []
    var phases: [Int] = []
    var taps: [[Int]] = []

    init(_ layout: WideLayout) {
        let inner = layout.strides.firstIndex(of: 1) ?? 2
        let outer = [0, 1, 2].filter { $0 != inner }
        for a in 0..<3 {
            for b in 0..<3 {
                var kernelIndex = [0, 0, 0]
                kernelIndex[outer[0]] = a
                kernelIndex[outer[1]] = b
                let shift = a * layout.strides[outer[0]] + b * layout.strides[outer[1]]
                tileShifts.append(shift / WinogradTile.outputs)
                phases.append(shift % WinogradTile.outputs)
                taps.append((0..<3).map { k in
                    var index = kernelIndex
                    index[inner] = k
                    return (index[0] * 3 + index[1]) * 3 + index[2]
                })
            }
        }
    }

    /// The phases some row tap starts at (the only ones whose transformed input is needed).
    var usedPhases: [Int] { Array(Set(phases)).sorted() }

    /// Flat tap offsets into a channel's transformed input laid out `[phase][component][ldu]`.
    func offsets(ldu: Int) -> [Int] {
        zip(phases, tileShifts).map { $0 * WinogradTile.points * ldu + $1 }
    }

    /// Floats of one channel's transformed input, `[phase][component][ldu]` for the phases up to
    /// the largest used one (on the wide grid every row tap starts at phase 0: one phase).
    func usedChannelStride(ldu: Int) -> Int { ((phases.max() ?? 0) + 1) * WinogradTile.points * ldu }
}
