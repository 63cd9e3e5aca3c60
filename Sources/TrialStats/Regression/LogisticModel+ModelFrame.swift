extension LogisticModel {
    /// A logistic model of the binary response of `frame` on its design matrix (factors by
    /// treatment contrasts, interactions as products, R's column names), as
    /// `glm(y ~ terms, family = binomial)` sets it up.
    ///
    /// A design column that is a linear combination of the columns before it (an arm × level
    /// cell without participants, a level with one arm only) is left out, as `glm` reports its
    /// coefficient as NA: the columns kept are those R's pivoted QR keeps in front (`dqrdc2` at
    /// tolerance 1e−7; `glm.fit` decomposes the weighted design at 1e−11, which finds the same
    /// exactly aliased columns). The fit, its deviance and the rank (`termNames.count`) are then
    /// those of `glm`.
    ///
    /// - Throws: ``LogisticModelError`` as ``init(response:covariates:)``: a response that is
    ///   not 0 or 1, no events or no non-events, fewer rows than estimable coefficients.
    /// - Complexity: O(n·p²) for n complete rows and p design columns.
    public init(_ frame: ModelFrame) throws(LogisticModelError) {
        let rows = frame.observationCount, columns = frame.columnNames.count
        let design = frame.design()
        let qr = HouseholderQR(columnMajor: design.storage, rows: rows, columns: columns)
        let kept = qr.pivot[..<qr.rank].sorted().filter { $0 > 0 }
        try self.init(response: frame.response,
                      covariates: kept.map { (name: frame.columnNames[$0], values: Array(design.column($0))) })
    }
}
