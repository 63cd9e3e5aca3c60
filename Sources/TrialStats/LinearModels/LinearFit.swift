/// A linear model fitted by least squares, as R's `lm` and `summary.lm`.
///
/// The design matrix is decomposed by ``HouseholderQR`` with R's tolerance 1e-7: a column
/// that is (numerically) a linear combination of the columns before it is aliased, and its
/// coefficient is reported as not estimable (R prints NA), the others as `lm` gives them.
///
/// ```swift
/// let fit = try LinearFit(frame)
/// let slope = fit.coefficient("BASE")?.estimate   // a LinearEstimate: estimate, SE, t, p, CI
/// ```
public struct LinearFit: Sendable {
    /// The data and design the model was fitted to.
    public let frame: ModelFrame
    /// The number of estimable coefficients (the rank of the design matrix).
    public let rank: Int
    /// n − rank.
    public let residualDegreesOfFreedom: Int
    /// Σ residual².
    public let residualSumOfSquares: Double
    /// The residual standard error σ̂ = √(RSS / (n − rank)).
    public let sigma: Double
    /// R² = 1 − RSS / Σ(y − ȳ)².
    public let rSquared: Double
    /// Adjusted R² = 1 − (1 − R²)(n − 1)/(n − rank).
    public let adjustedRSquared: Double
    /// The confidence level of every interval.
    public let confidenceLevel: Double
    /// β in design-column order, 0 for aliased columns (the value estimable functions ignore).
    let beta: [Double]
    /// (XᵀX)⁻¹ over the estimable columns in design-column order, zero for aliased ones.
    let unscaledCovariance: SymmetricMatrix
    /// An orthonormal basis of the null space of X (empty at full rank): ℓᵀβ is estimable
    /// exactly when ℓ is orthogonal to it.
    let nullSpaceBasis: [[Double]]
    /// The t distribution on the residual degrees of freedom.
    let distribution: StudentT

    /// Fits the model of `frame`.
    /// - Throws: ``LinearModelError/noResidualDegreesOfFreedom(observations:rank:)`` when
    ///   n = rank, ``LinearModelError/essentiallyPerfectFit`` when the residuals vanish,
    ///   ``LinearModelError/invalidConfidenceLevel(_:)``.
    /// - Complexity: O(n·p²).
    public init(_ frame: ModelFrame, confidenceLevel: Double = 0.95) throws(LinearModelError) {
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw .invalidConfidenceLevel(confidenceLevel) }
        let n = frame.observationCount, p = frame.columnNames.count
        let qr = HouseholderQR(columnMajor: frame.design().storage, rows: n, columns: p)
        let effects = qr.qTransposeTimes(frame.response)
        let rss = effects[qr.rank...].reduce(0) { $0 + $1 * $1 }
        let explained = effects[..<qr.rank].reduce(0) { $0 + $1 * $1 }
        guard n > qr.rank, let distribution = try? StudentT(degreesOfFreedom: Double(n - qr.rank)) else {
            throw .noResidualDegreesOfFreedom(observations: n, rank: qr.rank)
        }
        let variance = rss / Double(n - qr.rank)
        guard variance >= 1e-30 * explained / Double(n) else { throw .essentiallyPerfectFit }

        let pivoted = qr.solveUpper(effects)
        let pivotedCovariance = qr.unscaledCovariance()
        var beta = [Double](repeating: 0, count: p)
        var covariance = SymmetricMatrix(dimension: p)
        for i in 0..<qr.rank {
            beta[qr.pivot[i]] = pivoted[i]
            for j in 0..<qr.rank { covariance[qr.pivot[i], qr.pivot[j]] = pivotedCovariance[i, j] }
        }
        self.frame = frame
        rank = qr.rank
        residualDegreesOfFreedom = n - qr.rank
        residualSumOfSquares = rss
        sigma = variance.squareRoot()
        let mean = frame.response.reduce(0, +) / Double(n)
        let total = frame.response.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        rSquared = 1 - rss / total
        adjustedRSquared = 1 - (1 - rSquared) * Double(n - 1) / Double(n - qr.rank)
        self.confidenceLevel = confidenceLevel
        self.beta = beta
        unscaledCovariance = covariance
        nullSpaceBasis = Self.nullSpaceBasis(qr)
        self.distribution = distribution
    }

    /// One row per design column, in ``ModelFrame/columnNames`` order, as `summary.lm`
    /// gives them (an aliased column has no estimate).
    public var coefficients: [LinearCoefficient] {
        frame.columnNames.enumerated().map { column, name in
            let variance = unscaledCovariance[column, column]
            guard variance > 0 else { return LinearCoefficient(name: name, estimate: nil) }
            return LinearCoefficient(name: name, estimate: LinearEstimate(
                estimate: beta[column], standardError: sigma * variance.squareRoot(),
                distribution: distribution, confidenceLevel: confidenceLevel))
        }
    }

    /// The coefficient of the design column named `name` (R's name, e.g. "TRT54"), if any.
    public func coefficient(_ name: String) -> LinearCoefficient? {
        coefficients.first { $0.name == name }
    }

    /// ℓᵀβ with its SE, t, p and CI, or `nil` when ℓᵀβ is not estimable (ℓ has a component
    /// in the null space of X: Σ(Nᵀℓ)² ≥ 1e-8·Σℓ², the rule of R's `estimability` package).
    func estimate(_ l: [Double]) -> LinearEstimate? {
        let squaredLength = l.reduce(0) { $0 + $1 * $1 }
        let outside = nullSpaceBasis.reduce(0.0) { sum, basis in
            let projection = zip(basis, l).reduce(0) { $0 + $1.0 * $1.1 }
            return sum + projection * projection
        }
        guard outside < 1e-8 * (squaredLength < 1e-8 ? 1 : squaredLength) else { return nil }
        let value = zip(l, beta).reduce(0) { $0 + $1.0 * $1.1 }
        let quadratic = zip(l, unscaledCovariance.times(l)).reduce(0) { $0 + $1.0 * $1.1 }
        return LinearEstimate(
            estimate: value, standardError: sigma * max(quadratic, 0).squareRoot(),
            distribution: distribution, confidenceLevel: confidenceLevel)
    }

    /// The columns of [−R₁₁⁻¹R₁₂; I] mapped back to design-column order, orthonormalized
    /// (modified Gram–Schmidt).
    private static func nullSpaceBasis(_ qr: HouseholderQR) -> [[Double]] {
        let p = qr.columns, r = qr.rank
        var basis: [[Double]] = []
        for free in r..<p {
            let coupling = qr.solveUpper((0..<r).map { qr.r($0, free) })
            var vector = [Double](repeating: 0, count: p)
            for i in 0..<r { vector[qr.pivot[i]] = -coupling[i] }
            vector[qr.pivot[free]] = 1
            for previous in basis {
                let projection = zip(previous, vector).reduce(0) { $0 + $1.0 * $1.1 }
                for i in 0..<p { vector[i] -= projection * previous[i] }
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            basis.append(vector.map { $0 / norm })
        }
        return basis
    }
}

/// One coefficient of a fitted linear model.
public struct LinearCoefficient: Sendable, Equatable {
    /// R's name of the design column: "(Intercept)", "BASE", "TRT54", "TRT54:BASE".
    public let name: String
    /// The estimate with SE, t (H₀: β = 0), p and CI; `nil` when the column is aliased
    /// (a linear combination of earlier columns; R reports NA).
    public let estimate: LinearEstimate?
}
