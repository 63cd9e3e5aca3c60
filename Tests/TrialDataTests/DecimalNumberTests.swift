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

    @Test func surroundingSpacesAreAllowed() {
        #expect(parse(" 3.5\t") == 3.5)
    }

    @Test(arguments: ["", " ", "-", ".", "e5", "1e", "1,5", "1.2.3", "inf", "nan", "0x10", "1 2", "1e400", "١٢"])
    func rejectsWhatIsNotADecimalNumber(_ text: String) {
        #expect(parse(text) == nil)
    }
}
