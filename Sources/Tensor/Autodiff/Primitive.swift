/// The closed set of primitive ops the autodiff graph knows. Everything else (BatchNorm, MSE,
/// log-softmax, LeakyReLU, the WGAN-GP) is composed from these, so each has exactly one gradient
/// rule (`Primitive+Gradient.swift`), written in tensor ops and therefore differentiable again.
enum Primitive {
    // Elementwise
    case binary(BinaryOp)                 // a ∘ b, shapes broadcast (equal rank)
    case scale(Float)                     // x * s
    case shift(Float)                     // x + s
    case sqrt
    case exp
    case log
    // Reduce / broadcast
    case sum(axes: [Int])                 // keeps reduced axes with extent 1
    case expand(from: [Int])              // broadcast to the output's shape
    // Movement
    case reshape(from: [Int])
    case resample(SpatialMap)             // NCDHW gather: replicate pad, crop, trilinear resize
    case resampleAdjoint(SpatialMap)      // its transpose (scatter-add): pad/resize backward, zero-embed
    // Linear algebra
    case matmul(transposeA: Bool, transposeB: Bool)
    case conv(padding: Int)               // x ⋆ w (cross-correlation), stride 1
    case convInputGradient(padding: Int)  // (g, w) → dx, a transposed conv
    case convWeightGradient(padding: Int) // (x, g) → dw
    // Normalisation
    case batchNorm(epsilon: Float, mean: [Float], inverseDeviation: [Float]) // (x, weight, bias), training mode
    // Indexing
    case gatherRows([Int])                // rows of a [V, D] matrix
    case scatterAddRows([Int])            // [B, D] rows added into a [V, D] zero matrix
}

/// Binary elementwise operators.
enum BinaryOp {
    case add, subtract, multiply, divide
}
