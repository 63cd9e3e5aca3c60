import TrialAnalysis

extension ReportTables {
    /// The name of a modelled endpoint's table: "ancova-1" for the plan's first endpoint.
    public static func modelEndpointName(index: Int) -> String {
        "ancova-\(index + 1)"
    }

    /// The tables of the modelled endpoints, in the plan's order.
    public func modelEndpoints() -> [ReportTable] {
        results.modelEndpoints.enumerated().map { modelEndpoint($1, name: Self.modelEndpointName(index: $0)) }
    }

    /// One modelled endpoint: per arm n, mean ± SD of the value modelled, LS mean (SE), then the
    /// difference from the reference (SE), its 95% CI and p; footnotes give the model, the weights,
    /// the test across the arms, the dose–response slope and who was left out, from the results.
    func modelEndpoint(_ endpoint: ModelEndpointResult, name: String) -> ReportTable {
        let set = endpoint.set.map { " (\($0) set)" } ?? ""
        var table = ReportTable(
            name: name, caption: endpoint.name + set,
            headerRows: [[.init("", alignment: .left)] + endpoint.byArm.map { .init(ReportLabels.armHeader($0.arm, n: $0.n)) }])
        func difference(of arm: String) -> ModelEstimate? {
            endpoint.differences.first { $0.arm == arm }?.difference
        }
        let decimals = 2
        let reference = endpoint.differences.first?.reference ?? ""
        let rows: [(String, (ModelEndpointArm) -> String)] = [
            ("n analysed", { Display.integer($0.descriptives.n) }),
            ("Mean ± SD", { Display.meanWithSD(mean: $0.descriptives.mean, sd: $0.descriptives.sd, decimals: decimals) }),
            ("LS mean (SE)", { Self.withSE($0.lsMean, decimals: decimals) }),
            ("Difference from \(reference) (SE)", { $0.arm == reference ? "" : Self.withSE(difference(of: $0.arm), decimals: decimals) }),
            ("95% CI of the difference", { arm in
                guard arm.arm != reference, let estimate = difference(of: arm.arm) else { return "" }
                return Display.interval(estimate.ciLower, estimate.ciUpper, decimals: decimals)
            }),
            ("p", { $0.arm == reference ? "" : Display.pValue(difference(of: $0.arm)?.pValue) }),
        ]
        table.groups = [ReportTable.RowGroup(rows.map { label, cell in
            ReportTable.Row([.init(label)] + endpoint.byArm.map { .number(cell($0)) })
        })]
        for note in Self.modelNotes(endpoint, armsLeftOut: armsLeftOut(endpoint.byArm.map(\.arm))) { _ = table.addFootnote(note) }
        return table
    }

    /// An estimate with its standard error: "−0.47 (0.82)".
    static func withSE(_ estimate: ModelEstimate?, decimals: Int) -> String {
        guard let value = estimate?.estimate else { return Display.missing }
        return Display.number(value, decimals: decimals) + " (" + Display.number(estimate?.se, decimals: decimals) + ")"
    }

    /// The footnotes of a modelled endpoint, each from what was computed; `armsLeftOut` are the
    /// plan's arms the endpoint does not analyse.
    static func modelNotes(_ endpoint: ModelEndpointResult, armsLeftOut: [String]) -> [String] {
        if let failure = endpoint.failure { return ["The model \(endpoint.model) could not be fitted: \(failure)."] }
        let visit = endpoint.visitLabel.isEmpty ? "AVISITN \(Display.planValue(endpoint.visit))" : endpoint.visitLabel
        let parameter = endpoint.parameterLabel.isEmpty ? endpoint.parameter : "\(endpoint.parameterLabel) (\(endpoint.parameter))"
        var notes = ["\(parameter) at \(visit)" + (endpoint.recordFlag.map { ", records with \($0) = Y" } ?? "") + "."]
        notes += armsLeftNote(armsLeftOut, analysed: endpoint.byArm.map(\.arm))
        notes.append("Analysis of covariance \(endpoint.model) (R's lm); least-squares means with \(endpoint.weights) weights "
            + "over the other factors' levels and covariates at their means (emmeans); differences not adjusted for multiplicity.")
        if let test = endpoint.armTest {
            notes.append("Test across the arms given the covariates: F = \(Display.number(test.f, decimals: 2)) on \(test.df) and "
                + "\(test.residualDf) df, \(ReportContext.pStatement(test.pValue)).")
        }
        if let dose = endpoint.doseResponse {
            notes.append("Dose response: slope \(Display.number(dose.estimate, decimals: 4)) per dose unit (SE "
                + "\(Display.number(dose.se, decimals: 4))), \(ReportContext.pStatement(dose.pValue)), with the dose as a numeric term in place of the arm.")
        }
        if endpoint.excluded > 0 {
            notes.append("\(Display.integer(endpoint.excluded)) participants of the set without a record at the visit or with a missing covariate are not analysed.")
        }
        return notes
    }
}
