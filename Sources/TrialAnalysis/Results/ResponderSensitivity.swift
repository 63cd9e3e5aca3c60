/// How a responder endpoint's comparisons depend on the participants without the measure: the
/// analysis under the other missing-data rule, and for each arm against the reference a
/// tipping-point analysis.
public struct ResponderSensitivity: Codable, Sendable, Equatable {
    /// The other rule: `completeCase` when the endpoint's rule is `nonResponder`, else `nonResponder`.
    public var missing: String
    /// The arms under the other rule, in the plan's order.
    public var byArm: [ResponderArm]
    /// The test across the arms under the other rule (more than two arms), or `nil`.
    public var test: TestName?
    /// Its p-value, or `nil`.
    public var pValue: Double?
    /// Each arm against the reference under the other rule.
    public var comparisons: ArmComparisons
    /// One tipping-point analysis per arm compared with the reference, in the plan's order.
    public var tippingPoints: [TippingPointAnalysis]

    /// A sensitivity analysis.
    public init(missing: String, byArm: [ResponderArm], test: TestName?, pValue: Double?, comparisons: ArmComparisons,
                tippingPoints: [TippingPointAnalysis]) {
        self.missing = missing
        self.byArm = byArm
        self.test = test
        self.pValue = pValue.finite
        self.comparisons = comparisons
        self.tippingPoints = tippingPoints
    }
}

/// One arm against the reference as the participants without the measure are counted
/// responders, in each arm from none to all: Fisher's exact test of every scenario.
public struct TippingPointAnalysis: Codable, Sendable, Equatable {
    /// The arm compared with the reference.
    public var arm: String
    /// Participants of the arm without the measure.
    public var armMissing: Int
    /// Participants of the reference arm without the measure.
    public var referenceMissing: Int
    /// The scenarios, the reference's count outer and the arm's inner, each ascending.
    public var scenarios: [TippingPointScenario]

    /// A tipping-point analysis.
    public init(arm: String, armMissing: Int, referenceMissing: Int, scenarios: [TippingPointScenario]) {
        self.arm = arm
        self.armMissing = armMissing
        self.referenceMissing = referenceMissing
        self.scenarios = scenarios
    }
}

/// One scenario: how many of each arm's participants without the measure count as responders
/// (the others as non-responders), the difference of the rates and Fisher's exact p.
public struct TippingPointScenario: Codable, Sendable, Equatable {
    /// Participants without the measure counted responders in the arm.
    public var armResponders: Int
    /// Participants without the measure counted responders in the reference arm.
    public var referenceResponders: Int
    /// The arm's rate minus the reference's, or `nil`.
    public var difference: Double?
    /// Fisher's exact two-sided p (not adjusted for multiplicity), or `nil`.
    public var pValue: Double?

    /// A scenario; non-finite values become `nil`.
    public init(armResponders: Int, referenceResponders: Int, difference: Double?, pValue: Double?) {
        self.armResponders = armResponders
        self.referenceResponders = referenceResponders
        self.difference = difference.finite
        self.pValue = pValue.finite
    }
}
