/// The supportive analyses of the seed study's built-in profile, beside its published primary
/// analyses: an ANCOVA of log fasting and of log postprandial C-peptide at the primary visit
/// adjusted for the log baseline, an MMRM of each over the visits after baseline, and IDAA1c
/// partial remission (IDAA1c = HbA1c (%) + 4 × insulin dose (IU/kg/day) ≤ 9) at each of them.
///
/// Each analysis is kept when the plan defines the parameters it needs in the units the
/// definition assumes; a study in the seed layout with other parameters has none of them.
public struct SupportiveAnalysisPlan: Sendable, Hashable {
    /// The parameters derived from the plan's parameters at the same visit (IDAA1c).
    public var derivedParameters: [DerivedParameter]
    /// The endpoints: ANCOVA and MMRM on the log scale, then the responder endpoints, in report order.
    public var endpoints: [ModelEndpoint]

    /// The offset *c* of log(C-peptide + *c*), in pmol/L: 1, as TrialNet's log(x + 1), which keeps a
    /// C-peptide below the assay's limit reported as 0 in the analysis and moves values of hundreds
    /// of pmol/L by under 1%.
    public static let cPeptideLogOffset = 1.0
    /// The partial-remission threshold of IDAA1c (Mortensen et al., Diabetes Care 2009).
    public static let partialRemissionThreshold = 9.0

    /// The supportive analyses of a plan in the seed study's layout (none for CDISC ADaM data).
    public init(_ plan: AnalysisPlan) {
        derivedParameters = []
        endpoints = []
        guard plan.data == .seedStudy else { return }
        let visits = plan.followUpVisits
        let cPeptide = ["CPEPF", "CPEPP"].filter { plan.parameter($0)?.unit == "pmol/L" }
        let label = { (code: String) in plan.parameter(code)?.label ?? code }
        let logValue = "log(value + \(PlanNumber.text(Self.cPeptideLogOffset)))"
        endpoints += cPeptide.map { code in
            ModelEndpoint(name: "\(label(code)) at month \(PlanNumber.text(plan.primaryVisit)), ANCOVA of \(logValue)", parameter: code,
                          visit: plan.primaryVisit, measure: .value, logOffset: Self.cPeptideLogOffset)
        }
        if let first = visits.first, let last = visits.last, visits.count >= 2 {
            endpoints += cPeptide.map { code in
                ModelEndpoint(name: "\(label(code)) over months \(PlanNumber.text(first))–\(PlanNumber.text(last)), MMRM of \(logValue)",
                              parameter: code, visit: 0, measure: .value, model: .mmrm, visits: visits, logOffset: Self.cPeptideLogOffset)
            }
        }
        guard plan.parameter("HBA1C")?.unit == "%", plan.parameter("INSDOSE")?.unit == "IU/kg/day" else { return }
        let idaa1c = DerivedParameter(code: "IDAA1C", label: "IDAA1c", unit: "%",
                                      derivation: .expression(.binary(.plus, .parameter("HBA1C"),
                                                                      .binary(.times, .number(4), .parameter("INSDOSE")))))
        derivedParameters = [idaa1c]
        endpoints += visits.map { visit in
            ModelEndpoint(name: "IDAA1c partial remission at month \(PlanNumber.text(visit))", parameter: idaa1c.code, visit: visit,
                          measure: .value, responder: ResponderRule(threshold: Self.partialRemissionThreshold, better: .lower))
        }
    }

    /// Whether the plan has no supportive analysis.
    public var isEmpty: Bool { endpoints.isEmpty }
}
