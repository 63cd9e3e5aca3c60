import TrialAnalysis

extension ReportTables {
    /// The name of a repeated-measures endpoint's table: "mmrm-1" for the first.
    public static func repeatedMeasuresEndpointName(index: Int) -> String {
        "mmrm-\(index + 1)"
    }

    /// The tables of the repeated-measures (MMRM) endpoints, in the plan's order.
    public func repeatedMeasuresEndpoints() -> [ReportTable] {
        (results.repeatedMeasuresEndpoints ?? []).enumerated().map {
            repeatedMeasuresEndpoint($1, name: Self.repeatedMeasuresEndpointName(index: $0))
        }
    }

    /// One MMRM endpoint: per visit (a group headed by the visit) and arm, n observed, mean ± SD of
    /// the values analysed, LS mean (SE), then the difference from the reference (SE), its 95% CI and
    /// p; footnotes give the records, the model, the covariance, the df method and who was left out.
    func repeatedMeasuresEndpoint(_ endpoint: RepeatedMeasuresEndpointResult, name: String) -> ReportTable {
        let set = endpoint.set.map { " (\($0) set)" } ?? ""
        let arms = endpoint.visits.first?.byArm ?? []
        var table = ReportTable(
            name: name, caption: endpoint.name + set,
            headerRows: [[.init("", alignment: .left)] + arms.map { .arm($0.arm, n: $0.n) }])
        table.context = ReportTable.Context(set: endpoint.set, parameter: endpoint.parameterLabel.isEmpty ? endpoint.parameter : endpoint.parameterLabel)
        table.groups = endpoint.visits.map { visit in
            let rows = Self.modelRows(countLabel: "n observed", differences: visit.differences, logScale: endpoint.logOffset != nil)
            let title = visit.visitLabel.isEmpty ? "AVISITN \(Display.planValue(visit.visit))" : visit.visitLabel
            let context = ReportTable.Context(visit: title)
            return ReportTable.RowGroup([ReportTable.Row([.init(title, emphasis: .bold)] + arms.map { _ in .init("") }, context: context)]
                + rows.map { label, cell in
                    ReportTable.Row([.init(label, indentation: 1)] + visit.byArm.map(cell), context: context)
                })
        }
        for note in Self.repeatedMeasuresNotes(endpoint) { _ = table.addFootnote(note) }
        return table
    }

    /// The footnotes of an MMRM endpoint, each from what was computed.
    static func repeatedMeasuresNotes(_ endpoint: RepeatedMeasuresEndpointResult) -> [String] {
        let parameter = endpoint.parameterLabel.isEmpty ? endpoint.parameter : "\(endpoint.parameterLabel) (\(endpoint.parameter))"
        var notes = ["\(parameter), observed records only (no DTYPE)" + (endpoint.recordFlag.map { ", records with \($0) = Y" } ?? "") + "."]
        if let failure = endpoint.failure {
            return notes + ["The mixed model \(endpoint.model) could not be fitted: \(failure)."]
        }
        notes.append(endpoint.methodsSentence)
        notes += logScaleNote(endpoint.logOffset)
        if endpoint.excluded > 0 {
            notes.append("\(Display.integer(endpoint.excluded)) participants of the set without an observed visit or with a missing covariate are not analysed.")
        }
        return notes
    }
}

extension RepeatedMeasuresEndpointResult {
    /// What was fitted, in one sentence: model, covariance (and the structures that failed), REML,
    /// df method, weights, participants and observations.
    public var methodsSentence: String {
        let names = ["unstructured": "unstructured", "compound-symmetry": "compound symmetry", "ar1": "first-order autoregressive",
                     "toeplitz-heterogeneous": "heterogeneous Toeplitz"]
        var covarianceText = "\(names[covariance ?? ""] ?? covariance ?? "") covariance over the visits"
        if !covarianceFailures.isEmpty {
            covarianceText += " (" + covarianceFailures.map { "\(names[$0.covariance] ?? $0.covariance) could not be fitted: \($0.reason)" }
                .joined(separator: "; ") + ")"
        }
        let df = ["satterthwaite": "Satterthwaite degrees of freedom",
                  "kenward-roger": "Kenward–Roger adjusted standard errors and degrees of freedom"][degreesOfFreedom] ?? degreesOfFreedom
        return "Mixed model for repeated measures \(model) (R's nlme::gls), \(covarianceText), REML; least-squares means per visit "
            + "with \(weights) weights (emmeans), \(df), differences not adjusted for multiplicity; "
            + "\(Display.integer(participants)) participants, \(Display.integer(observations)) observations."
    }
}
