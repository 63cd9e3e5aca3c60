import Foundation
import Testing
@testable import TrialAnalysis

/// The remission and endpoint analyses of a three-arm study (`Fixtures/three_arm_study`, written by
/// `trialreport simulate --arms "Placebo:0,Low:54,High:81"`) against R (`Fixtures/three_arm_study.R`):
/// the test across the arms, each arm against the reference with the multiplicity adjustment, and the
/// trend in dose; under the study's plan and under `three_arm_variant.yaml` (Welch, Bonferroni, no doses).
@Suite struct ThreeArmReferenceTests {
    enum Plan: String, CaseIterable, Sendable {
        case `default`, variant
    }

    static var folder: URL { AnalysisFixtures.folder.appendingPathComponent("three_arm_study") }

    /// The remission and endpoint results of the fixture study under `plan`, as parsed JSON.
    static func results(_ plan: Plan) throws -> [String: Any] {
        let planFile = plan == .variant ? AnalysisFixtures.folder.appendingPathComponent("three_arm_variant.yaml") : nil
        let input = try StudyInput.load(from: folder, planFile: planFile)
        let study = DerivedStudy(data: input.data, plan: input.plan.plan)
        var log = NoteLog(section: "remission")
        let remission = RemissionAnalysis(study: study).run(&log)
        let analysis = EndpointAnalysis(study: study)
        let visits = study.grid.visits.indices.filter { study.grid.visits[$0] > study.plan.baselineVisit }
        let endpoints = study.plan.parameters.indices.flatMap { parameter in
            visits.flatMap { analysis.outcomes(parameter: parameter, visit: $0).map(\.result) }
        }
        struct Sections: Encodable {
            var remission: RemissionResults
            var endpoints: [EndpointResult]
        }
        let data = try CanonicalJSONEncoder.encode(Sections(remission: remission, endpoints: endpoints))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static func reference(_ plan: Plan) throws -> [String: Any] {
        let data = try Data(contentsOf: AnalysisFixtures.folder.appendingPathComponent("three_arm_study.json"))
        let root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return root[plan.rawValue] as! [String: Any]
    }

    @Test(arguments: Plan.allCases, ["remission", "endpoints"])
    func sectionMatchesR(plan: Plan, section: String) throws {
        let expected = try #require(try Self.reference(plan)[section])
        let actual = try Self.results(plan)[section]
        let differences = ReferenceComparison.differences(expected: expected, actual: actual, path: "/\(section)")
        #expect(differences.isEmpty, "\(differences.prefix(20).joined(separator: "\n"))")
    }

    @Test func theVariantHasNoTrendAndTheDefaultHasOneEverywhere() throws {
        let variant = try Self.results(.variant), standard = try Self.results(.default)
        for (results, hasTrend) in [(variant, false), (standard, true)] {
            let endpoints = try #require(results["endpoints"] as? [[String: Any]])
            #expect(endpoints.count == 4 * 4 * 3)
            for endpoint in endpoints {
                let comparisons = try #require(endpoint["armComparisons"] as? [String: Any])
                #expect((comparisons["trend"] is NSNull) != hasTrend)
                #expect((comparisons["pairwise"] as? [Any])?.count == 2)
            }
        }
    }

    @Test func twoArmResultsHaveNoArmComparisons() throws {
        let results = try AnalysisFixtures.results(.default)
        let remission = try #require(results.remission)
        #expect(remission.overall.armComparisons == nil)
        #expect(remission.subgroups.allSatisfy { $0.armComparisons == nil })
        #expect(results.endpoints.allSatisfy { $0.armComparisons == nil })
    }
}
