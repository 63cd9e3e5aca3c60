import Testing
@testable import TrialReport

/// The inlines of a one-paragraph document.
func markdownInlines(_ text: String) -> [MarkdownInline] {
    guard case .paragraph(let inlines)? = MarkdownDocument(parsing: text).blocks.first?.content else { return [] }
    return inlines
}

@Suite("Markdown: inlines")
struct MarkdownInlineTests {
    @Test("emphasis and strong with * and _")
    func emphasis() {
        #expect(markdownInlines("*a* _b_ **c** __d__") == [
            .emphasis([.text("a")]), .text(" "), .emphasis([.text("b")]), .text(" "),
            .strong([.text("c")]), .text(" "), .strong([.text("d")]),
        ])
    }

    @Test("strong inside emphasis and triple delimiters")
    func nestedEmphasis() {
        #expect(markdownInlines("*a **b** c*") == [.emphasis([.text("a "), .strong([.text("b")]), .text(" c")])])
        #expect(markdownInlines("***x***") == [.emphasis([.strong([.text("x")])])])
    }

    @Test("unclosed emphasis stays literal text")
    func unclosedEmphasis() {
        #expect(markdownInlines("*open and **more") == [.text("*open and **more")])
        #expect(markdownInlines("**a*") == [.text("*"), .emphasis([.text("a")])])
    }

    @Test("underscores inside words and spaced asterisks are not emphasis")
    func intrawordAndSpaced() {
        #expect(markdownInlines("snake_case_name") == [.text("snake_case_name")])
        #expect(markdownInlines("2 * 3 * 4") == [.text("2 * 3 * 4")])
    }

    @Test("code spans are literal and bind tighter than emphasis")
    func codeSpans() {
        #expect(markdownInlines("`*x*` and ``a ` b``") == [.code("*x*"), .text(" and "), .code("a ` b")])
        #expect(markdownInlines("*a `*` b*") == [.emphasis([.text("a "), .code("*"), .text(" b")])])
    }

    @Test("an unclosed backtick is literal")
    func unclosedCode() {
        #expect(markdownInlines("a `b") == [.text("a `b")])
    }

    @Test("links, including cross-references to anchors")
    func links() {
        #expect(markdownInlines("see [Table 2](#tab-primary) and [*R*](https://r-project.org)") == [
            .text("see "), .link(destination: "#tab-primary", content: [.text("Table 2")]),
            .text(" and "), .link(destination: "https://r-project.org", content: [.emphasis([.text("R")])]),
        ])
    }

    @Test("brackets without a destination stay text; links do not nest")
    func bracketsWithoutLinks() {
        #expect(markdownInlines("[a] [b]") == [.text("[a] [b]")])
        #expect(markdownInlines("[a [b](x) c](y)") == [
            .text("[a "), .link(destination: "x", content: [.text("b")]), .text(" c](y)"),
        ])
    }

    @Test("emphasis does not cross a link boundary")
    func emphasisAndLinks() {
        #expect(markdownInlines("*a [b* c](x)") == [
            .text("*a "), .link(destination: "x", content: [.text("b* c")]),
        ])
    }

    @Test("backslash escapes make punctuation literal")
    func escapes() {
        #expect(markdownInlines(#"\*not\* \[x\] \\ \a"#) == [.text(#"*not* [x] \ \a"#)])
    }

    @Test("superscript ^a^ for footnote markers; a lone caret is text")
    func superscript() {
        #expect(markdownInlines("11 (40.7%)^a^ and 2^10 x") == [
            .text("11 (40.7%)"), .superscript("a"), .text(" and 2^10 x"),
        ])
    }

    @Test("a backslash at the end of a line is a hard break")
    func hardBreak() {
        #expect(markdownInlines("a\\\nb") == [.text("a"), .lineBreak, .text("b")])
    }

    @Test("HTML in the text is kept as text")
    func rawHTML() {
        #expect(markdownInlines("<script>alert(1)</script>") == [.text("<script>alert(1)</script>")])
    }

    @Test("emphasis nests only up to the bound; deeper delimiters stay text")
    func inlineNestingBound() {
        let depth = MarkdownDocument.maximumInlineNesting + 4
        let text = (0..<depth).map { _ in "*x " }.joined() + "y" + String(repeating: " x*", count: depth)
        var inlines = markdownInlines(text)
        var levels = 0
        while let next = inlines.lazy.compactMap({ inline -> [MarkdownInline]? in
            if case .emphasis(let children) = inline { return children } else { return nil }
        }).first {
            levels += 1
            inlines = next
        }
        #expect(levels == MarkdownDocument.maximumInlineNesting)
        #expect(inlines.plainText.contains("*x *x"))
    }
}
