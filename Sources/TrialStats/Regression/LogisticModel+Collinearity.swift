extension LogisticModel {
    /// The R² above which a covariate counts as a linear combination of the intercept and
    /// the covariates before it: 1 − 1e−10, i.e. a residual norm below 1e−5 of the
    /// centred column's norm. (R's QR drops a column at 1e−7 of its *uncentred* norm; after
    /// centring the same designs are caught, and near-duplicates slightly earlier.)
    static let collinearityTolerance = 1e-10

    /// Throws ``LogisticModelError/collinearCovariate(_:with:)`` for the first covariate that
    /// is constant or a linear combination of the intercept and earlier covariates.
    ///
    /// Method: the correlation matrix of the centred covariates (two-pass sums) is
    /// Cholesky-factored; a pivot below ``collinearityTolerance`` is 1 − R² of that covariate
    /// on the earlier ones. The earlier covariates named are those with a non-negligible
    /// coefficient (|b| > 1e−6 on the correlation scale) in that regression.
    /// - Complexity: O(n·k² + k³) for k covariates.
    static func checkCollinearity(_ covariates: [(name: String, values: [Double])]) throws(LogisticModelError) {
        let centred = covariates.map { covariate in
            let mean = covariate.values.reduce(0, +) / Double(covariate.values.count)
            return covariate.values.map { $0 - mean }
        }
        let sumsOfSquares = centred.map { column in column.reduce(0) { $0 + $1 * $1 } }
        if let constant = sumsOfSquares.firstIndex(where: { $0 == 0 }) {
            throw .collinearCovariate(covariates[constant].name, with: [])
        }
        var correlation = SymmetricMatrix(dimension: covariates.count)
        for j in 0..<covariates.count {
            for k in 0...j {
                var sum = 0.0
                for (a, b) in zip(centred[j], centred[k]) { sum += a * b }
                let value = sum / (sumsOfSquares[j] * sumsOfSquares[k]).squareRoot()
                correlation[j, k] = value
                correlation[k, j] = value
            }
        }
        do {
            _ = try CholeskyFactorization(correlation, relativeTolerance: collinearityTolerance)
        } catch {
            let column = error.column
            throw .collinearCovariate(
                covariates[column].name,
                with: partners(of: column, in: correlation).map { covariates[$0].name })
        }
    }

    /// The earlier columns that explain `column` in the regression of it on columns 0..<column.
    private static func partners(of column: Int, in correlation: SymmetricMatrix) -> [Int] {
        guard column > 0 else { return [] }
        let earlier = Array(0..<column)
        guard let factor = try? CholeskyFactorization(correlation.submatrix(earlier)) else { return earlier }
        let coefficients = factor.solve(earlier.map { correlation[$0, column] })
        return earlier.filter { abs(coefficients[$0]) > 1e-6 }
    }
}
