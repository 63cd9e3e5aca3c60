import Foundation
import Testing
@testable import TrialAnalysis

/// The sensitivity of a responder endpoint to its participants without the measure: the pilot's
/// observed-cases ADAS-Cog(11) endpoint under complete cases and its tipping-point scenarios against
/// R (`Fixtures/cdisc_pilot_tipping_point.R`), the steps of the scenarios, and `observedOnly`.
@Suite("Responder endpoints: sensitivity to missing data")
struct ResponderSensitivityTests {
    struct Reference: Decodable {
        struct Arm: Decodable {
            var arm: String
            var n: Int
            var responders: Int
            var missing: Int?
            var ciLower: Double?
            var ciUpper: Double?
        }
        struct Pairwise: Decodable {
            var arm: String
            var difference: ProportionDifference
            var pValue: Double
        }
        struct CompleteCase: Decodable {
            var byArm: [Arm]
            var pairwise: [Pairwise]
            var global: Double
        }
        var primary: [Arm]
        var completeCase: CompleteCase
        var tippingPoints: [TippingPointAnalysis]
    }

    private func expectClose(_ value: Double?, _ expected: Double?, _ context: String) {
        guard let value, let expected else {
            #expect(value == nil && expected == nil, "\(context): \(String(describing: value)) vs R \(String(describing: expected))")
            return
        }
        #expect(abs(value - expected) <= 1e-6 * max(abs(expected), 1e-4), "\(context): \(value) vs R \(expected)")
    }

    @Test func pilotObservedCasesAgreeWithR() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("cdisc_pilot_tipping_point.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        let input = try StudyInput.load(from: TreatmentEmergentEventTests.pilotFolder)
        let results = StudyAnalysis.run(data: input.data, plan: input.plan.plan)
        let endpoint = try #require(results.responderEndpoints.first { $0.name.hasSuffix("(observed cases)") })
        for (arm, expected) in zip(endpoint.byArm, reference.primary) {
            #expect(arm.arm == expected.arm && arm.n == expected.n && arm.responders == expected.responders
                    && arm.missing == expected.missing, "\(arm.arm)")
        }
        let sensitivity = try #require(endpoint.sensitivity)
        #expect(sensitivity.missing == "completeCase")
        #expect(sensitivity.byArm.count == reference.completeCase.byArm.count)
        for (arm, expected) in zip(sensitivity.byArm, reference.completeCase.byArm) {
            #expect(arm.arm == expected.arm && arm.n == expected.n && arm.responders == expected.responders, "\(arm.arm)")
            expectClose(arm.ciLower, expected.ciLower, "\(arm.arm) complete cases, lower")
            expectClose(arm.ciUpper, expected.ciUpper, "\(arm.arm) complete cases, upper")
        }
        for (comparison, expected) in zip(sensitivity.comparisons.pairwise, reference.completeCase.pairwise) {
            #expect(comparison.arm == expected.arm)
            expectClose(comparison.pValue, expected.pValue, "\(expected.arm) complete cases, Fisher p")
            expectClose(comparison.difference?.estimate, expected.difference.estimate, "\(expected.arm) difference")
            expectClose(comparison.difference?.ciLower, expected.difference.ciLower, "\(expected.arm) difference, lower")
            expectClose(comparison.difference?.ciUpper, expected.difference.ciUpper, "\(expected.arm) difference, upper")
        }
        expectClose(sensitivity.pValue, reference.completeCase.global, "complete cases across the arms")
        #expect(sensitivity.tippingPoints.map(\.arm) == reference.tippingPoints.map(\.arm))
        for (analysis, expected) in zip(sensitivity.tippingPoints, reference.tippingPoints) {
            #expect(analysis.armMissing == expected.armMissing && analysis.referenceMissing == expected.referenceMissing)
            #expect(analysis.scenarios.count == expected.scenarios.count)
            for (scenario, r) in zip(analysis.scenarios, expected.scenarios) {
                let context = "\(analysis.arm) +\(r.armResponders), Placebo +\(r.referenceResponders)"
                #expect(scenario.armResponders == r.armResponders && scenario.referenceResponders == r.referenceResponders, "\(context)")
                expectClose(scenario.difference, r.difference, "\(context) difference")
                expectClose(scenario.pValue, r.pValue, "\(context) p")
            }
        }
        #expect(try Results(jsonData: results.jsonData()) == results)
    }

    @Test func anEndpointWithoutMissingValuesHasNoSensitivityAnalysis() throws {
        let input = try StudyInput.load(from: TreatmentEmergentEventTests.pilotFolder)
        let results = StudyAnalysis.run(data: input.data, plan: input.plan.plan)
        let locf = try #require(results.responderEndpoints.first)
        #expect(locf.byArm.allSatisfy { $0.missing == 0 } && locf.sensitivity == nil)
    }

    @Test func scenariosStepThroughTenthsBeyondTenMissing() {
        #expect(ResponderSensitivityAnalysis.steps(upTo: 0) == [0])
        #expect(ResponderSensitivityAnalysis.steps(upTo: 10) == Array(0...10))
        #expect(ResponderSensitivityAnalysis.steps(upTo: 32) == [0, 3, 6, 10, 13, 16, 19, 22, 26, 29, 32])
        #expect(ResponderSensitivityAnalysis.steps(upTo: 15) == [0, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15])
    }

    @Test func observedOnlyIsAnANCOVAOrResponderKey() {
        let head = "data: {format: adam}\nendpoints:\n"
        #expect(planDiagnostics(head + "  - {parameter: X, visit: 1, observedOnly: yes please}\n")
            == ["error: study.yaml:3:44: endpoints[0].observedOnly: expected true or false, got \"yes please\""])
        #expect(planDiagnostics(head + "  - {parameter: X, model: mmrm, visits: [1, 2], observedOnly: true}\n")
            == ["error: study.yaml:3:63: endpoints[0].observedOnly: 'observedOnly' applies to 'model: ancova' only"])
    }
}
