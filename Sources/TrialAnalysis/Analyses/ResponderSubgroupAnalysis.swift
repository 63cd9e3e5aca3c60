import TrialStats

/// The subgroup analysis of a responder endpoint: within each level, each arm's responders (Wilson
/// 95% interval) and each arm's rate minus the reference's with Newcombe's hybrid score interval;
/// and the likelihood-ratio test of the arm × subgroup product term of a logistic regression by
/// maximum likelihood (R: `anova(glm(r ~ arm + subgroup, binomial), glm(r ~ arm * subgroup,
/// binomial), test = "LRT")`), which serves any number of arms (Breslow–Day's test of equal odds
/// ratios compares two arms only).
struct ResponderSubgroupAnalysis {
    let arms: EndpointArms
    let records: EndpointRecords
    let rule: ResponderRule

    /// The results of one subgroup; a level where an arm has no participant has null differences,
    /// and models that cannot be fitted a null test, each with a note.
    func run(_ membership: SubgroupMembership, context: String, _ log: inout NoteLog) -> ResponderSubgroupResult {
        let context = "\(context), \(membership.definition.name)"
        let reference = arms.labels.control
        let levels = membership.labels.indices.map { level in
            let levelContext = "\(context) = \(membership.labels[level])"
            let byArm = zip(arms.names, arms.members).map { arm, participants in
                ResponderEndpointAnalysis.responders(of: arm, participants.filter { membership.codes[Int($0)] == Int32(level) },
                                                     records: records, rule: rule, context: "\(levelContext), \(arm)", &log)
            }
            let referenceArm = byArm[arms.labels.referenceIndex]
            let differences = byArm.filter { $0.arm != reference }.map { arm in
                RateDifference(arm: arm.arm, reference: reference, difference: log.attempt(
                    "difference of rates \(arm.arm) − \(reference)", levelContext) {
                    try PlannedTests.difference((arm.responders, arm.n), (referenceArm.responders, referenceArm.n))
                })
            }
            return ResponderSubgroupLevel(level: membership.labels[level], byArm: byArm, differences: differences)
        }
        return ResponderSubgroupResult(subgroup: membership.definition.name, variable: membership.definition.variable,
                                       interaction: interaction(membership, context: context, &log), levels: levels)
    }

    /// The likelihood-ratio test of the product term, or `nil` with a note.
    private func interaction(_ membership: SubgroupMembership, context: String, _ log: inout NoteLog) -> LikelihoodRatioResult? {
        let armVariable = ModelEndpointAnalysis.armVariable, subgroup = ModelSubgroupAnalysis.subgroupVariable
        let rows = arms.rows
        let response = rows.participant.map { participant in
            let value = records.response(of: Int(participant))
            if value.isNaN { return rule.missing == .completeCase ? Double.nan : 0 }
            return rule.isMet(by: value) ? 1 : 0
        }
        let variables: [String: ModelVariable] = [
            armVariable: .arm(rows.arm, of: arms.names, reference: arms.labels.control),
            subgroup: .factor(rows.participant.map { membership.label(of: Int($0)) }, levels: membership.labels),
        ]
        let main = [ModelTerm(armVariable), ModelTerm(subgroup)]
        let outcome = log.attempt("likelihood-ratio test of the arm × subgroup interaction", context) {
            () throws -> (test: LikelihoodRatioTest, warnings: [String]) in
            let reduced = try LogisticModel(ModelFrame(response: response, variables: variables, terms: main)).fitMaximumLikelihood()
            let full = try LogisticModel(ModelFrame(response: response, variables: variables,
                                                    terms: main + [ModelTerm(armVariable, subgroup)])).fitMaximumLikelihood()
            return (try LikelihoodRatioTest(reduced: reduced, full: full), full.warnings)
        }
        for warning in outcome?.warnings ?? [] {
            log.record(context, "the logistic model with the interaction: \(warning) (an arm × level cell with no responders or "
                       + "only responders); the test uses its deviance as R's glm gives it")
        }
        return outcome.map { LikelihoodRatioResult(chiSquare: $0.test.statistic, df: $0.test.degreesOfFreedom, pValue: $0.test.pValue) }
    }
}
