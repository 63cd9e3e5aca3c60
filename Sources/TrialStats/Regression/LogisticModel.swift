/// A binary response and the covariates of a logistic regression, checked and ready to fit.
///
/// The model is logit P(y = 1) = β₀ + β₁x₁ + … + βₖxₖ; the intercept is always included
/// and named "(Intercept)", the other terms carry the covariates' names in the order given.
/// Fit it with ``fitMaximumLikelihood()`` (R's `glm(family = binomial)`) or
/// ``fitFirth(confidenceLevel:)`` (Firth's penalized likelihood, as `logistf`).
///
/// ```swift
/// let model = try LogisticModel(response: remitted, covariates: [("CPEPF.BASE", cPeptide), ("MSCDOSE", dose)])
/// let fit = try model.fitFirth()
/// ```
public struct LogisticModel: Sendable {
    /// The term names: "(Intercept)" followed by the covariate names.
    public let termNames: [String]
    /// The response, each value 0 or 1.
    public let response: [Double]
    /// The design matrix, intercept column first.
    let design: DesignMatrix

    /// The number of observations (rows).
    public var observationCount: Int { response.count }
    /// The number of responses equal to 1.
    public let eventCount: Int

    /// Checks and stores a logistic model.
    ///
    /// - Parameters:
    ///   - response: the binary outcome, each value 0 or 1.
    ///   - covariates: named covariate columns, each as long as `response`; may be empty
    ///     for an intercept-only model.
    /// - Throws: ``LogisticModelError`` when a value is not finite, the response is not
    ///   binary or has no events or no non-events, there are fewer observations than
    ///   parameters, a name repeats, or a covariate is constant or collinear with others
    ///   (see ``LogisticModelError/collinearCovariate(_:with:)`` for the rule).
    /// - Complexity: O(n·p²) for n observations and p parameters.
    public init(response: [Double], covariates: [(name: String, values: [Double])]) throws(LogisticModelError) {
        let names = ["(Intercept)"] + covariates.map(\.name)
        if let repeated = Self.firstRepeated(names) { throw .duplicateName(repeated) }
        for covariate in covariates {
            guard covariate.values.count == response.count else {
                throw .lengthMismatch(covariate: covariate.name, count: covariate.values.count, expected: response.count)
            }
            if let row = covariate.values.firstIndex(where: { !$0.isFinite }) {
                throw .nonFiniteValue(variable: covariate.name, row: row)
            }
        }
        if let row = response.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(variable: "response", row: row) }
        if let row = response.firstIndex(where: { $0 != 0 && $0 != 1 }) {
            throw .responseNotBinary(row: row, value: response[row])
        }
        let events = response.reduce(0) { $0 + Int($1) }
        if events == 0 { throw .noEvents }
        if events == response.count { throw .noNonEvents }
        guard response.count >= names.count else {
            throw .tooFewObservations(observations: response.count, parameters: names.count)
        }
        try Self.checkCollinearity(covariates)
        termNames = names
        self.response = response
        eventCount = events
        design = DesignMatrix(rows: response.count, columnsAfterIntercept: covariates.map(\.values))
    }

    private static func firstRepeated(_ names: [String]) -> String? {
        var seen = Set<String>()
        return names.first { !seen.insert($0).inserted }
    }
}
