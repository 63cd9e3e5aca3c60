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
        var table = Self.endpointTable(endpoint, name: name, arms: endpoint.byArm.map { ($0.arm, $0.n) })
        let rows = Self.modelRows(countLabel: "n analysed", differences: endpoint.differences, logScale: endpoint.logOffset != nil)
        table.groups = [ReportTable.RowGroup(rows.map { label, cell in
            ReportTable.Row([.init(label)] + endpoint.byArm.map(cell))
        })]
        for note in Self.modelNotes(endpoint, armsLeftOut: armsLeftOut(endpoint.byArm.map(\.arm))) { _ = table.addFootnote(note) }
        return table
    }

    /// The rows of a modelled endpoint's arms, each a label and the arm's cell: n, mean ± SD, LS mean
    /// (SE), then, except for the reference arm, the difference from the reference (SE), its 95% CI
    /// and p; two decimals. On the log scale, the LS mean back-transformed with its 95% CI follows
    /// the LS mean, and the ratio of geometric means with its 95% CI the difference's CI.
    static func modelRows(countLabel: String, differences: [ModelDifference],
                          logScale: Bool = false) -> [(String, (ModelEndpointArm) -> ReportTable.Cell)] {
        let decimals = 2
        let reference = differences.first?.reference ?? ""
        func difference(of arm: String) -> ModelEstimate? {
            differences.first { $0.arm == arm }?.difference
        }
        let rows: [(String, (ModelEndpointArm) -> ReportTable.Cell)] = [
            (countLabel, { .count($0.descriptives.n) }),
            ("Mean ± SD", { .meanWithSD(mean: $0.descriptives.mean, sd: $0.descriptives.sd, decimals: decimals) }),
            ("LS mean (SE)", { Self.withSE($0.lsMean, decimals: decimals, names: ("ls_mean", "ls_mean_se")) }),
            ("Difference from \(reference) (SE)", {
                $0.arm == reference ? .number("") : Self.withSE(difference(of: $0.arm), decimals: decimals, names: ("difference", "difference_se"))
            }),
            ("95% CI of the difference", { arm in
                guard arm.arm != reference, let estimate = difference(of: arm.arm) else { return .number("") }
                return .interval(estimate.ciLower, estimate.ciUpper, decimals: decimals, names: ("difference_ci_lower", "difference_ci_upper"))
            }),
            ("p", { $0.arm == reference ? .number("") : .pValue(difference(of: $0.arm)?.pValue) }),
        ]
        guard logScale else { return rows }
        let backTransformed: (String, (ModelEndpointArm) -> ReportTable.Cell) = ("Back-transformed LS mean (95% CI)", { arm in
            .estimateWithInterval(arm.backTransformed?.estimate, lower: arm.backTransformed?.ciLower, upper: arm.backTransformed?.ciUpper,
                                  decimals: decimals, name: "back_transformed_ls_mean")
        })
        let ratio: (String, (ModelEndpointArm) -> ReportTable.Cell) = ("Ratio to \(reference) (95% CI)", { arm in
            guard arm.arm != reference, let ratio = differences.first(where: { $0.arm == arm.arm })?.ratio else { return .number("") }
            return .estimateWithInterval(ratio.estimate, lower: ratio.ciLower, upper: ratio.ciUpper, decimals: decimals, name: "ratio")
        })
        return Array(rows[..<3]) + [backTransformed] + rows[3..<5] + [ratio, rows[5]]
    }

    /// How a log-scale analysis's estimates are back-transformed, or no note when untransformed.
    static func logScaleNote(_ logOffset: Double?) -> [String] {
        logOffset.map { ["Analysed on the log scale, \(logScaleWords($0))."] } ?? []
    }

    /// "log(value + 1) with log(baseline + 1) as covariate; LS means back-transformed as exp(LS mean) − 1, …".
    static func logScaleWords(_ logOffset: Double) -> String {
        let plus = logOffset == 0 ? "" : " + \(Display.planValue(logOffset))"
        let minus = logOffset == 0 ? "" : " − \(Display.planValue(logOffset))"
        return "log(value\(plus)) with log(baseline\(plus)) as covariate; LS means back-transformed as exp(LS mean)\(minus), "
            + "differences as ratios of geometric means of value\(plus), exp(difference), each with its 95% CI"
    }

    /// An estimate with its standard error: "−0.47 (0.82)", its statistics named `names`.
    static func withSE(_ estimate: ModelEstimate?, decimals: Int, names: (String, String)) -> ReportTable.Cell {
        guard let value = estimate?.estimate else { return .number(nil, decimals: decimals, name: names.0) }
        let statistics: [ReportTable.Statistic] = [.number(names.0, value, decimals: decimals), .number(names.1, estimate?.se, decimals: decimals)]
        return .number(statistics[0].shown + " (" + statistics[1].shown + ")", statistics: statistics)
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
        notes += logScaleNote(endpoint.logOffset)
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
