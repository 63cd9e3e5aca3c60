import Foundation
import Testing
import TrialStats

/// Loading of the logistic-regression reference fixtures (R output committed beside its script).
enum LogisticFixtures {
    /// A covariate column as the fixtures store it.
    struct Covariate: Decodable {
        let name: String
        let values: [Double]
    }

    /// One dataset with glm's results (logistic_glm.json).
    struct MaximumLikelihoodCase: Decodable {
        let name: String
        let response: [Double]
        let covariates: [Covariate]
        let terms: [String]
        let estimate, standardError, z, pValue, ciLower, ciUpper: [Double]
        let deviance, nullDeviance, aic: Double
        let iterations: Int
        let converged: Bool
        let warnings: [String]
    }

    /// One dataset with Firth results: brglm2 estimates and SEs, profile-likelihood CIs and p-values.
    /// A limit is null where the reference could not establish it.
    struct FirthCase: Decodable {
        let name: String
        let response: [Double]
        let covariates: [Covariate]
        let terms: [String]
        let estimate, standardError, chiSquare, pValue: [Double]
        let ciLower, ciUpper: [Double?]
        let penalizedLogLikelihood: Double
    }

    private struct Cases<Case: Decodable>: Decodable {
        let cases: [Case]
    }

    static func maximumLikelihoodCases() throws -> [MaximumLikelihoodCase] {
        try load("logistic_glm", as: Cases<MaximumLikelihoodCase>.self).cases
    }

    static func maximumLikelihoodCase(_ name: String) throws -> MaximumLikelihoodCase {
        try #require(try maximumLikelihoodCases().first { $0.name == name })
    }

    static func firthCase(_ name: String) throws -> FirthCase {
        try #require(try load("firth_profile", as: Cases<FirthCase>.self).cases.first { $0.name == name })
    }

    static func load<T: Decodable>(_ name: String, subdirectory: String = "Fixtures", as type: T.Type) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: subdirectory))
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// The model of a fixture case.
    static func model(response: [Double], covariates: [Covariate]) throws -> LogisticModel {
        try LogisticModel(response: response, covariates: covariates.map { ($0.name, $0.values) })
    }

    /// |a − b| / |b| (or |a − b| when b = 0).
    static func relativeDifference(_ a: Double, _ b: Double) -> Double {
        b == 0 ? abs(a) : abs(a - b) / abs(b)
    }

    /// Expects every `actual[i]` within relative `tolerance` of `expected[i]`.
    static func expectClose(
        _ actual: [Double], _ expected: [Double], tolerance: Double, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(actual.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
        for (index, (a, e)) in zip(actual, expected).enumerated() {
            #expect(relativeDifference(a, e) <= tolerance, "\(what)[\(index)]: \(a) vs R \(e)", sourceLocation: sourceLocation)
        }
    }
}
