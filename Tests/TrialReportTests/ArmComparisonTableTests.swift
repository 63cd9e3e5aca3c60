import Testing
import TrialAnalysis
import TrialReport
import TrialStats

/// The tables of each arm against the reference (plans of more than two arms).
@Suite struct ArmComparisonTableTests {
    static func comparisons(adjustment: MultiplicityAdjustment, trend: TrendComparison?, difference: Bool) -> ArmComparisons {
        let pairwise = [
            PairwiseComparison(arm: "Low", difference: difference ? ProportionDifference(estimate: 0.1634, ciLower: -0.0125, ciUpper: 0.3536) : nil,
                               test: difference ? .fisherExact : .mannWhitney, pValue: 0.1229, adjustedPValue: 0.1229,
                               effect: difference ? nil : LocationEffect(estimator: .hodgesLehmannExact, estimate: -0.2, ciLower: -0.6,
                                                                         ciUpper: 0.1, ciLevel: 0.95)),
            PairwiseComparison(arm: "High", difference: difference ? ProportionDifference(estimate: 0.3205, ciLower: 0.1188, ciUpper: 0.5061) : nil,
                               test: difference ? .fisherExact : .mannWhitney, pValue: 0.0036, adjustedPValue: 0.0073),
        ]
        return ArmComparisons(reference: "Placebo", adjustment: adjustment, pairwise: pairwise, trend: trend)
    }

    @Test func twoArmResultsHaveNoSuchTables() {
        let tables = ReportTables(results: DocumentSamples.results(), plan: AnalysisPlan())
        #expect(tables.remissionArmComparisons() == nil)
        #expect(tables.endpointArmComparisons(parameter: "CPEPF") == nil)
    }

    @Test func remissionShowsEachArmsDifferencePAdjustedPAndTheTrend() throws {
        var results = DocumentSamples.results()
        results.remission?.overall.armComparisons = Self.comparisons(
            adjustment: .holm, trend: TrendComparison(test: .cochranArmitage, slope: 0.0038, pValue: 0.0022), difference: true)
        let table = try #require(ReportTables(results: results, plan: AnalysisPlan()).remissionArmComparisons())
        #expect(table.headerRows[0].map(\.text) == ["", "Low vs Placebo", "High vs Placebo", "Dose trend"])
        #expect(table.headerRows[1].map(\.text) == ["Population", "pp (95% CI)", "p", "Adjusted p", "pp (95% CI)", "p", "Adjusted p", "p"])
        let row = table.groups[0].rows[0].cells.map(\.text)
        #expect(row[0] == "All participants")
        #expect(row[1] == Display.percentagePointDifference(0.1634, lower: -0.0125, upper: 0.3536))
        #expect(Array(row[2...]) == ["0.123", "0.123", row[4], "0.004", "0.007", "0.002"])
        let notes = table.footnotes.map(\.text)
        #expect(notes.contains("P-values adjusted by Holm's method over the 2 comparisons with the reference."))
        #expect(notes.contains("Fisher's exact test."))
        #expect(notes.contains("Cochran–Armitage trend test."))
        // The subgroup levels without comparisons keep their label only.
        #expect(table.groups.count == 1 + (results.remission?.subgroups.count ?? 0))
    }

    @Test func endpointsWithoutAdjustmentOrDosesShowEachArmsShiftAndP() throws {
        var results = DocumentSamples.results()
        let index = try #require(results.endpoints.firstIndex { $0.parameter == "HBA1C" })
        results.endpoints[index].armComparisons = Self.comparisons(adjustment: .none, trend: nil, difference: false)
        let table = try #require(ReportTables(results: results, plan: AnalysisPlan()).endpointArmComparisons(parameter: "HBA1C"))
        #expect(table.name == "arm-comparisons-hba1c")
        #expect(table.headerRows[1].map(\.text) == ["Population, visit", "Shift (95% CI)", "p", "Shift (95% CI)", "p"])
        let row = try #require(table.groups.first { $0.rows[0].cells.count > 1 }).rows[0].cells.map(\.text)
        // HbA1c has one decimal; an effect not computed shows "—" and has no footnote.
        #expect(Array(row[1...]) == [Display.estimateWithInterval(-0.2, lower: -0.6, upper: 0.1, decimals: 1), "0.123", "—", "0.004"])
        #expect(table.footnotes.map(\.text) == [
            "Hodges–Lehmann estimate of the shift in the change from baseline, Low − Placebo, with its exact 95% CI.",
            "Wilcoxon rank-sum (Mann–Whitney) test.",
        ])
    }
}
