import Foundation
import Testing
@testable import TrialAnalysis

/// Responder endpoints of ADaM plans: the CDISC pilot's ADAS-Cog(11) improvement of 4 points or
/// more against R (`Fixtures/cdisc_pilot_responders.R`), the rule itself, and the plan's problems.
@Suite("Responder endpoints")
struct ResponderEndpointTests {
    struct Reference: Decodable {
        struct Arm: Decodable {
            var arm: String
            var n: Int
            var responders: Int
            var missing: Int
            var ciLower: Double
            var ciUpper: Double
        }
        struct Pairwise: Decodable {
            var arm: String
            var difference: ProportionDifference
            var pValue: Double
        }
        var byArm: [Arm]
        var pairwise: [Pairwise]
        var global: Double
        var trend: Double
    }

    private func expectClose(_ value: Double?, _ expected: Double, _ context: String) {
        guard let value else {
            Issue.record("\(context): nil, R \(expected)")
            return
        }
        #expect(abs(value - expected) <= 1e-6 * max(abs(expected), 1e-4), "\(context): \(value) vs R \(expected)")
    }

    @Test func pilotImprovementAgreesWithR() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("cdisc_pilot_responders.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        let input = try StudyInput.load(from: TreatmentEmergentEventTests.pilotFolder)
        let results = StudyAnalysis.run(data: input.data, plan: input.plan.plan)
        let endpoint = try #require(results.responderEndpoints.first)
        #expect(results.modelEndpoints.allSatisfy { $0.name != endpoint.name })
        #expect(endpoint.threshold == -4 && endpoint.better == "lower" && endpoint.missing == "nonResponder")
        #expect(endpoint.byArm.map(\.arm) == reference.byArm.map(\.arm))
        for (arm, expected) in zip(endpoint.byArm, reference.byArm) {
            #expect(arm.n == expected.n && arm.responders == expected.responders && arm.missing == expected.missing, "\(arm.arm)")
            expectClose(arm.ciLower, expected.ciLower, "\(arm.arm) lower")
            expectClose(arm.ciUpper, expected.ciUpper, "\(arm.arm) upper")
        }
        #expect(endpoint.comparisons.reference == "Placebo")
        for (comparison, expected) in zip(endpoint.comparisons.pairwise, reference.pairwise) {
            #expect(comparison.arm == expected.arm)
            expectClose(comparison.pValue, expected.pValue, "\(expected.arm) Fisher p")
            expectClose(comparison.difference?.estimate, try #require(expected.difference.estimate), "\(expected.arm) difference")
            expectClose(comparison.difference?.ciLower, try #require(expected.difference.ciLower), "\(expected.arm) lower")
            expectClose(comparison.difference?.ciUpper, try #require(expected.difference.ciUpper), "\(expected.arm) upper")
        }
        expectClose(endpoint.pValue, reference.global, "across the arms")
        expectClose(endpoint.comparisons.trend?.pValue, reference.trend, "trend")
        #expect(try Results(jsonData: results.jsonData()) == results)
    }

    @Test func theRuleCountsTheThresholdItself() {
        let lower = ResponderRule(threshold: -4, better: .lower)
        #expect(lower.isMet(by: -4) && lower.isMet(by: -4 + 1e-12) && lower.isMet(by: -10) && !lower.isMet(by: -3.9))
        let higher = ResponderRule(threshold: 10)
        #expect(higher.isMet(by: 10 - 1e-12) && higher.isMet(by: 11) && !higher.isMet(by: 9.99))
    }

    @Test func theResponderRuleIsCheckedAtItsLine() {
        let head = "data: {format: adam}\nendpoints:\n"
        #expect(planDiagnostics(head + "  - {parameter: X, visit: 1, responder: {better: lower}}\n")
            == ["error: study.yaml:3:41: endpoints[0].responder: missing key 'threshold'"])
        #expect(planDiagnostics(head + "  - {parameter: X, visit: 1, responder: {threshold: 2, better: down}}\n")
            == ["error: study.yaml:3:64: endpoints[0].responder.better: expected one of 'higher', 'lower', got \"down\""])
        #expect(planDiagnostics(head + "  - {parameter: X, visit: 1, covariates: [BASE], responder: {threshold: 2}}\n") == [
            "error: study.yaml:3:42: endpoints[0].covariates: a responder endpoint compares the share of responders and is not modelled: remove 'covariates'",
        ])
        #expect(planDiagnostics(head + "  - {parameter: X, model: mmrm, visits: [1, 2], responder: {threshold: 2}}\n") == [
            "error: study.yaml:3:27: endpoints[0].model: a responder endpoint compares the share of responders and is not modelled: remove 'model'",
            "error: study.yaml:3:41: endpoints[0].visits: a responder endpoint compares the share of responders and is not modelled: remove 'visits'",
        ])
    }

    @Test func theCanonicalPlanKeepsTheRule() throws {
        let yaml = "data: {format: adam}\nendpoints:\n  - {parameter: X, visit: 1, responder: {threshold: -4, better: lower, missing: completeCase}}\n"
        let plan = try AnalysisPlan.load(yaml: yaml).plan
        let again = try AnalysisPlan.load(yaml: plan.canonicalYAML).plan
        #expect(again.endpoints.first?.responder == ResponderRule(threshold: -4, better: .lower, missing: .completeCase))
        #expect(again == plan)
    }
}
