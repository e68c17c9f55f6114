import Anvil

extension Embeddings {
    /// Replaces every voxel of `volume` by its token's vector, channel-major: the `[1, D, X, Y, Z]`
    /// tensor World-GAN trains on, without the batch axis. Channel c of the voxel at storage
    /// offset n = `(x * sizeY + y) * sizeZ + z` is at `c * voxelCount + n`.
    ///
    /// The inverse, up to nearest-neighbour decoding, is `nearestIndices(channelMajor:voxelCount:)`.
    ///
    /// ```swift
    /// let real = try embeddings.channelMajorValues(of: volume, file: "embeddings/ruins.txt")
    /// ```
    /// - Parameter file: names these embeddings in the error.
    /// - Throws: `Block2VecError.missingTokens` listing every state of the volume without a vector;
    ///   `.paletteIndexOutOfRange` for a corrupt volume.
    /// - Complexity: O(voxels·D).
    public func channelMajorValues(of volume: BlockVolume, file: String) throws -> [Float] {
        try SkipGramDataset.checkPaletteIndices(volume)
        var rowOfPaletteEntry = [Int](repeating: -1, count: volume.palette.count)
        var used = [Bool](repeating: false, count: volume.palette.count)
        for i in volume.indices { used[Int(i)] = true }
        var missing = Set<String>()
        for (p, state) in volume.palette.enumerated() where used[p] {
            if let row = index(of: state.token) { rowOfPaletteEntry[p] = row } else { missing.insert(state.token) }
        }
        guard missing.isEmpty else { throw Block2VecError.missingTokens(file: file, tokens: missing.sorted()) }
        let n = volume.count, d = dimension
        var out = [Float](repeating: 0, count: n * d)
        vectors.withUnsafeBufferPointer { v in
            out.withUnsafeMutableBufferPointer { o in
                for (voxel, p) in volume.indices.enumerated() {
                    let row = rowOfPaletteEntry[Int(p)] * d
                    for c in 0..<d { o[c * n + voxel] = v[row + c] }
                }
            }
        }
        return out
    }
}
