import TrialStats

/// The subgroup analysis of an ANCOVA endpoint: the endpoint's model with the subgroup (a factor of
/// its levels) and the arm × subgroup product term added, fitted once to everyone analysed who has
/// a level. Within each level, each arm's LS-mean difference from the reference with its 95% CI
/// (`emmeans(fit, trt.vs.ctrl ~ arm | subgroup)`: the covariates' slopes and the residual variance
/// are shared by the levels, as R users fit it), and the F test of the product term against the
/// model without it (`anova(lm0, lm1)`, = `drop1` of the term).
struct ModelSubgroupAnalysis {
    /// The name of the subgroup factor in the model.
    static let subgroupVariable = "subgroup"

    /// The arms analysed, in the plan's order.
    let arms: [String]
    /// The reference arm.
    let reference: String
    /// The weights of the LS means (the differences within a level do not depend on them).
    let weights: MarginalWeights

    /// The rows of the endpoint's model: each participant, the position of their arm, the response,
    /// the model's variables and terms.
    struct Model {
        let participants: [Int32]
        let arm: [Int]
        let response: [Double]
        let variables: [String: ModelVariable]
        let terms: [ModelTerm]
    }

    /// The results of one subgroup; a model that cannot be fitted gives null effects and test, with a note.
    func run(_ membership: SubgroupMembership, model: Model, context: String, _ log: inout NoteLog) -> ModelSubgroupResult {
        let armVariable = ModelEndpointAnalysis.armVariable, subgroup = Self.subgroupVariable
        let context = "\(context), \(membership.definition.name)"
        var variables = model.variables
        variables[subgroup] = .factor(model.participants.map { membership.label(of: Int($0)) }, levels: membership.labels)
        let others = arms.filter { $0 != reference }
        var levels = membership.labels.map { label in
            ModelSubgroupLevel(level: label, byArm: arms.map { SubgroupArmCount(arm: $0, n: 0) },
                               differences: others.map { ModelDifference(arm: $0, reference: reference, difference: nil) })
        }
        var interaction: ModelTermTest?
        do {
            let frame = try ModelFrame(response: model.response, variables: variables,
                                       terms: model.terms + [ModelTerm(subgroup), ModelTerm(armVariable, subgroup)])
            let fit = try LinearFit(frame)
            for row in frame.completeRows {
                levels[Int(membership.codes[Int(model.participants[row])])].byArm[model.arm[row]].n += 1
            }
            let present = frame.factorLevels[subgroup] ?? []
            for index in levels.indices where present.contains(levels[index].level) {
                let differences = try fit.leastSquaresMeans(of: armVariable, by: subgroup, at: levels[index].level, weights: weights)
                    .differences(against: reference)
                for position in levels[index].differences.indices {
                    let arm = levels[index].differences[position].arm
                    levels[index].differences[position].difference = differences.first { $0.level == arm }?.estimate.map(ModelEstimate.init)
                }
            }
            interaction = fit.dropOneTest(ModelTerm(armVariable, subgroup)).map {
                ModelTermTest(df: $0.degreesOfFreedom, residualDf: fit.residualDegreesOfFreedom, f: $0.fStatistic, pValue: $0.pValue)
            }
        } catch {
            log.record(context, "the model with the arm × subgroup interaction could not be fitted: \(error.description)")
        }
        for level in levels {
            for difference in level.differences where difference.difference == nil {
                let counts = level.byArm.filter { $0.arm == difference.arm || $0.arm == reference }
                let empty = counts.filter { $0.n == 0 }.map(\.arm)
                log.record("\(context) = \(level.level)", empty.isEmpty
                    ? "the difference \(difference.arm) − \(reference) is not estimable: reported as null"
                    : "no participant of \(empty.joined(separator: " or ")) analysed in the level: the difference "
                        + "\(difference.arm) − \(reference) is null")
            }
        }
        return ModelSubgroupResult(subgroup: membership.definition.name, variable: membership.definition.variable,
                                   interaction: interaction, levels: levels)
    }
}
