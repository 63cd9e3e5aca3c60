/// Least-squares means of one factor at each visit of a repeated-measures model, with each
/// level's difference from a reference at each visit, as R's `emmeans(fit, ~ TRT | VISIT)`
/// on a `gls` fit with Satterthwaite degrees of freedom.
///
/// At each visit a level's LS mean is the model's prediction averaged over the other factors'
/// levels with ``MarginalWeights``, numeric covariates at their means over the observations: a
/// participant counts once per observed visit, as emmeans counts the model's rows, in the means and
/// in proportional and outer weights (SAS's `OM`; emmeans 1.8.4 weighs a `gls` fit's rows by its
/// `varIdent` weights instead, so its "proportional" differs with unequal variances). A covariate
/// with two distinct values is averaged over both like a factor. Differences are
/// not adjusted for multiplicity.
public struct RepeatedMeasuresMeans: Sendable {
    /// The factor.
    public let factor: String
    /// Its levels, reference first.
    public let levels: [String]
    /// The visits.
    public let visits: [String]
    /// How the other factors' levels were weighted.
    public let weights: MarginalWeights
    /// The numeric covariates held fixed and their values.
    public let covariateValues: [String: Double]
    /// `means[visit][level]`: the LS mean with SE, Satterthwaite df, t (H₀: 0), p and CI.
    public let means: [[LinearEstimate?]]
    /// ℓ for each visit and level.
    let functions: [[[Double]]]
    let fit: RepeatedMeasuresFit

    init(fit: RepeatedMeasuresFit, factor: String, weights: MarginalWeights) throws(MixedModelError) {
        let frame = fit.frame
        guard factor != frame.visitVariable, let levels = frame.participants.factorLevels[factor] else {
            throw .model(.notAFactor(factor))
        }
        let grid = ReferenceGrid(frame.participants, rowWeights: frame.observedVisitCounts)
        self.factor = factor
        self.levels = levels
        visits = frame.visits
        self.weights = weights
        covariateValues = grid.means
        functions = frame.visits.indices.map { visit in
            grid.averagedRows(
                for: factor, columns: frame.columnNames.count, rows: frame.participantCount, weights: weights,
                designRow: { levelOf, numericValue in
                    frame.designRow(visit: visit, levelOf: levelOf, numericValue: numericValue)
                })
        }
        means = functions.map { $0.map(fit.estimate) }
        self.fit = fit
    }

    /// At each visit, each other level minus `reference` (emmeans' `trt.vs.ctrl`, `adjust = "none"`):
    /// `result[visit]` in level order.
    public func differences(against reference: String) throws(MixedModelError) -> [[LevelDifference]] {
        guard let base = levels.firstIndex(of: reference) else {
            throw .model(.unknownLevelName(variable: factor, level: reference))
        }
        return functions.map { atVisit in
            levels.indices.filter { $0 != base }.map { level in
                LevelDifference(
                    level: levels[level], reference: reference,
                    estimate: fit.estimate(zip(atVisit[level], atVisit[base]).map { $0 - $1 }))
            }
        }
    }
}

extension RepeatedMeasuresFit {
    /// The LS means of `factor` at each visit with `weights` (emmeans' default is ``MarginalWeights/equal``).
    /// - Throws: ``MixedModelError/model(_:)`` wrapping ``LinearModelError/notAFactor(_:)``.
    public func leastSquaresMeans(of factor: String, weights: MarginalWeights = .equal) throws(MixedModelError) -> RepeatedMeasuresMeans {
        try RepeatedMeasuresMeans(fit: self, factor: factor, weights: weights)
    }
}
