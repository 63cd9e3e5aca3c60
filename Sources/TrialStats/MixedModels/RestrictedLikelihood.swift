import RealModule

/// The restricted (REML) likelihood of a repeated-measures model with one covariance
/// structure, its gradient in θ, and the derivatives the Satterthwaite degrees of freedom need.
///
/// With V the block-diagonal covariance (participant i's block Σᵢ = Σ(θ) on their observed
/// visits), H = XᵀV⁻¹X and β̂ = H⁻¹XᵀV⁻¹y, the objective is −2 × the REML log-likelihood
/// without its constant: f(θ) = log|V| + log|H| + (y − Xβ̂)ᵀV⁻¹(y − Xβ̂) (Harville 1977;
/// nlme's `gls(method = "REML")` maximises the same function). Its gradient is
/// ∂f/∂θᵣ = Σⱼₖ (∂Σ/∂θᵣ)ⱼₖ Γⱼₖ, Γ = Σ over patterns of A(n Σ − R − Q)A with A = Σ⁻¹ on
/// the pattern's visits, R the sum of residual cross products and Q = Σᵢ XᵢH⁻¹Xᵢᵀ. Every
/// sum is over the frame's patterns, not its participants.
struct RestrictedLikelihood: Sendable {
    let frame: RepeatedMeasuresFrame
    let structure: CovarianceStructure

    /// The quantities at one θ.
    struct Evaluation {
        let theta: [Double]
        /// f(θ).
        let objective: Double
        /// β̂(θ).
        let beta: [Double]
        /// H⁻¹ = Cov(β̂) (model-based, as `vcov(gls)`).
        let hInverse: SymmetricMatrix
        /// Σ(θ), row-major T × T.
        let sigma: [Double]
        /// Σ⁻¹ on each pattern's visits, row-major m × m.
        let patternInverses: [[Double]]
    }

    var parameterCount: Int { structure.parameterCount(visits: frame.visitCount) }

    /// The evaluation at θ, or `nil` when Σ(θ) or H is not positive definite.
    func evaluate(_ theta: [Double]) -> Evaluation? {
        let t = frame.visitCount
        let sigma = structure.matrix(theta, visits: t)
        guard sigma.allSatisfy(\.isFinite) else { return nil }
        var logDeterminant = 0.0
        var inverses: [[Double]] = []
        for pattern in frame.patterns {
            let m = pattern.visits.count
            var block = SymmetricMatrix(dimension: m)
            for (a, j) in pattern.visits.enumerated() {
                for (b, k) in pattern.visits.enumerated() { block[a, b] = sigma[j * t + k] }
            }
            guard let factor = try? CholeskyFactorization(block, relativeTolerance: 1e-12) else { return nil }
            logDeterminant += Double(pattern.count) * factor.logDeterminant
            inverses.append(factor.inverse().entries)
        }
        return Self.solve(frame, theta: theta, sigma: sigma, inverses: inverses, logDeterminant: logDeterminant)
    }

    /// β̂, H⁻¹ and f given each pattern's Σ⁻¹ (for `evaluate`, and with A = I for least squares).
    static func solve(
        _ frame: RepeatedMeasuresFrame, theta: [Double], sigma: [Double], inverses: [[Double]], logDeterminant: Double
    ) -> Evaluation? {
        let h = crossProduct(frame, inverses)
        let xvy = responseProduct(frame, inverses)
        guard let factor = try? CholeskyFactorization(h, relativeTolerance: 1e-10) else { return nil }
        let beta = factor.solve(xvy)
        var yvy = 0.0
        for (pattern, a) in zip(frame.patterns, inverses) {
            for (x, y) in zip(pattern.responseCrossProducts, a) { yvy += x * y }
        }
        let quadratic = yvy - zip(xvy, beta).reduce(0) { $0 + $1.0 * $1.1 }
        return Evaluation(
            theta: theta, objective: logDeterminant + factor.logDeterminant + quadratic, beta: beta,
            hInverse: factor.inverse(), sigma: sigma, patternInverses: inverses)
    }

    /// Σᵢ XᵢᵀBᵢXᵢ for a matrix B per pattern (row-major m × m over its visits): with B = Σ⁻¹ this is H.
    /// - Complexity: O(patterns·T²·q² + T²·p²).
    static func crossProduct(_ frame: RepeatedMeasuresFrame, _ perPattern: [[Double]]) -> SymmetricMatrix {
        let t = frame.visitCount, q = frame.partCount, p = frame.columnNames.count
        // Z[j][k] = Σ over patterns of B[j,k]·Σwwᵀ, q × q.
        var z = [[Double]](repeating: [Double](repeating: 0, count: q * q), count: t * t)
        for (pattern, b) in zip(frame.patterns, perPattern) {
            let m = pattern.visits.count
            for (a, j) in pattern.visits.enumerated() {
                for (c, k) in pattern.visits.enumerated() {
                    let weight = b[a * m + c]
                    if weight == 0 { continue }
                    for e in 0..<(q * q) { z[j * t + k][e] += weight * pattern.crossProducts[e] }
                }
            }
        }
        var result = SymmetricMatrix(dimension: p)
        for c in 0..<p {
            for d in c..<p {
                var sum = 0.0
                let cell = frame.columnPart[c] * q + frame.columnPart[d]
                for j in 0..<t where frame.applies(c, at: j) {
                    for k in 0..<t where frame.applies(d, at: k) { sum += z[j * t + k][cell] }
                }
                result[c, d] = sum
                result[d, c] = sum
            }
        }
        return result
    }

    /// Σᵢ XᵢᵀBᵢyᵢ for a matrix B per pattern.
    static func responseProduct(_ frame: RepeatedMeasuresFrame, _ perPattern: [[Double]]) -> [Double] {
        let t = frame.visitCount, q = frame.partCount
        var z = [[Double]](repeating: [Double](repeating: 0, count: q), count: t)
        for (pattern, b) in zip(frame.patterns, perPattern) {
            let m = pattern.visits.count
            for (a, j) in pattern.visits.enumerated() {
                for c in 0..<m {
                    let weight = b[a * m + c]
                    for e in 0..<q { z[j][e] += weight * pattern.responseProducts[c * q + e] }
                }
            }
        }
        return frame.columnNames.indices.map { c in
            (0..<t).reduce(0) { frame.applies(c, at: $1) ? $0 + z[$1][frame.columnPart[c]] : $0 }
        }
    }

    /// Γ (row-major T × T), so that ∂f/∂θᵣ = Σⱼₖ (∂Σ/∂θᵣ)ⱼₖ Γⱼₖ.
    /// - Complexity: O(T²·p² + patterns·T²·q²).
    func gamma(_ evaluation: Evaluation) -> [Double] {
        let t = frame.visitCount, q = frame.partCount, p = frame.columnNames.count
        // u[j] = the participant-vector coefficients of the mean at visit j: xᵢⱼᵀβ = wᵢᵀu[j].
        var u = [[Double]](repeating: [Double](repeating: 0, count: q), count: t)
        for c in 0..<p { for j in 0..<t where frame.applies(c, at: j) { u[j][frame.columnPart[c]] += evaluation.beta[c] } }
        var gamma = [Double](repeating: 0, count: t * t)
        let predictions = predictionCovariances(evaluation)
        for ((pattern, a), prediction) in zip(zip(frame.patterns, evaluation.patternInverses), predictions) {
            let m = pattern.visits.count
            var middle = [Double](repeating: 0, count: m * m)  // nΣ − R − Q on the pattern's visits
            for (x, j) in pattern.visits.enumerated() {
                let su = Self.times(pattern.crossProducts, u[j], q)
                for (y, l) in pattern.visits.enumerated() {
                    var r = pattern.responseCrossProducts[x * m + y]
                    for e in 0..<q {
                        r -= u[j][e] * pattern.responseProducts[y * q + e] + u[l][e] * pattern.responseProducts[x * q + e]
                        r += su[e] * u[l][e]
                    }
                    middle[x * m + y] = Double(pattern.count) * evaluation.sigma[j * t + l] - r - prediction[x * m + y]
                }
            }
            let product = Self.multiply(Self.multiply(a, middle, m), a, m)
            for (x, j) in pattern.visits.enumerated() {
                for (y, l) in pattern.visits.enumerated() { gamma[j * t + l] += product[x * m + y] }
            }
        }
        return gamma
    }

    /// Per pattern, Q = Σᵢ XᵢH⁻¹Xᵢᵀ over its participants (row-major m × m over its visits).
    /// - Complexity: O(T²·p² + patterns·T²·q²).
    func predictionCovariances(_ evaluation: Evaluation) -> [[Double]] {
        let t = frame.visitCount, q = frame.partCount, p = frame.columnNames.count
        // K[j][k] = Σ H⁻¹[c,d] over c applying at j, d at k, by parts: Q_jk = Σ K[j][k] ∘ Σwwᵀ.
        var k = [[Double]](repeating: [Double](repeating: 0, count: q * q), count: t * t)
        for c in 0..<p {
            for d in 0..<p {
                let value = evaluation.hInverse[c, d]
                let cell = frame.columnPart[c] * q + frame.columnPart[d]
                for j in 0..<t where frame.applies(c, at: j) {
                    for l in 0..<t where frame.applies(d, at: l) { k[j * t + l][cell] += value }
                }
            }
        }
        return frame.patterns.map { pattern in
            let m = pattern.visits.count
            var result = [Double](repeating: 0, count: m * m)
            for (x, j) in pattern.visits.enumerated() {
                for (y, l) in pattern.visits.enumerated() {
                    for e in 0..<(q * q) { result[x * m + y] += k[j * t + l][e] * pattern.crossProducts[e] }
                }
            }
            return result
        }
    }

    /// ∇f(θ) at an evaluation.
    func gradient(_ evaluation: Evaluation) -> [Double] {
        let gamma = gamma(evaluation)
        return structure.derivatives(evaluation.theta, visits: frame.visitCount).map { d in
            zip(d, gamma).reduce(0) { $0 + $1.0 * $1.1 }
        }
    }

    /// ∂H/∂θᵣ for every r: −Σᵢ XᵢᵀA(∂Σ/∂θᵣ)AXᵢ (so ∂Cov(β̂)/∂θᵣ = −H⁻¹(∂H/∂θᵣ)H⁻¹).
    func informationDerivatives(_ evaluation: Evaluation) -> [SymmetricMatrix] {
        informationDerivatives(evaluation, of: structure.derivatives(evaluation.theta, visits: frame.visitCount))
    }

    /// −Σᵢ XᵢᵀA·D·AXᵢ for each D (row-major T × T), the derivative of H in the direction Σ moves by D.
    func informationDerivatives(_ evaluation: Evaluation, of derivatives: [[Double]]) -> [SymmetricMatrix] {
        derivatives.map { d in
            let perPattern = zip(frame.patterns, evaluation.patternInverses).map { pattern, a in
                let m = pattern.visits.count
                return Self.multiply(Self.multiply(a, block(d, pattern), m), a, m).map { -$0 }
            }
            return Self.crossProduct(frame, perPattern)
        }
    }

    /// The rows and columns of a T × T matrix on a pattern's visits (row-major m × m).
    func block(_ matrix: [Double], _ pattern: VisitPattern) -> [Double] {
        let t = frame.visitCount
        return pattern.visits.flatMap { j in pattern.visits.map { l in matrix[j * t + l] } }
    }

    /// A·v for a row-major q × q matrix.
    private static func times(_ a: [Double], _ v: [Double], _ q: Int) -> [Double] {
        (0..<q).map { row in (0..<q).reduce(0) { $0 + a[row * q + $1] * v[$1] } }
    }

    /// A·B for row-major m × m matrices.
    static func multiply(_ a: [Double], _ b: [Double], _ m: Int) -> [Double] {
        var result = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            for k in 0..<m where a[i * m + k] != 0 {
                for j in 0..<m { result[i * m + j] += a[i * m + k] * b[k * m + j] }
            }
        }
        return result
    }
}
