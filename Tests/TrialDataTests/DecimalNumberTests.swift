import Foundation
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

    /// Text of up to 8 bytes followed by more of the file is read as one word: every form of
    /// up to 8 bytes from digits, a point, a minus and other characters, against Swift's own
    /// correctly rounded reading (and what it refuses), to the bit.
    @Test func textReadAsOneWordIsReadAsByteByByte() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789..--+ e1x")
        for _ in 0..<40_000 {
            let length = Int.random(in: 0...8, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let file = Array((text + ",99999999\n").utf8)
            let parsed = file.withUnsafeBufferPointer { DecimalNumber.parse($0, 0..<text.utf8.count) }
            let expected = text.trimmingCharacters(in: .init(charactersIn: " \t")).isEmpty ? nil : Double(text.trimmingCharacters(in: .init(charactersIn: " \t")))
            let isPlainForm = text.allSatisfy { "0123456789.-+e ".contains($0) } && !text.hasPrefix("+-") && !text.hasPrefix("-+")
            if isPlainForm || parsed != nil {
                #expect(parsed?.bitPattern == expected.flatMap { $0.isFinite ? $0.bitPattern : nil }, "\(text)")
            }
            #expect(parsed?.bitPattern == parse(text)?.bitPattern, "\(text)")
        }
        for text in ["0", "-0", "7.", ".5", "-.5", "12345678", "-1234567", "1234.567", "0000.001", "99999999", ".", "-", "-.", "1.2.3", "--1", "1-2"] {
            let file = Array((text + ",xxxxxxxx").utf8)
            let parsed = file.withUnsafeBufferPointer { DecimalNumber.parse($0, 0..<text.utf8.count) }
            #expect(parsed?.bitPattern == parse(text)?.bitPattern, "\(text)")
            #expect(parsed?.bitPattern == Double(text)?.bitPattern, "\(text)")
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
