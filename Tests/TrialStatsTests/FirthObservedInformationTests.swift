import Foundation
import Testing
@testable import TrialStats

@Suite("The observed information of Firth's penalized likelihood")
struct FirthObservedInformationTests {
    /// −∂²l*/∂βₖ∂βₗ by central second differences of l*, step hₖ = 0.001 standard errors.
    private func finiteDifferenceInformation(_ model: LogisticModel, at beta: [Double], standardErrors: [Double]) throws -> [[Double]] {
        let p = beta.count
        let steps = standardErrors.map { 0.001 * $0 }
        func value(_ offsets: [(Int, Double)]) throws -> Double {
            var shifted = beta
            for (k, sign) in offsets { shifted[k] += sign * steps[k] }
            return try #require(model.penalizedPoint(shifted)).value
        }
        return try (0..<p).map { k in
            try (0..<p).map { l in
                let corners = try value([(k, 1), (l, 1)]) - value([(k, 1), (l, -1)])
                    - value([(k, -1), (l, 1)]) + value([(k, -1), (l, -1)])
                return -corners / (4 * steps[k] * steps[l])
            }
        }
    }

    @Test("Equals the negated second differences of l* away from the maximum",
          arguments: ["reference_small", "trial_three_covariates", "simulate_21_seed_282"])
    func matchesSecondDifferences(name: String) throws {
        let reference = try LogisticFixtures.firthCase(name)
        let model = try LogisticFixtures.model(response: reference.response, covariates: reference.covariates)
        // Away from the estimate, where the observed and expected information differ.
        let beta = zip(reference.estimate, reference.standardError).map { $0 - 0.7 * $1 }
        let point = try #require(model.penalizedPoint(beta))
        let analytic = model.penalizedObservedInformation(at: point)
        let numeric = try finiteDifferenceInformation(model, at: beta, standardErrors: reference.standardError)
        // Compared in standard-error units, where the information at the estimate is about 1.
        var differsFromExpected = false
        for k in beta.indices {
            for l in beta.indices {
                let scale = reference.standardError[k] * reference.standardError[l]
                #expect(abs(analytic[k, l] - numeric[k][l]) * scale <= 1e-5, "[\(k), \(l)]: \(analytic[k, l]) vs \(numeric[k][l])")
                differsFromExpected = differsFromExpected || abs(analytic[k, l] - point.information[k, l]) * scale > 1e-2
            }
        }
        #expect(differsFromExpected, "the observed information should differ from XᵀWX here")
    }
}
