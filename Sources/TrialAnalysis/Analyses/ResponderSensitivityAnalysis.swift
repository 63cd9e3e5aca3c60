import TrialStats

/// The sensitivity of a responder endpoint to its participants without the measure: the same
/// comparisons under the other missing-data rule (complete cases, or non-responders), and a
/// tipping-point analysis of each arm against the reference, which counts 0, …, all of each arm's
/// participants without the measure as responders (the rest as non-responders) and tests every
/// combination with Fisher's exact test. More than ten participants without the measure in an arm
/// are stepped through in tenths (0, ⌊m/10⌉, …, m), so the table stays 11 × 11 at most.
struct ResponderSensitivityAnalysis {
    /// The comparisons of the endpoint's arms, as the primary analysis makes them.
    let tests: ArmComparisonTests

    /// The sensitivity analyses, given each arm's responders under the endpoint's `rule`;
    /// `nil` when no participant lacks the measure (every rule gives the same counts).
    func run(_ byArm: [ResponderArm], rule: ResponderRule, referenceIndex: Int, context: String,
             _ log: inout NoteLog) -> ResponderSensitivity? {
        guard byArm.contains(where: { $0.missing > 0 }) else { return nil }
        var other = rule
        other.missing = rule.missing == .nonResponder ? .completeCase : .nonResponder
        let otherArms = byArm.map { arm in
            let n = other.missing == .completeCase ? arm.n - arm.missing : arm.n + arm.missing
            return ResponderEndpointAnalysis.arm(arm.arm, responders: arm.responders, of: n, missing: arm.missing,
                                                 context: "\(context), \(arm.arm)", &log)
        }
        var outcome = tests.responders(otherArms.map { ($0.responders, $0.n) }, context: context, &log)
        let acrossArms = byArm.count > 2
        if !acrossArms { outcome.comparisons.trend = nil }
        let everyone = rule.missing == .nonResponder ? byArm : otherArms
        let reference = everyone[referenceIndex]
        let tippingPoints = everyone.indices.filter { $0 != referenceIndex }.map { index in
            Self.tippingPoint(everyone[index], against: reference, context: "\(context), \(everyone[index].arm)", &log)
        }
        return ResponderSensitivity(missing: other.missing.rawValue, byArm: otherArms, test: acrossArms ? outcome.test : nil,
                                    pValue: acrossArms ? outcome.pValue : nil, comparisons: outcome.comparisons,
                                    tippingPoints: tippingPoints)
    }

    /// The tipping-point scenarios of `arm` against `reference`, both counted with every
    /// participant of the set (those without the measure as non-responders unless imputed).
    static func tippingPoint(_ arm: ResponderArm, against reference: ResponderArm, context: String,
                             _ log: inout NoteLog) -> TippingPointAnalysis {
        var scenarios: [TippingPointScenario] = []
        for referenceAdded in steps(upTo: reference.missing) {
            for armAdded in steps(upTo: arm.missing) {
                let armResponders = arm.responders + armAdded, referenceResponders = reference.responders + referenceAdded
                let difference = arm.n > 0 && reference.n > 0
                    ? Double(armResponders) / Double(arm.n) - Double(referenceResponders) / Double(reference.n) : nil
                let p = log.attempt("Fisher's exact test (tipping point)", context) {
                    try FisherExactTest.pValue(armResponders, arm.n - armResponders, referenceResponders, reference.n - referenceResponders)
                }
                scenarios.append(TippingPointScenario(armResponders: armAdded, referenceResponders: referenceAdded,
                                                      difference: difference, pValue: p))
            }
        }
        return TippingPointAnalysis(arm: arm.arm, armMissing: arm.missing, referenceMissing: reference.missing, scenarios: scenarios)
    }

    /// 0, 1, …, `missing` when at most ten, else 0 and the tenths of `missing`, rounded half up.
    static func steps(upTo missing: Int) -> [Int] {
        guard missing > 10 else { return Array(0...missing) }
        return (0...10).map { (missing * $0 + 5) / 10 }
    }
}
