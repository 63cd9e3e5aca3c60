import RealModule

/// The covariance of one participant's measurements over the T visits of a repeated-measures
/// model, as a function of unconstrained parameters θ (every θ gives a valid matrix, so the
/// REML optimiser needs no constraints).
public enum CovarianceStructure: String, Sendable, Codable, CaseIterable {
    /// Every variance and covariance free: T(T+1)/2 parameters, Σ = LLᵀ with L lower triangular,
    /// θ = log Lⱼⱼ on the diagonal and Lⱼₖ below it (SAS `TYPE=UN`; nlme `corSymm` + `varIdent`).
    case unstructured
    /// One variance σ² and one correlation ρ between any two visits: θ = (log σ², logit of ρ
    /// scaled to (−1/(T−1), 1)) (SAS `TYPE=CS`; nlme `corCompSymm`).
    case compoundSymmetry
    /// One variance σ² and correlation ρ^|j−k| between the j-th and k-th visits: θ = (log σ²,
    /// atanh ρ) (SAS `TYPE=AR(1)`; nlme `corAR1` over the visit index).
    case autoregressive
    /// A variance σⱼ² per visit and a correlation ρ_k per lag k = |j − k| in the visit index:
    /// Σⱼₖ = σⱼσₖρ_|j−k|, 2T − 1 parameters (SAS `TYPE=TOEPH`; nlme `corARMA(p = T − 1)` +
    /// `varIdent`, an AR(T − 1) correlation being every positive definite Toeplitz correlation of
    /// T visits). See ``ToeplitzCorrelation`` for θ.
    case toeplitzHeterogeneous

    /// How the structure is written in sentences: "unstructured", "compound symmetry",
    /// "first-order autoregressive", "heterogeneous Toeplitz".
    public var name: String {
        switch self {
        case .unstructured: "unstructured"
        case .compoundSymmetry: "compound symmetry"
        case .autoregressive: "first-order autoregressive"
        case .toeplitzHeterogeneous: "heterogeneous Toeplitz"
        }
    }

    /// The number of parameters for `t` visits.
    func parameterCount(visits t: Int) -> Int {
        switch self {
        case .unstructured: t * (t + 1) / 2
        case .compoundSymmetry, .autoregressive: t == 1 ? 1 : 2
        case .toeplitzHeterogeneous: 2 * t - 1
        }
    }

    /// Σ(θ), row-major `t × t`.
    func matrix(_ theta: [Double], visits t: Int) -> [Double] {
        var sigma = [Double](repeating: 0, count: t * t)
        switch self {
        case .unstructured:
            let l = Self.lowerFactor(theta, visits: t)
            for j in 0..<t {
                for k in 0...j {
                    var sum = 0.0
                    for m in 0...k { sum += l[j * t + m] * l[k * t + m] }
                    sigma[j * t + k] = sum
                    sigma[k * t + j] = sum
                }
            }
        case .compoundSymmetry, .autoregressive:
            let variance = Double.exp(theta[0])
            for j in 0..<t {
                for k in 0..<t { sigma[j * t + k] = variance * correlation(theta, visits: t, lag: abs(j - k)) }
            }
        case .toeplitzHeterogeneous:
            let sd = (0..<t).map { Double.exp(theta[$0] / 2) }
            let rho = ToeplitzCorrelation(Array(theta[t...])).correlations
            for j in 0..<t {
                for k in 0..<t { sigma[j * t + k] = sd[j] * sd[k] * rho[abs(j - k)] }
            }
        }
        return sigma
    }

    /// ∂Σ/∂θᵣ for every parameter r, each row-major `t × t`.
    func derivatives(_ theta: [Double], visits t: Int) -> [[Double]] {
        switch self {
        case .unstructured:
            let l = Self.lowerFactor(theta, visits: t)
            var result: [[Double]] = []
            for a in 0..<t {
                for b in 0...a {
                    // ∂(LLᵀ)/∂L_ab = e_a (row b of Lᵀ) + (column b of L) e_aᵀ; × L_aa on the log scale.
                    var d = [Double](repeating: 0, count: t * t)
                    let scale = a == b ? l[a * t + a] : 1
                    for k in 0..<t {
                        d[a * t + k] += scale * l[k * t + b]
                        d[k * t + a] += scale * l[k * t + b]
                    }
                    result.append(d)
                }
            }
            return result
        case .compoundSymmetry, .autoregressive:
            let sigma = matrix(theta, visits: t)
            guard t > 1 else { return [sigma] }
            let variance = Double.exp(theta[0])
            var d = [Double](repeating: 0, count: t * t)
            for j in 0..<t {
                for k in 0..<t where j != k {
                    d[j * t + k] = variance * correlationDerivative(theta, visits: t, lag: abs(j - k))
                }
            }
            return [sigma, d]
        case .toeplitzHeterogeneous:
            let sigma = matrix(theta, visits: t)
            // ∂Σⱼₖ/∂ log σₐ² = ½Σⱼₖ(δⱼₐ + δₖₐ).
            let variances: [[Double]] = (0..<t).map { a in
                var d = [Double](repeating: 0, count: t * t)
                for k in 0..<t {
                    d[a * t + k] += sigma[a * t + k] / 2
                    d[k * t + a] += sigma[k * t + a] / 2
                }
                return d
            }
            let sd = (0..<t).map { Double.exp(theta[$0] / 2) }
            let jacobian = ToeplitzCorrelation(Array(theta[t...])).jacobian
            let correlations: [[Double]] = (0..<(t - 1)).map { r in
                var d = [Double](repeating: 0, count: t * t)
                for j in 0..<t {
                    for k in 0..<t where j != k { d[j * t + k] = sd[j] * sd[k] * jacobian[abs(j - k)][r] }
                }
                return d
            }
            return variances + correlations
        }
    }

    /// θ whose Σ(θ) is close to `covariance` (row-major `t × t`, e.g. of least-squares residuals).
    func initialParameters(from covariance: [Double], visits t: Int) -> [Double] {
        let variances = (0..<t).map { max(covariance[$0 * t + $0], 1e-8) }
        let meanVariance = variances.reduce(0, +) / Double(t)
        switch self {
        case .unstructured:
            var matrix = SymmetricMatrix(dimension: t)
            for j in 0..<t { for k in 0..<t { matrix[j, k] = covariance[j * t + k] } }
            if let factor = try? CholeskyFactorization(matrix, relativeTolerance: 1e-6) {
                return (0..<t).flatMap { a in
                    (0...a).map { b in a == b ? Double.log(factor.lower[a, a]) : factor.lower[a, b] }
                }
            }
            return (0..<t).flatMap { a in (0...a).map { b in a == b ? Double.log(variances[a]) / 2 : 0 } }
        case .compoundSymmetry:
            guard t > 1 else { return [Double.log(meanVariance)] }
            var sum = 0.0
            for j in 0..<t { for k in 0..<j { sum += covariance[j * t + k] / (variances[j] * variances[k]).squareRoot() } }
            let lower = -1 / Double(t - 1)
            let rho = min(max(sum / Double(t * (t - 1) / 2), lower + 0.05 * (1 - lower)), 0.95)
            let share = (rho - lower) / (1 - lower)
            return [Double.log(meanVariance), Double.log(share / (1 - share))]
        case .autoregressive:
            guard t > 1 else { return [Double.log(meanVariance)] }
            var sum = 0.0
            for j in 1..<t { sum += covariance[j * t + j - 1] / (variances[j] * variances[j - 1]).squareRoot() }
            let rho = min(max(sum / Double(t - 1), -0.9), 0.9)
            return [Double.log(meanVariance), Double.atanh(rho)]
        case .toeplitzHeterogeneous:
            // The mean correlation at each lag, shrunk by 0.9 so it starts inside the region.
            let lags = (1..<max(t, 1)).map { lag in
                let pairs = (lag..<t).map { j in covariance[j * t + j - lag] / (variances[j] * variances[j - lag]).squareRoot() }
                return 0.9 * pairs.reduce(0, +) / Double(pairs.count)
            }
            return variances.map { Double.log($0) } + ToeplitzCorrelation.parameters(correlations: lags)
        }
    }

    /// L from θ (row-major, zero above the diagonal).
    private static func lowerFactor(_ theta: [Double], visits t: Int) -> [Double] {
        var l = [Double](repeating: 0, count: t * t)
        var r = 0
        for a in 0..<t {
            for b in 0...a {
                l[a * t + b] = a == b ? Double.exp(theta[r]) : theta[r]
                r += 1
            }
        }
        return l
    }

    /// The correlation at `lag` visits apart (1 at lag 0).
    private func correlation(_ theta: [Double], visits t: Int, lag: Int) -> Double {
        guard lag > 0 else { return 1 }
        switch self {
        case .compoundSymmetry:
            let lower = -1 / Double(t - 1)
            return lower + (1 - lower) / (1 + Double.exp(-theta[1]))
        case .autoregressive:
            return Double.pow(Double.tanh(theta[1]), lag)
        case .unstructured, .toeplitzHeterogeneous:
            preconditionFailure("\(self) has no single correlation parameter")
        }
    }

    /// ∂(correlation at `lag`)/∂θ₁.
    private func correlationDerivative(_ theta: [Double], visits t: Int, lag: Int) -> Double {
        switch self {
        case .compoundSymmetry:
            let lower = -1 / Double(t - 1)
            let s = 1 / (1 + Double.exp(-theta[1]))
            return (1 - lower) * s * (1 - s)
        case .autoregressive:
            let rho = Double.tanh(theta[1])
            return Double(lag) * Double.pow(rho, lag - 1) * (1 - rho * rho)
        case .unstructured, .toeplitzHeterogeneous:
            preconditionFailure("\(self) has no single correlation parameter")
        }
    }
}
