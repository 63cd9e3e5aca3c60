import Testing
@testable import TrialStats

/// The heterogeneous Toeplitz parametrisation: every θ gives a positive definite correlation, the
/// inverse recursion recovers θ, and the forward-mode derivatives agree with finite differences
/// (the fits themselves are checked against nlme's corARMA in MixedModelTests).
@Suite struct ToeplitzCorrelationTests {
    /// θ for five visits, from mild to near the edge of the region (φ = tanh θ up to ±0.96).
    static let thetas: [[Double]] = [[0.3, -0.2, 0.1, 0.05], [1.2, 0.8, -0.6, 0.4], [-1.9, 1.5, 1.1, -0.7], [0, 0, 0, 0]]

    @Test("Every θ gives a positive definite Toeplitz correlation", arguments: thetas)
    func positiveDefinite(theta: [Double]) throws {
        let rho = ToeplitzCorrelation(theta).correlations
        #expect(rho[0] == 1 && rho.dropFirst().allSatisfy { abs($0) < 1 })
        let t = rho.count
        var matrix = SymmetricMatrix(dimension: t)
        for j in 0..<t { for k in 0..<t { matrix[j, k] = rho[abs(j - k)] } }
        #expect(throws: Never.self) { _ = try CholeskyFactorization(matrix, relativeTolerance: 1e-12) }
    }

    @Test("The inverse recursion gives θ back when every |φ| ≤ 0.9", arguments: thetas.filter { $0.allSatisfy { abs($0) < 1.4 } })
    func roundTrip(theta: [Double]) {
        let recovered = ToeplitzCorrelation.parameters(correlations: Array(ToeplitzCorrelation(theta).correlations.dropFirst()))
        for (a, b) in zip(recovered, theta) { #expect(abs(a - b) < 1e-12, "\(recovered) vs \(theta)") }
    }

    @Test("∂ρ/∂θ matches central differences", arguments: thetas)
    func jacobian(theta: [Double]) {
        let jacobian = ToeplitzCorrelation(theta).jacobian
        let h = 1e-6
        for r in theta.indices {
            var plus = theta, minus = theta
            plus[r] += h
            minus[r] -= h
            let up = ToeplitzCorrelation(plus).correlations, down = ToeplitzCorrelation(minus).correlations
            for k in up.indices {
                let numeric = (up[k] - down[k]) / (2 * h)
                #expect(abs(jacobian[k][r] - numeric) < 1e-8, "∂ρ\(k)/∂θ\(r): \(jacobian[k][r]) vs \(numeric)")
            }
        }
    }
}
