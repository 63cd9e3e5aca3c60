import TrialStats

/// The primary endpoint: remission by arm overall and within each subgroup level, and the
/// treatment-by-subgroup interaction.
struct RemissionAnalysis {
    let study: DerivedStudy

    /// Remission results, with the notes of every statistic that could not be computed.
    func run(_ log: inout NoteLog) -> RemissionResults {
        let populations = study.populations
        let comparisons = populations.map { comparison(in: $0, &log) }
        let subgroups = zip(populations, comparisons).dropFirst().map { population, comparison in
            SubgroupRemission(subgroup: population.subgroup!, level: population.level!, comparison: comparison)
        }
        let interactions = study.subgroups.map { interaction($0, &log) }
        return RemissionResults(overall: comparisons[0], subgroups: subgroups, interactions: interactions)
    }

    /// Remission per arm in one population: n/N with Wilson CI; for two arms the Newcombe
    /// difference and Fisher's p, for more the tests of `ArmComparisonTests`.
    ///
    /// - Complexity: O(*n*).
    func comparison(in population: Population, _ log: inout NoteLog) -> RemissionComparison {
        var counts = [ArmCounts](repeating: ArmCounts(), count: study.armLabels.count)
        let flags = study.remission
        for participant in 0..<study.participantCount where population.contains(participant) {
            let arm = Int(study.arm[participant])
            switch flags.status[participant] {
            case .excluded: counts[arm].excluded += 1
            case .responder: counts[arm].n += 1; counts[arm].responders += 1
            case .nonResponder: counts[arm].n += 1
            }
            if flags.missingCountedAsNonResponder[participant] { counts[arm].missing += 1 }
            if flags.missingBaseline[participant] { counts[arm].missingBaseline += 1 }
            counts[arm].undefined += Int(flags.undefinedPercentChanges[participant])
        }
        let byArm = counts.enumerated().map { armIndex, count in
            let context = "\(population.name), \(study.armLabels[armIndex])"
            let interval = log.attempt("Wilson interval", context) {
                try Proportion.wilsonInterval(successes: count.responders, trials: count.n)
            }
            if count.undefined > 0 {
                log.record(context, "\(count.undefined) remission parameter value(s) with a baseline of 0: percent change undefined, counted as not meeting the rule")
            }
            if count.excluded > 0 {
                log.record(context, "\(count.excluded) participant(s) excluded by completeCase (a remission parameter missing at baseline or the primary visit)")
            }
            return RemissionArm(arm: study.armLabels[armIndex], n: count.n, responders: count.responders,
                                rate: count.n > 0 ? Double(count.responders) / Double(count.n) : nil,
                                ciLower: interval?.lower, ciUpper: interval?.upper, excluded: count.excluded,
                                missingCountedAsNonResponders: count.missing, missingBaseline: count.missingBaseline,
                                undefinedPercentChanges: count.undefined)
        }
        let rates = byArm.map { (successes: $0.responders, trials: $0.n) }
        guard rates.count == 2 else {
            let outcome = ArmComparisonTests(plan: study.plan).responders(rates, context: population.name, &log)
            return RemissionComparison(byArm: byArm, difference: ProportionDifference(estimate: nil, ciLower: nil, ciUpper: nil),
                                       test: outcome.test, pValue: outcome.pValue, armComparisons: outcome.comparisons)
        }
        let reference = study.plan.arms.referenceIndex
        let treatment = rates[1 - reference], control = rates[reference]
        let difference = log.attempt("difference of remission rates", population.name) {
            try PlannedTests.difference(treatment, control)
        }
        let fisher = log.attempt("Fisher's exact test", population.name) { try PlannedTests.fisherTest(treatment, control) }
        let relativeRisk = log.attempt("relative risk of remission", population.name) {
            try PlannedTests.relativeRisk(treatment, control)
        }
        return RemissionComparison(byArm: byArm, difference: difference ?? ProportionDifference(estimate: nil, ciLower: nil, ciUpper: nil),
                                   test: .fisherExact, pValue: fisher?.pValue, relativeRisk: relativeRisk,
                                   oddsRatio: fisher.map(PlannedTests.oddsRatio))
    }

    /// Remission counts of one arm.
    private struct ArmCounts {
        var n = 0, responders = 0, excluded = 0, missing = 0, missingBaseline = 0, undefined = 0
    }

    /// The arm × subgroup interaction: logistic model remission ~ arm + level + arm:level over the
    /// participants analysed with a level; the Wald p-value of the product term by maximum
    /// likelihood, or — on separation or when an arm × level cell has no responders or no
    /// non-responders — the profile penalized likelihood p-value of Firth's method.
    /// With more than two arms no model is fitted (a note says so; the p-value is `nil`).
    func interaction(_ levels: SubgroupLevels, _ log: inout NoteLog) -> SubgroupInteraction {
        guard study.armLabels.count == 2 else {
            log.record("\(levels.definition.name): arm × \(levels.definition.name)",
                       "the arm × subgroup interaction is tested for two arms only; \(study.armLabels.count) arms: not tested")
            return SubgroupInteraction(subgroup: levels.definition.name, test: .logisticWald, pValue: nil, method: nil)
        }
        var response: [Double] = [], treated: [Double] = [], secondLevel: [Double] = [], product: [Double] = []
        var cells = [[Int]](repeating: [0, 0], count: 4)
        for participant in 0..<study.participantCount {
            let status = study.remission.status[participant], level = levels.level[participant]
            guard status != .excluded, level >= 0 else { continue }
            let isTreated = Int(study.arm[participant]) != study.plan.arms.referenceIndex ? 1.0 : 0.0, isSecond = Double(level)
            response.append(Double(status.rawValue))
            treated.append(isTreated)
            secondLevel.append(isSecond)
            product.append(isTreated * isSecond)
            cells[Int(study.arm[participant]) * 2 + Int(level)][Int(status.rawValue)] += 1
        }
        let name = levels.definition.name
        let termName = "\(study.plan.arms.treatment):\(levels.definition.labelBelowCut)"
        let context = "\(name): \(study.plan.arms.treatment) × \(name)"
        let covariates = [(name: study.plan.arms.treatment, values: treated),
                          (name: levels.definition.labelBelowCut, values: secondLevel), (name: termName, values: product)]
        guard let model = log.attempt("interaction model", context, {
            try LogisticModel(response: response, covariates: covariates)
        }) else {
            return SubgroupInteraction(subgroup: name, test: .logisticWald, pValue: nil, method: nil)
        }
        let emptyCell = cells.contains { $0.contains(0) }
        let reason: String
        if emptyCell {
            reason = "an arm × level cell has no responders or no non-responders"
        } else {
            do {
                let fit = try model.fitMaximumLikelihood()
                guard fit.separation != nil else {
                    return SubgroupInteraction(subgroup: name, test: .logisticWald, pValue: fit.terms[3].pValue, method: .ml)
                }
                reason = "maximum likelihood found separation"
            } catch {
                reason = "maximum likelihood failed (\(error))"
            }
        }
        log.record(context, "\(reason): Firth's method used instead of maximum likelihood")
        let firth = log.attempt("Firth interaction model", context) { try model.fitFirth() }
        for problem in firth?.profileProblems ?? [] where problem.term == model.termNames[3] && problem.quantity == .likelihoodRatioTest {
            log.record(context, "\(problem); reported as null")
        }
        return SubgroupInteraction(subgroup: name, test: .profilePenalizedLikelihood, pValue: firth?.terms[3].pValue, method: .firth)
    }
}
