import Foundation
import Testing
@testable import TrialAnalysis
import TrialData

/// The seed study's supportive analyses (built-in profile) on the bundled example against R
/// (`Fixtures/seed_supportive.R`): ANCOVA and MMRM of log(C-peptide + 1) with their back-transformed
/// estimates, and IDAA1c partial remission at each visit after baseline.
@Suite("Seed study supportive analyses")
struct SeedSupportiveAnalysesTests {
    /// An estimate with its CI (null in R's JSON where infinite, e.g. an odds ratio with an empty cell).
    struct Back: Decodable {
        var estimate: Double?
        var ciLower: Double?
        var ciUpper: Double?
    }

    struct Ancova: Decodable {
        var parameter: String
        var n: Int
        var lsMeans: [ModelEstimate]
        var backTransformed: [Back]
        var difference: ModelEstimate
        var ratio: Back
    }

    struct Repeated: Decodable {
        /// The exact Satterthwaite df of the difference with its p and CI.
        struct Exact: Decodable {
            var df: Double
            var pValue: Double
            var ciLower: Double
            var ciUpper: Double
        }

        struct Visit: Decodable {
            var lsMeans: [ModelEstimate]
            var backTransformed: [Back]
            var difference: ModelEstimate
            var ratio: Back
            var exact: Exact
        }

        var parameter: String
        var participants: Int
        var observations: Int
        var logLik: Double
        var visits: [Visit]
    }

    struct Remission: Decodable {
        struct Arm: Decodable {
            var n: Int
            var responders: Int
            var missing: Int
            var ciLower: Double
            var ciUpper: Double
        }

        var visit: Double
        var idaa1c: Int
        var byArm: [Arm]
        var difference: Back
        var pValue: Double
        var relativeRisk: Back
        var oddsRatio: Back
    }

    struct Reference: Decodable {
        var ancova: [Ancova]
        var mmrm: [Repeated]
        var remission: [Remission]
    }

    static func reference() throws -> Reference {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("seed_supportive.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    private func expectClose(_ value: Double?, _ expected: Double?, _ context: String, tolerance: Double = 1e-6) {
        guard let value, let expected else {
            #expect(value == nil && expected == nil, "\(context)")
            return
        }
        #expect(abs(value - expected) <= tolerance * max(abs(expected), 1e-4), "\(context): \(value) vs R \(expected)")
    }

    private func expectClose(_ estimate: ModelEstimate?, _ expected: ModelEstimate, _ context: String, tolerance: Double = 1e-6) {
        let estimate = estimate ?? ModelEstimate(estimate: nil, se: nil, df: nil, ciLower: nil, ciUpper: nil, t: nil, pValue: nil)
        expectClose(estimate.estimate, expected.estimate, "\(context) estimate", tolerance: tolerance)
        expectClose(estimate.se, expected.se, "\(context) SE", tolerance: tolerance)
        expectClose(estimate.df, expected.df, "\(context) df", tolerance: tolerance)
        expectClose(estimate.ciLower, expected.ciLower, "\(context) lower", tolerance: tolerance)
        expectClose(estimate.ciUpper, expected.ciUpper, "\(context) upper", tolerance: tolerance)
        expectClose(estimate.t, expected.t, "\(context) t", tolerance: tolerance)
        expectClose(estimate.pValue, expected.pValue, "\(context) p", tolerance: tolerance)
    }

    private func expectClose(_ estimate: BackTransformedEstimate?, _ expected: Back, _ context: String, tolerance: Double = 1e-6) {
        expectClose(estimate?.estimate, expected.estimate, "\(context) estimate", tolerance: tolerance)
        expectClose(estimate?.ciLower, expected.ciLower, "\(context) lower", tolerance: tolerance)
        expectClose(estimate?.ciUpper, expected.ciUpper, "\(context) upper", tolerance: tolerance)
    }

    @Test func logCPeptideAncovaAgreesWithR() throws {
        let reference = try Self.reference()
        let supportive = try #require(try ExampleStudy.results().supportiveAnalyses)
        #expect(supportive.modelEndpoints.map(\.parameter) == reference.ancova.map(\.parameter))
        for (endpoint, expected) in zip(supportive.modelEndpoints, reference.ancova) {
            let context = expected.parameter
            #expect(endpoint.model == "log(AVAL + 1) ~ arm + log(BASE + 1)" && endpoint.logOffset == 1 && endpoint.visit == 12)
            #expect(endpoint.failure == nil && endpoint.excluded == 53 - expected.n && endpoint.subgroups == nil && endpoint.byVisit.isEmpty)
            // R's arms: Control, UC-MSC; the results': the plan's (UC-MSC, Control).
            #expect(endpoint.byArm.map(\.arm) == ["UC-MSC", "Control"])
            for (arm, index) in zip(endpoint.byArm, [1, 0]) {
                expectClose(arm.lsMean, expected.lsMeans[index], "\(context) \(arm.arm) LS mean")
                expectClose(arm.backTransformed, expected.backTransformed[index], "\(context) \(arm.arm) back-transformed")
            }
            let difference = try #require(endpoint.differences.first)
            #expect(difference.arm == "UC-MSC" && difference.reference == "Control")
            expectClose(difference.difference, expected.difference, "\(context) difference")
            expectClose(difference.ratio, expected.ratio, "\(context) ratio")
        }
    }

    /// REML estimates: with R's optimiser at tolerances of 1e-12 (glsControl) the LS means, the
    /// differences, their SEs and t and the REML log-likelihood agree to 1e-6 relative. emmeans'
    /// df are its "appx-satterthwaite" (finite differences of nlme's apVar, up to 1% off); the
    /// reference df are the exact Satterthwaite df by numDeriv (as Guides/TrialStats/MixedModels.md
    /// describes). On these fits (df ≈ 50) ours differ from it by up to 6e-4 relative (1e-4 on
    /// TrialStats' fixtures): df within 1e-3 relative, p within 1e-3 · max(1, |t|) relative, CI
    /// limits within 1e-4 of the SE.
    @Test func logCPeptideRepeatedMeasuresAgreeWithR() throws {
        let reference = try Self.reference()
        let supportive = try #require(try ExampleStudy.results().supportiveAnalyses)
        #expect(supportive.repeatedMeasuresEndpoints.map(\.parameter) == reference.mmrm.map(\.parameter))
        for (endpoint, expected) in zip(supportive.repeatedMeasuresEndpoints, reference.mmrm) {
            let context = expected.parameter
            #expect(endpoint.model == "log(AVAL + 1) ~ arm + AVISIT + log(BASE + 1) + arm:AVISIT + AVISIT:log(BASE + 1)")
            #expect(endpoint.covariance == "unstructured" && endpoint.degreesOfFreedom == "satterthwaite" && endpoint.failure == nil)
            #expect(endpoint.participants == expected.participants && endpoint.observations == expected.observations)
            expectClose(endpoint.restrictedLogLikelihood, expected.logLik, "\(context) REML log-likelihood")
            #expect(endpoint.visits.map(\.visit) == [3, 6, 9, 12])
            for (visit, reference) in zip(endpoint.visits, expected.visits) {
                let at = "\(context) month \(PlanNumber.text(visit.visit))"
                for (arm, index) in zip(visit.byArm, [1, 0]) {
                    expectClose(arm.lsMean?.estimate, reference.lsMeans[index].estimate, "\(at) \(arm.arm) LS mean")
                    expectClose(arm.lsMean?.se, reference.lsMeans[index].se, "\(at) \(arm.arm) SE")
                    expectClose(arm.backTransformed?.estimate, reference.backTransformed[index].estimate, "\(at) \(arm.arm) back-transformed")
                }
                let difference = try #require(visit.differences.first)
                expectClose(difference.difference?.estimate, reference.difference.estimate, "\(at) difference")
                expectClose(difference.difference?.se, reference.difference.se, "\(at) difference SE")
                expectClose(difference.difference?.t, reference.difference.t, "\(at) t")
                expectClose(difference.ratio?.estimate, reference.ratio.estimate, "\(at) ratio")
                let exact = reference.exact
                expectClose(difference.difference?.df, exact.df, "\(at) df", tolerance: 1e-3)
                expectClose(difference.difference?.pValue, exact.pValue, "\(at) p", tolerance: 1e-3 * max(1, abs(reference.difference.t ?? 1)))
                let se = try #require(reference.difference.se)
                for (limit, expected) in [(difference.difference?.ciLower, exact.ciLower), (difference.difference?.ciUpper, exact.ciUpper)] {
                    #expect(abs(try #require(limit) - expected) <= 1e-4 * se, "\(at) CI limit \(limit ?? .nan) vs R \(expected)")
                }
                expectClose(difference.ratio?.ciLower, exp(exact.ciLower), "\(at) ratio lower", tolerance: 1e-4 * se)
                expectClose(difference.ratio?.ciUpper, exp(exact.ciUpper), "\(at) ratio upper", tolerance: 1e-4 * se)
            }
        }
    }

    @Test func idaa1cPartialRemissionAgreesWithR() throws {
        let reference = try Self.reference()
        let supportive = try #require(try ExampleStudy.results().supportiveAnalyses)
        let derived = try #require(supportive.derivedParameters.first)
        #expect(derived.parameter == "IDAA1C" && derived.expression == "HBA1C + 4 * INSDOSE" && derived.unit == "%")
        #expect(supportive.responderEndpoints.map(\.visit) == reference.remission.map(\.visit))
        for (endpoint, expected) in zip(supportive.responderEndpoints, reference.remission) {
            let context = "IDAA1c month \(PlanNumber.text(expected.visit))"
            #expect(endpoint.parameter == "IDAA1C" && endpoint.threshold == 9 && endpoint.better == "lower")
            #expect(endpoint.missing == "nonResponder" && endpoint.subgroups == nil)
            #expect((endpoint.sensitivity != nil) == endpoint.byArm.contains { $0.missing > 0 }, "\(context) sensitivity")
            #expect(endpoint.byArm.map(\.arm) == ["UC-MSC", "Control"])
            for (arm, expectedArm) in zip(endpoint.byArm, expected.byArm) {
                #expect(arm.n == expectedArm.n && arm.responders == expectedArm.responders && arm.missing == expectedArm.missing,
                        "\(context) \(arm.arm)")
                expectClose(arm.ciLower, expectedArm.ciLower, "\(context) \(arm.arm) lower")
                expectClose(arm.ciUpper, expectedArm.ciUpper, "\(context) \(arm.arm) upper")
            }
            let comparison = try #require(endpoint.comparisons.pairwise.first)
            expectClose(comparison.pValue, expected.pValue, "\(context) Fisher p")
            expectClose(comparison.difference?.estimate, expected.difference.estimate, "\(context) difference")
            expectClose(comparison.difference?.ciLower, expected.difference.ciLower, "\(context) difference lower")
            expectClose(comparison.difference?.ciUpper, expected.difference.ciUpper, "\(context) difference upper")
            expectClose(comparison.relativeRisk?.estimate, expected.relativeRisk.estimate, "\(context) relative risk")
            expectClose(comparison.relativeRisk?.ciLower, expected.relativeRisk.ciLower, "\(context) relative risk lower")
            expectClose(comparison.relativeRisk?.ciUpper, expected.relativeRisk.ciUpper, "\(context) relative risk upper")
            expectClose(comparison.oddsRatio?.estimate, expected.oddsRatio.estimate, "\(context) odds ratio")
        }
        let records = reference.remission.map(\.idaa1c).reduce(0, +)
        #expect(derived.records >= records, "every visit after baseline's IDAA1c, and the baseline's")
    }

    @Test func theProfileNeedsItsParameters() {
        var plan = AnalysisPlan()
        #expect(!SupportiveAnalysisPlan(plan).isEmpty)
        plan.parameters = plan.parameters.filter { $0.code != "INSDOSE" }
        #expect(SupportiveAnalysisPlan(plan).endpoints.allSatisfy { $0.responder == nil }, "IDAA1c needs the insulin dose")
    }
}
