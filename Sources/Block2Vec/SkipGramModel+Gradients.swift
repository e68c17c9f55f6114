import Foundation

extension SkipGramModel {
    /// The mean NLL of a batch over its B × 26 (target, context) pairs and its exact gradient.
    ///
    /// All 26 contexts of a target share one softmax, and samples with the same target share
    /// its logits, so the pass groups samples by target token: with n_t samples of target t and
    /// C_t[v] context tokens v among them, `dLoss/dlogits_t = (26·n_t·softmax_t − C_t)/(B·26)`.
    /// That is the same sum PyTorch forms per sample, computed once per distinct target.
    ///
    /// - Parameters:
    ///   - targets: B token indices.
    ///   - contexts: B × 26 token indices, row-major (`contexts[b * 26 + k]`).
    ///   - workspace: scratch from `SkipGramWorkspace(for:)`; receives the gradients.
    /// - Returns: the loss (PyTorch: `-log_softmax(out(emb(t))).gather(1, ctx).mean()`).
    /// - Precondition: indices below V; `contexts.count == 26 · targets.count`; B > 0.
    /// - Complexity: O(B·26 + T·V·D) for T distinct targets (T ≤ min(B, V)).
    public func lossAndGradients(targets: UnsafeBufferPointer<Int32>, contexts: UnsafeBufferPointer<Int32>,
                                 workspace w: inout SkipGramWorkspace) -> Float {
        let k = SkipGramDataset.contextCount
        precondition(targets.count > 0 && contexts.count == targets.count * k,
                     "SkipGramModel.lossAndGradients: \(targets.count) targets need \(targets.count * k) "
                     + "contexts, got \(contexts.count)")
        precondition(w.rowOfToken.count == vocabularySize && w.rowScratch.count == vocabularySize + dimension,
                     "SkipGramModel.lossAndGradients: workspace for V+D = \(w.rowScratch.count), "
                     + "model is \(vocabularySize)×\(dimension)")
        let rows = groupByTarget(targets: targets, contexts: contexts, workspace: &w)
        let scale = 1 / Float(targets.count * k)
        let v = vocabularySize
        let loss = parameters.withUnsafeBufferPointer { p in
            w.gradients.withUnsafeMutableBufferPointer { g in
                g.update(repeating: 0)
                return w.contextCounts.withUnsafeMutableBufferPointer { counts in
                    w.rowScratch.withUnsafeMutableBufferPointer { scratch in
                        var sum: Float = 0
                        for r in 0..<rows {
                            sum += rowLossAndBackward(
                                target: Int(w.rowTokens[r]), contextsPerSample: Float(k) * w.rowSamples[r],
                                contextCounts: counts.baseAddress.unsafelyUnwrapped + r * v, scale: scale,
                                parameters: p.baseAddress.unsafelyUnwrapped, gradients: g.baseAddress.unsafelyUnwrapped,
                                scratch: scratch.baseAddress.unsafelyUnwrapped)
                        }
                        return sum
                    }
                }
            }
        }
        for r in 0..<rows { w.rowOfToken[Int(w.rowTokens[r])] = -1 }
        return loss * scale
    }

    /// One distinct target: its NLL summed over its contexts (unscaled), and its gradient
    /// contributions. `n` is 26 × the target's sample count; `contextCounts` (V floats) are
    /// zeroed on the way, leaving the scratch clean for the next batch.
    @inline(__always)
    private func rowLossAndBackward(target: Int, contextsPerSample n: Float, contextCounts counts: UnsafeMutablePointer<Float>,
                                    scale: Float, parameters p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>,
                                    scratch: UnsafeMutablePointer<Float>) -> Float {
        let v = vocabularySize
        let logit = scratch, hidden = scratch + v
        writeLogits(target: target, parameters: p, into: logit)
        SkipGramModel.logSoftmaxInPlace(logit, count: v)
        var loss: Float = 0
        for j in 0..<v {
            loss -= counts[j] * logit[j]
            logit[j] = (n * exp(logit[j]) - counts[j]) * scale
            counts[j] = 0
        }
        backward(target: target, logitGradient: logit, parameters: p, gradients: g, hidden: hidden)
        return loss
    }

    /// Fills the workspace's per-target rows (sample counts, context counts); returns the row count.
    private func groupByTarget(targets: UnsafeBufferPointer<Int32>, contexts: UnsafeBufferPointer<Int32>,
                               workspace w: inout SkipGramWorkspace) -> Int {
        let k = SkipGramDataset.contextCount, v = vocabularySize
        w.rowTokens.removeAll(keepingCapacity: true)
        return w.rowOfToken.withUnsafeMutableBufferPointer { rowOf in
            w.rowSamples.withUnsafeMutableBufferPointer { samples in
                w.contextCounts.withUnsafeMutableBufferPointer { counts in
                    for b in 0..<targets.count {
                        let t = Int(targets[b])
                        precondition(t >= 0 && t < v, "SkipGramModel: target \(t) outside 0..<\(v)")
                        var r = Int(rowOf[t])
                        if r < 0 {
                            r = w.rowTokens.count
                            rowOf[t] = Int32(r)
                            w.rowTokens.append(Int32(t))
                            samples[r] = 0
                        }
                        samples[r] += 1
                        let row = counts.baseAddress.unsafelyUnwrapped + r * v
                        for c in 0..<k {
                            let token = Int(contexts[b * k + c])
                            precondition(token >= 0 && token < v, "SkipGramModel: context \(token) outside 0..<\(v)")
                            row[token] += 1
                        }
                    }
                    return w.rowTokens.count
                }
            }
        }
    }

    /// Accumulates one target row's contribution to the output weight, bias and embedding gradients.
    @inline(__always)
    private func backward(target: Int, logitGradient dz: UnsafePointer<Float>, parameters p: UnsafePointer<Float>,
                          gradients g: UnsafeMutablePointer<Float>, hidden dh: UnsafeMutablePointer<Float>) {
        let v = vocabularySize, d = dimension
        let h = p + target * d, weight = p + v * d
        let gWeight = g + v * d, gBias = g + 2 * v * d
        dh.update(repeating: 0, count: d)
        for j in 0..<v {
            let a = dz[j]
            gBias[j] += a
            VectorKernels.axpy(d, a, h, gWeight + j * d)
            VectorKernels.axpy(d, a, weight + j * d, dh)
        }
        VectorKernels.axpy(d, 1, dh, g + target * d)
    }
}
