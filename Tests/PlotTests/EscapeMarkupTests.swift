import Testing
@testable import Plot

/// `RichText.escapeMarkup` replaces the XML specials and NUL, and returns other text as it is,
/// byte for byte; a special character that begins a grapheme with a combining mark is one
/// `Character` and stays.
@Suite("RichText.escapeMarkup")
struct EscapeMarkupTests {
    @Test(arguments: ["", "P0000025", "UC-MSC", "3.0", "—", "é", "e\u{301}", "Ärzte 12 %", "tab\there", "日本"])
    func textWithoutSpecialsIsReturnedAsItIs(text: String) {
        #expect(Array(RichText.escapeMarkup(text).utf8) == Array(text.utf8))
    }

    @Test(arguments: [("a & b", "a &amp; b"), ("<b>", "&lt;b&gt;"), ("\"q\"", "&quot;q&quot;"), ("it's", "it&apos;s"),
                      ("nul\u{0}here", "nul\u{FFFD}here"), ("&amp;", "&amp;amp;"), ("é & <x>", "é &amp; &lt;x&gt;"),
                      ("&\u{301}", "&\u{301}"), ("'\u{301}x <", "'\u{301}x &lt;")])
    func specialsAreReplaced(text: String, escaped: String) {
        #expect(Array(RichText.escapeMarkup(text).utf8) == Array(escaped.utf8))
    }
}
