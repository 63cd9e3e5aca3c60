import Foundation
@testable import Plot
import Testing

/// `DecimalDigits`: the shortest round-trip digits of a `Double`, whole numbers read as integers.
@Suite("Decimal digits")
struct DecimalDigitsTests {
    /// The significant digits of Swift's shortest representation, and the value they read back as.
    static func check(_ value: Double) {
        let decimal = DecimalDigits(value)!
        let text = (decimal.isNegative ? "-" : "") + (decimal.digits.isEmpty ? "0" : decimal.digits.map(String.init).joined())
            + "e" + String(decimal.exponent)
        #expect(Double(text) == value, "\(value): \(text)")
        let described = value.magnitude.description.split(separator: "e")[0].filter { $0 != "." }
            .drop { $0 == "0" }.reversed().drop { $0 == "0" }
        #expect(decimal.digits.count == described.count, "\(value): \(decimal.digits) against \(value.description)")
        #expect(decimal.isNegative == (value < 0))
    }

    @Test func wholeNumbersAreTheirIntegerDigits() {
        #expect(DecimalDigits(3.0) == DecimalDigits(isNegative: false, digits: [3], exponent: 0))
        #expect(DecimalDigits(-1200.0) == DecimalDigits(isNegative: true, digits: [1, 2], exponent: 2))
        #expect(DecimalDigits(0.0)?.isZero == true)
        #expect(DecimalDigits(-0.0)?.isNegative == false)
        #expect(DecimalDigits(0x1p53 - 1) == DecimalDigits(isNegative: false, digits: [9, 0, 0, 7, 1, 9, 9, 2, 5, 4, 7, 4, 0, 9, 9, 1], exponent: 0))
        for value in [1.0, 10, 1e15, 0x1p53 - 1, 0x1p53, 1e16, 1e22, 1e23, 123_456_789] { Self.check(value); Self.check(-value) }
    }

    @Test func everyValueReadsBackWithTheShortestDigits() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let whole = Double(Int64.random(in: -(1 << 53)...(1 << 53), using: &generator))
            Self.check(whole)
            Self.check(Double(bitPattern: UInt64.random(in: 0..<0x7FF0_0000_0000_0000, using: &generator)))
            Self.check(Double.random(in: -1000...1000, using: &generator))
        }
        for value in [0.1, 2.675, 1e-300, 5e-324, 1.7976931348623157e308, 3.5, 0.30000000000000004] { Self.check(value) }
        #expect(DecimalDigits(.nan) == nil)
        #expect(DecimalDigits(-.infinity) == nil)
    }

    @Test func textRoundsOnTheDecimalDigits() {
        let cases: [(Double, Int, String)] = [
            (2.675, 2, "2.68"), (0.004, 2, "0.00"), (-0.004, 2, "0.00"), (1200, 0, "1200"), (1e-7, 3, "0.000"),
            (12, 2, "12.00"), (0.5, 0, "1"), (999.96, 1, "1000.0"), (-3.14159, 3, "\u{2212}3.142"), (0, 1, "0.0"),
        ]
        for (value, decimals, expected) in cases {
            #expect(DecimalDigits(value)!.text(decimals: decimals, minus: "\u{2212}") == expected, "\(value)")
        }
    }
}
