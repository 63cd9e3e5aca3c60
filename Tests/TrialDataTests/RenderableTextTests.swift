import Testing
@testable import TrialData

@Suite("Text every output can show, and text safe on a terminal")
struct RenderableTextTests {
    @Test func controlCharactersAndNoncharactersAreRefusedTabsAndLineBreaksAreNot() {
        // Swift refuses U+FDD0–U+FDEF in literals.
        let refused: [Unicode.Scalar] = ["\0", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", Unicode.Scalar(0xFDD0 as UInt32)!,
                                         Unicode.Scalar(0xFDEF as UInt32)!, "\u{FFFE}", "\u{FFFF}", "\u{1FFFF}", "\u{10FFFF}"]
        let accepted: [Unicode.Scalar] = ["\t", "\n", "\r", " ", "~", "\u{A0}", "é", "\u{FDCF}", "\u{FDF0}", "\u{FFFD}", "\u{1F600}", "\u{EFFFD}"]
        #expect(refused.filter { !RenderableText.isRefused($0) } == [])
        #expect(accepted.filter(RenderableText.isRefused) == [])
    }

    @Test func everyRefusedCharacterIsReportedAtItsLineAndColumn() {
        let text = "title: \"a\u{FFFF}\"\r\nlabel: x\n  y: \u{1B}[2J\u{7}"
        #expect(RenderableText.diagnostics(in: text, file: "study.yaml").map(\.description) == [
            "error: study.yaml:1:10: Unicode noncharacter U+FFFF, which no report format can show; remove it",
            "error: study.yaml:3:6: control character U+001B (the text may hold only printable characters, tabs and line breaks)",
            "error: study.yaml:3:10: control character U+0007 (the text may hold only printable characters, tabs and line breaks)",
        ])
        #expect(RenderableText.diagnostics(in: "x\u{FFFE}", file: "f", line: 4, column: 7).map(\.location)
            == [SourceLocation(file: "f", line: 4, column: 8)])
    }

    @Test func controlCharactersAreEscapedForTheTerminal() {
        #expect(TerminalText.escaped("by \u{1B}]0;owned\u{7}\u{9B}2J\tme\n") == "by \\u{1B}]0;owned\\u{7}\\u{9B}2J\\tme\\n")
        #expect(TerminalText.escaped("Ünïcode stays") == "Ünïcode stays")
        #expect(Message.quoted("a\u{1B}[31mred") == "\"a\\u{1B}[31mred\"")
    }
}
