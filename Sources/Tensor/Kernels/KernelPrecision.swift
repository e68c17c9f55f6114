import CKernels
import Foundation

/// The arithmetic of the 3×3×3 convolutions' inner loops (forward, input and weight gradients).
///
/// `.fp32` (the library's default) multiplies in FP32 everywhere. `.bf16` rounds the Winograd
/// transformed operands to bfloat16 and multiplies them with AVX-512 BF16 dot products
/// (`vdpbf16ps`) into FP32 accumulators: twice the products per instruction, about 3 significant
/// digits per product; everything else (transforms, BatchNorm, losses, Adam) stays FP32. It takes
/// effect only where the CPU has AVX-512 BF16 and the AVX-512 path is in use; elsewhere the
/// kernels stay FP32 whatever is asked.
///
/// ```swift
/// KernelPrecision.prefer(.bf16)
/// print(KernelPrecision.current)   // .bf16 on a CPU with AVX-512 BF16, else .fp32
/// ```
public enum KernelPrecision: String, Sendable {
    case fp32
    case bf16

    /// The precision in use now.
    public static var current: KernelPrecision { wg_conv_uses_bf16() != 0 ? .bf16 : .fp32 }

    /// Asks for `precision` process-wide (BF16 only where the CPU has it). Not for use while
    /// kernels run on other threads.
    public static func prefer(_ precision: KernelPrecision) { wg_conv_allow_bf16(precision == .bf16 ? 1 : 0) }

    /// What training asks for unless `WORLDGAN_PRECISION` says otherwise: BF16, which the kernels
    /// use only where the CPU has AVX-512 BF16 (elsewhere FP32).
    public static let trainingDefault: KernelPrecision = .bf16

    /// `WORLDGAN_PRECISION` (`fp32` or `bf16`) when set to one of those, else `fallback`.
    public static func fromEnvironment(default fallback: KernelPrecision) -> KernelPrecision {
        ProcessInfo.processInfo.environment["WORLDGAN_PRECISION"].flatMap(KernelPrecision.init(rawValue:)) ?? fallback
    }

    /// Runs `body` with `precision` asked for, then restores the previous request. Not for
    /// concurrent use: the switch is process-wide.
    public static func with<T>(_ precision: KernelPrecision, _ body: () throws -> T) rethrows -> T {
        let previous = wg_conv_bf16_allowed()
        prefer(precision)
        defer { wg_conv_allow_bf16(previous) }
        return try body()
    }
}
