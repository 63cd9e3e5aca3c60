import Foundation
import Testing
import TrialAnalysis
@testable import TrialReport

/// Odds ratios shown for the plan's `oddsRatioPer` change of a covariate, with labels saying so.
@Suite struct OddsRatioDisplayTests {
    private let plan = AnalysisPlan()

    @Test func labelsNameTheChangeTheOddsRatioIsFor() {
        #expect(ReportLabels(plan: plan).covariate("CPEPF.BASE") == "Baseline fasting C-peptide, per\(FigureText.space)pmol/L")
        #expect(ReportLabels(plan: plan).covariate("CPEPF.BASE", per: 100) == "Baseline fasting C-peptide, per\(FigureText.space)100\(FigureText.space)pmol/L")
        #expect(ReportLabels(plan: plan).covariate("AGE", per: 1) == "Age, per\(FigureText.space)year")
        #expect(ReportLabels(plan: plan).covariate("AGE", per: 10) == "Age, per\(FigureText.space)10\(FigureText.space)years")
        #expect(ReportLabels(plan: plan).covariate("MSCDOSE", per: 2.5) == "UC-MSC dose, per\(FigureText.space)2.5 × 10⁶ cells/kg")
        #expect(ReportLabels(plan: plan).covariate("WEIGHT", per: 5) == "WEIGHT, per\(FigureText.space)5")
    }

    @Test func theDoseIsNamedForTheTreatmentArmInTablesTextAndOddsRatiosAlike() {
        var plan = plan
        plan.arms = ArmLabels(treatment: "Stem cells", control: "Placebo")
        let labels = ReportLabels(plan: plan)
        #expect(labels.variable("MSCDOSE") == "Stem cells dose (10⁶ cells/kg)")
        #expect(labels.covariate("MSCDOSE") == "Stem cells dose, per\(FigureText.space)10⁶ cells/kg")
    }

    @Test func theTableTheTextAndTheForestPlotShowTheScaledOddsRatio() throws {
        var results = DocumentSamples.results()
        let perUnit = try #require(results.logistic?.terms[1])
        results.logistic?.terms[1] = perUnit.scaled(per: 100)
        let scaled = try #require(results.logistic?.terms[1].oddsRatioPer)
        let shown = Display.estimateWithInterval(scaled.oddsRatio, lower: scaled.ciLower, upper: scaled.ciUpper, decimals: 2)
        #expect(shown != Display.estimateWithInterval(perUnit.oddsRatio, lower: perUnit.ciLower, upper: perUnit.ciUpper, decimals: 2))

        let table = ReportTables(results: results, plan: plan).predictors(try #require(results.logistic))
        let row = try #require(table.rows.first { $0.cells[0].text.hasPrefix("Baseline fasting C-peptide") })
        #expect(row.cells[0].text.hasSuffix("100\(FigureText.space)pmol/L"))
        #expect(row.cells[3].text == shown)

        let report = try DocumentSamples.compose(results)
        #expect(report.markdown.contains("OR \(shown)"))
        let figure = TrialFigures(results: results, plan: plan).build(.remissionForest)
        #expect(FigureFiles.texts(figure).contains(shown))
    }

    @Test func aLimitNotEstablishedReadsSoWithItsExplanationInTheTableTheTextAndTheForest() throws {
        var results = DocumentSamples.results()
        results.logistic?.terms[2].ciUpper = nil
        let table = ReportTables(results: results, plan: plan).predictors(try #require(results.logistic))
        let row = try #require(table.rows.first { $0.cells[0].text.hasPrefix("UC-MSC dose") })
        #expect(row.cells[3].text == "5.11 (1.70 to not established)")
        let footnote = try #require(table.footnotes.first { row.cells[3].footnotes.contains($0.marker) })
        #expect(footnote.text.hasPrefix("A confidence limit shown as not established could not be found"))
        #expect(!table.rows.contains { $0.cells[1].footnotes.contains(footnote.marker) }, "only the cell with the missing limit")
        let predictors = ReportContext(results: results, plan: plan, provenance: DocumentSamples.provenance, tables: [],
                                       figureNames: []).values()["predictors"] as? [String: Any]
        let terms = try #require(predictors?["terms"] as? [[String: Any]])
        #expect(terms.last?["oddsRatio"] as? String == "5.11 (1.70 to not established)")
        let forest = FigureFiles.texts(TrialFigures(results: results, plan: plan).build(.remissionForest)).joined(separator: " ")
        #expect(forest.contains("to not established)"))
        #expect(forest.contains(footnote.text))
    }

    @Test func withEveryLimitEstablishedNeitherTableNorForestExplainsNotEstablished() throws {
        let results = DocumentSamples.results()
        let table = ReportTables(results: results, plan: plan).predictors(try #require(results.logistic))
        #expect(!table.footnotes.contains { $0.text.contains("not established") })
        let forest = FigureFiles.texts(TrialFigures(results: results, plan: plan).build(.remissionForest)).joined(separator: " ")
        #expect(!forest.contains("not established"))
    }
}
