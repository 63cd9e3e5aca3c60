import Foundation
import Testing
import TrialStats

/// The project's shared R reference values (Fixtures/shared/reference.{R,json}), the
/// entries this module owns (logistic ones are tested with the regression code).
private struct SharedReference: Decodable {
    struct Fisher: Decodable {
        let table: [Int]
        let p, oddsRatio, ciLower, ciUpper: Double
    }
    struct Wilson: Decodable {
        let x, n: Int
        let ciLower, ciUpper: Double
    }
    struct Sample: Decodable {
        let x, y: [Double]
        let t: Double?
        let df: Double?
        let p: Double
        let W: Double?
        let V: Double?
    }
    let fisher: [Fisher]
    let wilson: [Wilson]
    let welch, paired, rankSumTies, signedRankExact, rankSumExact: Sample

    init(from decoder: any Decoder) throws {
        let entries = try decoder.container(keyedBy: Key.self)
        func decode<T: Decodable>(_ name: String) throws -> T { try entries.decode(T.self, forKey: Key(name)) }
        fisher = try entries.allKeys.filter { $0.stringValue.hasPrefix("fisher_") }.map { try entries.decode(Fisher.self, forKey: $0) }
        wilson = try entries.allKeys.filter { $0.stringValue.hasPrefix("wilson_") }.map { try entries.decode(Wilson.self, forKey: $0) }
        welch = try decode("welch_sleep")
        paired = try decode("pairedt_sleep")
        rankSumTies = try decode("ranksum_sleep_ties")
        signedRankExact = try decode("signrank_exact")
        rankSumExact = try decode("ranksum_exact")
    }

    struct Key: CodingKey {
        let stringValue: String
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.init(stringValue) }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    static func load() throws -> SharedReference {
        let url = try #require(Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "Fixtures/shared"))
        return try JSONDecoder().decode(SharedReference.self, from: Data(contentsOf: url))
    }
}

@Test func sharedFisherCasesAgreeWithR() throws {
    let reference = try SharedReference.load()
    #expect(reference.fisher.count == 4)
    for item in reference.fisher {
        let t = item.table
        let result = try FisherExactTest(t[0], t[1], t[2], t[3])
        expectAgrees(result.pValue, item.p, "\(t) p")
        expectAgrees(result.oddsRatio, item.oddsRatio, "\(t) odds ratio")
        expectAgrees(result.confidenceInterval.lower, item.ciLower, "\(t) lower")
        expectAgrees(result.confidenceInterval.upper, item.ciUpper, "\(t) upper")
    }
}

@Test func sharedWilsonCasesAgreeWithR() throws {
    let reference = try SharedReference.load()
    #expect(reference.wilson.count == 4)
    for item in reference.wilson {
        let interval = try Proportion.wilsonInterval(successes: item.x, trials: item.n)
        expectAgrees(interval.lower, item.ciLower, "\(item.x)/\(item.n) lower")
        expectAgrees(interval.upper, item.ciUpper, "\(item.x)/\(item.n) upper")
    }
}

@Test func sharedSleepTestsAgreeWithR() throws {
    let reference = try SharedReference.load()
    let welch = try TTest.welch(reference.welch.x, reference.welch.y)
    expectAgrees(welch.statistic, try #require(reference.welch.t), "Welch t")
    expectAgrees(welch.degreesOfFreedom, try #require(reference.welch.df), "Welch df")
    expectAgrees(welch.pValue, reference.welch.p, "Welch p")
    let paired = try TTest.paired(reference.paired.x, reference.paired.y)
    expectAgrees(paired.statistic, try #require(reference.paired.t), "paired t")
    expectAgrees(paired.pValue, reference.paired.p, "paired p")
    let ties = try WilcoxonTest.rankSum(reference.rankSumTies.x, reference.rankSumTies.y)
    #expect(ties.method == .normalApproximation)
    expectAgrees(ties.statistic, try #require(reference.rankSumTies.W), "rank-sum W")
    expectAgrees(ties.pValue, reference.rankSumTies.p, "rank-sum p")
    let signed = try WilcoxonTest.signedRank(reference.signedRankExact.x, reference.signedRankExact.y)
    #expect(signed.method == .exact)
    expectAgrees(signed.statistic, try #require(reference.signedRankExact.V), "signed-rank V")
    expectAgrees(signed.pValue, reference.signedRankExact.p, "signed-rank p")
    let exact = try WilcoxonTest.rankSum(reference.rankSumExact.x, reference.rankSumExact.y)
    #expect(exact.method == .exact)
    expectAgrees(exact.statistic, try #require(reference.rankSumExact.W), "exact rank-sum W")
    expectAgrees(exact.pValue, reference.rankSumExact.p, "exact rank-sum p")
}
