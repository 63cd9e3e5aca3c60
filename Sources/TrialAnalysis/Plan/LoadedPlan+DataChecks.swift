import TrialData

extension LoadedPlan {
    /// The problems of the plan that only the data reveal, each at the plan's line and column
    /// where the value was written (or the plan file, for a default value):
    /// an arm label that does not occur in `adsl.csv` `ARM`; a logistic covariate that is
    /// neither a numeric `adsl.csv` column nor `PARAMCD.BASE` of a parameter in `adlb.csv`; a
    /// subgroup variable that is not a numeric `adsl.csv` column; a remission parameter absent
    /// from `adlb.csv`.
    ///
    /// - Returns: the diagnostics in plan order; empty when the plan fits the data.
    /// - Complexity: O(*k* · *c*) for *k* values checked against *c* names (suggestions).
    public func problems(with facts: StudyDataFacts) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func report(_ path: String, _ message: String) {
            problems.append(Diagnostic(.error, at: locations[path], "\(path): \(message)"))
        }
        func advice(_ name: String, among candidates: Set<String>) -> String {
            ClosestKey.suggestion(for: name, among: candidates.sorted()).map { "; did you mean '\($0)'?" } ?? ""
        }
        let armsFound = facts.armLabels.sorted().map { "'\($0)'" }.joined(separator: ", ")
        let armPaths = plan.arms.isShorthand
            ? [ArmKey.treatment, .control].map { PlanPath.child(PlanKey.arms.rawValue, $0.rawValue) }
            : plan.arms.list.indices.map { PlanPath.child(PlanPath.element(PlanKey.arms.rawValue, $0), ArmListKey.label.rawValue) }
        let armSource = switch plan.data {
        case .seedStudy: "adsl.csv column ARM"
        case .adam(let layout): "\(layout.subjects) variable \(layout.treatment)"
        }
        for (path, label) in zip(armPaths, plan.arms.ordered) where !facts.armLabels.contains(label) {
            report(path, "arm '\(label)' does not occur in \(armSource) (values found: \(armsFound.isEmpty ? "none" : armsFound))")
        }
        if case .seedStudy = plan.data {
            problems += seedLayoutProblems(with: facts)
        }
        for (index, endpoint) in plan.endpoints.enumerated() {
            let path = PlanPath.element(PlanKey.endpoints.rawValue, index)
            if !facts.parameterCodes.contains(endpoint.parameter) {
                report(PlanPath.child(path, EndpointKey.parameter.rawValue), "parameter '\(endpoint.parameter)' does not occur in "
                       + "the PARAMCD of the measurement datasets" + advice(endpoint.parameter, among: facts.parameterCodes))
            }
            if let flag = endpoint.recordFlag, !facts.recordFlags.contains(flag) {
                report(PlanPath.child(path, EndpointKey.records.rawValue), "'\(flag)' is not an analysis flag (ANLzzFL) of the "
                       + "measurement datasets" + advice(flag, among: facts.recordFlags))
            }
            for (covariateIndex, covariate) in endpoint.covariates.enumerated()
            where covariate != ModelEndpoint.baseline && !facts.adslColumns.contains(covariate) {
                report(PlanPath.element(PlanPath.child(path, EndpointKey.covariates.rawValue), covariateIndex),
                       "covariate '\(covariate)' is neither BASE nor a subject-level variable"
                       + advice(covariate, among: facts.adslColumns.union([ModelEndpoint.baseline])))
            }
        }
        return problems
    }

    /// The checks of the keys only the seed study's layout has: remission parameters, subgroup
    /// variables, logistic covariates.
    private func seedLayoutProblems(with facts: StudyDataFacts) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func report(_ path: String, _ message: String) {
            problems.append(Diagnostic(.error, at: locations[path], "\(path): \(message)"))
        }
        func advice(_ name: String, among candidates: Set<String>) -> String {
            ClosestKey.suggestion(for: name, among: candidates.sorted()).map { "; did you mean '\($0)'?" } ?? ""
        }
        let remissionPath = PlanPath.child(PlanKey.remission.rawValue, RemissionKey.parameters.rawValue)
        for (index, code) in plan.remission.parameters.enumerated() where !facts.parameterCodes.contains(code) {
            report(PlanPath.element(remissionPath, index),
                   "parameter '\(code)' does not occur in adlb.csv column PARAMCD" + advice(code, among: facts.parameterCodes))
        }
        for (index, subgroup) in plan.subgroups.enumerated() where !facts.numericADSLColumns.contains(subgroup.variable) {
            let path = PlanPath.child(PlanPath.element(PlanKey.subgroups.rawValue, index), SubgroupKey.variable.rawValue)
            report(path, facts.adslColumns.contains(subgroup.variable)
                ? "'\(subgroup.variable)' is a text column of adsl.csv; a subgroup variable must be numeric (it is split at the cut)"
                : "'\(subgroup.variable)' is not a column of adsl.csv" + advice(subgroup.variable, among: facts.adslColumns))
        }
        let baselineCovariates = Set(facts.parameterCodes.map { $0 + LogisticSpecification.baselineSuffix })
        let covariatePath = PlanPath.child(PlanKey.logistic.rawValue, LogisticKey.covariates.rawValue)
        for (index, covariate) in plan.logistic.covariates.enumerated()
        where !facts.numericADSLColumns.contains(covariate) && !baselineCovariates.contains(covariate) {
            report(PlanPath.element(covariatePath, index), facts.adslColumns.contains(covariate)
                ? "covariate '\(covariate)' is a text column of adsl.csv; a covariate must be numeric"
                : "covariate '\(covariate)' is neither a column of adsl.csv nor PARAMCD.BASE of a parameter in adlb.csv"
                    + advice(covariate, among: facts.adslColumns.union(baselineCovariates)))
        }
        return problems
    }
}
