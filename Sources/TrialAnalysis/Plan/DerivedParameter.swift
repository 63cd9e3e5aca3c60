/// A parameter the plan derives from the records of the measurement datasets, analysed like any
/// other (endpoints, tables, figures): the area under a curve of timed samples, or an arithmetic
/// expression of parameters at the same visit.
public struct DerivedParameter: Sendable, Hashable {
    /// How the parameter's value at a visit is computed.
    public enum Derivation: Sendable, Hashable {
        /// The area under the curve of `parameter`'s timed samples within each visit (ATPTN, in
        /// minutes) by the trapezoidal rule; with `mean`, divided by the time from the first to the
        /// last sample (e.g. a 2-hour mixed-meal test's C-peptide AUC / 120 min).
        case areaUnderCurve(parameter: String, mean: Bool)
        /// The expression of parameters' values at the same visit, e.g. IDAA1c = HbA1c + 4 × insulin dose.
        case expression(ParameterExpression)

        /// The parameters the derivation reads.
        public var sources: [String] {
            switch self {
            case .areaUnderCurve(let parameter, _): [parameter]
            case .expression(let expression): expression.parameters
            }
        }
    }

    /// The new parameter's code (PARAMCD), distinct from the datasets' codes.
    public var code: String
    /// Its description (PARAM), as tables and figures show it.
    public var label: String
    /// Its unit, or `""`.
    public var unit: String
    /// How it is computed.
    public var derivation: Derivation

    /// A derived parameter.
    public init(code: String, label: String, unit: String = "", derivation: Derivation) {
        self.code = code
        self.label = label
        self.unit = unit
        self.derivation = derivation
    }
}
