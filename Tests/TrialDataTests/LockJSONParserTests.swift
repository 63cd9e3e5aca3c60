import Testing
@testable import TrialData

/// `JSONParser`: what the lock and `diff` read JSON with.
@Suite("JSON parser")
struct LockJSONParserTests {
    static func parse(_ text: String) throws(TrialReportError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8), file: "x.json")
    }

    @Test func numbersReadBackExactly() throws {
        let values: [Double] = [0.1, 0.4074074074074074, 1e-300, 2.2250738585072014e-308, .leastNonzeroMagnitude, 1.7976931348623157e308,
                                0.30000000000000004, 123456.789e-3, -0.0091260162601626]
        for value in values {
            #expect(try Self.parse(JSONValue.numberText(value)) == .number(value))
        }
        #expect(try Self.parse("12") == .integer(12))
        #expect(try Self.parse("-0") == .integer(0))
    }

    @Test func canonicalTextReadsBackAsTheSameTree() throws {
        let tree = JSONValue.object([("a", .array([.integer(1), .number(2.5), .null, .bool(true)])),
                                     ("b", .string("é\u{1}\"\\\n")), ("c", .object([]))])
        #expect(try Self.parse(tree.canonicalText) == tree)
    }

    @Test func escapesAndSurrogatePairsAreDecoded() throws {
        #expect(try Self.parse(#""\u00e9\ud83d\ude00\/\t""#) == .string("é😀/\t"))
    }

    @Test func invalidTextIsReportedAtItsLineAndColumn() throws {
        for (text, expected) in [("{\"a\": 1,\n  }", "x.json:2:3: invalid JSON: expected a key in quotes"),
                                 ("[01]", "x.json:1:3: invalid JSON: expected ',' or ']'"),
                                 ("{\"a\": 1, \"a\": 2}", "x.json:1:10: invalid JSON: repeated key \"a\""),
                                 ("1 2", "x.json:1:3: invalid JSON: unexpected text after the JSON value")] {
            do {
                _ = try Self.parse(text)
                Issue.record("\(text) was read")
            } catch {
                #expect(error.diagnostics.map(\.description) == ["error: " + expected])
            }
        }
    }

    @Test func invalidUTF8InsideAStringIsReportedAtItsFirstByte() {
        let quote = UInt8(ascii: "\"")
        let cases: [([UInt8], String)] = [
            (Array(#"{"a": "ok"#.utf8) + [0xFF, quote, UInt8(ascii: "}")], "x.json:1:10"),
            ([quote, 0xC0, 0xAF, quote], "x.json:1:2"),        // overlong '/'
            ([quote, 0xED, 0xA0, 0x80, quote], "x.json:1:2"),  // an encoded surrogate
            ([quote, 0x61, 0xE2, 0x82, quote], "x.json:1:3"),  // a sequence cut short
            (Array("[\n\"\\n".utf8) + [0x80, quote, UInt8(ascii: "]")], "x.json:2:4"),  // after an escape
        ]
        for (bytes, location) in cases {
            do {
                _ = try JSONParser.parse(bytes, file: "x.json")
                Issue.record("\(bytes) was read")
            } catch {
                #expect(error.diagnostics.map(\.description) == ["error: \(location): invalid JSON: invalid UTF-8 inside a string"])
            }
        }
    }

    @Test func validUTF8InsideAStringIsKept() throws {
        #expect(try Self.parse("[\"é😀\", \"a\\tb€\"]") == .array([.string("é😀"), .string("a\tb€")]))
    }

    @Test func deepNestingIsRefusedWithoutCrashing() throws {
        #expect(throws: TrialReportError.self) { try Self.parse(String(repeating: "[", count: 100_000)) }
    }
}
