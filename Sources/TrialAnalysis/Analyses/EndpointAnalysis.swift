import TrialStats

/// The secondary endpoints: one parameter at one visit in each population, per arm and between arms.
struct EndpointAnalysis: Sendable {
    /// What one endpoint's computation gives: the result, its notes, and the samples of percent
    /// change per arm (for the figure of the primary visit).
    struct Outcome: Sendable {
        var result: EndpointResult
        var notes: [AnalysisNote]
        var percentChanges: [Sample]
    }

    /// One arm's samples at the visit: the values, and for participants with a baseline value
    /// the change and (baseline other than 0) the percent change.
    struct ArmSamples: Sendable {
        var value: Sample
        var change: Sample
        var percentChange: Sample

        /// The samples of a union of disjoint groups of participants.
        static func merging(_ parts: [ArmSamples]) -> ArmSamples {
            ArmSamples(value: Sample(merging: parts.map(\.value)), change: Sample(merging: parts.map(\.change)),
                       percentChange: Sample(merging: parts.map(\.percentChange)))
        }
    }

    let study: DerivedStudy

    /// The endpoints of `parameter` (position in the plan) at `visit` (position in the plan's
    /// visits), one per population in `study.populations` order (each population's members per
    /// arm: `study.members`).
    ///
    /// Per arm: descriptives of the value at the visit (non-missing values), of the change and of
    /// the percent change (participants with both values; percent change also needs a baseline
    /// other than 0), and the plan's within-arm test on the change. Between arms, on the change
    /// (the percent change for a remission parameter): the plan's continuous test for two arms,
    /// the tests of `ArmComparisonTests` for more.
    ///
    /// - Complexity: O(*n*) for *n* participants (radix sorts; the samples of all participants
    ///   are merged from a subgroup's levels where one covers everyone).
    func outcomes(parameter: Int, visit: Int) -> [Outcome] {
        let samples = study.byPopulation(compute: { armSamples(parameter, visit, $0) }, combine: ArmSamples.merging)
        return study.populations.indices.map { outcome(parameter, visit, study.populations[$0], samples[$0]) }
    }

    /// The samples of `members` at `visit`, each written straight into storage for all members
    /// (no capacity or uniqueness check per value).
    private func armSamples(_ parameter: Int, _ visit: Int, _ members: [Int32]) -> ArmSamples {
        var change: [Double] = [], percent: [Double] = []
        let values = [Double](unsafeUninitializedCapacity: members.count) { values, valueCount in
            change = [Double](unsafeUninitializedCapacity: members.count) { change, changeCount in
                percent = [Double](unsafeUninitializedCapacity: members.count) { percent, percentCount in
                    study.grid.withValues(parameter: parameter, visit: visit) { atVisit, atBaseline in
                        for member in members {
                            let value = atVisit[Int(member)]
                            guard !value.isNaN else { continue }
                            values[valueCount] = value
                            valueCount += 1
                            let baseline = atBaseline[Int(member)]
                            guard !baseline.isNaN else { continue }
                            change[changeCount] = value - baseline
                            changeCount += 1
                            guard baseline != 0 else { continue }
                            percent[percentCount] = MeasurementGrid.percentChange(from: baseline, to: value)
                            percentCount += 1
                        }
                    }
                }
            }
        }
        return ArmSamples(value: Sample(values), change: Sample(change), percentChange: Sample(percent))
    }

    private func outcome(_ parameter: Int, _ visit: Int, _ population: Population, _ samples: [ArmSamples]) -> Outcome {
        let plan = study.plan
        let code = plan.parameters[parameter].code
        let visitNumber = study.grid.visits[visit]
        let context = "\(code), visit \(PlanNumber.text(visitNumber)), \(population.name)"
        var log = NoteLog(section: "endpoints")
        let described = Sample.descriptives(of: samples.flatMap { [$0.value, $0.change, $0.percentChange] })
        let arms = zip(study.armLabels.indices, samples).map { index, arm in
            let label = study.armLabels[index]
            let armContext = "\(context), \(label)"
            if arm.percentChange.count < arm.change.count {
                log.record(armContext, "\(arm.change.count - arm.percentChange.count) participant(s) with a baseline of 0: percent change undefined")
            }
            let within = log.attempt("within-arm \(plan.pairedTest.rawValue) test", armContext) {
                try PlannedTests.within(plan.pairedTest, differences: arm.change)
            }
            return EndpointArm(arm: label, value: described[3 * index], change: described[3 * index + 1],
                               percentChange: described[3 * index + 2], withinTest: TestName(plan.pairedTest),
                               withinPValue: within)
        }
        let isRemission = study.remissionParameters.contains(parameter)
        let measure: BetweenArmComparison.Measure = isRemission ? .percentChange : .change
        let compared = samples.map { isRemission ? $0.percentChange : $0.change }
        let result: EndpointResult
        if compared.count == 2 {
            let reference = plan.arms.referenceIndex
            let test = BetweenArmTest(plan.continuousTest, compared[1 - reference], compared[reference])
            let between = log.attempt("between-arm \(plan.continuousTest.rawValue) test", context) { try test.pValue() }
            let effect = log.attempt("effect estimate of the \(plan.continuousTest.rawValue) test", context) { try test.effect() }
            result = EndpointResult(
                parameter: code, visit: visitNumber, subgroup: population.subgroup, level: population.level, byArm: arms,
                between: BetweenArmComparison(measure: measure, test: TestName(plan.continuousTest), pValue: between,
                                              effect: effect))
        } else {
            let outcome = ArmComparisonTests(plan: plan).continuous(compared, context: context, &log)
            result = EndpointResult(
                parameter: code, visit: visitNumber, subgroup: population.subgroup, level: population.level, byArm: arms,
                between: BetweenArmComparison(measure: measure, test: outcome.test, pValue: outcome.pValue),
                armComparisons: outcome.comparisons)
        }
        return Outcome(result: result, notes: log.notes, percentChanges: isRemission ? samples.map(\.percentChange) : [])
    }
}
