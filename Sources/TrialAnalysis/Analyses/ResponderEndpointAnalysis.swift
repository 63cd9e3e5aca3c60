import TrialData
import TrialStats

/// Analyses a responder endpoint of the plan: in each arm analysed, the participants of the set
/// whose value, change or percent change at the visit meets the rule (Wilson 95% interval of the
/// rate), and the tests of `ArmComparisonTests` on those counts: each arm against the reference
/// (Newcombe difference, Fisher's exact test, the plan's adjustment) and, for more than two arms,
/// the test across the arms and the dose trend; and, for each subgroup of the plan, the responders
/// within its levels and the interaction test (`ResponderSubgroupAnalysis`); and the sensitivity
/// to the participants without the measure (`ResponderSensitivityAnalysis`).
struct ResponderEndpointAnalysis {
    let data: StudyData
    let plan: AnalysisPlan
    /// Where the endpoints' records are read.
    let records: EndpointRecordSource

    /// The analysis of `data`'s endpoints by `plan`, their records from `records` (by default `data`'s BDS datasets).
    init(data: StudyData, plan: AnalysisPlan, records: EndpointRecordSource? = nil) {
        self.data = data
        self.plan = plan
        self.records = records ?? EndpointRecordSource(data)
    }

    /// The results of `endpoint`, which has a responder rule.
    func run(_ endpoint: ModelEndpoint, rule: ResponderRule, _ log: inout NoteLog) -> ResponderEndpointResult {
        let arms = EndpointArms(endpoint, plan: plan, participants: data.participants)
        let records = self.records.records(endpoint)
        let context = endpoint.name
        if records.duplicates > 0 {
            log.record(context, "\(records.duplicates) participants have more than one record at the visit; the first is judged")
        }
        let byArm = zip(arms.names, arms.members).map { arm, participants in
            Self.responders(of: arm, participants, records: records, rule: rule, context: "\(context), \(arm)", &log)
        }
        var armsPlan = plan
        armsPlan.arms = arms.labels
        let tests = ArmComparisonTests(plan: armsPlan)
        var outcome = tests.responders(byArm.map { ($0.responders, $0.n) }, context: context, &log)
        let acrossArms = byArm.count > 2
        if !acrossArms { outcome.comparisons.trend = nil }
        let subgroups = plan.subgroups.isEmpty ? nil : plan.subgroups.map { definition in
            ResponderSubgroupAnalysis(arms: arms, records: records, rule: rule)
                .run(SubgroupMembership(definition, participants: data.participants), context: context, &log)
        }
        let sensitivity = ResponderSensitivityAnalysis(tests: tests)
            .run(byArm, rule: rule, referenceIndex: armsPlan.arms.referenceIndex, context: "\(context), missing data", &log)
        return ResponderEndpointResult(
            name: endpoint.name, parameter: endpoint.parameter, parameterLabel: records.parameterLabel, visit: endpoint.visit,
            visitLabel: records.visitLabel, measure: endpoint.measure.rawValue, threshold: rule.threshold, better: rule.better.rawValue,
            missing: rule.missing.rawValue, set: endpoint.set, recordFlag: endpoint.recordFlag, duplicateRecords: records.duplicates,
            byArm: byArm, test: acrossArms ? outcome.test : nil, pValue: acrossArms ? outcome.pValue : nil, comparisons: outcome.comparisons,
            subgroups: subgroups, sensitivity: sensitivity)
    }

    /// The responders among `participants` of one arm, with the Wilson 95% interval of the rate.
    static func responders(of arm: String, _ participants: [Int32], records: EndpointRecords, rule: ResponderRule,
                           context: String, _ log: inout NoteLog) -> ResponderArm {
        let values = participants.map { records.response(of: Int($0)) }
        let missing = values.count { $0.isNaN }
        let responders = values.count { !$0.isNaN && rule.isMet(by: $0) }
        let n = rule.missing == .completeCase ? values.count - missing : values.count
        return Self.arm(arm, responders: responders, of: n, missing: missing, context: context, &log)
    }

    /// An arm's `responders` of `n` analysed with the Wilson 95% interval of the rate.
    static func arm(_ arm: String, responders: Int, of n: Int, missing: Int, context: String, _ log: inout NoteLog) -> ResponderArm {
        let interval = log.attempt("Wilson interval", context) { try Proportion.wilsonInterval(successes: responders, trials: n) }
        return ResponderArm(arm: arm, n: n, responders: responders, missing: missing,
                            rate: n > 0 ? Double(responders) / Double(n) : nil, ciLower: interval?.lower, ciUpper: interval?.upper)
    }
}
