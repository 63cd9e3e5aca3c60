import RealModule

/// A Toeplitz correlation over T visits (ρ₀ = 1, ρ₁, …, ρ_{T−1}: the correlation of two visits
/// depends only on their lag), parametrised so that every θ ∈ ℝ^{T−1} gives a positive
/// definite matrix and every positive definite Toeplitz correlation has exactly one θ.
///
/// θₖ = atanh φₖ, where φ₁, …, φ_{T−1} are the partial autocorrelations: φₖ is the correlation
/// of two visits k apart given the visits between them. Any φ ∈ (−1, 1)^{T−1} is the partial
/// autocorrelation sequence of exactly one positive definite Toeplitz matrix (Barndorff-Nielsen
/// & Schou 1973; nlme's `corARMA` uses the same), and the Durbin–Levinson recursion maps φ to ρ:
/// with a⁽ᵏ⁾ the AR(k) coefficients and vₖ = Π_{i≤k}(1 − φᵢ²) the prediction variance,
///
///     ρₖ = φₖ·v_{k−1} + Σ_{j<k} a⁽ᵏ⁻¹⁾ⱼ ρ_{k−j},   a⁽ᵏ⁾ₖ = φₖ,   a⁽ᵏ⁾ⱼ = a⁽ᵏ⁻¹⁾ⱼ − φₖ a⁽ᵏ⁻¹⁾_{k−j}.
///
/// The derivatives ∂ρₖ/∂θᵣ are carried through the same recursion (forward mode).
struct ToeplitzCorrelation {
    /// ρ₀ = 1, ρ₁, …, ρ_{T−1}.
    let correlations: [Double]
    /// `jacobian[k][r]` = ∂ρₖ/∂θᵣ (row 0 is zero).
    let jacobian: [[Double]]

    /// The correlations and their derivatives at θ (T − 1 values).
    init(_ theta: [Double]) {
        let p = theta.count
        let phi = theta.map { Double.tanh($0) }
        var rho = [1.0] + [Double](repeating: 0, count: p)
        var dRho = [[Double]](repeating: [Double](repeating: 0, count: p), count: p + 1)
        var a = [Double](), dA = [[Double]]()  // a[j − 1] = a⁽ᵏ⁾ⱼ; dA[j − 1][r] = ∂a⁽ᵏ⁾ⱼ/∂φᵣ
        var v = 1.0, dV = [Double](repeating: 0, count: p)
        for k in stride(from: 1, through: p, by: 1) {
            let f = phi[k - 1]
            rho[k] = f * v
            for r in 0..<p { dRho[k][r] = f * dV[r] + (r == k - 1 ? v : 0) }
            for j in 1..<k {
                rho[k] += a[j - 1] * rho[k - j]
                for r in 0..<p { dRho[k][r] += dA[j - 1][r] * rho[k - j] + a[j - 1] * dRho[k - j][r] }
            }
            var next = a, dNext = dA
            for j in 1..<k {
                next[j - 1] = a[j - 1] - f * a[k - j - 1]
                for r in 0..<p { dNext[j - 1][r] = dA[j - 1][r] - f * dA[k - j - 1][r] - (r == k - 1 ? a[k - j - 1] : 0) }
            }
            next.append(f)
            dNext.append((0..<p).map { $0 == k - 1 ? 1 : 0 })
            a = next
            dA = dNext
            for r in 0..<p { dV[r] = dV[r] * (1 - f * f) - (r == k - 1 ? 2 * f * v : 0) }
            v *= 1 - f * f
        }
        correlations = rho
        // ∂φᵣ/∂θᵣ = 1 − φᵣ².
        jacobian = dRho.map { row in zip(row, phi).map { $0 * (1 - $1 * $1) } }
    }

    /// θ of the Toeplitz correlation closest to `correlations` (ρ₁, …, ρ_{T−1}) by the inverse
    /// recursion, each partial autocorrelation kept within ±0.9 (a starting point for REML).
    static func parameters(correlations target: [Double]) -> [Double] {
        var theta: [Double] = []
        var a = [Double](), v = 1.0
        var rho = [1.0]
        for k in stride(from: 1, through: target.count, by: 1) {
            var residual = target[k - 1]
            for j in 1..<k { residual -= a[j - 1] * rho[k - j] }
            let f = min(max(residual / v, -0.9), 0.9)
            theta.append(Double.atanh(f))
            var value = f * v
            for j in 1..<k { value += a[j - 1] * rho[k - j] }
            rho.append(value)
            var next = a
            for j in 1..<k { next[j - 1] = a[j - 1] - f * a[k - j - 1] }
            a = next + [f]
            v *= 1 - f * f
        }
        return theta
    }
}
