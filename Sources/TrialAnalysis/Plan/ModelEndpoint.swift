/// An endpoint at one visit: a parameter of a Basic Data Structure dataset, its value, change or
/// percent change, in an analysis set, analysed by a linear model (ANCOVA: arm plus covariates)
/// or, with a `responder` rule, as the share of responders per arm.
///
/// For example the CDISC pilot's primary endpoint: the ADAS-Cog(11) total (`ACTOT`) change from
/// baseline at week 24 (`AVISITN` 24) in the efficacy set, records with `ANL01FL = Y`, adjusted
/// for site group and baseline, with LS means weighted in proportion to the data.
public struct ModelEndpoint: Sendable, Hashable {
    /// What is modelled.
    public enum Measure: String, CaseIterable, Sendable {
        /// AVAL at the visit.
        case value
        /// The change from baseline: CHG, else AVAL − BASE.
        case change
        /// The percent change from baseline: PCHG, else (AVAL − BASE) / BASE × 100.
        case percentChange
    }

    /// How the LS means average over the levels of the other factors (emmeans' `weights`).
    public enum Weights: String, CaseIterable, Sendable {
        /// Each combination of the other factors' levels alike (emmeans' default).
        case equal
        /// Each combination by its frequency in the data (SAS's `OM`).
        case proportional
        /// Each combination by the product of the factors' marginal frequencies.
        case outer
    }

    /// The name the report gives the endpoint.
    public var name: String
    /// The parameter (`PARAMCD`).
    public var parameter: String
    /// The analysis visit (`AVISITN`).
    public var visit: Double
    /// The value modelled.
    public var measure: Measure
    /// The analysis set, or `nil` for every participant in the arm assigned.
    public var set: String?
    /// The record-level flag (`ANL01FL`) whose value `Y` selects the records analysed, or `nil` for all.
    public var recordFlag: String?
    /// The covariates besides the arm, in model order: subject-level variables (a text variable is a
    /// factor, a numeric one a covariate) or `BASE`, the parameter's baseline.
    public var covariates: [String]
    /// The weights of the LS means.
    public var weights: Weights
    /// The arms analysed, by label, or `nil` for every arm of the plan; they include the reference arm.
    public var arms: [String]?
    /// The rule of a responder endpoint, whose responders are compared between the arms instead of
    /// the measure being modelled (the covariates and weights then do not apply), or `nil`.
    public var responder: ResponderRule?

    /// An endpoint; by default the change from baseline adjusted for the baseline, LS means with equal weights.
    public init(name: String, parameter: String, visit: Double, measure: Measure = .change, set: String? = nil,
                recordFlag: String? = nil, covariates: [String] = [ModelEndpoint.baseline], weights: Weights = .equal,
                arms: [String]? = nil, responder: ResponderRule? = nil) {
        self.name = name
        self.parameter = parameter
        self.visit = visit
        self.measure = measure
        self.set = set
        self.recordFlag = recordFlag
        self.covariates = covariates
        self.weights = weights
        self.arms = arms
        self.responder = responder
    }

    /// The covariate that names the parameter's baseline value.
    public static let baseline = "BASE"
}
