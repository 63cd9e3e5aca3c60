/// The supportive analyses of the seed study's built-in profile (`SupportiveAnalysisPlan`), on all
/// participants: the modelled endpoints on the log scale and the responder endpoints of derived
/// parameters, each as the corresponding analysis of a CDISC ADaM plan gives it.
public struct SupportiveAnalysesResults: Codable, Sendable, Equatable {
    /// The parameters derived for the analyses (IDAA1c).
    public var derivedParameters: [DerivedParameterResult]
    /// The endpoints analysed by ANCOVA, in the profile's order.
    public var modelEndpoints: [ModelEndpointResult]
    /// The endpoints analysed by MMRM, in the profile's order.
    public var repeatedMeasuresEndpoints: [RepeatedMeasuresEndpointResult]
    /// The responder endpoints, in the profile's order.
    public var responderEndpoints: [ResponderEndpointResult]

    /// The supportive analyses' results.
    public init(derivedParameters: [DerivedParameterResult], modelEndpoints: [ModelEndpointResult],
                repeatedMeasuresEndpoints: [RepeatedMeasuresEndpointResult], responderEndpoints: [ResponderEndpointResult]) {
        self.derivedParameters = derivedParameters
        self.modelEndpoints = modelEndpoints
        self.repeatedMeasuresEndpoints = repeatedMeasuresEndpoints
        self.responderEndpoints = responderEndpoints
    }
}

/// A parameter derived by an expression of other parameters at the same visit, and its records.
public struct DerivedParameterResult: Codable, Sendable, Equatable {
    /// The parameter's code (`PARAMCD`).
    public var parameter: String
    /// Its description.
    public var label: String
    /// Its unit, or `""`.
    public var unit: String
    /// The expression, e.g. `HBA1C + 4 * INSDOSE`.
    public var expression: String
    /// The participant-visits with a value.
    public var records: Int
    /// The participant-visits with a value of some source parameter but none of the expression.
    public var missing: Int

    /// A derived parameter's summary.
    public init(parameter: String, label: String, unit: String, expression: String, records: Int, missing: Int) {
        self.parameter = parameter
        self.label = label
        self.unit = unit
        self.expression = expression
        self.records = records
        self.missing = missing
    }
}
