import TrialAnalysis

extension ReportContext {
    /// The supportive analyses: {methods (a paragraph), models and repeatedMeasures (each {name,
    /// sentence, table}; an MMRM's sentence starts with its methods), responders ({sentence, table},
    /// or false)}, or `nil` without them. Every word comes from the results: models,
    /// transformation, covariance, df method, rule, derivation.
    func supportiveValues() -> [String: Any]? {
        guard let supportive = results.supportiveAnalyses else { return nil }
        let models = supportive.modelEndpoints.enumerated().map { index, endpoint -> [String: Any] in
            let unit = plan.parameter(endpoint.parameter)?.unit ?? ""
            let means = endpoint.byArm.map { "\($0.arm) \(Self.estimate($0.backTransformed, unit: unit))" }
            return ["name": endpoint.name, "table": table(ReportTables.supportiveModelName(index: index)) as Any? ?? false,
                    "sentence": endpoint.failure.map { "The model could not be fitted: \($0)." }
                        ?? "Back-transformed LS means \(Self.prose(means)); \(Self.ratios(endpoint.differences))."]
        }
        let repeated = supportive.repeatedMeasuresEndpoints.enumerated().map { index, endpoint -> [String: Any] in
            let visits = Self.prose(endpoint.visits.map { "\($0.visitLabel) \(Self.ratios($0.differences))" })
            return ["name": endpoint.name,
                    "table": table(ReportTables.supportiveRepeatedMeasuresName(index: index)) as Any? ?? false,
                    "sentence": endpoint.failure.map { "The model could not be fitted: \($0)." }
                        ?? "\(endpoint.methodsSentence) \(visits)."]
        }
        let responders: Any = supportive.responderEndpoints.isEmpty ? false : [
            "sentence": Self.prose(supportive.responderEndpoints.map { endpoint in
                "\(endpoint.visitLabel) \(Self.responderRates(endpoint.byArm)), difference \(Self.rateDifferences(endpoint.comparisons))"
            }) + ".",
            "table": table(ReportTables.supportiveRespondersName) as Any? ?? false,
        ] as [String: Any]
        return ["methods": supportiveMethods(supportive), "models": models, "repeatedMeasures": repeated, "responders": responders]
    }

    /// "262.91 pmol/L (95% CI 243.14 to 284.28)".
    private static func estimate(_ estimate: BackTransformedEstimate?, unit: String) -> String {
        let value = Display.number(estimate?.estimate, decimals: 2) + (unit.isEmpty ? "" : " \(unit)")
        return "\(value) (95% CI \(Display.interval(estimate?.ciLower, estimate?.ciUpper, decimals: 2)))"
    }

    /// "ratio UC-MSC / Control 1.17 (95% CI 1.05 to 1.31; p = 0.006)" for each arm against the reference.
    private static func ratios(_ differences: [ModelDifference]) -> String {
        prose(differences.map { comparison in
            guard let ratio = comparison.ratio else { return "ratio \(comparison.arm) / \(comparison.reference) not estimable" }
            return "ratio \(comparison.arm) / \(comparison.reference) \(Display.number(ratio.estimate, decimals: 2)) (95% CI "
                + "\(Display.interval(ratio.ciLower, ratio.ciUpper, decimals: 2)); \(pStatement(comparison.difference?.pValue)))"
        })
    }

    /// The methods of the supportive analyses, from what was computed (an MMRM's are beside its results).
    private func supportiveMethods(_ supportive: SupportiveAnalysesResults) -> String {
        var sentences = ["These analyses support the published analyses above, which they leave unchanged; all participants "
            + "are analysed in the arm assigned, and no p-value is adjusted for multiplicity."]
        let logScale = supportive.modelEndpoints.map { ($0.parameter, $0.logOffset) }
            + supportive.repeatedMeasuresEndpoints.map { ($0.parameter, $0.logOffset) }
        let offsets = Set(logScale.compactMap(\.1))
        if let offset = offsets.first, offsets.count == 1 {
            let codes = logScale.map(\.0).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let parameters = Self.prose(codes.map { plan.parameter($0)?.label ?? $0 })
            sentences.append("\(parameters) \(codes.count == 1 ? "is" : "are") analysed on the log scale, \(ReportTables.logScaleWords(offset)).")
        }
        if let model = supportive.modelEndpoints.first {
            sentences.append("Analysis of covariance at \(model.visitLabel.lowercased()): \(model.model) (R's lm), least-squares "
                + "means with \(model.weights) weights (emmeans).")
        }
        if let responder = supportive.responderEndpoints.first {
            let definition = supportive.derivedParameters.first { $0.parameter == responder.parameter }
            let sources = plan.parameters.filter { definition?.expression.contains($0.code) ?? false }.map { "\($0.label) in \($0.unit)" }
            let comparison = responder.better == "lower" ? "≤" : "≥"
            let missing = responder.missing == "completeCase" ? "without a value left out" : "without a value counted as a non-responder"
            sentences.append((definition.map { "\($0.label) = \($0.expression) at the same visit (\(Self.prose(sources))); " } ?? "")
                + "a responder has \(responder.parameterLabel) \(comparison) \(Display.planValue(responder.threshold)), a participant "
                + "\(missing); rates with Wilson's 95% CI, differences in percentage points with Newcombe's hybrid score 95% CI, "
                + "\(responder.comparisons.pairwise.first?.test.displayName ?? "no test").")
        }
        return sentences.joined(separator: " ")
    }
}
