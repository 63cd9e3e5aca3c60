import TrialData

/// Checks between values of a plan that are each fine on their own: the primary visit must be
/// one of the visits, remission parameters must be defined, visits, parameters and subgroups
/// together stay within `PlanLimit.reportRows`; the safety set and the sets of the baseline and
/// disposition tables must be among the sets; the disposition table needs the ADaM layout; a CDISC
/// ADaM plan writes none of the seed study's keys (`PlanKey.seedLayoutOnly`). A check is skipped
/// when one of its values could not be read (its problem is already reported).
enum PlanConsistency {
    /// Reports every inconsistency of `plan` to `reader`.
    static func check(_ plan: AnalysisPlan, with reader: inout PlanNodeReader) {
        PlanSafetyDecoder.check(plan, with: &reader)
        checkTableSets(plan, with: &reader)
        checkFigures(plan, with: &reader)
        if case .adam = plan.data {
            checkNoSeedLayoutKeys(with: &reader)
            checkEndpointSets(plan, with: &reader)
            checkEndpointArms(plan, with: &reader)
            checkResponderEndpoints(plan, with: &reader)
            return
        }
        if !plan.endpoints.isEmpty, !reader.hasFailed(PlanKey.data.rawValue) {
            reader.report("endpoints are read from BDS datasets: 'data: {format: adam, measurements: […]}'", atPath: PlanKey.endpoints.rawValue)
        }
        if !plan.derivedParameters.isEmpty, !reader.hasFailed(PlanKey.data.rawValue) {
            reader.report("parameters are derived from BDS datasets: 'data: {format: adam, measurements: […]}'",
                          atPath: PlanKey.derivedParameters.rawValue)
        }
        checkReportRows(plan, with: &reader)
        checkSubgroupCuts(plan, with: &reader)
        let visits = PlanKey.visits.rawValue
        let baseline = PlanKey.baselineVisit.rawValue
        let primary = PlanKey.primaryVisit.rawValue
        let visitList = "(\(PlanNumber.list(plan.visits)))"
        if !reader.hasFailed(visits), !reader.hasFailed(baseline), !plan.visits.contains(plan.baselineVisit) {
            let path = reader.locations.contains(baseline) ? baseline : visits
            reader.report("the baseline visit \(PlanNumber.text(plan.baselineVisit)) is not one of the visits \(visitList)", atPath: path)
        }
        if !reader.hasFailed(visits), !reader.hasFailed(primary) {
            if !plan.visits.contains(plan.primaryVisit) {
                reader.report("\(PlanNumber.text(plan.primaryVisit)) is not one of the visits \(visitList)", atPath: primary)
            } else if !reader.hasFailed(baseline), plan.primaryVisit <= plan.baselineVisit {
                reader.report("the primary visit must come after the baseline visit \(PlanNumber.text(plan.baselineVisit))", atPath: primary)
            }
        }
        if !plan.sets.isEmpty, !reader.hasFailed(PlanKey.data.rawValue), case .seedStudy = plan.data {
            reader.report("analysis sets need subject-level flags: 'data: {format: adam, …}'", atPath: PlanKey.sets.rawValue)
        }
        if plan.disposition != nil, !reader.hasFailed(PlanKey.data.rawValue) {
            reader.report("the disposition table reads CDISC ADaM subject-level variables: 'data: {format: adam, …}'",
                          atPath: PlanKey.disposition.rawValue)
        }
        let remissionParameters = PlanPath.child(PlanKey.remission.rawValue, RemissionKey.parameters.rawValue)
        if !reader.hasFailed(PlanKey.parameters.rawValue), !reader.hasFailed(remissionParameters) {
            let codes = plan.parameters.map(\.code)
            for (index, code) in plan.remission.parameters.enumerated() where !codes.contains(code) {
                reader.report("'\(code)' is not one of the plan's parameters (\(codes.joined(separator: ", ")))",
                              atPath: PlanPath.element(remissionParameters, index))
            }
        }
    }

    /// Each endpoint's set must be one of the plan's sets.
    private static func checkEndpointSets(_ plan: AnalysisPlan, with reader: inout PlanNodeReader) {
        guard !reader.hasFailed(PlanKey.sets.rawValue) else { return }
        let names = plan.sets.map(\.name)
        for (index, endpoint) in plan.endpoints.enumerated() {
            guard let set = endpoint.set, !names.contains(set) else { continue }
            let list = names.isEmpty ? "the plan has no sets" : "the sets are " + names.map { "'\($0)'" }.joined(separator: ", ")
            reader.report("'\(set)' is not an analysis set of the plan (\(list))",
                          atPath: PlanPath.child(PlanPath.element(PlanKey.endpoints.rawValue, index), EndpointKey.set.rawValue))
        }
    }

    /// Each endpoint's arms must be arms of the plan, at least two, the reference among them.
    private static func checkEndpointArms(_ plan: AnalysisPlan, with reader: inout PlanNodeReader) {
        guard !reader.hasFailed(PlanKey.arms.rawValue) else { return }
        let labels = plan.arms.ordered
        for (index, endpoint) in plan.endpoints.enumerated() {
            guard let arms = endpoint.arms else { continue }
            let path = PlanPath.child(PlanPath.element(PlanKey.endpoints.rawValue, index), EndpointKey.arms.rawValue)
            for (position, arm) in arms.enumerated() where !labels.contains(arm) {
                let advice = ClosestKey.suggestion(for: arm, among: labels).map { "; did you mean '\($0)'?" } ?? ""
                reader.report("'\(arm)' is not an arm of the plan\(advice)", atPath: PlanPath.element(path, position))
            }
            if arms.count < 2 {
                reader.report("an endpoint compares at least two arms", atPath: path)
            } else if !arms.contains(plan.arms.control) {
                reader.report("the reference arm '\(plan.arms.control)' must be one of the endpoint's arms", atPath: path)
            }
        }
    }

    /// A responder endpoint is not modelled: it writes no covariates, weights or MMRM keys.
    private static func checkResponderEndpoints(_ plan: AnalysisPlan, with reader: inout PlanNodeReader) {
        for (index, endpoint) in plan.endpoints.enumerated() where endpoint.responder != nil {
            for key in [EndpointKey.covariates, .weights, .model, .visits, .covariance, .df] {
                let path = PlanPath.child(PlanPath.element(PlanKey.endpoints.rawValue, index), key.rawValue)
                guard reader.locations.contains(path) else { continue }
                reader.report("a responder endpoint compares the share of responders and is not modelled: remove '\(key.rawValue)'", atPath: path)
            }
        }
    }

    /// The seed study's layout splits every subgroup at a cut (its analyses have two levels).
    private static func checkSubgroupCuts(_ plan: AnalysisPlan, with reader: inout PlanNodeReader) {
        guard !reader.hasFailed(PlanKey.subgroups.rawValue), !reader.hasFailed(PlanKey.data.rawValue) else { return }
        for (index, subgroup) in plan.subgroups.enumerated() where subgroup.cut == nil {
            reader.report("missing key 'cut' (the seed study's file layout splits a subgroup at a cut; categories need "
                          + "'data: {format: adam, …}')", atPath: PlanPath.element(PlanKey.subgroups.rawValue, index))
        }
    }

    /// Each figure of `figures` that the plan's layout does not draw, at its line, with those it draws.
    private static func checkFigures(_ plan: AnalysisPlan, with reader: inout PlanNodeReader) {
        let path = PlanKey.figures.rawValue
        guard !reader.hasFailed(path), !reader.hasFailed(PlanKey.data.rawValue) else { return }
        let (drawn, layout) = switch plan.data {
        case .seedStudy: (FigureName.seedStudy, "the seed study's file layout")
        case .adam: (FigureName.adam, "a CDISC ADaM study")
        }
        for (index, figure) in plan.figures.enumerated() where !drawn.contains(figure) {
            reader.report("figure '\(figure.rawValue)' is not drawn for \(layout), which draws "
                          + drawn.map { "'\($0.rawValue)'" }.joined(separator: ", "), atPath: PlanPath.element(path, index))
        }
    }

    /// Each key of the seed study's layout an ADaM plan writes, at its line.
    private static func checkNoSeedLayoutKeys(with reader: inout PlanNodeReader) {
        for key in PlanKey.seedLayoutOnly where reader.locations.contains(key.rawValue) {
            reader.report("'\(key.rawValue)' is analysed only in the seed study's file layout; this version does not analyse "
                          + "it for CDISC ADaM data (Guides/ADaMStudies.md lists what it does): remove it", atPath: key.rawValue)
        }
    }

    /// Visits × parameters × groups (all participants and two per subgroup) past
    /// `PlanLimit.reportRows`, at the first of those keys the plan gives.
    private static func checkReportRows(_ plan: AnalysisPlan, with reader: inout PlanNodeReader) {
        let keys = [PlanKey.visits, .parameters, .subgroups].map(\.rawValue)
        guard !keys.contains(where: { reader.hasFailed($0) }) else { return }
        let groups = 1 + 2 * plan.subgroups.count
        let rows = plan.visits.count * plan.parameters.count * groups
        let limit = PlanLimit.reportRows
        guard rows > limit.count else { return }
        reader.report("\(plan.visits.count) visits × \(plan.parameters.count) parameters × \(groups) groups (all participants and "
                      + "two per subgroup) make \(rows) \(limit.items), more than the \(limit.count) a plan may have (time and "
                      + "memory grow with them); list fewer visits, parameters or subgroups",
                      atPath: keys.first(where: { reader.locations.contains($0) }) ?? keys[0])
    }

    /// The sets of the baseline and disposition tables must be among the plan's analysis sets.
    private static func checkTableSets(_ plan: AnalysisPlan, with reader: inout PlanNodeReader) {
        guard !reader.hasFailed(PlanKey.sets.rawValue) else { return }
        let tables = [(plan.baseline?.set, PlanPath.child(PlanKey.baseline.rawValue, BaselineKey.set.rawValue)),
                      (plan.disposition?.set, PlanPath.child(PlanKey.disposition.rawValue, DispositionKey.set.rawValue))]
        let names = plan.sets.map(\.name)
        for case let (set?, path) in tables where !names.contains(set) {
            guard !names.isEmpty else {
                reader.report("'\(set)' is not an analysis set: the plan defines none ('sets')", atPath: path)
                continue
            }
            let advice = ClosestKey.suggestion(for: set, among: names).map { "; did you mean '\($0)'?" } ?? ""
            reader.report("'\(set)' is not one of the plan's analysis sets (\(names.joined(separator: ", ")))" + advice, atPath: path)
        }
    }
}
