/// The gradient table: for each primitive, the vector-Jacobian product in tensor ops.
///
/// Because every rule is built from recorded ops, running it with recording on yields a gradient
/// that is itself differentiable (PyTorch `create_graph=True`). Inputs whose gradient nobody
/// needs (`needed[i] == false`) get nil and cost nothing.
extension Primitive {
    func inputGradients(_ inputs: [Tensor], output: Tensor, gradient g: Tensor, needed: [Bool]) -> [Tensor?] {
        func when(_ i: Int, _ make: () -> Tensor) -> Tensor? { needed[i] ? make() : nil }
        switch self {
        case .binary(let op):
            let (a, b) = (inputs[0], inputs[1])
            switch op {
            case .add:
                return [when(0) { g.summed(to: a.shape) }, when(1) { g.summed(to: b.shape) }]
            case .subtract:
                return [when(0) { g.summed(to: a.shape) }, when(1) { (-g).summed(to: b.shape) }]
            case .multiply:
                return [when(0) { (g * b).summed(to: a.shape) }, when(1) { (g * a).summed(to: b.shape) }]
            case .divide:
                return [when(0) { (g / b).summed(to: a.shape) },
                        when(1) { (-(g * a) / (b * b)).summed(to: b.shape) }]
            }
        case .scale(let s):
            return [g.scaled(by: s)]
        case .shift:
            return [g]
        case .sqrt:
            return [g / output.scaled(by: 2)]
        case .exp:
            return [g * output]
        case .log:
            return [g / inputs[0]]
        case .sum:
            return [g.expanded(to: inputs[0].shape)]
        case .expand(let from):
            return [g.summed(to: from)]
        case .reshape(let from):
            return [g.reshaped(from)]
        case .resample(let map):
            return [g.resampledAdjoint(map)]
        case .resampleAdjoint(let map):
            return [g.resampled(map)]
        case .matmul(let ta, let tb):
            let (a, b) = (inputs[0], inputs[1])
            return [when(0) { ta ? b.matmul(g, transposeSelf: tb, transposeOther: true)
                                 : g.matmul(b, transposeSelf: false, transposeOther: !tb) },
                    when(1) { tb ? g.matmul(a, transposeSelf: true, transposeOther: ta)
                                 : a.matmul(g, transposeSelf: !ta, transposeOther: false) }]
        case .conv(let p):
            let (x, w) = (inputs[0], inputs[1])
            return [when(0) { Tensor.convInputGradient(g, w, padding: p) },
                    when(1) { Tensor.convWeightGradient(x, g, padding: p) }]
        case .convInputGradient(let p):
            // output = convT(dy, w): linear in both; dy ← conv(g, w), w ← weightGradient(g, dy).
            let (dy, w) = (inputs[0], inputs[1])
            return [when(0) { Tensor.convolution(g, w, padding: p) },
                    when(1) { Tensor.convWeightGradient(g, dy, padding: p) }]
        case .convWeightGradient(let p):
            // output = Σ dy ⊗ x: x ← convT(dy, g), dy ← conv(x, g).
            let (x, dy) = (inputs[0], inputs[1])
            return [when(0) { Tensor.convInputGradient(dy, g, padding: p) },
                    when(1) { Tensor.convolution(x, g, padding: p) }]
        case .batchNorm(let epsilon, let mean, let inverse):
            return Tensor.batchNormGradients(inputs[0], inputs[1], gradient: g, epsilon: epsilon,
                                             mean: mean, inverse: inverse, needed: needed)
        case .gatherRows(let indices):
            return [g.scatteringRows(indices, rows: inputs[0].shape[0])]
        case .scatterAddRows(let indices):
            return [g.gatheringRows(indices)]
        }
    }
}
