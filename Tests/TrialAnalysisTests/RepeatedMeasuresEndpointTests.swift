import Foundation
import Testing
@testable import TrialAnalysis
import TrialData

/// Endpoints analysed by an MMRM (`model: mmrm`): the CDISC pilot's missing-at-random analysis
/// against R (`Fixtures/cdisc_pilot_mmrm.R`: nlme::gls with corSymm + varIdent, emmeans), and the
/// plan's keys with their problems.
@Suite("Repeated-measures endpoints")
struct RepeatedMeasuresEndpointTests {
    struct Reference: Decodable {
        struct Visit: Decodable {
            var visit: String
            var n: [String: Int]
            var mean: [String: Double]
            var sd: [String: Double]
            var lsMeans: [ModelEstimate]
            var differences: [ModelEstimate]
        }

        var participants: Int
        var observations: Int
        var model: String
        var visits: [Visit]
        var logLik: Double
    }

    /// The same model with heterogeneous Toeplitz covariance, and the unstructured one with
    /// Kenward–Roger SEs and df (pbkrtest), beside the unstructured fit in the fixture.
    struct AlternativeReferences: Decodable {
        var toeplitz: Reference
        var kenwardRoger: Reference
    }

    static func reference<Value: Decodable>(_ type: Value.Type = Reference.self) throws -> Value {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("cdisc_pilot_mmrm.json")
        return try JSONDecoder().decode(type, from: Data(contentsOf: url))
    }

    /// nlme's optimum is within about 1e-5 of the REML maximum (Guides/TrialStats/MixedModels.md):
    /// estimates agree within 1e-4 of their SE, SEs and t within 1e-4 relative; the df, p-values and
    /// CI limits are checked against emmeans' approximate Satterthwaite df (within 2%, the limits
    /// within 1e-3 of the SE); TrialStats' MixedModelTests check the exact df at 1e-4.
    private func expectClose(_ value: Double?, _ expected: Double?, _ context: String, tolerance: Double, scale: Double? = nil) {
        guard let value, let expected else {
            #expect(value == nil && expected == nil, "\(context)")
            return
        }
        #expect(abs(value - expected) <= tolerance * (scale ?? max(abs(expected), 1e-4)), "\(context): \(value) vs R \(expected)")
    }

    /// `exactDegreesOfFreedom`: the reference df are exact (pbkrtest's Kenward–Roger), checked at 1e-4, not emmeans' approximation.
    private func expectClose(_ estimate: ModelEstimate?, _ expected: ModelEstimate, _ context: String, exactDegreesOfFreedom: Bool) {
        let estimate = estimate ?? ModelEstimate(estimate: nil, se: nil, df: nil, ciLower: nil, ciUpper: nil, t: nil, pValue: nil)
        let se = expected.se ?? 1
        expectClose(estimate.estimate, expected.estimate, "\(context) estimate", tolerance: 1e-4, scale: se)
        expectClose(estimate.se, expected.se, "\(context) SE", tolerance: 1e-4)
        expectClose(estimate.t, expected.t, "\(context) t", tolerance: 1e-4, scale: max(1, abs(expected.t ?? 1)))
        let df = exactDegreesOfFreedom ? 1e-4 : 2e-2, limits = exactDegreesOfFreedom ? 1e-4 : 1e-3
        expectClose(estimate.df, expected.df, "\(context) df", tolerance: df)
        expectClose(estimate.ciLower, expected.ciLower, "\(context) lower", tolerance: limits, scale: se)
        expectClose(estimate.ciUpper, expected.ciUpper, "\(context) upper", tolerance: limits, scale: se)
        expectClose(estimate.pValue, expected.pValue, "\(context) p", tolerance: df)
    }

    @Test func pilotMissingAtRandomAnalysisAgreesWithR() throws {
        let reference = try Self.reference()
        let input = try StudyInput.load(from: TreatmentEmergentEventTests.pilotFolder)
        let results = StudyAnalysis.run(data: input.data, plan: input.plan.plan)
        let endpoint = try #require(results.repeatedMeasuresEndpoints?.first)
        #expect(endpoint.model == reference.model)
        #expect(endpoint.covariance == "unstructured" && endpoint.covarianceFailures.isEmpty && endpoint.failure == nil)
        #expect(endpoint.covarianceTried == ["unstructured", "ar1", "compound-symmetry"])
        expectAgrees(endpoint, reference)
        #expect(results.modelEndpoints.count == 2, "the ANCOVA endpoints stay ANCOVAs")
    }

    @Test func pilotWithHeterogeneousToeplitzAgreesWithR() throws {
        let reference = try Self.reference(AlternativeReferences.self).toeplitz
        let input = try StudyInput.load(from: TreatmentEmergentEventTests.pilotFolder)
        var plan = input.plan.plan
        let index = try #require(plan.endpoints.firstIndex { $0.model == .mmrm })
        plan.endpoints[index].covariance = [.toeplitzHeterogeneous]
        let endpoint = try #require(StudyAnalysis.run(data: input.data, plan: plan).repeatedMeasuresEndpoints?.first)
        #expect(endpoint.covariance == "toeplitz-heterogeneous" && endpoint.covarianceFailures.isEmpty && endpoint.failure == nil)
        expectAgrees(endpoint, reference)
    }

    @Test func pilotWithKenwardRogerAgreesWithPbkrtest() throws {
        let reference = try Self.reference(AlternativeReferences.self).kenwardRoger
        let input = try StudyInput.load(from: TreatmentEmergentEventTests.pilotFolder)
        var plan = input.plan.plan
        let index = try #require(plan.endpoints.firstIndex { $0.model == .mmrm })
        plan.endpoints[index].degreesOfFreedom = .kenwardRoger
        let endpoint = try #require(StudyAnalysis.run(data: input.data, plan: plan).repeatedMeasuresEndpoints?.first)
        #expect(endpoint.covariance == "unstructured" && endpoint.degreesOfFreedom == "kenward-roger" && endpoint.failure == nil)
        expectAgrees(endpoint, reference, exactDegreesOfFreedom: true)
    }

    /// Participants, observations, REML log-likelihood, and per visit the descriptives, LS means and differences.
    private func expectAgrees(_ endpoint: RepeatedMeasuresEndpointResult, _ reference: Reference, exactDegreesOfFreedom: Bool = false) {
        #expect(endpoint.participants == reference.participants && endpoint.observations == reference.observations)
        expectClose(endpoint.restrictedLogLikelihood, reference.logLik, "REML log-likelihood", tolerance: 1e-9)
        #expect(endpoint.visits.map(\.visitLabel) == reference.visits.map(\.visit))
        for (visit, expected) in zip(endpoint.visits, reference.visits) {
            for (arm, lsMean) in zip(visit.byArm, expected.lsMeans) {
                #expect(arm.descriptives.n == expected.n[arm.arm], "\(visit.visitLabel) \(arm.arm) n")
                expectClose(arm.descriptives.mean, expected.mean[arm.arm], "\(visit.visitLabel) \(arm.arm) mean", tolerance: 1e-12)
                expectClose(arm.descriptives.sd, expected.sd[arm.arm], "\(visit.visitLabel) \(arm.arm) SD", tolerance: 1e-12)
                expectClose(arm.lsMean, lsMean, "\(visit.visitLabel) \(arm.arm) LS mean", exactDegreesOfFreedom: exactDegreesOfFreedom)
            }
            #expect(visit.differences.map(\.arm) == ["Xanomeline Low Dose", "Xanomeline High Dose"])
            for (difference, expectedDifference) in zip(visit.differences, expected.differences) {
                expectClose(difference.difference, expectedDifference, "\(visit.visitLabel) \(difference.arm) − Placebo",
                            exactDegreesOfFreedom: exactDegreesOfFreedom)
            }
        }
    }

    @Test func mmrmKeysAreReadAndWrittenBack() throws {
        let plan = try AnalysisPlan.load(yaml: """
            data: {format: adam, measurements: [adqs.xpt]}
            endpoints:
              - {parameter: ACTOT, model: mmrm, visits: [8, 16, 24], covariance: [unstructured, compound-symmetry], df: kenward-roger}
            """).plan
        let endpoint = try #require(plan.endpoints.first)
        #expect(endpoint.model == .mmrm && endpoint.visits == [8, 16, 24])
        #expect(endpoint.covariance == [.unstructured, .compoundSymmetry] && endpoint.degreesOfFreedom == .kenwardRoger)
        #expect(endpoint.name == "ACTOT change over visits 8, 16, 24")
        #expect(try AnalysisPlan.load(yaml: plan.canonicalYAML).plan == plan)
    }

    @Test func mmrmKeysAreCheckedAtTheirLines() {
        let plan = """
            data: {format: adam, measurements: [adqs.xpt]}
            endpoints:
              - {parameter: ACTOT, model: mmrm, visit: 24, visits: [8]}
              - {parameter: ACTOT, model: mmrm, visits: [8, 8], covariance: [toeplitz], df: containment}
              - {parameter: ACTOT, visit: 24, covariance: [ar1]}
              - {parameter: ACTOT, model: mixed}
            """
        #expect(planDiagnostics(plan) == [
            "error: study.yaml:3:44: endpoints[0].visit: 'visit' applies to 'model: ancova' only",
            "error: study.yaml:3:56: endpoints[0].visits: an MMRM needs at least two visits",
            "error: study.yaml:4:49: endpoints[1].visits[1]: visit 8 is listed twice",
            "error: study.yaml:4:66: endpoints[1].covariance[0]: expected one of 'unstructured', 'compound-symmetry', 'ar1', 'toeplitz-heterogeneous', got \"toeplitz\"",
            "error: study.yaml:4:81: endpoints[1].df: expected one of 'satterthwaite', 'kenward-roger', got \"containment\"",
            "error: study.yaml:5:47: endpoints[2].covariance: 'covariance' applies to 'model: mmrm' only",
            "error: study.yaml:6:5: endpoints[3]: missing key 'visit'",
            "error: study.yaml:6:31: endpoints[3].model: expected one of 'ancova', 'mmrm', got \"mixed\"",
        ])
    }
}
