import Testing
@testable import Plot

/// `NumberText.fixed`: whole numbers written straight from their integer digits give what the
/// decimal digits' rounding gives, to the character.
@Suite struct NumberTextTests {
    /// What `fixed` writes through `DecimalDigits`, for any finite value.
    static func throughDigits(_ value: Double, decimals: Int) -> String {
        DecimalDigits(value)!.text(decimals: decimals, minus: NumberText.minusSign)
    }

    @Test func wholeNumbersReadAsTheirDecimalDigitsRoundThem() {
        var state: UInt64 = 7
        var values: [Double] = [0, -0.0, 1, -1, 9, 10, -10, 99, 100, 12_345, 1_000_000, 0x1p52, 0x1p53 - 1, -(0x1p53 - 1), 0x1p53]
        for _ in 0..<2_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let whole = Double(state >> 40) - Double(1 << 23)
            values += [whole, whole * 1_000, (whole * 1_048_576).rounded()]
        }
        for value in values {
            for decimals in -1...4 {
                #expect(NumberText.fixed(value, decimals: decimals) == Self.throughDigits(value, decimals: decimals),
                        "\(value) to \(decimals) places")
            }
        }
        #expect(NumberText.fixed(6, decimals: 1) == "6.0")
        #expect(NumberText.fixed(-12, decimals: 2) == "\u{2212}12.00")
        #expect(NumberText.fixed(-0.0, decimals: 1) == "0.0")
        #expect(NumberText.fixed(49_793, decimals: 0) == "49793")
    }

    @Test func fractionsAndTheRestAreRoundedOnTheirDecimalDigits() {
        #expect(NumberText.fixed(2.675, decimals: 2) == "2.68")
        #expect(NumberText.fixed(-1.005, decimals: 2) == "\u{2212}1.01")
        #expect(NumberText.fixed(0x1p60, decimals: 1) == Self.throughDigits(0x1p60, decimals: 1))
        #expect(NumberText.fixed(.infinity, decimals: 1) == "∞")
        #expect(NumberText.fixed(-.infinity, decimals: 1) == "\u{2212}∞")
        #expect(NumberText.fixed(.nan, decimals: 1) == NumberText.missing)
    }
}
