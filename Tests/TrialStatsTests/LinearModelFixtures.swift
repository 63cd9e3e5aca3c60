import Foundation
import Testing
import TrialStats

/// The cases of Fixtures/linear_models.json (written by linear_models.R): data, lm, drop1 and emmeans results.
struct LinearModelCase: Decodable, CustomTestStringConvertible {
    struct Variable: Decodable {
        let name: String
        let type: String
        let labels: [String?]?
        let levels: [String]?
        let values: [Double?]?
    }

    /// Estimates with SE, df, t, p and CI limits, one per row; null where R gave NA.
    struct Inference: Decodable {
        let estimate, se, t, p, lower, upper: [Double?]
        let df: [Double?]?
    }

    struct Coefficients: Decodable {
        let names: [String]
        let estimate, se, t, p, lower, upper: [Double?]
    }

    struct DropOne: Decodable {
        let term: String
        let df: Int
        let sumOfSquares, rss: Double
        let f, p: Double?
    }

    struct Difference: Decodable {
        let reference: String
        let levels: [String]
        let estimate, se, df, t, p, lower, upper: [Double?]
    }

    struct Contrast: Decodable {
        let coefficients: [Double]
        let estimate, se, df, t, p, lower, upper: [Double?]
    }

    struct BackTransformed: Decodable {
        let offset: Double
        let response, lower, upper, ratio, ratioLower, ratioUpper: [Double]
    }

    struct Means: Decodable {
        let factor: String
        let weights: String
        let levels: [String]
        let estimate, se, df, t, p, lower, upper: [Double?]
        let differences: [Difference]
        let contrasts: [Contrast]
        let backTransformed: BackTransformed?
    }

    let name: String
    let response: [Double?]
    /// c when the model's response is log(y + c) (R's formula), else absent.
    let logOffset: Double?
    let variables: [Variable]
    let terms: [[String]]
    let observations, dropped, rank, residualDf: Int
    let sigma, rss, rSquared, adjustedRSquared: Double
    let coefficients: Coefficients
    let drop1: [DropOne]
    let leastSquaresMeans: [Means]

    var testDescription: String { name }

    /// Every case; a fixture that cannot be read is reported by ``fixtureReadable()``.
    static let all: [LinearModelCase] = (try? loadFixture("linear_models")) ?? []

    static func named(_ name: String) throws -> LinearModelCase {
        try #require(all.first { $0.name == name })
    }

    /// The model frame of the case's data and terms.
    func frame() throws -> ModelFrame {
        var model: [String: ModelVariable] = [:]
        for variable in variables {
            if variable.type == "factor" {
                model[variable.name] = .factor(try #require(variable.labels), levels: try #require(variable.levels))
            } else {
                model[variable.name] = .numeric(try #require(variable.values).map { $0 ?? .nan })
            }
        }
        let y = response.map { $0 ?? .nan }
        return try ModelFrame(
            response: logOffset.map { offset in y.map { Foundation.log($0 + offset) } } ?? y, variables: model, terms: terms.map(ModelTerm.init(variables:)))
    }

    func fit() throws -> LinearFit {
        try LinearFit(frame())
    }
}

/// Expects `actual` to agree with R's `expected` (both absent, or both present and within ``Tolerance``).
func expectAgrees(_ actual: LinearEstimate?, _ reference: (estimate: Double?, se: Double?, df: Double?, t: Double?, p: Double?, lower: Double?, upper: Double?),
                  _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let expected = reference.estimate else {
        #expect(actual == nil, "\(what): R gives NA, got \(String(describing: actual?.estimate))", sourceLocation: sourceLocation)
        return
    }
    guard let actual else {
        Issue.record("\(what): no estimate, R \(expected)", sourceLocation: sourceLocation)
        return
    }
    expectAgrees(actual.estimate, expected, "\(what) estimate", sourceLocation: sourceLocation)
    let pairs: [(Double, Double?, String)] = [
        (actual.standardError, reference.se, "SE"), (actual.t, reference.t, "t"), (actual.pValue, reference.p, "p"),
        (actual.confidenceInterval.lower, reference.lower, "CI lower"), (actual.confidenceInterval.upper, reference.upper, "CI upper"),
        (actual.degreesOfFreedom, reference.df, "df"),
    ]
    for (value, expectedValue, label) in pairs {
        guard let expectedValue else { continue }
        expectAgrees(value, expectedValue, "\(what) \(label)", sourceLocation: sourceLocation)
    }
}
