import CKernels

/// Which vector instructions the convolution kernels use. They pick AVX-512 at run time when
/// the CPU has it and fall back to AVX2 + FMA otherwise; restricting to AVX2 lets tests check
/// that path on any machine.
public enum KernelInstructionSet: Sendable {
    case avx2
    case avx512

    /// The set in use now.
    public static var current: KernelInstructionSet { wg_conv_uses_avx512() != 0 ? .avx512 : .avx2 }

    /// Runs `body` with the kernels restricted to AVX2 + FMA. Not for concurrent use: the switch
    /// is process-wide.
    public static func withAVX2Only<T>(_ body: () throws -> T) rethrows -> T {
        wg_conv_restrict_to_avx2(1)
        defer { wg_conv_restrict_to_avx2(0) }
        return try body()
    }
}
