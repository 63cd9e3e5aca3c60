import Testing
import TrialStats

private struct AdjustmentCase: Decodable, CustomTestStringConvertible {
    let p: [Double]
    let method: String
    let adjusted: [Double]
    var testDescription: String { "p.adjust(\(p), \"\(method)\")" }
}

private let cases: [AdjustmentCase] = (try? loadFixture("padjust")) ?? []

@Test func adjustmentFixtureIsLoaded() {
    #expect(cases.count >= 28)
}

@Test(arguments: cases)
private func adjustmentAgreesWithR(_ item: AdjustmentCase) throws {
    let method = try #require(MultiplicityAdjustment(rawValue: item.method))
    let adjusted = try method.adjust(item.p)
    #expect(adjusted.count == item.adjusted.count)
    for (index, (actual, expected)) in zip(adjusted, item.adjusted).enumerated() {
        expectClose(actual, expected, relative: 1e-15, "\(item.testDescription)[\(index + 1)]")
    }
}

@Test func adjustmentOfNoPValuesIsEmpty() throws {
    for method in MultiplicityAdjustment.allCases { #expect(try method.adjust([]).isEmpty) }
}

@Test func adjustmentRefusesAnImpossiblePValue() {
    #expect(throws: StatisticsError.invalidParameter(name: "p-value", value: 1.5)) {
        try MultiplicityAdjustment.holm.adjust([0.01, 1.5])
    }
    #expect(throws: StatisticsError.self) { try MultiplicityAdjustment.bonferroni.adjust([.nan]) }
}
