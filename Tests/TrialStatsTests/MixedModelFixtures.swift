import Foundation
import Testing
import TrialStats

/// The cases of Fixtures/mmrm.json (written by mmrm.R): long rows, nlme::gls (REML) and emmeans results.
struct MixedModelCase: Decodable, CustomTestStringConvertible {
    struct Variable: Decodable {
        let name: String
        let type: String
        let labels: [String]?
        let levels: [String]?
        let values: [Double?]?
    }

    struct Coefficients: Decodable {
        let names: [String]
        let estimate, se: [Double]
    }

    /// One row per visit and level (LS means) or per visit and contrast (differences).
    struct Table: Decodable {
        let visit, level: [String]
        let estimate, se, df, t, p, lower, upper: [Double]
    }

    struct Means: Decodable {
        let weights: String
        let means, differences: Table
    }

    let name: String
    let structure: String
    let fallbacks: [String]
    let visits: [String]
    let subject, visit: [String]
    let response: [Double?]
    let variables: [Variable]
    let terms: [[String]]
    let observations, subjects: Int
    let logLik: Double
    let coefficients: Coefficients
    let covarianceVisits: [String]
    let covariance: [[Double]]
    let leastSquaresMeans: [Means]

    var testDescription: String { name }

    static let all: [MixedModelCase] = (try? loadFixture("mmrm")) ?? []

    static func named(_ name: String) throws -> MixedModelCase {
        try #require(all.first { $0.name == name })
    }

    /// The rows pivoted to one column per participant (in order of first appearance), the
    /// participant-level variables from each participant's first row.
    func frame() throws -> RepeatedMeasuresFrame {
        var participants: [String: Int] = [:]
        var firstRow: [Int] = []
        for (row, id) in subject.enumerated() where participants[id] == nil {
            participants[id] = firstRow.count
            firstRow.append(row)
        }
        var responses = [[Double]](repeating: [Double](repeating: .nan, count: firstRow.count), count: visits.count)
        for row in subject.indices {
            let j = try #require(visits.firstIndex(of: visit[row]))
            responses[j][participants[subject[row]]!] = response[row] ?? .nan
        }
        var model: [String: ModelVariable] = [:]
        for variable in variables {
            if variable.type == "factor" {
                let labels = try #require(variable.labels)
                model[variable.name] = .factor(firstRow.map { labels[$0] }, levels: try #require(variable.levels))
            } else {
                let values = try #require(variable.values)
                model[variable.name] = .numeric(firstRow.map { values[$0] ?? .nan })
            }
        }
        return try RepeatedMeasuresFrame(
            responses: responses, visits: visits, variables: model, terms: terms.map(ModelTerm.init(variables:)))
    }

    /// The independent Satterthwaite reference of this case (mmrm_satterthwaite.R).
    func satterthwaite() throws -> SatterthwaiteCase {
        try #require(SatterthwaiteCase.all.first { $0.name == name })
    }

    func fit(degreesOfFreedom: DegreesOfFreedomMethod = .satterthwaite) throws -> RepeatedMeasuresFit {
        try RepeatedMeasuresFit(frame(), structures: fallbacks.map { try #require(CovarianceStructure(rawValue: $0)) },
                                degreesOfFreedom: degreesOfFreedom)
    }
}

/// The cases of Fixtures/mmrm_satterthwaite.json: Satterthwaite df from numDeriv's Hessian of the
/// REML log-likelihood and Jacobian of Cov(β̂), with p and CI limits on those df; and Kenward–Roger
/// SEs and df from pbkrtest's vcovAdj_internal and Lb_ddf.
struct SatterthwaiteCase: Decodable {
    struct Inference: Decodable {
        let df, p, lower, upper: [Double]
        /// Kenward–Roger's adjusted SE (absent for Satterthwaite, whose SE is emmeans').
        let se: [Double]?
    }

    struct KenwardRoger: Decodable {
        let means, differences: Inference
    }

    struct Request: Decodable {
        let weights: String
        let means, differences: Inference
        let kenwardRoger: KenwardRoger
    }

    let name: String
    let df: [Request]

    static let all: [SatterthwaiteCase] = (try? loadFixture("mmrm_satterthwaite")) ?? []
}
