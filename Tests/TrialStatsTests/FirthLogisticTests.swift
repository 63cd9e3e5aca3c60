import Foundation
import Testing
import TrialStats

@Suite("Firth logistic regression against brglm2 and the profile penalized likelihood")
struct FirthLogisticTests {
    static let cases = ["reference_small", "intercept_only", "complete_separation", "trial_three_covariates"]

    /// A fixture case and the Firth fit of its data.
    private func fitted(_ name: String) throws -> (LogisticFixtures.FirthCase, FirthFit) {
        let reference = try LogisticFixtures.firthCase(name)
        return (reference, try LogisticFixtures.model(response: reference.response, covariates: reference.covariates).fitFirth())
    }

    @Test("Estimates and SEs match brglm2 (AS_mean)", arguments: cases)
    func estimatesMatchBrglm2(name: String) throws {
        let (reference, fit) = try fitted(name)
        #expect(fit.terms.map(\.name) == reference.terms)
        LogisticFixtures.expectClose(fit.terms.map(\.estimate), reference.estimate, tolerance: 1e-6, "estimate")
        LogisticFixtures.expectClose(fit.terms.map(\.standardError), reference.standardError, tolerance: 1e-6, "SE")
        LogisticFixtures.expectClose(
            [fit.penalizedLogLikelihood], [reference.penalizedLogLikelihood], tolerance: 1e-9, "l*")
    }

    @Test("Profile penalized likelihood CI limits match", arguments: cases)
    func confidenceLimitsMatchProfile(name: String) throws {
        let (reference, fit) = try fitted(name)
        LogisticFixtures.expectClose(fit.terms.map(\.ciLower), reference.ciLower, tolerance: 1e-6, "CI lower")
        LogisticFixtures.expectClose(fit.terms.map(\.ciUpper), reference.ciUpper, tolerance: 1e-6, "CI upper")
    }

    @Test("Penalized likelihood-ratio statistics and p-values match", arguments: cases)
    func likelihoodRatioTestsMatch(name: String) throws {
        let (reference, fit) = try fitted(name)
        LogisticFixtures.expectClose(fit.terms.map(\.statistic), reference.chiSquare, tolerance: 1e-6, "chi-square")
        LogisticFixtures.expectClose(fit.terms.map(\.pValue), reference.pValue, tolerance: 1e-6, "p")
    }

    @Test("The shared brglm2 reference (default convergence) is reproduced")
    func sharedBrglm2Reference() throws {
        struct Shared: Decodable {
            struct Case: Decodable { let y, x, z, estimate, se: [Double] }
            let firth_small_brglm2: Case
        }
        let reference = try LogisticFixtures.load("reference", subdirectory: "Fixtures/shared", as: Shared.self)
            .firth_small_brglm2
        let fit = try LogisticModel(response: reference.y, covariates: [("x", reference.x), ("z", reference.z)]).fitFirth()
        LogisticFixtures.expectClose(fit.terms.map(\.estimate), reference.estimate, tolerance: 1e-6, "estimate")
        LogisticFixtures.expectClose(fit.terms.map(\.standardError), reference.se, tolerance: 1e-6, "SE")
    }

    @Test("Odds-ratio limits are the exponentiated profile limits")
    func oddsRatioLimitsExponentiate() throws {
        let (reference, fit) = try fitted("trial_three_covariates")
        LogisticFixtures.expectClose(fit.terms.map(\.oddsRatio), reference.estimate.map { exp($0) }, tolerance: 1e-6, "OR")
        LogisticFixtures.expectClose(
            fit.terms.map(\.oddsRatioCILower), reference.ciLower.map { exp($0) }, tolerance: 1e-6, "OR lower")
        LogisticFixtures.expectClose(
            fit.terms.map(\.oddsRatioCIUpper), reference.ciUpper.map { exp($0) }, tolerance: 1e-6, "OR upper")
    }
}
