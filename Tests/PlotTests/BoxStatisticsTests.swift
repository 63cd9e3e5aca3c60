import Plot
import Testing

@Suite struct BoxStatisticsTests {
    @Test(arguments: PlotReference.shared.boxes.indices)
    func statisticsMatchRTypeSevenQuartilesAndTukeyWhiskers(index: Int) throws {
        let reference = PlotReference.shared.boxes[index]
        let box = try #require(BoxStatistics(values: reference.values))
        let pairs = [(box.lowerQuartile, reference.lowerQuartile), (box.median, reference.median),
                     (box.upperQuartile, reference.upperQuartile), (box.lowerWhisker, reference.lowerWhisker),
                     (box.upperWhisker, reference.upperWhisker)]
        for (value, expected) in pairs { #expect(abs(value - expected) < 1e-12, "values \(reference.values)") }
        #expect(box.outliers == reference.outliers)
        #expect(box.count == reference.values.count)
    }

    @Test func nonFiniteValuesAreIgnoredAndEmptyInputGivesNil() {
        #expect(BoxStatistics(values: [.nan, .infinity]) == nil)
        #expect(BoxStatistics(values: [1, .nan, 3])?.median == 2)
    }
}
