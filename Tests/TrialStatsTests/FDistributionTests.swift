import Testing
import TrialStats

private struct FCase: Decodable, CustomTestStringConvertible {
    let f: Double
    let df1: Double
    let df2: Double
    let lower: Double
    let upper: Double
    var testDescription: String { "pf(\(f), \(df1), \(df2))" }
}

private let cases: [FCase] = (try? loadFixture("fdistribution")) ?? []

@Test func fDistributionFixtureIsLoaded() {
    #expect(cases.count >= 200)
}

/// The documented accuracy of the smaller tail: 1e-13 relative up to 250 degrees of
/// freedom, 1e-12 up to 10⁴, 1e-10 at 10⁶; the larger tail (1 − smaller) as closely.
@Test(arguments: cases)
private func fDistributionTailsAgreeWithR(_ item: FCase) throws {
    let tails = try FDistribution(numeratorDegreesOfFreedom: item.df1, denominatorDegreesOfFreedom: item.df2).tails(item.f)
    let relative = item.df2 > 1e4 ? 1e-10 : (item.df2 > 250 ? 1e-12 : 1e-13)
    let smallerIsLower = item.lower < item.upper
    expectClose(smallerIsLower ? tails.lower : tails.upper, smallerIsLower ? item.lower : item.upper,
                relative: relative, "\(item.testDescription) smaller tail")
    expectClose(smallerIsLower ? tails.upper : tails.lower, smallerIsLower ? item.upper : item.lower,
                relative: relative, "\(item.testDescription) larger tail")
}

@Test func fDistributionEdgesAndDomain() throws {
    let distribution = try FDistribution(numeratorDegreesOfFreedom: 2, denominatorDegreesOfFreedom: 10)
    #expect(distribution.tails(0) == TailProbabilities(lower: 0, upper: 1))
    #expect(distribution.tails(.infinity) == TailProbabilities(lower: 1, upper: 0))
    #expect(distribution.survival(.greatestFiniteMagnitude) == 0)
    #expect(distribution.cdf(.nan).isNaN)
    #expect(throws: StatisticsError.invalidParameter(name: "degrees of freedom", value: 0)) {
        try FDistribution(numeratorDegreesOfFreedom: 0, denominatorDegreesOfFreedom: 10)
    }
}
