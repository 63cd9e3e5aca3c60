import Foundation
import Testing
import TrialAnalysis
@testable import TrialReport

/// What the report says about its methods is built from what the results say was computed: the
/// method of each logistic model, the measure of each comparison, what the missing-data rule did;
/// and a value of the plan is shown as the plan writes it.
@Suite struct ReportWordsTests {
    /// How the multivariable model and each univariable model were fitted.
    struct Fits: CustomTestStringConvertible, Sendable {
        var multivariable: (LogisticFitMethod, LogisticMethodReason)
        var univariable: [(LogisticFitMethod, LogisticMethodReason)]
        /// The methods' sentences expected.
        var sentences: String
        var testDescription: String { sentences }
    }

    static let wald = "Wald 95% confidence intervals and p-values."
    static let profile = "95% confidence intervals and p-values from the profile penalized likelihood (Heinze and Schemper, 2002)."

    /// Every plan method (ml, firth, auto) with the outcomes `auto` can have, multivariable and univariable.
    static let fits: [Fits] = [
        Fits(multivariable: (.ml, .requested), univariable: [(.ml, .requested), (.ml, .requested)],
             sentences: "The multivariable model was fitted by maximum likelihood as the plan asks; \(wald) "
                + "The univariable models were fitted by maximum likelihood as the plan asks; \(wald)"),
        Fits(multivariable: (.firth, .requested), univariable: [(.firth, .requested), (.firth, .requested)],
             sentences: "The multivariable model was fitted by Firth's penalized likelihood as the plan asks; \(profile) "
                + "The univariable models were fitted by Firth's penalized likelihood as the plan asks; \(profile)"),
        Fits(multivariable: (.firth, .fewEventsPerCovariate), univariable: [(.ml, .enoughEventsPerCovariate), (.ml, .enoughEventsPerCovariate)],
             sentences: "The multivariable model was fitted by Firth's penalized likelihood because there were fewer than 10 events "
                + "per covariate (5.5 per covariate: 11 events for 2 covariates), too few for unbiased maximum-likelihood estimates; "
                + "\(profile) The univariable models were fitted by maximum likelihood because there were at least 10 events per "
                + "covariate (11 events) and no separation; \(wald)"),
        Fits(multivariable: (.ml, .enoughEventsPerCovariate), univariable: [(.ml, .enoughEventsPerCovariate), (.ml, .enoughEventsPerCovariate)],
             sentences: "The multivariable model was fitted by maximum likelihood because there were at least 10 events per covariate "
                + "(5.5 per covariate: 11 events for 2 covariates) and no separation; \(wald) The univariable models were fitted "
                + "by maximum likelihood because there were at least 10 events per covariate (11 events) and no separation; \(wald)"),
        Fits(multivariable: (.firth, .separation), univariable: [(.ml, .enoughEventsPerCovariate), (.firth, .separation)],
             sentences: "The multivariable model was fitted by Firth's penalized likelihood because maximum likelihood found "
                + "separation in the data (an odds ratio would be infinite); \(profile) The univariable model of fasting C-peptide at "
                + "baseline (pmol/L) was fitted by maximum likelihood because there were at least 10 events per covariate (11 events) "
                + "and no separation; \(wald) The univariable model of UC-MSC dose (10⁶ cells/kg) was fitted by Firth's penalized "
                + "likelihood because maximum likelihood found separation in the data (an odds ratio would be infinite); \(profile)"),
    ]

    static func results(_ fits: Fits) -> Results {
        var results = DocumentSamples.results()
        var logistic = results.logistic!
        (logistic.method, logistic.methodReason) = fits.multivariable
        for (index, fit) in fits.univariable.enumerated() {
            (logistic.univariable[index].method, logistic.univariable[index].methodReason) = fit
        }
        results.logistic = logistic
        return results
    }

    static func values(_ results: Results, plan: AnalysisPlan = AnalysisPlan()) -> [String: Any] {
        ReportContext(results: results, plan: plan, provenance: DocumentSamples.provenance,
                      tables: ReportTables(results: results, plan: plan).all(), figureNames: []).values()
    }

    static func methods(_ results: Results, plan: AnalysisPlan = AnalysisPlan()) -> [String: Any] {
        values(results, plan: plan)["methods"] as? [String: Any] ?? [:]
    }

    static func remission(_ results: Results, plan: AnalysisPlan = AnalysisPlan()) -> [String: Any] {
        values(results, plan: plan)["remission"] as? [String: Any] ?? [:]
    }

    @Test(arguments: fits)
    func methodsSayHowEachModelWasFittedAndWhereItsIntervalsComeFrom(_ fits: Fits) {
        #expect(Self.methods(Self.results(fits))["logisticModels"] as? String == fits.sentences)
    }

    @Test(arguments: fits)
    func predictorsTableFootnotesNameTheMethodOfEachColumn(_ fits: Fits) throws {
        let results = Self.results(fits)
        let table = ReportTables(results: results, plan: AnalysisPlan()).predictors(try #require(results.logistic))
        func footnote(_ marker: String?) -> String? { table.footnotes.first { $0.marker == marker }?.text }
        let multivariable = try #require(footnote(table.headerRows[0][2].footnotes.first))
        #expect(multivariable.hasPrefix(LogisticMethodWords.note(fits.multivariable.0)))
        let univariableMethods = Set(fits.univariable.map(\.0))
        if univariableMethods.count == 1 {
            #expect(footnote(table.headerRows[0][1].footnotes.first) == LogisticMethodWords.note(fits.univariable[0].0))
        } else {
            for (row, fit) in zip(table.groups[0].rows, fits.univariable) {
                #expect(footnote(row.cells[1].footnotes.first) == LogisticMethodWords.note(fit.0))
            }
        }
    }

    @Test func forestCaptionNamesTheMultivariableAndUnivariableMethods() {
        let results = Self.results(Self.fits[2])
        let text = FigureFiles.texts(TrialFigures(results: results, plan: AnalysisPlan()).build(.remissionForest))
            .joined(separator: " ").replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Multivariable model: Firth's penalized-likelihood logistic regression"))
        #expect(text.contains("95% CI and p from the profile penalized likelihood."))
        #expect(text.contains("Univariable models: maximum-likelihood logistic regression"))
        #expect(text.contains("Wald 95% CI and p."))
    }

    @Test func betweenArmSentenceNamesTheMeasureEachParameterWasComparedOn() {
        let results = DocumentSamples.results()
        #expect(Self.methods(results)["betweenArms"] as? String
            == "Arms are compared on the percent change from baseline of fasting C-peptide and postprandial C-peptide with the "
            + "Wilcoxon rank-sum (Mann–Whitney) test; on the change from baseline of HbA1c and daily insulin dose with the "
            + "Wilcoxon rank-sum (Mann–Whitney) test.")
        var changeOnly = results
        for index in changeOnly.endpoints.indices { changeOnly.endpoints[index].between.measure = .change }
        #expect(Self.methods(changeOnly)["betweenArms"] as? String
            == "Arms are compared on the change from baseline of fasting C-peptide, postprandial C-peptide, HbA1c and daily "
            + "insulin dose with the Wilcoxon rank-sum (Mann–Whitney) test.")
    }

    @Test func missingBaselineIsCountedInTheMethodsUnderNonResponder() {
        var results = DocumentSamples.results()
        results.remission?.overall.byArm[0].missingBaseline = 1
        results.remission?.overall.byArm[1].missingCountedAsNonResponders = 0
        let remission = Self.remission(results)
        #expect(remission["missingRule"] as? String == "a remission parameter missing at baseline or at the primary visit cannot "
            + "meet the rule, so a participant without the values the rule needs counts as not in remission")
        #expect(remission["missingCounts"] as? String
            == "1 participant had no baseline value of a remission parameter; 1 participant was counted as not in remission "
            + "because of a missing value.")
    }

    @Test func missingBaselineIsCountedInTheMethodsUnderCompleteCase() {
        var results = DocumentSamples.results()
        var plan = AnalysisPlan()
        plan.remission.missing = .completeCase
        for index in DocumentSamples.results().remission!.overall.byArm.indices {
            results.remission?.overall.byArm[index].missingCountedAsNonResponders = 0
            results.remission?.overall.byArm[index].missingBaseline = 1
            results.remission?.overall.byArm[index].excluded = 2
        }
        let remission = Self.remission(results, plan: plan)
        #expect(remission["missingRule"] as? String
            == "participants missing a remission parameter at baseline or at the primary visit are left out (complete cases)")
        #expect(remission["missingCounts"] as? String
            == "2 participants had no baseline value of a remission parameter; 4 participants were left out.")
    }

    @Test func planValuesAreShownAsWrittenInTheMethodsAndTheFigure() throws {
        var plan = AnalysisPlan()
        plan.remission.minPercentIncrease = 12.25
        plan.subgroups[0].cut = 17.25
        let results = DocumentSamples.results()
        #expect(Self.remission(results, plan: plan)["threshold"] as? String == "12.25%")
        let subgroups = try #require(Self.methods(results, plan: plan)["subgroups"] as? [[String: Any]])
        #expect(subgroups.first?["cut"] as? String == "17.25")
        let figure = FigureFiles.texts(TrialFigures(results: results, plan: plan).build(.remissionRates)).joined(separator: " ")
        #expect(figure.contains("12.25%"))
    }

    @Test func planValueShowsEveryDigitItHasAndNoMore() {
        #expect(Display.planValue(12.25) == "12.25")
        #expect(Display.planValue(17.25) == "17.25")
        #expect(Display.planValue(18) == "18")
        #expect(Display.planValue(0.125) == "0.125")
        #expect(Display.planValue(-2.5) == "\u{2212}2.5")
        #expect(Display.planValue(1e-7) == "0.0000001")
    }

    @Test func confidenceLimitsInPercentAreScaledOnTheDecimalDigits() throws {
        // 0.0285 × 100 is 2.8499999999999996 in binary, which would round to 2.8.
        #expect(Display.percentageInterval(0.0285, 0.4125) == "2.9 to 41.3")
        let arm = RemissionArm(arm: "UC-MSC", n: 27, responders: 11, rate: 11.0 / 27, ciLower: 0.0285, ciUpper: 0.4125,
                               excluded: 0, missingCountedAsNonResponders: 0, missingBaseline: 0, undefinedPercentChanges: 0)
        var results = DocumentSamples.results()
        results.remission?.overall.byArm[0] = arm
        let table = ReportTables(results: results, plan: AnalysisPlan()).primaryEndpoint(try #require(results.remission))
        #expect(table.groups[0].rows[0].cells[2].text == "2.9 to 41.3")
        let treatment = Self.remission(results)["treatment"] as? [String: Any]
        #expect(treatment?["ci"] as? String == "2.9 to 41.3%")
    }

    @Test func summaryFramesTheSubgroupsByTheirInteractionAfterTheOverallResult() throws {
        let values = Self.values(DocumentSamples.results())
        let remission = try #require(values["remission"] as? [String: Any])
        let interactions = try #require(remission["interactions"] as? [[String: Any]])
        #expect(interactions.first?["framing"] as? String == "Treatment × Onset interaction: p = 0.472 (Wald test of the "
            + "logistic regression coefficient); the data do not show that the effect differs between the onset groups, "
            + "so the results within each group are descriptive.")
        let levels = try #require(interactions.first?["levels"] as? [[String: Any]])
        #expect(levels.map { $0["level"] as? String } == ["Adult-onset", "Juvenile-onset"])
        let summary = try String(contentsOf: DocumentSamples.templatesDirectory.appendingPathComponent("partials/summary.mustache"),
                                 encoding: .utf8)
        let headline = try #require(summary.range(of: "**Clinical remission"))
        let framing = try #require(summary.range(of: "{{framing}}"))
        let level = try #require(summary.range(of: "- {{level}}"))
        #expect(headline.lowerBound < framing.lowerBound && framing.lowerBound < level.lowerBound)
    }

    @Test func primaryTableGivesTheInteractionItsOwnRowBeforeTheLevels() throws {
        let results = DocumentSamples.results()
        let table = ReportTables(results: results, plan: AnalysisPlan()).primaryEndpoint(try #require(results.remission))
        let labels = table.groups[1].rows.map { $0.cells[0].text }
        #expect(labels == ["Onset", "Treatment × onset interaction", "Adult-onset", "Juvenile-onset"])
        #expect(table.groups[1].rows[1].cells.last?.text == "0.472")
        for row in table.groups[1].rows.dropFirst(2) {
            #expect(row.cells.count == table.groups[0].rows[0].cells.count)
            #expect(row.cells.last?.text != "0.472")
        }
    }

    /// The MMRM's sentence names the structure fitted, each that failed and why, and the df method.
    @Test func repeatedMeasuresMethodsSentence() {
        let endpoint = RepeatedMeasuresEndpointResult(
            name: "E", parameter: "P", parameterLabel: "", measure: "change", set: nil, recordFlag: nil, model: "CHG ~ arm + AVISIT",
            covarianceTried: ["unstructured", "toeplitz-heterogeneous"], covariance: "toeplitz-heterogeneous",
            covarianceFailures: [CovarianceFailureNote(covariance: "unstructured", reason: "visits 'A' and 'C' are never observed in the same participant")],
            degreesOfFreedom: "kenward-roger", weights: "equal", participants: 60, observations: 150, excluded: 0,
            duplicateRecords: 0, covarianceMatrix: nil, restrictedLogLikelihood: nil, visits: [], failure: nil)
        #expect(endpoint.methodsSentence == "Mixed model for repeated measures CHG ~ arm + AVISIT (R's nlme::gls), heterogeneous Toeplitz "
            + "covariance over the visits (unstructured could not be fitted: visits 'A' and 'C' are never observed in the same participant), "
            + "REML; least-squares means per visit with equal weights (emmeans), Kenward–Roger adjusted standard errors and degrees of "
            + "freedom, differences not adjusted for multiplicity; 60 participants, 150 observations.")
    }
}
