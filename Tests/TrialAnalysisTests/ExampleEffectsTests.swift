import Foundation
import Testing
import TrialAnalysis

/// The effects beside the bundled example's between-arm p-values against R
/// (`Fixtures/example_effects.R`): relative risk and odds ratio of remission overall and per onset
/// level, and the Hodges–Lehmann shift of every endpoint at every visit in each population.
@Suite struct ExampleEffectsTests {
    static func results() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: ExampleStudy.results().jsonData()) as! [String: Any]
    }

    static func reference() throws -> [String: Any] {
        let url = AnalysisFixtures.folder.appendingPathComponent("example_effects.json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    @Test func remissionEffectsMatchR() throws {
        let remission = try #require(try Self.results()["remission"] as? [String: Any])
        let subgroups = try #require(remission["subgroups"] as? [[String: Any]])
        let expected = try #require(try Self.reference()["remission"] as? [[String: Any]])
        #expect(expected.count == 3)
        for population in expected {
            let level = population["level"] as? String
            let actual = try #require(level == nil ? remission["overall"] as? [String: Any] : subgroups.first { $0["level"] as? String == level })
            for key in ["relativeRisk", "oddsRatio"] {
                let differences = ReferenceComparison.differences(expected: population[key]!, actual: actual[key], path: "\(level ?? "all")/\(key)")
                #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
            }
        }
    }

    @Test func endpointShiftsMatchR() throws {
        let endpoints = try #require(try Self.results()["endpoints"] as? [[String: Any]])
        let expected = try #require(try Self.reference()["endpoints"] as? [[String: Any]])
        #expect(expected.count == 48)
        for item in expected {
            let level = item["level"] as? String
            let actual = try #require(endpoints.first {
                $0["parameter"] as? String == item["parameter"] as? String && $0["visit"] as? Double == item["visit"] as? Double
                    && $0["level"] as? String == level
            })
            let path = "\(item["parameter"]!) month \(item["visit"]!) \(level ?? "all")"
            let differences = ReferenceComparison.differences(expected: item["between"]!, actual: actual["between"], path: path)
            #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        }
    }

    @Test func postprandialCPeptideShiftAtMonthTwelveIsAboutFifteenPoints() throws {
        let endpoint = try #require(try ExampleStudy.results().endpoints.first {
            $0.parameter == "CPEPP" && $0.visit == 12 && $0.level == nil
        })
        let effect = try #require(endpoint.between.effect)
        #expect(effect.estimator == .hodgesLehmannExact)
        #expect(try #require(effect.ciLower) > 0)
    }
}
