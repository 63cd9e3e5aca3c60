import Foundation
import Testing
@testable import TrialAnalysis
import TrialData

/// Endpoints analysed by ANCOVA from BDS datasets: the CDISC pilot's primary analysis against R
/// (`Fixtures/cdisc_pilot_ancova.R`: lm, emmeans, drop1 on the bundled transport files), and the
/// plan's `endpoints` with its problems.
@Suite("Modelled endpoints")
struct ModelEndpointTests {
    struct Reference: Decodable {
        var n: [String: Int]
        var mean: [String: Double]
        var sd: [String: Double]
        var lsMeans: [ModelEstimate]
        var differences: [ModelEstimate]
        var armTest: ModelTermTest
        var doseResponse: ModelEstimate
    }

    static func reference() throws -> Reference {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("cdisc_pilot_ancova.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    private func expectClose(_ value: Double?, _ expected: Double?, _ context: String) {
        guard let value, let expected else {
            #expect(value == nil && expected == nil, "\(context)")
            return
        }
        #expect(abs(value - expected) <= 1e-6 * max(abs(expected), 1e-4), "\(context): \(value) vs R \(expected)")
    }

    private func expectClose(_ estimate: ModelEstimate?, _ expected: ModelEstimate, _ context: String) {
        let estimate = estimate ?? ModelEstimate(estimate: nil, se: nil, df: nil, ciLower: nil, ciUpper: nil, t: nil, pValue: nil)
        expectClose(estimate.estimate, expected.estimate, "\(context) estimate")
        expectClose(estimate.se, expected.se, "\(context) SE")
        expectClose(estimate.df, expected.df, "\(context) df")
        expectClose(estimate.ciLower, expected.ciLower, "\(context) lower")
        expectClose(estimate.ciUpper, expected.ciUpper, "\(context) upper")
        expectClose(estimate.t, expected.t, "\(context) t")
        expectClose(estimate.pValue, expected.pValue, "\(context) p")
    }

    @Test func pilotPrimaryAnalysisAgreesWithR() throws {
        let reference = try Self.reference()
        let folder = TreatmentEmergentEventTests.pilotFolder
        let results = StudyAnalysis.run(data: try StudyInput.load(from: folder).data, plan: try StudyInput.load(from: folder).plan.plan)
        let endpoint = try #require(results.modelEndpoints.first)
        #expect(endpoint.model == "CHG ~ arm + SITEGR1 + BASE")
        #expect(endpoint.parameterLabel == "Adas-Cog(11) Subscore" && endpoint.visitLabel == "Week 24")
        #expect(endpoint.excluded == 0 && endpoint.duplicateRecords == 0 && endpoint.failure == nil)
        #expect(endpoint.byArm.map(\.arm) == ["Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"])
        for (arm, expected) in zip(endpoint.byArm, reference.lsMeans) {
            #expect(arm.n == reference.n[arm.arm] && arm.descriptives.n == reference.n[arm.arm])
            expectClose(arm.descriptives.mean, reference.mean[arm.arm], "\(arm.arm) mean")
            expectClose(arm.descriptives.sd, reference.sd[arm.arm], "\(arm.arm) SD")
            expectClose(arm.lsMean, expected, "\(arm.arm) LS mean")
        }
        #expect(endpoint.differences.map(\.reference) == ["Placebo", "Placebo"])
        for (difference, expected) in zip(endpoint.differences, reference.differences) {
            expectClose(difference.difference, expected, "\(difference.arm) − Placebo")
        }
        let test = try #require(endpoint.armTest)
        #expect(test.df == reference.armTest.df && test.residualDf == reference.armTest.residualDf)
        expectClose(test.f, reference.armTest.f, "F")
        expectClose(test.pValue, reference.armTest.pValue, "F p")
        expectClose(endpoint.doseResponse, reference.doseResponse, "dose slope")
        // The published CSR: −0.5 (0.82), p 0.569; −1.0 (0.84), p 0.233; dose response p 0.245.
        #expect(String(format: "%.3f", endpoint.differences[0].difference?.pValue ?? 0) == "0.569")
        #expect(String(format: "%.3f", endpoint.doseResponse?.pValue ?? 0) == "0.245")
    }

    @Test func pilotGlucoseOfTwoArmsAgreesWithR() throws {
        struct Glucose: Decodable {
            var setSize: [String: Int]
            var n: [String: Int]
            var mean: [String: Double]
            var sd: [String: Double]
            var lsMeans: [ModelEstimate]
            var differences: [ModelEstimate]
        }
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("cdisc_pilot_glucose.json")
        let reference = try JSONDecoder().decode(Glucose.self, from: Data(contentsOf: url))
        let input = try StudyInput.load(from: TreatmentEmergentEventTests.pilotFolder)
        let endpoint = try #require(StudyAnalysis.run(data: input.data, plan: input.plan.plan).modelEndpoints.first { $0.parameter == "GLUC" })
        #expect(endpoint.model == "CHG ~ arm + BASE" && endpoint.set == "Intent-to-treat")
        #expect(endpoint.byArm.map(\.arm) == ["Placebo", "Xanomeline High Dose"])
        for (arm, expected) in zip(endpoint.byArm, reference.lsMeans) {
            #expect(arm.n == reference.setSize[arm.arm] && arm.descriptives.n == reference.n[arm.arm])
            expectClose(arm.descriptives.mean, reference.mean[arm.arm], "\(arm.arm) mean")
            expectClose(arm.descriptives.sd, reference.sd[arm.arm], "\(arm.arm) SD")
            expectClose(arm.lsMean, expected, "\(arm.arm) LS mean")
        }
        #expect(endpoint.differences.map(\.arm) == ["Xanomeline High Dose"])
        expectClose(endpoint.differences.first?.difference, try #require(reference.differences.first), "High − Placebo")
        // Two arms: the test across them and the dose slope would repeat the difference's test.
        #expect(endpoint.armTest == nil && endpoint.doseResponse == nil)
    }

    /// `logOffset: 1` on the pilot's glucose at week 20 (the value): log(AVAL + 1) ~ arm + log(BASE + 1),
    /// the LS means, the difference and both back-transformed, against R
    /// (`Fixtures/cdisc_pilot_glucose.R`, which writes `cdisc_pilot_log_glucose.json`).
    @Test func aLogScaleEndpointAgreesWithR() throws {
        struct BackTransformed: Decodable { var estimate: Double; var ciLower: Double; var ciUpper: Double }
        struct LogGlucose: Decodable {
            var model: String
            var n: [String: Int]
            var lsMeans: [ModelEstimate]
            var backTransformed: [BackTransformed]
            var difference: ModelEstimate
            var ratio: BackTransformed
        }
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("cdisc_pilot_log_glucose.json")
        let reference = try JSONDecoder().decode(LogGlucose.self, from: Data(contentsOf: url))
        let input = try StudyInput.load(from: TreatmentEmergentEventTests.pilotFolder)
        let yaml = """
            data: {format: adam}
            arms: [{label: Placebo, reference: true}, {label: Xanomeline Low Dose}, {label: Xanomeline High Dose}]
            sets: [{name: Intent-to-treat, flag: ITTFL}]
            endpoints:
              - {parameter: GLUC, visit: 20, measure: value, set: Intent-to-treat, covariates: [BASE],
                 arms: [Placebo, Xanomeline High Dose], logOffset: 1}
            """
        let loaded = try AnalysisPlan.load(yaml: yaml)
        #expect(try AnalysisPlan.load(yaml: loaded.plan.canonicalYAML).plan == loaded.plan)
        var plan = input.plan.plan
        plan.endpoints = loaded.plan.endpoints
        let endpoint = try #require(StudyAnalysis.run(data: input.data, plan: plan).modelEndpoints.first)
        #expect(endpoint.model == reference.model && endpoint.logOffset == 1)
        for (index, arm) in endpoint.byArm.enumerated() {
            #expect(arm.descriptives.n == reference.n[arm.arm])
            expectClose(arm.lsMean, reference.lsMeans[index], "\(arm.arm) LS mean")
            expectClose(arm.backTransformed?.estimate, reference.backTransformed[index].estimate, "\(arm.arm) back-transformed")
            expectClose(arm.backTransformed?.ciLower, reference.backTransformed[index].ciLower, "\(arm.arm) back-transformed lower")
            expectClose(arm.backTransformed?.ciUpper, reference.backTransformed[index].ciUpper, "\(arm.arm) back-transformed upper")
        }
        let difference = try #require(endpoint.differences.first)
        expectClose(difference.difference, reference.difference, "High − Placebo")
        expectClose(difference.ratio?.estimate, reference.ratio.estimate, "ratio")
        expectClose(difference.ratio?.ciLower, reference.ratio.ciLower, "ratio lower")
        expectClose(difference.ratio?.ciUpper, reference.ratio.ciUpper, "ratio upper")
    }

    /// `logOffset` is a number, not negative, on an endpoint that models the value.
    @Test func aLogOffsetIsForTheModelledValue() {
        func problems(_ endpoint: String) -> [String] {
            planDiagnostics("data: {format: adam}\nendpoints: [{parameter: X, visit: 1, \(endpoint)}]\n")
        }
        #expect(problems("measure: value, logOffset: 0.5") == [])
        #expect(problems("measure: value, logOffset: -1").count == 1)
        #expect(problems("logOffset: 1") == ["error: study.yaml:2:49: endpoints[0].logOffset: "
            + "'logOffset' applies to 'measure: value' only (log(value + c)), not to the change"])
        #expect(problems("measure: value, responder: {threshold: 1}, logOffset: 1").first?
            .hasSuffix("'logOffset' applies to a modelled endpoint, not to a responder endpoint") == true)
    }

    @Test func anEndpointsArmsAreArmsOfThePlanWithTheReference() {
        let arms = "arms: [{label: Placebo, reference: true}, {label: Low}, {label: High}]\n"
        func problems(_ list: String) -> [String] {
            planDiagnostics("data: {format: adam}\n" + arms + "endpoints: [{parameter: X, visit: 1, arms: \(list)}]\n")
        }
        #expect(problems("[Placebo, Hihg]") == [
            "error: study.yaml:3:54: endpoints[0].arms[1]: 'Hihg' is not an arm of the plan; did you mean 'High'?",
        ])
        #expect(problems("[Low, High]")
            == ["error: study.yaml:3:44: endpoints[0].arms: the reference arm 'Placebo' must be one of the endpoint's arms"])
        #expect(problems("[Placebo]") == ["error: study.yaml:3:44: endpoints[0].arms: an endpoint compares at least two arms"])
        #expect(problems("[Placebo, Low, Placebo]") == ["error: study.yaml:3:59: endpoints[0].arms[2]: arm 'Placebo' is listed twice"])
    }

    @Test func pilotCourseOverTheVisitsAgreesWithR() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("cdisc_pilot_course.json")
        let reference = try JSONDecoder().decode([ModelEndpointVisit].self, from: Data(contentsOf: url))
        let folder = TreatmentEmergentEventTests.pilotFolder
        let input = try StudyInput.load(from: folder)
        let endpoint = try #require(StudyAnalysis.run(data: input.data, plan: input.plan.plan).modelEndpoints.first)
        #expect(endpoint.byVisit.map(\.visit) == [0, 8, 16, 24])
        #expect(endpoint.byVisit.map(\.visitLabel) == ["Baseline", "Week 8", "Week 16", "Week 24"])
        #expect(endpoint.byVisit.count == reference.count)
        for (visit, expected) in zip(endpoint.byVisit, reference) {
            #expect(visit.byArm.map(\.arm) == expected.byArm.map(\.arm))
            for (arm, expectedArm) in zip(visit.byArm, expected.byArm) {
                let context = "\(visit.visitLabel), \(arm.arm)"
                #expect(arm.n == expectedArm.n, "\(context) n")
                expectClose(arm.mean, expectedArm.mean, "\(context) mean")
                expectClose(arm.sd, expectedArm.sd, "\(context) SD")
                expectClose(arm.ciLower, expectedArm.ciLower, "\(context) lower")
                expectClose(arm.ciUpper, expectedArm.ciUpper, "\(context) upper")
            }
        }
        // The endpoint's own visit: the same participants and mean as the model's descriptives.
        let week24 = try #require(endpoint.byVisit.last)
        for (arm, modelled) in zip(week24.byArm, endpoint.byArm) {
            #expect(arm.n == modelled.descriptives.n)
            expectClose(arm.mean, modelled.descriptives.mean, "\(arm.arm) week 24 mean")
        }
    }

    @Test func endpointKeysAreCheckedAtTheirLines() {
        let plan = """
            data: {format: adam, measurements: [adqs.xpt]}
            sets: [{name: Efficacy, flag: EFFFL}]
            endpoints:
              - {parameter: ACTOT, visit: 24, measure: delta, set: Eficacy, weights: equal}
              - {parameter: ACTOT}
            """
        #expect(planDiagnostics(plan) == [
            "error: study.yaml:4:44: endpoints[0].measure: expected one of 'value', 'change', 'percentChange', got \"delta\"",
            "error: study.yaml:5:5: endpoints[1]: missing key 'visit'",
        ])
        let unknownSet = "data: {format: adam}\nsets: [{name: Efficacy, flag: EFFFL}]\nendpoints: [{parameter: ACTOT, visit: 24, set: Eficacy}]\n"
        #expect(planDiagnostics(unknownSet)
            == ["error: study.yaml:3:48: endpoints[0].set: 'Eficacy' is not an analysis set of the plan (the sets are 'Efficacy')"])
        #expect(planDiagnostics("endpoints: [{parameter: X, visit: 1}]\n")
            == ["error: study.yaml:1:12: endpoints: endpoints are read from BDS datasets: 'data: {format: adam, measurements: […]}'"])
    }

    @Test func aParameterFlagOrCovariateTheDataLackIsAnErrorWithTheClosestName() throws {
        let folder = TreatmentEmergentEventTests.pilotFolder
        let reading = try AnalysisPlan.load(yaml: """
            data: {format: adam, subjects: data/adsl.xpt, measurements: [data/adadas.xpt]}
            arms:
              - {label: Placebo, reference: true}
              - {label: Xanomeline Low Dose}
              - {label: Xanomeline High Dose}
            endpoints:
              - {parameter: ACTOTT, visit: 24, records: ANL1FL, covariates: [SITEGR, BASE]}
            """)
        let data = try StudyInput.load(from: folder).data
        #expect(reading.problems(with: StudyDataFacts(data)).map(\.description) == [
            "error: study.yaml:7:17: endpoints[0].parameter: parameter 'ACTOTT' does not occur in the PARAMCD of the measurement datasets; did you mean 'ACTOT'?",
            "error: study.yaml:7:45: endpoints[0].records: 'ANL1FL' is not an analysis flag (ANLzzFL) of the measurement datasets; did you mean 'ANL01FL'?",
            "error: study.yaml:7:66: endpoints[0].covariates[0]: covariate 'SITEGR' is neither BASE nor a subject-level variable; did you mean 'SITEGR1'?",
        ])
    }
}
