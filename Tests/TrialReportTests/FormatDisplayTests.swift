import Testing
@testable import TrialReport

@Suite("Display: rounding of numbers")
struct FormatRoundingTests {
    @Test("rounds half away from zero on the decimal representation, not the binary value")
    func roundsOnDecimalRepresentation() {
        #expect(Display.number(2.675, decimals: 2) == "2.68")
        #expect(Display.number(1.005, decimals: 2) == "1.01")
        #expect(Display.number(0.0005, decimals: 3) == "0.001")
        #expect(Display.number(0.5, decimals: 0) == "1")
        #expect(Display.number(2.5, decimals: 0) == "3")
    }

    @Test("negative halves round away from zero and use the minus sign U+2212")
    func negativeHalvesRoundAwayFromZero() {
        #expect(Display.number(-1.005, decimals: 2) == "\u{2212}1.01")
        #expect(Display.number(-0.5, decimals: 0) == "\u{2212}1")
    }

    @Test("a negative number that rounds to zero has no sign")
    func noNegativeZero() {
        #expect(Display.number(-0.0001, decimals: 2) == "0.00")
        #expect(Display.number(-0.0, decimals: 1) == "0.0")
        #expect(Display.number(-0.004999, decimals: 2) == "0.00")
    }

    @Test("carries propagate through nines")
    func carriesThroughNines() {
        #expect(Display.number(9.995, decimals: 2) == "10.00")
        #expect(Display.number(-99.95, decimals: 1) == "\u{2212}100.0")
    }

    @Test("pads with zeros and handles exponent notation of tiny and huge values")
    func padsAndExpands() {
        #expect(Display.number(12, decimals: 2) == "12.00")
        #expect(Display.number(1e-7, decimals: 2) == "0.00")
        #expect(Display.number(1.5e-5, decimals: 5) == "0.00002")
        #expect(Display.number(1e21, decimals: 0) == "1000000000000000000000")
        #expect(Display.number(1234567.891, decimals: 1) == "1234567.9")
    }

    @Test("missing, NaN and infinite values")
    func missingAndInfinite() {
        #expect(Display.number(nil, decimals: 2) == "—")
        #expect(Display.number(.nan, decimals: 2) == "—")
        #expect(Display.number(.infinity, decimals: 2) == "∞")
        #expect(Display.number(-.infinity, decimals: 2) == "\u{2212}∞")
    }

    @Test("integers use the minus sign; nil is an em dash")
    func integers() {
        #expect(Display.integer(27) == "27")
        #expect(Display.integer(-3) == "\u{2212}3")
        #expect(Display.integer(nil) == "—")
    }

    @Test("counts of five digits and more are grouped by threes with commas")
    func groupedIntegers() {
        #expect(Display.integer(1052) == "1052")
        #expect(Display.integer(49_793) == "49,793")
        #expect(Display.integer(1_000_000) == "1,000,000")
        #expect(Display.integer(-123_456) == "\u{2212}123,456")
    }
}

@Suite("Display: p-values")
struct FormatPValueTests {
    @Test("below 0.001 shows <0.001; exactly 0.001 shows three decimals")
    func smallPValues() {
        #expect(Display.pValue(0.000999) == "<0.001")
        #expect(Display.pValue(0.0005) == "<0.001")
        #expect(Display.pValue(0) == "<0.001")
        #expect(Display.pValue(0.001) == "0.001")
        #expect(Display.pValue(0.0015) == "0.002")
    }

    @Test("three decimals, rounded half away from zero")
    func threeDecimals() {
        #expect(Display.pValue(0.0276) == "0.028")
        #expect(Display.pValue(0.04949) == "0.049")
        #expect(Display.pValue(0.05) == "0.050")
        #expect(Display.pValue(0.5) == "0.500")
    }

    @Test("a p-value just below 0.05 never shows as 0.050")
    func justBelowSignificance() {
        #expect(Display.pValue(0.0495) == "<0.050")
        #expect(Display.pValue(0.04999) == "<0.050")
    }

    @Test("p-values that would show 1.000 show >0.999")
    func largePValues() {
        #expect(Display.pValue(0.999) == "0.999")
        #expect(Display.pValue(0.9994) == "0.999")
        #expect(Display.pValue(0.9995) == ">0.999")
        #expect(Display.pValue(1) == ">0.999")
    }

    @Test("missing or impossible p-values show an em dash")
    func invalidPValues() {
        #expect(Display.pValue(nil) == "—")
        #expect(Display.pValue(.nan) == "—")
        #expect(Display.pValue(-0.01) == "—")
        #expect(Display.pValue(1.01) == "—")
    }
}

@Suite("Display: percentages and summaries")
struct FormatSummaryTests {
    @Test("percentages of proportions with one decimal")
    func percentages() {
        #expect(Display.percentage(0.4074) == "40.7%")
        #expect(Display.percentage(0.00625) == "0.6%")
        #expect(Display.percentage(1) == "100.0%")
        #expect(Display.percentage(0) == "0.0%")
        #expect(Display.percentage(0.12345, decimals: 2) == "12.35%")
        #expect(Display.percentage(nil) == "—")
    }

    @Test("a non-zero proportion never shows 0.0%, one below 1 never 100.0%")
    func extremePercentages() {
        #expect(Display.percentage(0.0004) == "<0.1%")
        #expect(Display.percentage(0.99996) == ">99.9%")
        #expect(Display.percentage(0.0004, decimals: 0) == "<1%")
    }

    @Test("n (%) from a count and a total")
    func countWithPercentage() {
        #expect(Display.countWithPercentage(11, of: 27) == "11 (40.7%)")
        #expect(Display.countWithPercentage(0, of: 26) == "0 (0.0%)")
        #expect(Display.countWithPercentage(1, of: 2000) == "1 (0.1%)")
        #expect(Display.countWithPercentage(1, of: 20000) == "1 (<0.1%)")
        #expect(Display.countWithPercentage(5, of: 0) == "5")
        #expect(Display.countWithPercentage(nil, of: 10) == "—")
    }

    @Test("mean ± SD with the given decimals; a missing SD shows an em dash")
    func meanWithSD() {
        #expect(Display.meanWithSD(mean: 12.345, sd: 4.55, decimals: 1) == "12.3 ± 4.6")
        #expect(Display.meanWithSD(mean: -0.25, sd: 0.5, decimals: 2) == "\u{2212}0.25 ± 0.50")
        #expect(Display.meanWithSD(mean: 3, sd: nil, decimals: 1) == "3.0 ± —")
        #expect(Display.meanWithSD(mean: nil, sd: 1, decimals: 1) == "—")
    }

    @Test("median (Q1 to Q3)")
    func medianWithQuartiles() {
        #expect(Display.medianWithQuartiles(median: 12, q1: 8.45, q3: 20.15, decimals: 1) == "12.0 (8.5 to 20.2)")
        #expect(Display.medianWithQuartiles(median: nil, q1: 1, q3: 2, decimals: 1) == "—")
    }

    @Test("estimate with its CI uses 'to'")
    func estimateWithInterval() {
        #expect(Display.estimateWithInterval(5.1104, lower: 1.1079, upper: 33.0849, decimals: 2) == "5.11 (1.11 to 33.08)")
        #expect(Display.estimateWithInterval(2, lower: 0.5, upper: .infinity, decimals: 2) == "2.00 (0.50 to ∞)")
    }

    @Test("differences of proportions in percentage points keep minus signs readable")
    func percentagePointDifference() {
        #expect(Display.percentagePoints(0.2074) == "20.7")
        #expect(Display.percentagePointDifference(0.2074, lower: -0.0512, upper: 0.4431) == "20.7 (\u{2212}5.1 to 44.3)")
        #expect(Display.percentagePointDifference(-0.1, lower: -0.35, upper: 0.15) == "\u{2212}10.0 (\u{2212}35.0 to 15.0)")
        #expect(Display.percentagePointDifference(nil, lower: 0, upper: 0) == "—")
    }

    @Test("an interval with a negative bound")
    func interval() {
        #expect(Display.interval(-0.051, 0.443, decimals: 2) == "\u{2212}0.05 to 0.44")
        #expect(Display.interval(nil, 0.443, decimals: 2) == "— to 0.44")
    }

    @Test("plain text for CSV turns minus signs into hyphen-minus and keeps the rest")
    func plainText() {
        #expect(Display.plainText("20.7 (\u{2212}5.1 to 44.3) — ±") == "20.7 (-5.1 to 44.3) — ±")
    }
}
