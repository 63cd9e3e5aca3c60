import RealModule

/// A mixed model for repeated measures (MMRM) fitted by REML: generalised least squares
/// with a covariance over the visits shared by all participants (missing visits allowed,
/// each participant's block the rows and columns of their observed visits), as R's
/// `nlme::gls(method = "REML")` with `corSymm` + `varIdent` (unstructured), `corCompSymm`,
/// `corAR1` or `corARMA(p = T − 1)` + `varIdent` (heterogeneous Toeplitz), and SAS PROC MIXED's
/// `REPEATED / TYPE=UN|CS|AR(1)|TOEPH`.
///
/// The structures are tried in the order given; the first that converges is used and each
/// attempt is kept with the reason it failed. Unstructured fails without a search when two
/// visits are never observed in the same participant (their covariance is not estimable),
/// heterogeneous Toeplitz when no participant is observed at two visits some lag apart.
/// The optimiser is Newton's method on θ with the analytic gradient, the Hessian by central
/// differences of it, and a backtracking line search; converged means the Newton decrement
/// ∇fᵀ(∇²f)⁻¹∇f < 1e-10 with ∇²f positive definite (a flat or indefinite optimum fails).
///
/// Inference on β uses Cov(β̂) = (XᵀV̂⁻¹X)⁻¹ and, for each linear function ℓᵀβ, Satterthwaite's
/// degrees of freedom ν = 2(ℓᵀCℓ)² / (gᵀWg), gᵣ = ℓᵀ(∂C/∂θᵣ)ℓ, W = 2(∇²f)⁻¹ the asymptotic
/// covariance of θ̂ (as emmeans' `mode = "satterthwaite"` for gls, and the `mmrm` package); or,
/// with ``DegreesOfFreedomMethod/kenwardRoger``, Kenward and Roger's adjusted Cov(β̂) and
/// degrees of freedom (``KenwardRoger``).
///
/// ```swift
/// let fit = try RepeatedMeasuresFit(frame, structures: [.unstructured, .compoundSymmetry])
/// fit.structure                                    // the one fitted
/// let means = try fit.leastSquaresMeans(of: "TRT")  // per visit and arm
/// try means.differences(against: "0")              // per visit: each arm − placebo
/// ```
public struct RepeatedMeasuresFit: Sendable {
    /// The data and design.
    public let frame: RepeatedMeasuresFrame
    /// The covariance structure fitted.
    public let structure: CovarianceStructure
    /// Every structure tried, in order, with why it failed (the last one fitted).
    public let attempts: [CovarianceAttempt]
    /// Σ̂ over the visits, row-major T × T.
    public let covariance: [Double]
    /// The REML log-likelihood at the optimum, −½((n − p)·log 2π + f(θ̂)), as nlme's `logLik` of a REML fit.
    public let restrictedLogLikelihood: Double
    /// The confidence level of every interval.
    public let confidenceLevel: Double
    /// How the degrees of freedom (and for Kenward–Roger the standard errors) are found.
    public let degreesOfFreedomMethod: DegreesOfFreedomMethod
    let beta: [Double]
    /// Cov(β̂) = H⁻¹.
    let betaCovariance: SymmetricMatrix
    /// The Cov(β̂) of the standard errors: H⁻¹, or Kenward–Roger's adjusted one.
    let standardErrorCovariance: SymmetricMatrix
    /// ∂Cov(β̂)/∂θᵣ for each covariance parameter (Kenward–Roger: in its variance parameters ψ).
    let betaCovarianceDerivatives: [SymmetricMatrix]
    /// The covariance of the parameters: 2(∇²f)⁻¹ (Kenward–Roger: the inverse expected information in ψ).
    let parameterCovariance: SymmetricMatrix

    /// Fits `frame` with the first of `structures` that converges.
    /// - Throws: ``MixedModelError/noStructureFitted(_:)`` with every attempt when none does,
    ///   ``MixedModelError/singularDesign`` when XᵀX is singular (gls: "computed fit is singular"),
    ///   ``MixedModelError/noResidualDegreesOfFreedom(observations:parameters:)``,
    ///   ``MixedModelError/invalidConfidenceLevel(_:)``, or (Kenward–Roger)
    ///   ``MixedModelError/singularExpectedInformation``.
    public init(
        _ frame: RepeatedMeasuresFrame, structures: [CovarianceStructure] = [.unstructured],
        confidenceLevel: Double = 0.95, degreesOfFreedom: DegreesOfFreedomMethod = .satterthwaite
    ) throws(MixedModelError) {
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw .invalidConfidenceLevel(confidenceLevel) }
        guard !structures.isEmpty else { throw .noStructureFitted([]) }
        let identity = frame.patterns.map { pattern in
            let m = pattern.visits.count
            return (0..<(m * m)).map { $0 % (m + 1) == 0 ? 1.0 : 0.0 }
        }
        guard let leastSquares = RestrictedLikelihood.solve(
            frame, theta: [], sigma: [], inverses: identity, logDeterminant: 0)
        else { throw .singularDesign }
        let p = frame.columnNames.count
        guard frame.observationCount > p else {
            throw .noResidualDegreesOfFreedom(observations: frame.observationCount, parameters: p)
        }
        let start = Self.residualCovariance(frame, beta: leastSquares.beta)

        var attempts: [CovarianceAttempt] = []
        var fitted: (likelihood: RestrictedLikelihood, evaluation: RestrictedLikelihood.Evaluation, hessianInverse: SymmetricMatrix)?
        search: for structure in structures {
            let likelihood = RestrictedLikelihood(frame: frame, structure: structure)
            let parameters = likelihood.parameterCount
            if let failure = Self.unestimable(frame, structure: structure) {
                attempts.append(CovarianceAttempt(structure: structure, failure: failure))
                continue
            }
            guard frame.observationCount > p + parameters else {
                attempts.append(CovarianceAttempt(structure: structure, failure: .tooManyParameters(parameters)))
                continue
            }
            switch Self.optimise(likelihood, from: structure.initialParameters(from: start, visits: frame.visitCount)) {
            case let .failure(failure):
                attempts.append(CovarianceAttempt(structure: structure, failure: failure))
            case let .success((evaluation, hessianInverse)):
                attempts.append(CovarianceAttempt(structure: structure, failure: nil))
                fitted = (likelihood, evaluation, hessianInverse)
                break search
            }
        }
        guard let (likelihood, evaluation, hessianInverse) = fitted else { throw .noStructureFitted(attempts) }
        self.frame = frame
        structure = likelihood.structure
        self.attempts = attempts
        covariance = evaluation.sigma
        restrictedLogLikelihood = -0.5 * (Double(frame.observationCount - p) * Double.log(2 * Double.pi) + evaluation.objective)
        self.confidenceLevel = confidenceLevel
        degreesOfFreedomMethod = degreesOfFreedom
        beta = evaluation.beta
        betaCovariance = evaluation.hInverse
        switch degreesOfFreedom {
        case .satterthwaite:
            standardErrorCovariance = evaluation.hInverse
            betaCovarianceDerivatives = likelihood.informationDerivatives(evaluation).map { derivative in
                Self.sandwich(evaluation.hInverse, derivative, negate: true)
            }
            var covarianceOfTheta = hessianInverse
            for e in covarianceOfTheta.entries.indices { covarianceOfTheta.entries[e] *= 2 }
            parameterCovariance = covarianceOfTheta
        case .kenwardRoger:
            guard let adjustment = KenwardRoger(likelihood, at: evaluation) else { throw .singularExpectedInformation }
            standardErrorCovariance = adjustment.adjustedCovariance
            betaCovarianceDerivatives = adjustment.covarianceDerivatives
            parameterCovariance = adjustment.parameterCovariance
        }
    }

    /// One row per design column, in ``RepeatedMeasuresFrame/columnNames`` order, with
    /// Satterthwaite degrees of freedom (`nil` where they cannot be computed).
    public var coefficients: [RepeatedMeasuresCoefficient] {
        frame.columnNames.enumerated().map { column, name in
            var l = [Double](repeating: 0, count: beta.count)
            l[column] = 1
            return RepeatedMeasuresCoefficient(name: name, estimate: estimate(l))
        }
    }

    /// Σ̂ as rows, for display and results.
    public var covarianceRows: [[Double]] {
        let t = frame.visitCount
        return (0..<t).map { Array(covariance[($0 * t)..<(($0 + 1) * t)]) }
    }

    /// ℓᵀβ̂ with its SE, df, t, p and CI: ν = 2(ℓᵀCℓ)² / (gᵀWg) with the unadjusted C, the SE from
    /// C or (Kenward–Roger) the adjusted covariance; `nil` when the variance or the df are not positive and finite.
    func estimate(_ l: [Double]) -> LinearEstimate? {
        let dot = { (a: [Double], b: [Double]) in zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        let variance = dot(l, betaCovariance.times(l))
        let g = betaCovarianceDerivatives.map { d in dot(l, d.times(l)) }
        let df = 2 * variance * variance / dot(g, parameterCovariance.times(g))
        let reported = dot(l, standardErrorCovariance.times(l))
        guard variance > 0, reported > 0, df.isFinite, df > 0, let distribution = try? StudentT(degreesOfFreedom: df) else { return nil }
        return LinearEstimate(
            estimate: dot(l, beta), standardError: reported.squareRoot(),
            distribution: distribution, confidenceLevel: confidenceLevel)
    }

    /// C·D·C (or −C·D·C).
    private static func sandwich(_ c: SymmetricMatrix, _ d: SymmetricMatrix, negate: Bool) -> SymmetricMatrix {
        let p = c.dimension
        var cd = SymmetricMatrix(dimension: p)
        for i in 0..<p { for j in 0..<p { var s = 0.0; for k in 0..<p { s += c[i, k] * d[k, j] }; cd[i, j] = s } }
        var result = SymmetricMatrix(dimension: p)
        for i in 0..<p {
            for j in i..<p {
                var s = 0.0
                for k in 0..<p { s += cd[i, k] * c[k, j] }
                result[i, j] = negate ? -s : s
                result[j, i] = result[i, j]
            }
        }
        return result
    }

    /// The covariance of least-squares residuals over the visits (pairwise over participants
    /// observed at both), the optimiser's starting point; the diagonal alone where a pair has no participant.
    private static func residualCovariance(_ frame: RepeatedMeasuresFrame, beta: [Double]) -> [Double] {
        let t = frame.visitCount, q = frame.partCount
        var u = [[Double]](repeating: [Double](repeating: 0, count: q), count: t)
        for c in beta.indices { for j in 0..<t where frame.applies(c, at: j) { u[j][frame.columnPart[c]] += beta[c] } }
        var sums = [Double](repeating: 0, count: t * t), counts = [Double](repeating: 0, count: t * t)
        for pattern in frame.patterns {
            let m = pattern.visits.count
            for (x, j) in pattern.visits.enumerated() {
                for (y, l) in pattern.visits.enumerated() {
                    var r = pattern.responseCrossProducts[x * m + y]
                    for e in 0..<q {
                        r -= u[j][e] * pattern.responseProducts[y * q + e] + u[l][e] * pattern.responseProducts[x * q + e]
                        for f in 0..<q { r += u[j][e] * pattern.crossProducts[e * q + f] * u[l][f] }
                    }
                    sums[j * t + l] += r
                    counts[j * t + l] += Double(pattern.count)
                }
            }
        }
        return (0..<(t * t)).map { counts[$0] > 1 ? sums[$0] / counts[$0] : 0 }
    }

    /// Why `structure` cannot be estimated from the visits observed together, if it cannot:
    /// unstructured needs every pair of visits in some participant, heterogeneous Toeplitz a pair at every lag.
    private static func unestimable(_ frame: RepeatedMeasuresFrame, structure: CovarianceStructure) -> CovarianceFailure? {
        let t = frame.visitCount
        var together = Set<Int>()
        for pattern in frame.patterns {
            for j in pattern.visits { for k in pattern.visits { together.insert(j * t + k) } }
        }
        switch structure {
        case .unstructured:
            for j in 0..<t {
                for k in (j + 1)..<max(t, j + 1) where !together.contains(j * t + k) {
                    return .visitsNeverTogether(frame.visits[j], frame.visits[k])
                }
            }
        case .toeplitzHeterogeneous:
            for lag in 1..<max(t, 1) where !(lag..<t).contains(where: { together.contains($0 * t + $0 - lag) }) {
                return .lagNeverObserved(lag)
            }
        case .compoundSymmetry, .autoregressive:
            break
        }
        return nil
    }

    /// Newton's method with a numerical Hessian of the analytic gradient and backtracking.
    private static func optimise(
        _ likelihood: RestrictedLikelihood, from start: [Double]
    ) -> Result<(RestrictedLikelihood.Evaluation, SymmetricMatrix), CovarianceFailure> {
        guard var current = likelihood.evaluate(start) else { return .failure(.notPositiveDefinite) }
        let r = start.count
        for _ in 0..<200 {
            let gradient = likelihood.gradient(current)
            guard let hessian = hessian(likelihood, at: current.theta) else { return .failure(.notPositiveDefinite) }
            if let factor = try? CholeskyFactorization(hessian, relativeTolerance: 1e-12) {
                let step = factor.solve(gradient)
                let decrement = zip(gradient, step).reduce(0) { $0 + $1.0 * $1.1 }
                if decrement < 1e-10 { return .success((current, factor.inverse())) }
                guard let next = lineSearch(likelihood, from: current, direction: step.map { -$0 }, slope: -decrement) else {
                    return .failure(.noConvergence)
                }
                current = next
            } else {
                // Not convex here: steepest descent scaled by the Hessian's diagonal.
                let direction = (0..<r).map { -gradient[$0] / max(abs(hessian[$0, $0]), 1e-8) }
                let slope = zip(gradient, direction).reduce(0) { $0 + $1.0 * $1.1 }
                guard slope < 0, let next = lineSearch(likelihood, from: current, direction: direction, slope: slope) else {
                    return .failure(.indefiniteOptimum)
                }
                current = next
            }
        }
        return .failure(.noConvergence)
    }

    /// The first of θ + s·d, s = 1, ½, ¼, … (steps no longer than 2 per parameter) with sufficient decrease.
    private static func lineSearch(
        _ likelihood: RestrictedLikelihood, from current: RestrictedLikelihood.Evaluation, direction: [Double], slope: Double
    ) -> RestrictedLikelihood.Evaluation? {
        let longest = direction.map(abs).max() ?? 0
        var scale = longest > 2 ? 2 / longest : 1
        for _ in 0..<60 {
            let theta = zip(current.theta, direction).map { $0 + scale * $1 }
            if let next = likelihood.evaluate(theta), next.objective <= current.objective + 1e-4 * scale * slope {
                return next
            }
            scale /= 2
        }
        return nil
    }

    /// ∇²f by central differences of the analytic gradient (step 1e-4), symmetrised.
    private static func hessian(_ likelihood: RestrictedLikelihood, at theta: [Double]) -> SymmetricMatrix? {
        let r = theta.count
        var result = SymmetricMatrix(dimension: r)
        for j in 0..<r {
            let h = 1e-4 * max(1, abs(theta[j]))
            var plus = theta, minus = theta
            plus[j] += h
            minus[j] -= h
            guard let up = likelihood.evaluate(plus), let down = likelihood.evaluate(minus) else { return nil }
            let gUp = likelihood.gradient(up), gDown = likelihood.gradient(down)
            for i in 0..<r { result[i, j] = (gUp[i] - gDown[i]) / (2 * h) }
        }
        for i in 0..<r {
            for j in 0..<i {
                let mean = (result[i, j] + result[j, i]) / 2
                result[i, j] = mean
                result[j, i] = mean
            }
        }
        return result
    }
}

/// One coefficient of a repeated-measures model.
public struct RepeatedMeasuresCoefficient: Sendable, Equatable {
    /// R's name of the design column.
    public let name: String
    /// The estimate with SE, Satterthwaite df, t, p and CI.
    public let estimate: LinearEstimate?
}

/// One covariance structure tried, and why it was not used.
public struct CovarianceAttempt: Sendable, Equatable, Codable {
    /// The structure.
    public let structure: CovarianceStructure
    /// Why it failed; `nil` for the structure fitted.
    public let failure: CovarianceFailure?

    /// An attempt at `structure` that failed for `failure`, or was fitted (`nil`).
    public init(structure: CovarianceStructure, failure: CovarianceFailure?) {
        self.structure = structure
        self.failure = failure
    }
}

/// Why a covariance structure could not be fitted.
public enum CovarianceFailure: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// Two visits are never observed in the same participant (unstructured needs their covariance).
    case visitsNeverTogether(String, String)
    /// No participant is observed at two visits this many apart (heterogeneous Toeplitz needs each lag's correlation).
    case lagNeverObserved(Int)
    /// More covariance and fixed-effect parameters than observations.
    case tooManyParameters(Int)
    /// The starting or a required covariance matrix is not positive definite.
    case notPositiveDefinite
    /// The optimiser did not converge.
    case noConvergence
    /// The likelihood is flat or not concave at the end (the optimum is not identified).
    case indefiniteOptimum

    public var description: String {
        switch self {
        case let .visitsNeverTogether(first, second):
            "visits '\(first)' and '\(second)' are never observed in the same participant"
        case let .lagNeverObserved(lag):
            "no participant is observed at two visits \(lag) apart"
        case let .tooManyParameters(count):
            "its \(count) covariance parameters and the fixed effects exceed the observations"
        case .notPositiveDefinite:
            "the covariance matrix is not positive definite"
        case .noConvergence:
            "the REML optimisation did not converge"
        case .indefiniteOptimum:
            "the REML likelihood has no identified maximum"
        }
    }
}
