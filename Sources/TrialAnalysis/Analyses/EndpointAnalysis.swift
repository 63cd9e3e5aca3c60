import TrialStats

/// The secondary endpoints: one parameter at one visit in one population, per arm and between arms.
struct EndpointAnalysis: Sendable {
    /// What one endpoint's computation gives: the result, its notes, and the samples of percent
    /// change per arm (for the figure of the primary visit).
    struct Outcome: Sendable {
        var result: EndpointResult
        var notes: [AnalysisNote]
        var percentChanges: [Sample]
    }

    let study: DerivedStudy

    /// The endpoint of `parameter` (position in the plan) at `visit` (position in the plan's
    /// visits) among `participants` (per arm, treatment then control) of `population`.
    ///
    /// Per arm: descriptives of the value at the visit (non-missing values), of the change and of
    /// the percent change (participants with both values; percent change also needs a baseline
    /// other than 0), and the plan's within-arm test on the change. Between arms: the plan's
    /// continuous test on the change, or on the percent change for a remission parameter.
    ///
    /// - Complexity: O(*n*) for *n* participants in the population (radix sorts).
    func outcome(parameter: Int, visit: Int, population: Population, participants: [[Int32]]) -> Outcome {
        let plan = study.plan
        let code = plan.parameters[parameter].code
        let visitNumber = study.grid.visits[visit]
        let context = "\(code), visit \(PlanNumber.text(visitNumber)), \(population.name)"
        var log = NoteLog(section: "endpoints")
        var arms: [EndpointArm] = []
        var changes: [Sample] = [], percentChanges: [Sample] = []
        for (armIndex, members) in participants.enumerated() {
            var values: [Double] = [], change: [Double] = [], percent: [Double] = []
            values.reserveCapacity(members.count)
            change.reserveCapacity(members.count)
            percent.reserveCapacity(members.count)
            study.grid.withValues(parameter: parameter, visit: visit) { atVisit, atBaseline in
                for member in members {
                    let value = atVisit[Int(member)]
                    guard !value.isNaN else { continue }
                    values.append(value)
                    let baseline = atBaseline[Int(member)]
                    guard !baseline.isNaN else { continue }
                    change.append(value - baseline)
                    if baseline != 0 { percent.append(MeasurementGrid.percentChange(from: baseline, to: value)) }
                }
            }
            let armContext = "\(context), \(study.armLabels[armIndex])"
            let changeSample = Sample(change), percentSample = Sample(percent)
            if percent.count < change.count {
                log.record(armContext, "\(change.count - percent.count) participant(s) with a baseline of 0: percent change undefined")
            }
            let within = log.attempt("within-arm \(plan.pairedTest.rawValue) test", armContext) {
                try PlannedTests.within(plan.pairedTest, differences: changeSample)
            }
            arms.append(EndpointArm(arm: study.armLabels[armIndex], value: Sample(values).descriptives,
                                    change: changeSample.descriptives, percentChange: percentSample.descriptives,
                                    withinTest: TestName(plan.pairedTest), withinPValue: within))
            changes.append(changeSample)
            percentChanges.append(percentSample)
        }
        let measure: BetweenArmComparison.Measure = study.remissionParameters.contains(parameter) ? .percentChange : .change
        let compared = measure == .percentChange ? percentChanges : changes
        let between = log.attempt("between-arm \(plan.continuousTest.rawValue) test", context) {
            try PlannedTests.between(plan.continuousTest, compared[0], compared[1])
        }
        let result = EndpointResult(
            parameter: code, visit: visitNumber, subgroup: population.subgroup, level: population.level, byArm: arms,
            between: BetweenArmComparison(measure: measure, test: TestName(plan.continuousTest), pValue: between))
        return Outcome(result: result, notes: log.notes, percentChanges: percentChanges)
    }
}
