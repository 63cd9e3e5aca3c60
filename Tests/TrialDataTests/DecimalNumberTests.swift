import Testing
@testable import TrialData

@Suite("Decimal numbers from bytes")
struct DecimalNumberTests {
    private func parse(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { DecimalNumber.parse($0, 0..<$0.count) }
    }

    @Test(arguments: ["0", "12", "-3.25", "+4", ".5", "7.", "1e3", "2.5E-4", "0.1", "0.3", "123.456",
                      "9007199254740993", "1.7976931348623157e308", "4.9e-324", "2.2250738585072011e-308",
                      "0.1000000000000000055511151231257827", "12345678901234567890123", "-0.0"])
    func matchesTheCorrectlyRoundedValue(_ text: String) {
        let parsed = parse(text)
        #expect(parsed != nil)
        #expect(parsed?.bitPattern == Double(text)?.bitPattern)
    }

    /// Short plain decimals (the form read without the general path) against Swift's own
    /// correctly rounded reading, to the bit: signs, leading and trailing zeros, a point first or
    /// last, up to 16 characters (significands past 2⁵³ included).
    @Test func shortPlainDecimalsAreCorrectlyRounded() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...16, using: &generator)
            var text = String((0..<length).map { _ in "0123456789".randomElement(using: &generator)! })
            if Bool.random(using: &generator) {
                let point = text.index(text.startIndex, offsetBy: Int.random(in: 0...length, using: &generator))
                text.insert(".", at: point)
            }
            if Bool.random(using: &generator) { text = "-" + text }
            let expected = Double(text)
            #expect(parse(text)?.bitPattern == expected?.bitPattern, "\(text)")
        }
    }

    @Test func surroundingSpacesAreAllowed() {
        #expect(parse(" 3.5\t") == 3.5)
    }

    @Test(arguments: ["", " ", "-", ".", "e5", "1e", "1,5", "1.2.3", "inf", "nan", "0x10", "1 2", "1e400", "١٢"])
    func rejectsWhatIsNotADecimalNumber(_ text: String) {
        #expect(parse(text) == nil)
    }
}
