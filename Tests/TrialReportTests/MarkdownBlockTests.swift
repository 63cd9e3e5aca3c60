import Testing
import TrialData
@testable import TrialReport

/// The content of the blocks of `text`.
func markdownBlocks(_ text: String) -> [MarkdownBlock.Content] {
    MarkdownDocument(parsing: text).blocks.map(\.content)
}

@Suite("Markdown: blocks")
struct MarkdownBlockTests {
    @Test("empty and blank input give no blocks")
    func emptyInput() {
        #expect(markdownBlocks("").isEmpty)
        #expect(markdownBlocks("\n  \n\t\n").isEmpty)
    }

    @Test("ATX headings from # to ####, with closing hashes removed")
    func headings() {
        #expect(markdownBlocks("# Title\n## Methods ##\n#### Deep") == [
            .heading(level: 1, content: [.text("Title")], anchor: nil),
            .heading(level: 2, content: [.text("Methods")], anchor: nil),
            .heading(level: 4, content: [.text("Deep")], anchor: nil),
        ])
    }

    @Test("a heading may end with an explicit anchor {#id}")
    func headingAnchor() {
        #expect(markdownBlocks("## Primary endpoint {#sec-primary}") == [
            .heading(level: 2, content: [.text("Primary endpoint")], anchor: "sec-primary"),
        ])
    }

    @Test("an invalid anchor stays part of the heading text")
    func invalidHeadingAnchor() {
        #expect(markdownBlocks("# A {#1 bad}") == [.heading(level: 1, content: [.text("A {#1 bad}")], anchor: nil)])
    }

    @Test("#hashtag without a space and seven hashes are paragraphs")
    func notHeadings() {
        #expect(markdownBlocks("#tag\n\n####### seven") == [
            .paragraph([.text("#tag")]), .paragraph([.text("####### seven")]),
        ])
    }

    @Test("consecutive lines form one paragraph with soft breaks; a blank line separates paragraphs")
    func paragraphs() {
        #expect(markdownBlocks("one\ntwo  \n\nthree") == [
            .paragraph([.text("one"), .softBreak, .text("two")]), .paragraph([.text("three")]),
        ])
    }

    @Test("CRLF and CR line endings are line breaks")
    func lineEndings() {
        #expect(markdownBlocks("# A\r\nb\rc") == [
            .heading(level: 1, content: [.text("A")], anchor: nil),
            .paragraph([.text("b"), .softBreak, .text("c")]),
        ])
    }

    @Test("thematic breaks: ---, ***, ___ and spaced forms")
    func thematicBreaks() {
        #expect(markdownBlocks("---\n* * *\n___") == [.thematicBreak, .thematicBreak, .thematicBreak])
    }

    @Test("fenced code keeps its content literally and reads the language")
    func fencedCode() {
        let text = "```yaml\nremission:\n  threshold: 10 # *not* emphasis\n```\nafter"
        #expect(markdownBlocks(text) == [
            .codeBlock(language: "yaml", code: "remission:\n  threshold: 10 # *not* emphasis\n"),
            .paragraph([.text("after")]),
        ])
    }

    @Test("an unclosed fence runs to the end of the document")
    func unclosedFence() {
        #expect(markdownBlocks("~~~\na\n\nb") == [.codeBlock(language: nil, code: "a\n\nb\n")])
    }

    @Test("a longer closing fence closes; a shorter one does not")
    func fenceLengths() {
        #expect(markdownBlocks("````\n```\n`````") == [.codeBlock(language: nil, code: "```\n")])
    }

    @Test("block quotes hold blocks, and nest")
    func blockQuotes() {
        #expect(markdownBlocks("> # H\n> text\n> > inner") == [
            .blockQuote([
                MarkdownBlock(.heading(level: 1, content: [.text("H")], anchor: nil),
                              at: SourceLocation(file: "report.md", line: 1, column: 3)),
                MarkdownBlock(.paragraph([.text("text")]), at: SourceLocation(file: "report.md", line: 2, column: 3)),
                MarkdownBlock(.blockQuote([
                    MarkdownBlock(.paragraph([.text("inner")]), at: SourceLocation(file: "report.md", line: 3, column: 5)),
                ]), at: SourceLocation(file: "report.md", line: 3, column: 3)),
            ]),
        ])
    }

    @Test("every block records the line and column where it starts")
    func locations() {
        let document = MarkdownDocument(parsing: "# A\n\n  text\n\n- item", file: "t.md")
        #expect(document.blocks.map(\.location.description) == ["t.md:1:1", "t.md:3:3", "t.md:5:1"])
    }

    @Test("a heading, a list or a fence ends a paragraph without a blank line")
    func interruptions() {
        #expect(markdownBlocks("text\n# H\nmore\n- item").count == 4)
    }

    @Test("a numbered line other than 1. does not interrupt a paragraph")
    func numberedLineInParagraph() {
        #expect(markdownBlocks("The trial had\n12. participants") == [
            .paragraph([.text("The trial had"), .softBreak, .text("12. participants")]),
        ])
    }
}
