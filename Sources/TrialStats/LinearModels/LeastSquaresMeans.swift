/// Least-squares means (estimated marginal means) of one factor of a linear model, with
/// differences between its levels and linear contrasts, as R's `emmeans`.
///
/// Each level's LS mean is the model's prediction at that level averaged over the
/// ``ReferenceGrid``: the other factors' levels combined with ``MarginalWeights``, numeric
/// covariates at their means over the fitted rows (a covariate with two distinct values
/// is averaged over both, like a factor, as emmeans does by default). A mean, difference
/// or contrast that is not estimable in a rank-deficient model is `nil` (emmeans: "nonEst").
/// Inference uses the residual degrees of freedom; p-values are not adjusted for multiplicity.
///
/// ```swift
/// let means = try fit.leastSquaresMeans(of: "TRT", weights: .proportional)
/// let versusPlacebo = try means.differences(against: "0")
/// let trend = try means.contrast(LeastSquaresMeans.centred(doses: [0, 54, 81]))
/// let women = try fit.leastSquaresMeans(of: "TRT", by: "SEX", at: "F").differences(against: "0")
/// ```
public struct LeastSquaresMeans: Sendable {
    /// The factor.
    public let factor: String
    /// Its levels in the fitted data, reference first.
    public let levels: [String]
    /// How the other factors' levels were weighted.
    public let weights: MarginalWeights
    /// The factor held at one level while the others are averaged over (emmeans' `by`), with
    /// that level, or `nil` when every other factor is averaged over.
    public let condition: (factor: String, level: String)?
    /// The numeric covariates held fixed and their values (their means over the fitted rows).
    public let covariateValues: [String: Double]
    /// Each level's LS mean (t test of mean = 0), `nil` where not estimable.
    public let means: [LinearEstimate?]
    /// ℓ for each level: the averaged design row whose product with β is the LS mean.
    let functions: [[Double]]
    let fit: LinearFit

    init(fit: LinearFit, factor: String, weights: MarginalWeights,
         condition: (factor: String, level: String)? = nil) throws(LinearModelError) {
        guard let levels = fit.frame.factorLevels[factor] else { throw .notAFactor(factor) }
        var fixed: (variable: String, level: Int)?
        if let condition {
            guard condition.factor != factor, let conditionLevels = fit.frame.factorLevels[condition.factor] else {
                throw .notAFactor(condition.factor)
            }
            guard let level = conditionLevels.firstIndex(of: condition.level) else {
                throw .unknownLevelName(variable: condition.factor, level: condition.level)
            }
            fixed = (condition.factor, level)
        }
        let grid = ReferenceGrid(fit.frame)
        self.factor = factor
        self.levels = levels
        self.weights = weights
        self.condition = condition
        covariateValues = grid.means
        functions = grid.averagedRows(for: factor, in: fit.frame, weights: weights, condition: fixed)
        means = functions.map(fit.estimate)
        self.fit = fit
    }

    /// Each other level minus `reference` (emmeans' `trt.vs.ctrl` with `adjust = "none"`),
    /// in level order; a difference is `nil` where not estimable.
    public func differences(against reference: String) throws(LinearModelError) -> [LevelDifference] {
        guard let base = levels.firstIndex(of: reference) else {
            throw .unknownLevelName(variable: factor, level: reference)
        }
        return levels.indices.filter { $0 != base }.map { level in
            LevelDifference(
                level: levels[level], reference: reference,
                estimate: fit.estimate(zip(functions[level], functions[base]).map { $0 - $1 }))
        }
    }

    /// Σ cᵢ × (LS mean of level i) for contrast coefficients in level order, or `nil`
    /// when not estimable.
    /// - Throws: ``LinearModelError/contrastLength(count:levels:)``, or
    ///   ``LinearModelError/zeroContrast`` when every coefficient is 0 (no test to make).
    public func contrast(_ coefficients: [Double]) throws(LinearModelError) -> LinearEstimate? {
        guard coefficients.count == levels.count else {
            throw .contrastLength(count: coefficients.count, levels: levels.count)
        }
        guard coefficients.contains(where: { $0 != 0 }) else { throw .zeroContrast }
        var l = [Double](repeating: 0, count: functions[0].count)
        for (c, function) in zip(coefficients, functions) {
            for j in l.indices { l[j] += c * function[j] }
        }
        return fit.estimate(l)
    }

    /// The linear-trend contrast of doses: each dose minus the mean dose (e.g. 0, 54, 81
    /// give −45, 9, 36), so the contrast is Σ (dᵢ − d̄) × LS meanᵢ.
    public static func centred(doses: [Double]) -> [Double] {
        let mean = doses.reduce(0, +) / Double(doses.count)
        return doses.map { $0 - mean }
    }
}

/// One level's LS mean minus the reference level's.
public struct LevelDifference: Sendable, Equatable {
    /// The level compared.
    public let level: String
    /// The reference level.
    public let reference: String
    /// The difference with SE, t, p and CI; `nil` when not estimable.
    public let estimate: LinearEstimate?
}

extension LinearFit {
    /// The least-squares means of the factor `factor` with `weights` (emmeans' default is
    /// ``MarginalWeights/equal``).
    /// - Throws: ``LinearModelError/notAFactor(_:)`` when `factor` is not a factor of the model.
    public func leastSquaresMeans(of factor: String, weights: MarginalWeights = .equal) throws(LinearModelError) -> LeastSquaresMeans {
        try LeastSquaresMeans(fit: self, factor: factor, weights: weights)
    }

    /// The least-squares means of `factor` with `by` held at `level` and the other factors
    /// averaged over with `weights` (emmeans' `emmeans(fit, ~ factor | by)`, one `by` group):
    /// in a model with the `factor:by` interaction, the differences are the effects of `factor`
    /// within that level of `by`.
    /// - Throws: ``LinearModelError/notAFactor(_:)`` when `factor` or `by` is not a factor of the
    ///   model (or both are the same), ``LinearModelError/unknownLevelName(variable:level:)``
    ///   when `level` is not a level of `by` in the fitted data.
    public func leastSquaresMeans(
        of factor: String, by: String, at level: String, weights: MarginalWeights = .equal
    ) throws(LinearModelError) -> LeastSquaresMeans {
        try LeastSquaresMeans(fit: self, factor: factor, weights: weights, condition: (by, level))
    }
}
