extension LogisticModel {
    /// The observed information of Firth's penalized log-likelihood l*(β) = l(β) + ½·log det I(β)
    /// at `point` (the negated Hessian), I(β) = XᵀWX:
    ///
    ///     −∂²l*/∂βₖ∂βₗ = Iₖₗ − ½·tr(I⁻¹ ∂²I/∂βₖ∂βₗ) + ½·tr(I⁻¹ ∂I/∂βₖ I⁻¹ ∂I/∂βₗ),
    ///
    /// with ∂I/∂βₖ = Σᵢ wᵢ′ xᵢₖ xᵢxᵢᵀ and ∂²I/∂βₖ∂βₗ = Σᵢ wᵢ″ xᵢₖxᵢₗ xᵢxᵢᵀ, where
    /// w′ = dw/dη = w(1 − 2μ) and w″ = w(1 − 6w); the first trace is Σᵢ wᵢ″ qᵢ xᵢₖxᵢₗ with
    /// qᵢ = xᵢᵀI⁻¹xᵢ. Unlike the expected information I used by the scoring steps, it is the
    /// curvature of l* itself, so Newton steps on it converge quadratically where scoring creeps
    /// (a flat, curved ridge of the constrained l*).
    /// - Complexity: O(n·p³ + p⁴).
    func penalizedObservedInformation(at point: PenalizedPoint) -> SymmetricMatrix {
        let p = termNames.count
        let inverse = point.factor.inverse()
        let quadraticForms = design.rowQuadraticForms(inverse)
        let slopes = zip(point.weights, point.means).map { w, mu in w * (1 - 2 * mu) }
        var result = design.weightedCrossProduct(
            point.weights.indices.map { i in point.weights[i] * (1 - 6 * point.weights[i]) * quadraticForms[i] })
        // I⁻¹·∂I/∂βₖ for every k, each p × p row-major.
        let scaledDerivatives = (0..<p).map { k in
            let derivative = design.weightedCrossProduct(zip(slopes, design.column(k)).map(*))
            return Self.product(inverse, derivative)
        }
        for k in 0..<p {
            for l in k..<p {
                var trace = 0.0
                for r in 0..<p {
                    for s in 0..<p { trace += scaledDerivatives[k][r * p + s] * scaledDerivatives[l][s * p + r] }
                }
                let value = point.information[k, l] - (result[k, l] - trace) / 2
                result[k, l] = value
                result[l, k] = value
            }
        }
        return result
    }

    /// A·B for two p × p matrices, row-major.
    private static func product(_ a: SymmetricMatrix, _ b: SymmetricMatrix) -> [Double] {
        let p = a.dimension
        var result = [Double](repeating: 0, count: p * p)
        for r in 0..<p {
            for m in 0..<p {
                let left = a[r, m]
                for s in 0..<p { result[r * p + s] += left * b[m, s] }
            }
        }
        return result
    }
}
