import Foundation
import Testing
import TrialStats

@Suite("Logistic regression by maximum likelihood against R's glm")
struct LogisticMaximumLikelihoodTests {
    @Test("Coefficients, SEs, Wald z, p and CIs match glm for converged fits", arguments: [
        "infert_four_covariates", "near_separation", "simulated_2000",
    ])
    func coefficientsMatchGLM(name: String) throws {
        let reference = try LogisticFixtures.maximumLikelihoodCase(name)
        let fit = try LogisticFixtures.model(response: reference.response, covariates: reference.covariates)
            .fitMaximumLikelihood()
        #expect(fit.terms.map(\.name) == reference.terms)
        LogisticFixtures.expectClose(fit.terms.map(\.estimate), reference.estimate, tolerance: 1e-6, "estimate")
        LogisticFixtures.expectClose(fit.terms.map(\.standardError), reference.standardError, tolerance: 1e-6, "SE")
        LogisticFixtures.expectClose(fit.terms.map(\.statistic), reference.z, tolerance: 1e-6, "z")
        LogisticFixtures.expectClose(fit.terms.map(\.pValue), reference.pValue, tolerance: 1e-6, "p")
        LogisticFixtures.expectClose(fit.terms.map(\.ciLower), reference.ciLower, tolerance: 1e-6, "CI lower")
        LogisticFixtures.expectClose(fit.terms.map(\.ciUpper), reference.ciUpper, tolerance: 1e-6, "CI upper")
    }

    @Test("Deviance, null deviance, AIC, iterations and convergence match glm", arguments: [
        "infert_four_covariates", "near_separation", "simulated_2000", "complete_separation",
        "quasi_complete_separation", "joint_separation",
    ])
    func fitSummaryMatchesGLM(name: String) throws {
        let reference = try LogisticFixtures.maximumLikelihoodCase(name)
        let fit = try LogisticFixtures.model(response: reference.response, covariates: reference.covariates)
            .fitMaximumLikelihood()
        LogisticFixtures.expectClose(
            [fit.deviance, fit.nullDeviance, fit.aic], [reference.deviance, reference.nullDeviance, reference.aic],
            tolerance: name.contains("separation") && name != "near_separation" ? 1e-3 : 1e-9, "deviances")
        #expect(fit.iterations == reference.iterations)
        #expect(fit.converged == reference.converged)
        #expect(fit.warnings == reference.warnings)
    }

    @Test("The shared reference glm fit on infert is reproduced")
    func sharedInfertReference() throws {
        struct Shared: Decodable {
            struct Case: Decodable {
                let y, spontaneous, induced, age: [Double]
                let estimate, se, p, ciLower, ciUpper: [Double]
                let deviance, aic: Double
            }
            let logistic_infert_ml: Case
        }
        let reference = try LogisticFixtures.load("reference", subdirectory: "Fixtures/shared", as: Shared.self)
            .logistic_infert_ml
        let fit = try LogisticModel(response: reference.y, covariates: [
            ("spontaneous", reference.spontaneous), ("induced", reference.induced), ("age", reference.age),
        ]).fitMaximumLikelihood()
        LogisticFixtures.expectClose(fit.terms.map(\.estimate), reference.estimate, tolerance: 1e-6, "estimate")
        LogisticFixtures.expectClose(fit.terms.map(\.standardError), reference.se, tolerance: 1e-6, "SE")
        LogisticFixtures.expectClose(fit.terms.map(\.pValue), reference.p, tolerance: 1e-6, "p")
        LogisticFixtures.expectClose(fit.terms.map(\.ciLower), reference.ciLower, tolerance: 1e-6, "CI lower")
        LogisticFixtures.expectClose(fit.terms.map(\.ciUpper), reference.ciUpper, tolerance: 1e-6, "CI upper")
        LogisticFixtures.expectClose([fit.deviance, fit.aic], [reference.deviance, reference.aic], tolerance: 1e-9, "deviance")
    }

    @Test("Odds ratios and their limits are R's exponentiated coefficients and Wald limits")
    func oddsRatiosExponentiate() throws {
        let reference = try LogisticFixtures.maximumLikelihoodCase("infert_four_covariates")
        let fit = try LogisticFixtures.model(response: reference.response, covariates: reference.covariates)
            .fitMaximumLikelihood()
        LogisticFixtures.expectClose(fit.terms.map(\.oddsRatio), reference.estimate.map { exp($0) }, tolerance: 1e-6, "OR")
        LogisticFixtures.expectClose(
            fit.terms.map(\.oddsRatioCILower), reference.ciLower.map { exp($0) }, tolerance: 1e-6, "OR lower")
        LogisticFixtures.expectClose(
            fit.terms.map(\.oddsRatioCIUpper), reference.ciUpper.map { exp($0) }, tolerance: 1e-6, "OR upper")
    }

    @Test("A 90% Wald interval uses z = 1.6449")
    func confidenceLevelChangesCritical() throws {
        let reference = try LogisticFixtures.maximumLikelihoodCase("infert_four_covariates")
        let fit = try LogisticFixtures.model(response: reference.response, covariates: reference.covariates)
            .fitMaximumLikelihood(confidenceLevel: 0.90)
        for term in fit.terms {
            #expect(abs((term.ciUpper - term.estimate) / term.standardError - 1.6448536269514722) < 1e-12)
        }
    }
}
