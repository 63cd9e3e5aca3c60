/// The results of a responder endpoint: the participants whose measure meets the plan's rule, per
/// arm, and the comparisons between the arms.
public struct ResponderEndpointResult: Codable, Sendable, Equatable {
    /// The endpoint's name in the plan.
    public var name: String
    /// The parameter (`PARAMCD`).
    public var parameter: String
    /// The parameter's description (PARAM), or `""`.
    public var parameterLabel: String
    /// The analysis visit (`AVISITN`).
    public var visit: Double
    /// The visit's label (AVISIT), or `""`.
    public var visitLabel: String
    /// The measure judged: `value`, `change` or `percentChange`.
    public var measure: String
    /// The threshold a responder's measure reaches.
    public var threshold: Double
    /// `higher` (a responder is at or above the threshold) or `lower` (at or below).
    public var better: String
    /// `nonResponder` (a participant without the measure counts as a non-responder) or
    /// `completeCase` (is left out).
    public var missing: String
    /// The analysis set, or `nil` for every participant by the arm assigned.
    public var set: String?
    /// The record flag selecting the records judged, or `nil`.
    public var recordFlag: String?
    /// Participants with more than one record at the visit (the first is judged).
    public var duplicateRecords: Int
    /// The arms analysed, in the plan's order.
    public var byArm: [ResponderArm]
    /// The test across the arms (more than two arms), or `nil`.
    public var test: TestName?
    /// Its p-value, or `nil`.
    public var pValue: Double?
    /// Each arm against the reference (difference of rates, Fisher's exact test), the plan's
    /// multiplicity adjustment and, for more than two arms with doses, the trend in dose.
    public var comparisons: ArmComparisons
    /// Each subgroup of the plan: the responders within its levels with the differences against the
    /// reference, and the arm × subgroup interaction test; `nil` when the plan has no subgroups.
    public var subgroups: [ResponderSubgroupResult]?
    /// The analysis under the other missing-data rule and the tipping-point analyses; `nil` when
    /// every participant of the set has the measure.
    public var sensitivity: ResponderSensitivity?

    /// A responder endpoint's results.
    public init(name: String, parameter: String, parameterLabel: String, visit: Double, visitLabel: String, measure: String,
                threshold: Double, better: String, missing: String, set: String?, recordFlag: String?, duplicateRecords: Int,
                byArm: [ResponderArm], test: TestName?, pValue: Double?, comparisons: ArmComparisons,
                subgroups: [ResponderSubgroupResult]? = nil, sensitivity: ResponderSensitivity? = nil) {
        self.name = name
        self.parameter = parameter
        self.parameterLabel = parameterLabel
        self.visit = visit
        self.visitLabel = visitLabel
        self.measure = measure
        self.threshold = threshold
        self.better = better
        self.missing = missing
        self.set = set
        self.recordFlag = recordFlag
        self.duplicateRecords = duplicateRecords
        self.byArm = byArm
        self.test = test
        self.pValue = pValue.finite
        self.comparisons = comparisons
        self.subgroups = subgroups
        self.sensitivity = sensitivity
    }
}

/// One arm of a responder endpoint.
public struct ResponderArm: Codable, Sendable, Equatable {
    /// The arm.
    public var arm: String
    /// Participants analysed: the arm's participants in the set, less those left out for a missing
    /// measure under `completeCase`.
    public var n: Int
    /// Responders among them.
    public var responders: Int
    /// Participants of the set without the measure at the visit (non-responders or left out, as the rule says).
    public var missing: Int
    /// responders / n, or `nil` when n is 0.
    public var rate: Double?
    /// Lower limit of the Wilson 95% interval of the rate.
    public var ciLower: Double?
    /// Upper limit of the Wilson 95% interval of the rate.
    public var ciUpper: Double?

    /// An arm's counts.
    public init(arm: String, n: Int, responders: Int, missing: Int, rate: Double?, ciLower: Double?, ciUpper: Double?) {
        self.arm = arm
        self.n = n
        self.responders = responders
        self.missing = missing
        self.rate = rate.finite
        self.ciLower = ciLower.finite
        self.ciUpper = ciUpper.finite
    }
}
