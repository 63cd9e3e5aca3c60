import RealModule

/// Σ's derivatives in a structure's variance parameters ψ — the parameters in which the
/// Kenward–Roger adjustment is defined (it depends on them through ∂²Σ/∂ψᵢ∂ψⱼ), read off Σ itself:
///
/// - unstructured: ψ = every σⱼₖ, j ≥ k (Σ is linear in ψ, as SAS and the `mmrm` package take it);
/// - compound symmetry: ψ = (σ², σ²ρ), Σ = (σ² − σ²ρ)I + σ²ρ·11ᵀ (linear);
/// - AR(1): ψ = (σ², ρ), Σⱼₖ = σ²ρ^|j−k|;
/// - heterogeneous Toeplitz: ψ = (σ₁², …, σ_T², ρ₁, …, ρ_{T−1}), Σⱼₖ = σⱼσₖρ_|j−k|.
///
/// Every matrix is row-major T × T.
struct VarianceParameters {
    /// ∂Σ/∂ψᵢ.
    let first: [[Double]]
    /// ∂²Σ/∂ψᵢ∂ψⱼ, `second[i][j]`; `nil` where it is zero (everywhere for a linear structure).
    let second: [[[Double]?]]

    /// The derivatives of `structure` at `sigma` over `t` visits.
    init(_ structure: CovarianceStructure, at sigma: [Double], visits t: Int) {
        let unit = { (cells: [(Int, Int)]) in
            var d = [Double](repeating: 0, count: t * t)
            for (j, k) in cells { d[j * t + k] = 1 }
            return d
        }
        let lag = { (cell: Int) in abs(cell / t - cell % t) }
        let linear = { (first: [[Double]]) in [[[Double]?]](repeating: [[Double]?](repeating: nil, count: first.count), count: first.count) }
        switch structure {
        case .unstructured:
            first = (0..<t).flatMap { a in (0...a).map { b in unit([(a, b), (b, a)]) } }
            second = linear(first)
        case .compoundSymmetry:
            first = [unit((0..<t).map { ($0, $0) })] + (t > 1 ? [(0..<(t * t)).map { lag($0) > 0 ? 1 : 0 }] : [])
            second = linear(first)
        case .autoregressive where t == 1:
            first = [unit([(0, 0)])]
            second = linear(first)
        case .autoregressive:
            let variance = sigma[0]
            let rho = sigma[1] / variance
            let power = { (cell: Int, less: Int) in Double.pow(rho, lag(cell) - less) }  // an integer power: ρ may be negative
            let dRho = (0..<(t * t)).map { lag($0) >= 1 ? variance * Double(lag($0)) * power($0, 1) : 0 }
            first = [(0..<(t * t)).map { power($0, 0) }, dRho]
            let mixed = dRho.map { $0 / variance }
            let curvature = (0..<(t * t)).map { lag($0) >= 2 ? variance * Double(lag($0) * (lag($0) - 1)) * power($0, 2) : 0 }
            second = [[nil, mixed], [mixed, curvature]]
        case .toeplitzHeterogeneous:
            let variances = (0..<t).map { sigma[$0 * t + $0] }
            let sd = variances.map { $0.squareRoot() }
            // ∂Σⱼₖ/∂σₐ² = Σⱼₖ(δⱼₐ + δₖₐ)/(2σₐ²); ∂Σⱼₖ/∂ρₗ = σⱼσₖ where |j − k| = l.
            let byVariance: [[Double]] = (0..<t).map { a in
                (0..<(t * t)).map { cell in
                    let (j, k) = (cell / t, cell % t)
                    return sigma[cell] * Double((j == a ? 1 : 0) + (k == a ? 1 : 0)) / (2 * variances[a])
                }
            }
            let byCorrelation: [[Double]] = (1..<max(t, 1)).map { l in
                (0..<(t * t)).map { lag($0) == l ? sd[$0 / t] * sd[$0 % t] : 0 }
            }
            first = byVariance + byCorrelation
            var second = [[[Double]?]](repeating: [[Double]?](repeating: nil, count: 2 * t - 1), count: 2 * t - 1)
            for a in 0..<t {
                for b in 0..<t {
                    // σₐσ_b ρ: ¼Σₐ_b/(σₐ²σ_b²) across, −¼Σₐₖ/σₐ⁴ twice in σₐ² (k ≠ a).
                    second[a][b] = (0..<(t * t)).map { cell in
                        let (j, k) = (cell / t, cell % t)
                        guard j != k else { return 0 }
                        if a == b { return j == a || k == a ? -sigma[cell] / (4 * variances[a] * variances[a]) : 0 }
                        return (j == a && k == b) || (j == b && k == a) ? sigma[cell] / (4 * variances[a] * variances[b]) : 0
                    }
                }
                for l in 1..<max(t, 1) {
                    let mixed = byCorrelation[l - 1].enumerated().map { cell, value in
                        value * Double((cell / t == a ? 1 : 0) + (cell % t == a ? 1 : 0)) / (2 * variances[a])
                    }
                    second[a][t + l - 1] = mixed
                    second[t + l - 1][a] = mixed
                }
            }
            self.second = second
        }
    }
}
