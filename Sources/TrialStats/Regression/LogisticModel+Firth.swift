import RealModule

extension LogisticModel {
    /// Limit of the penalized Newton iterations of one fit.
    static let firthMaximumIterations = 1000
    /// Largest change of any coefficient in one step, as `logistf.control(maxstep = 5)`.
    static let firthMaximumStep = 5.0
    /// Convergence: every full Newton step |Δβⱼ| ≤ 1e−11·max(1, |βⱼ|).
    static let firthStepTolerance = 1e-11
    /// Convergence in a flat direction: the gain the full Newton step predicts, ½·ΔβᵀU*, is at
    /// most this times max(1, |l*|).
    static let firthGainTolerance = 1e-20
    /// Working precision: a predicted gain at most this times max(1, |l*|) may be hidden by the
    /// rounding of l*, so a full step that seems to lower l* is taken anyway.
    static let firthRoundingGainTolerance = 1e-10
    /// Such steps before the fit is taken as converged at working precision.
    static let firthRoundingSteps = 5
    /// Halvings of a step that does not raise l* before the fit is given up.
    static let firthMaximumHalvings = 60
    /// Scoring steps before the iteration turns to Newton steps on the Hessian of l*.
    static let firthScoringIterations = 50
    /// Fits started again from a profile point above the maximum before the fit is kept as it is.
    static let firthMaximumRestarts = 3

    /// Fits the model by Firth's penalized likelihood, with profile-likelihood inference.
    ///
    /// Method: maximizes l*(β) = l(β) + ½·log det I(β), I(β) = XᵀWX (Firth 1993, *Biometrika*
    /// 80, 27–38; Heinze & Schemper 2002, *Statistics in Medicine* 21, 2409–2419), whose
    /// estimates are finite even under separation and equal `brglm2` `type = "AS_mean"` and
    /// `logistf`. The iteration is `logistf`'s (its `src/logistf.c`): β ← β + I⁻¹U*, with the
    /// modified score U* = Σ (yᵢ − μᵢ + hᵢ(½ − μᵢ)) xᵢ, hᵢ the diagonal of the hat matrix,
    /// steps capped at 5 and halved while l* falls; after 50 such steps, Newton steps on the
    /// observed information of l* (``penalizedObservedInformation(at:)``), which do not creep
    /// along flat ridges; it runs until every full step is below 1e−11 relative, much tighter
    /// than `logistf`'s 1e−5, so the result is the maximum to about 1e−10 (or until l* cannot
    /// rise any more, see ``maximizePenalizedLikelihood``). When a profile meets a point above
    /// the maximum (l* has several local maxima on small separated data), the fit starts again
    /// from there, at most 3 times. Standard errors: √diag I(β̂)⁻¹. Confidence limits and p-values come from
    /// the profile of l* (see ``FirthFit``): the limits solve
    /// 2·(l*(β̂) − max l*|βⱼ=b) = χ²₁(level), the test uses b = 0, the penalty always from
    /// the full design as in `logistf`; the constrained maxima use the same iteration on the
    /// other coefficients, each started next to the profile's path (``FirthProfilePath``), and
    /// Brent's method finds the limits. A limit or test that cannot be established is NaN, with
    /// the reason in ``FirthFit/profileProblems``; it never stops the fit.
    ///
    /// - Parameter confidenceLevel: coverage of the profile intervals (default 0.95).
    /// - Returns: estimates, SEs, profile CIs and penalized likelihood-ratio tests.
    /// - Throws: ``LogisticModelError/firthNotConverged(term:)`` if the main fit does not
    ///   converge within 1000 steps.
    /// - Complexity: O(n·p²) per iteration; the profiles take some 20 constrained fits per term.
    ///
    /// Accuracy: estimates, SEs, CI limits and p-values agree with R (brglm2 and the profile
    /// followed along its path by `Tests/TrialStatsTests/Fixtures/firth_profile.R`) to the
    /// tests' 1e−6 relative.
    public func fitFirth(confidenceLevel: Double = 0.95) throws(LogisticModelError) -> FirthFit {
        let start = [Double](repeating: 0, count: termNames.count)
        var maximum = try maximizePenalizedLikelihood(from: start, fixing: nil)
        var restarts = 0
        while true {
            let covariance = maximum.factor.inverse()
            let profiles = termNames.indices.map {
                profileTerm($0, maximum: maximum, covariance: covariance, confidenceLevel: confidenceLevel)
            }
            // A constrained fit above the maximum: the fit found a local maximum of l*, not the
            // highest one (small separated data can have several); fit again from that point.
            if restarts < Self.firthMaximumRestarts,
               let higher = profiles.map(\.highest).max(by: { $0.value < $1.value }),
               higher.value > maximum.value + FirthProfilePath.continuityTolerance * max(1, abs(maximum.value)),
               let better = try? maximizePenalizedLikelihood(from: higher.coefficients, fixing: nil),
               better.value > maximum.value {
                maximum = better
                restarts += 1
                continue
            }
            return FirthFit(
                terms: profiles.map(\.term),
                profileProblems: profiles.flatMap(\.problems),
                covariance: (0..<termNames.count).map { row in (0..<termNames.count).map { covariance[row, $0] } },
                penalizedLogLikelihood: maximum.value,
                logLikelihood: maximum.logLikelihood,
                iterations: maximum.iterations,
                confidenceLevel: confidenceLevel)
        }
    }

    /// Maximizes l* over all coefficients, or over all but `fixing.index`, which stays at the
    /// value it has in `start`.
    ///
    /// Converged when the full Newton step (before the cap and any halving) is below
    /// ``firthStepTolerance``, when its predicted gain is below ``firthGainTolerance``, or after
    /// ``firthRoundingSteps`` full steps whose gain, below ``firthRoundingGainTolerance``, l* was
    /// too coarse to show (each taken as the score says).
    func maximizePenalizedLikelihood(from start: [Double], fixing fixed: Int?) throws(LogisticModelError) -> PenalizedPoint {
        let notConverged = LogisticModelError.firthNotConverged(term: fixed.map { termNames[$0] })
        guard var current = penalizedPoint(start) else { throw notConverged }
        let free = termNames.indices.filter { $0 != fixed }
        if free.isEmpty { return current }
        var roundingSteps = 0
        for iteration in 0..<Self.firthMaximumIterations {
            let newton = iteration >= Self.firthScoringIterations
            guard let (fullStep, score) = penalizedStep(at: current, free: free, newton: newton) else { throw notConverged }
            let gain = zip(fullStep, score).reduce(0) { $0 + $1.0 * $1.1 } / 2
            let small = zip(fullStep, current.coefficients).allSatisfy { change, beta in
                abs(change) <= Self.firthStepTolerance * max(1, abs(beta))
            }
            let scale = max(1, abs(current.value))
            if small || gain <= Self.firthGainTolerance * scale { return PenalizedPoint(current, iterations: iteration) }
            let largest = fullStep.map(abs).max() ?? 0
            var step = largest > Self.firthMaximumStep ? fullStep.map { $0 * Self.firthMaximumStep / largest } : fullStep
            var next = penalizedPoint(zip(current.coefficients, step).map(+))
            if gain <= Self.firthRoundingGainTolerance * scale, let taken = next, !(taken.value >= current.value) {
                // The gain is below what l* can show: take the step as the score says, a few times.
                guard roundingSteps < Self.firthRoundingSteps else { return PenalizedPoint(current, iterations: iteration) }
                roundingSteps += 1
                current = taken
                continue
            }
            var halvings = 0
            while !(next.map { $0.value >= current.value } ?? false), halvings < Self.firthMaximumHalvings {
                step = step.map { $0 / 2 }
                next = penalizedPoint(zip(current.coefficients, step).map(+))
                halvings += 1
            }
            guard let next, next.value >= current.value else { throw notConverged }
            current = next
        }
        throw notConverged
    }

    /// logistf's step: the free coefficients move by I_ff⁻¹·U*_f (fixed ones by 0); with the
    /// modified score U* (the gradient of l*) of the free coefficients (fixed ones 0); nil when
    /// I_ff is numerically singular. When `newton`, the step is J_ff⁻¹·U*_f with J = −∇²l* the observed
    /// information of l* (``penalizedObservedInformation(at:)``) wherever J_ff is positive
    /// definite, else the scoring step.
    private func penalizedStep(at point: PenalizedPoint, free: [Int], newton: Bool) -> (step: [Double], score: [Double])? {
        let leverage = design.rowQuadraticForms(point.factor.inverse())
        var adjustedResiduals = [Double](repeating: 0, count: observationCount)
        for i in 0..<observationCount {
            let mu = point.means[i]
            adjustedResiduals[i] = response[i] - mu + point.weights[i] * leverage[i] * (0.5 - mu)
        }
        let fullScore = design.transposeTimes(adjustedResiduals)
        var step = [Double](repeating: 0, count: termNames.count)
        var score = step
        let curvature = newton ? try? CholeskyFactorization(penalizedObservedInformation(at: point).submatrix(free)) : nil
        let freeInformation = curvature ?? (free.count == termNames.count
            ? point.factor : try? CholeskyFactorization(point.information.submatrix(free)))
        guard let freeInformation else { return nil }
        for (k, delta) in zip(free, freeInformation.solve(free.map { fullScore[$0] })) {
            step[k] = delta
            score[k] = fullScore[k]
        }
        return (step, score)
    }

    /// l*, μ, W and the factored information at β; nil when I(β) is numerically singular.
    func penalizedPoint(_ coefficients: [Double]) -> PenalizedPoint? {
        let eta = design.times(coefficients)
        var means = [Double](repeating: 0, count: observationCount)
        var weights = means
        var logLikelihood = 0.0
        for i in 0..<observationCount {
            let odds = Double.exp(-abs(eta[i]))
            let smaller = odds / (1 + odds) // min(μ, 1 − μ), accurate in the tails
            means[i] = eta[i] >= 0 ? 1 - smaller : smaller
            weights[i] = smaller / (1 + odds)
            logLikelihood += response[i] * eta[i] - LogitLink.softplus(eta[i])
        }
        let information = design.weightedCrossProduct(weights)
        guard let factor = try? CholeskyFactorization(information) else { return nil }
        let value = logLikelihood + factor.logDeterminant / 2
        guard value.isFinite else { return nil }
        return PenalizedPoint(
            coefficients: coefficients, means: means, weights: weights, information: information,
            factor: factor, logLikelihood: logLikelihood, value: value, iterations: 0)
    }
}

/// One iterate of the penalized fit: β with what it determines.
struct PenalizedPoint: Sendable {
    let coefficients: [Double]
    let means: [Double]
    let weights: [Double]
    let information: SymmetricMatrix
    let factor: CholeskyFactorization
    /// l(β).
    let logLikelihood: Double
    /// l*(β) = l(β) + ½·log det I(β).
    let value: Double
    let iterations: Int

    init(
        coefficients: [Double], means: [Double], weights: [Double], information: SymmetricMatrix,
        factor: CholeskyFactorization, logLikelihood: Double, value: Double, iterations: Int
    ) {
        self.coefficients = coefficients
        self.means = means
        self.weights = weights
        self.information = information
        self.factor = factor
        self.logLikelihood = logLikelihood
        self.value = value
        self.iterations = iterations
    }

    /// `point` after `iterations` iterations.
    init(_ point: PenalizedPoint, iterations: Int) {
        self.init(
            coefficients: point.coefficients, means: point.means, weights: point.weights,
            information: point.information, factor: point.factor, logLikelihood: point.logLikelihood,
            value: point.value, iterations: iterations)
    }
}
