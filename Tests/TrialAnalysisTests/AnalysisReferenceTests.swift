import Foundation
import Testing
import TrialAnalysis

/// Every analysis of the fixture study against R (`Fixtures/analysis_study.R`), under the built-in
/// plan and under `analysis_variant.yaml`.
@Suite struct AnalysisReferenceTests {
    static let sections = ["arms", "remission", "endpoints", "logistic", "insulinIndependence", "adverseEvents",
                           "baseline", "participantFlow", "figureData"]

    @Test(arguments: AnalysisFixtures.Plan.allCases, sections)
    func sectionMatchesR(plan: AnalysisFixtures.Plan, section: String) throws {
        let expected = try #require((try AnalysisFixtures.reference(plan) as? [String: Any])?[section])
        let actual = (try AnalysisFixtures.resultsJSON(plan) as? [String: Any])?[section]
        let differences = ReferenceComparison.differences(expected: expected, actual: actual, path: "/\(section)")
        #expect(differences.isEmpty, "\(differences.prefix(20).joined(separator: "\n"))")
    }
}
