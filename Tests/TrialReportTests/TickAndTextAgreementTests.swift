import Plot
import Testing
import TrialReport

/// Figure tick labels (Plot's TickFormatter) and the report's text and tables (Display) round and
/// write a number the same way: one routine, NumberText.
@Suite("Tick labels and report text write numbers alike")
struct TickAndTextAgreementTests {
    /// Half-way cases whose nearest Double lies below the half (2.675, 1.005, 0.0001245), exact
    /// binary halves (0.125), negative zero and values that round to it, large and small values.
    static let values: [Double] = [
        2.675, 1.005, -1.005, 0.125, -0.125, 0.0001245, 12.25, 17.25, 9.995, -0.0, -0.0001, -0.004999,
        0.5, 2.5, -2.5, 1e22, 123_456_789.125, 1.5e-7, 4.999_999_999_999_999e-7,
    ]

    @Test("A tick label is the report's text of the same number with the same decimals", arguments: 0...6)
    func tickTextEqualsDisplayText(decimals: Int) {
        for value in Self.values {
            #expect(NumberText.fixed(value, decimals: decimals) == Display.number(value, decimals: decimals), "\(value)")
        }
    }

    @Test("Linear tick labels round on the decimal digits: 0.0001245 at the 6-decimal cap reads as in the text")
    func linearTickLabelsRoundOnDecimalDigits() {
        let labels = TickFormatter.linearLabels([0, 0.0001245]).map(\.plainText)
        #expect(labels == ["0.000000", "0.000125"])
        #expect(labels[1] == Display.number(0.0001245, decimals: 6))
    }

    @Test("Half-way values round away from zero as the text does (2.675 → 2.68, not the binary 2.67)")
    func halfWayValuesRoundAwayFromZero() {
        #expect(NumberText.fixed(2.675, decimals: 2) == "2.68")
        #expect(NumberText.fixed(-1.005, decimals: 2) == "\u{2212}1.01")
        #expect(NumberText.fixed(0.125, decimals: 2) == "0.13")
        #expect(NumberText.rounded(2.675, decimals: 2) == 2.68)
        #expect(NumberText.rounded(0.0001245, decimals: 6) == 0.000125)
    }

    @Test("Negative zero and values rounding to zero carry no sign, on an axis as in the text")
    func noNegativeZero() {
        #expect(TickFormatter.linearLabels([-0.0, 1]).map(\.plainText) == ["0", "1"])
        #expect(NumberText.fixed(-0.004999, decimals: 2) == "0.00")
        #expect(NumberText.rounded(-0.0001, decimals: 2).sign == .plus)
    }

    @Test("Large and small values are written in full, not in exponent notation")
    func largeAndSmallValuesInFull() {
        #expect(NumberText.fixed(1e22, decimals: 0) == "10000000000000000000000")
        #expect(NumberText.fixed(1.5e-7, decimals: 8) == "0.00000015")
        #expect(TickFormatter.logLabels([1e-3, 1, 1e3]).map(\.plainText) == ["0.001", "1", "1000"])
    }
}
