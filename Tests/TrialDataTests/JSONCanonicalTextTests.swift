import Testing
import TrialData

/// `JSONValue.canonicalText` and `stringLiteral`: how results.json, the manifest and the lock are written.
@Suite("JSON canonical text")
struct JSONCanonicalTextTests {
    @Test func stringLiteralsEscapeQuotesBackslashesAndEveryControlCharacter() {
        let text = "q\" s\\ n\n r\r t\t b\u{8} f\u{C} bell\u{7} del\u{7F} c1\u{80}\u{9F} nel\u{85} bom\u{FEFF}"
        #expect(JSONValue.stringLiteral(text)
            == #""q\" s\\ n\n r\r t\t b\b f\f bell\u0007 del\u007F c1\u0080\u009F nel\u0085 bom\uFEFF""#)
    }

    @Test func stringLiteralsKeepEveryOtherCharacterAsItIs() {
        // U+00A0 and U+FEFE share their first UTF-8 bytes with C1 controls and the byte order mark.
        let text = "é 中文 😀 \u{A0}\u{FEFE}\u{FFFF} </script> plain"
        #expect(JSONValue.stringLiteral(text) == "\"" + text + "\"")
        #expect(JSONValue.stringLiteral("") == "\"\"")
        #expect(JSONValue.stringLiteral("\u{FEFF}") == #""\uFEFF""#)
        #expect(JSONValue.stringLiteral("end\u{9F}") == #""end\u009F""#)
    }

    @Test func layoutIsTwoSpacesPerLevelWithEmptyContainersInline() {
        let tree = JSONValue.object([
            ("a", .array([.integer(-1), .number(2.5), .number(3), .null, .bool(true), .bool(false)])),
            ("b\"", .object([("c", .array([.object([])])), ("d", .array([])), ("e", .number(.nan))])),
            ("f", .string("x")),
        ])
        let expected = """
            {
              "a": [
                -1,
                2.5,
                3,
                null,
                true,
                false
              ],
              "b\\"": {
                "c": [
                  {}
                ],
                "d": [],
                "e": null
              },
              "f": "x"
            }

            """
        #expect(tree.canonicalText == expected)
        #expect(tree.canonicalBytes == Array(expected.utf8))
        #expect(JSONValue.array([]).canonicalText == "[]\n")
    }
}
