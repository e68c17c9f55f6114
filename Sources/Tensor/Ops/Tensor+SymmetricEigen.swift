import CBLAS

extension Tensor {
    /// Eigenvalues (descending) and unit eigenvectors (the columns of `vectors`, `[n, n]`, in the
    /// same order) of this symmetric `[n, n]` matrix, by LAPACK's `ssyevd`. Not recorded for
    /// autodiff.
    /// - Returns: nil when LAPACK reports that it did not converge.
    public func symmetricEigen() -> (values: [Float], vectors: Tensor)? {
        precondition(rank == 2 && shape[0] == shape[1], "symmetricEigen: needs a square matrix, got \(shape)")
        var n = Int32(shape[0])
        guard n > 0 else { return ([], Tensor(zeros: [0, 0])) }
        // Row-major symmetric = column-major symmetric; LAPACK leaves eigenvectors in columns of
        // its column-major array, i.e. in rows of ours.
        var a = data, w = [Float](repeating: 0, count: Int(n))
        var jobz = Int8(UInt8(ascii: "V")), uplo = Int8(UInt8(ascii: "U"))
        var lwork: Int32 = -1, liwork: Int32 = -1, info: Int32 = 0
        var workSize: Float = 0, iworkSize: Int32 = 0
        ssyevd_(&jobz, &uplo, &n, &a, &n, &w, &workSize, &lwork, &iworkSize, &liwork, &info)
        guard info == 0 else { return nil }
        lwork = Int32(workSize.rounded(.up)); liwork = iworkSize
        var work = [Float](repeating: 0, count: Int(lwork)), iwork = [Int32](repeating: 0, count: Int(liwork))
        ssyevd_(&jobz, &uplo, &n, &a, &n, &w, &work, &lwork, &iwork, &liwork, &info)
        guard info == 0 else { return nil }
        let size = Int(n)
        let order = (0..<size).reversed()      // LAPACK sorts ascending
        var vectors = [Float](repeating: 0, count: size * size)
        for (column, k) in order.enumerated() {
            for row in 0..<size { vectors[row * size + column] = a[k * size + row] }
        }
        return (order.map { w[$0] }, Tensor(shape: [size, size], data: vectors))
    }
}
