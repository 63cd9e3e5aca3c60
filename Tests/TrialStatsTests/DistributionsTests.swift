import Testing
@testable import TrialStats

/// One value of distributions.json: R's `kind(args…)`.
private struct DistributionCase: Decodable, CustomTestStringConvertible {
    let kind: String
    let args: [Double]
    let value: RNumber
    var testDescription: String { "\(kind)(\(args.map { "\($0)" }.joined(separator: ", ")))" }
}

private let cases: [DistributionCase] = (try? loadFixture("distributions")) ?? []

/// Our value of R's `kind(args…)`, or nil for a kind this file does not know.
private func evaluate(_ item: DistributionCase) throws -> Double? {
    let a = item.args
    switch item.kind {
    case "pnorm": return Normal.cdf(a[0])
    case "pnorm_upper": return Normal.survival(a[0])
    case "qnorm": return Normal.quantile(a[0])
    case "pt": return try StudentT(degreesOfFreedom: a[1]).cdf(a[0])
    case "pt_upper": return try StudentT(degreesOfFreedom: a[1]).survival(a[0])
    case "qt": return try StudentT(degreesOfFreedom: a[1]).quantile(a[0])
    case "pchisq": return try ChiSquare(degreesOfFreedom: a[1]).cdf(a[0])
    case "pchisq_upper": return try ChiSquare(degreesOfFreedom: a[1]).survival(a[0])
    case "pbeta": return IncompleteBeta.regularized(x: a[0], a: a[1], b: a[2]).lower
    case "pbeta_upper": return IncompleteBeta.regularized(x: a[0], a: a[1], b: a[2]).upper
    case "qbeta": return IncompleteBeta.inverse(probability: a[0], a: a[1], b: a[2]).x
    case "lbeta": return LogBeta.of(a[0], a[1])
    case "pgamma": return IncompleteGamma.regularized(a: a[1], x: a[0]).lower
    case "pgamma_upper": return IncompleteGamma.regularized(a: a[1], x: a[0]).upper
    case "dhyper_log":
        return try Hypergeometric(white: Int(a[1]), black: Int(a[2]), draws: Int(a[3])).logProbability(Int(a[0]))
    case "phyper":
        return try Hypergeometric(white: Int(a[1]), black: Int(a[2]), draws: Int(a[3])).tails(Int(a[0])).lower
    case "dwilcox": return try WilcoxonRankSumDistribution(firstSize: Int(a[1]), secondSize: Int(a[2])).probability(Int(a[0]))
    case "pwilcox": return try WilcoxonRankSumDistribution(firstSize: Int(a[1]), secondSize: Int(a[2])).cdf(Int(a[0]))
    case "dsignrank": return try WilcoxonSignedRankDistribution(size: Int(a[1])).probability(Int(a[0]))
    case "psignrank": return try WilcoxonSignedRankDistribution(size: Int(a[1])).cdf(Int(a[0]))
    default: return nil
    }
}

@Test func distributionsFixtureIsLoaded() {
    #expect(cases.count > 1000)
}

@Test(arguments: cases)
private func distributionAgreesWithR(_ item: DistributionCase) throws {
    let value = try #require(try evaluate(item), "unknown kind \(item.kind)")
    expectAgrees(value, item.value.value, item.testDescription)
}

@Test func nonPositiveDegreesOfFreedomAreRefused() {
    #expect(throws: StatisticsError.invalidParameter(name: "degrees of freedom", value: 0)) {
        try StudentT(degreesOfFreedom: 0)
    }
    #expect(throws: StatisticsError.invalidParameter(name: "degrees of freedom", value: -1)) {
        try ChiSquare(degreesOfFreedom: -1)
    }
}

@Test func hypergeometricRefusesMoreDrawsThanBalls() {
    #expect(throws: StatisticsError.invalidCount("hypergeometric m = 2, n = 3, k = 6")) {
        try Hypergeometric(white: 2, black: 3, draws: 6)
    }
}

@Test func exactRankSumDistributionRefusesSizesTooLargeToTabulate() {
    #expect(throws: StatisticsError.self) {
        try WilcoxonRankSumDistribution(firstSize: 300, secondSize: 300)
    }
}

/// The shared distribution of two sizes is the one computed for them, each time and on any
/// thread, and sizes the other way round get their own.
@Test func sharedRankSumDistributionIsTheOneComputed() async throws {
    let computed = try WilcoxonRankSumDistribution(firstSize: 27, secondSize: 26)
    let shared = try await withThrowingTaskGroup(of: WilcoxonRankSumDistribution.self) { group in
        for _ in 0..<4 { group.addTask { try WilcoxonRankSumDistribution.shared(firstSize: 27, secondSize: 26) } }
        return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(shared == Array(repeating: computed, count: 4))
    let swapped = try WilcoxonRankSumDistribution.shared(firstSize: 26, secondSize: 27)
    #expect(swapped == (try WilcoxonRankSumDistribution(firstSize: 26, secondSize: 27)))
    #expect(swapped.firstSize == 26 && swapped.secondSize == 27)
    #expect(throws: StatisticsError.self) { try WilcoxonRankSumDistribution.shared(firstSize: 300, secondSize: 300) }
}

@Test func exactDistributionsSumToOne() throws {
    let rankSum = try WilcoxonRankSumDistribution(firstSize: 49, secondSize: 49)
    #expect(abs(rankSum.cdf(49 * 49) - 1) < 1e-14)
    #expect(rankSum.total == rankSum.counts.reduce(0, +))
    let signedRank = try WilcoxonSignedRankDistribution(size: 49)
    #expect(signedRank.total == 0x1p49)
}

@Test func smallerTailIsComputedDirectly() throws {
    let tails = try StudentT(degreesOfFreedom: 5).tails(-1e4)
    #expect(tails.lower > 0 && tails.lower < 1e-15)
    #expect(tails.upper == 1)
}
