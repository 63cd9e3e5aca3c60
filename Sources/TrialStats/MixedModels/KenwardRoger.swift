/// Kenward and Roger's (1997) small-sample inference on the fixed effects of a REML fit: the
/// adjusted covariance of β̂ and what the degrees of freedom of each ℓᵀβ need.
///
/// With Φ = H⁻¹, V the block-diagonal covariance, Vᵢ = ∂V/∂ψᵢ and Vᵢⱼ = ∂²V/∂ψᵢ∂ψⱼ in the
/// structure's variance parameters ψ (``VarianceParameters``), Pᵢ = −XᵀV⁻¹VᵢV⁻¹X,
/// Qᵢⱼ = XᵀV⁻¹VᵢV⁻¹VⱼV⁻¹X and Rᵢⱼ = XᵀV⁻¹VᵢⱼV⁻¹X:
///
///     Φ_A = Φ + 2Φ{Σᵢⱼ Wᵢⱼ(Qᵢⱼ − PᵢΦPⱼ − ¼Rᵢⱼ)}Φ,
///
/// W the inverse of the expected REML information ½tr(P̃VᵢP̃Vⱼ), P̃ = V⁻¹ − V⁻¹XΦXᵀV⁻¹ (as
/// pbkrtest's `vcovAdj_internal`, which leaves out R, zero for a linear structure). For one
/// linear function ℓᵀβ Kenward and Roger's denominator degrees of freedom reduce to
/// ν = 2(ℓᵀΦℓ)² / (gᵀWg), gᵢ = ℓᵀ(∂Φ/∂ψᵢ)ℓ = −ℓᵀΦPᵢΦℓ (pbkrtest's `Lb_ddf` with q = 1): Satterthwaite's
/// formula with the expected information, while the standard error is √(ℓᵀΦ_Aℓ).
/// Every sum over participants is a sum over the frame's patterns of observed visits.
struct KenwardRoger {
    /// Φ_A.
    let adjustedCovariance: SymmetricMatrix
    /// ∂Φ/∂ψᵢ = −ΦPᵢΦ for each variance parameter.
    let covarianceDerivatives: [SymmetricMatrix]
    /// W = 2·(tr(P̃VᵢP̃Vⱼ))⁻¹.
    let parameterCovariance: SymmetricMatrix

    /// The adjustment at a REML optimum; `nil` when the expected information is singular.
    /// - Complexity: O(r²·(patterns·T³ + p³)) for r variance parameters.
    init?(_ likelihood: RestrictedLikelihood, at evaluation: RestrictedLikelihood.Evaluation) {
        let frame = likelihood.frame
        let psi = VarianceParameters(likelihood.structure, at: evaluation.sigma, visits: frame.visitCount)
        let r = psi.first.count, p = frame.columnNames.count
        let phi = evaluation.hInverse
        let information = likelihood.informationDerivatives(evaluation, of: psi.first)  // Pᵢ
        let phiP = information.map { Self.product(phi, $0, p) }                         // ΦPᵢ
        let predictions = likelihood.predictionCovariances(evaluation)
        // Per pattern: A·Dᵢ for each i, and A·Q (Q = Σ XᵢΦXᵢᵀ over the pattern's participants).
        let blocks = zip(zip(frame.patterns, evaluation.patternInverses), predictions).map { patternAndInverse, q in
            let (pattern, a) = patternAndInverse
            let m = pattern.visits.count
            return (pattern: pattern, a: a, ad: psi.first.map { RestrictedLikelihood.multiply(a, likelihood.block($0, pattern), m) },
                    aq: RestrictedLikelihood.multiply(a, q, m))
        }
        var expected = SymmetricMatrix(dimension: r)
        for i in 0..<r {
            for j in i..<r {
                var sum = 0.0
                for block in blocks {
                    let m = block.pattern.visits.count
                    let both = RestrictedLikelihood.multiply(block.ad[i], block.ad[j], m)
                    sum += Double(block.pattern.count) * Self.trace(both, m) - 2 * Self.traceOfProduct(both, block.aq, m)
                }
                sum += Self.traceOfProduct(phiP[i], phiP[j], p)
                expected[i, j] = sum
                expected[j, i] = sum
            }
        }
        guard let factor = try? CholeskyFactorization(expected, relativeTolerance: 1e-12) else { return nil }
        var w = factor.inverse()
        for e in w.entries.indices { w.entries[e] *= 2 }
        // Σᵢⱼ Wᵢⱼ(Qᵢⱼ − ¼Rᵢⱼ), per pattern A(Σ Wᵢⱼ(DᵢADⱼ − ¼Dᵢⱼ))A.
        let perPattern = blocks.map { block in
            let m = block.pattern.visits.count
            var inner = [Double](repeating: 0, count: m * m)
            for i in 0..<r {
                for j in 0..<r where w[i, j] != 0 {
                    let both = RestrictedLikelihood.multiply(block.ad[i], block.ad[j], m)
                    for e in inner.indices { inner[e] += w[i, j] * both[e] }
                    if let second = psi.second[i][j] {
                        let ads = RestrictedLikelihood.multiply(block.a, likelihood.block(second, block.pattern), m)
                        for e in inner.indices { inner[e] -= 0.25 * w[i, j] * ads[e] }
                    }
                }
            }
            return RestrictedLikelihood.multiply(inner, block.a, m)
        }
        var u = RestrictedLikelihood.crossProduct(frame, perPattern)
        // − Σᵢⱼ WᵢⱼPᵢΦPⱼ = − Σᵢ Pᵢ·(Σⱼ Wᵢⱼ ΦPⱼ).
        for i in 0..<r {
            var weighted = [Double](repeating: 0, count: p * p)
            for j in 0..<r { for e in weighted.indices { weighted[e] += w[i, j] * phiP[j][e] } }
            let term = Self.product(information[i].entries, weighted, p)
            for e in u.entries.indices { u.entries[e] -= term[e] }
        }
        let adjustment = Self.product(Self.product(phi.entries, u.entries, p), phi.entries, p)
        var adjusted = phi
        for c in 0..<p {
            for d in 0..<p { adjusted[c, d] += (adjustment[c * p + d] + adjustment[d * p + c]) }  // 2·sym(ΦUΦ)
        }
        adjustedCovariance = adjusted
        covarianceDerivatives = phiP.map { phiPi in
            var derivative = SymmetricMatrix(dimension: p)
            let full = Self.product(phiPi, phi.entries, p)
            for c in 0..<p { for d in 0..<p { derivative[c, d] = -(full[c * p + d] + full[d * p + c]) / 2 } }
            return derivative
        }
        parameterCovariance = w
    }

    /// A·B for row-major p × p matrices.
    private static func product(_ a: SymmetricMatrix, _ b: SymmetricMatrix, _ p: Int) -> [Double] {
        product(a.entries, b.entries, p)
    }

    private static func product(_ a: [Double], _ b: [Double], _ p: Int) -> [Double] {
        RestrictedLikelihood.multiply(a, b, p)
    }

    /// tr(A) of a row-major m × m matrix.
    private static func trace(_ a: [Double], _ m: Int) -> Double {
        (0..<m).reduce(0) { $0 + a[$1 * m + $1] }
    }

    /// tr(A·B) of row-major m × m matrices.
    private static func traceOfProduct(_ a: [Double], _ b: [Double], _ m: Int) -> Double {
        var sum = 0.0
        for x in 0..<m { for y in 0..<m { sum += a[x * m + y] * b[y * m + x] } }
        return sum
    }
}
