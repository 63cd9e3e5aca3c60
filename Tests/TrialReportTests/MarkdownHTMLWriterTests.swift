import Testing
import TrialData
@testable import TrialReport

/// Generated content for the tests: a figure "rates" and a table "baseline".
struct SampleContent: GeneratedContent {
    func figureHTML(named name: String) -> String? {
        name == "rates" ? "<svg viewBox=\"0 0 10 10\"></svg>" : nil
    }

    func table(named name: String) -> ReportTable? {
        guard name == "baseline" else { return nil }
        return ReportTable(name: "baseline", number: 1, caption: "Baseline",
                           headerRows: [[.init("Variable"), .init("UC-MSC")]],
                           groups: [.init([.init([.init("Age"), .number("34.0")])])])
    }
}

/// The HTML of `markdown`, or the error's text.
func markdownHTML(_ markdown: String) -> String {
    do {
        return try MarkdownHTMLWriter(content: SampleContent()).html(MarkdownDocument(parsing: markdown))
    } catch {
        return error.diagnostics.map(\.description).joined(separator: "\n")
    }
}

@Suite("Markdown: HTML writer")
struct MarkdownHTMLWriterTests {
    @Test("headings get ids from their text or their explicit anchor")
    func headings() {
        #expect(markdownHTML("# Primary endpoint\n## Methods {#sec-methods}")
            == "<h1 id=\"primary-endpoint\">Primary endpoint</h1>\n<h2 id=\"sec-methods\">Methods</h2>\n")
    }

    @Test("paragraphs with emphasis, code, superscript and links")
    func paragraphs() {
        #expect(markdownHTML("**11/27** *vs* `p`^a^ [Table 1](#tab-baseline)")
            == "<p><strong>11/27</strong> <em>vs</em> <code>p</code><sup>a</sup> <a href=\"#tab-baseline\">Table 1</a></p>\n")
    }

    @Test("tight lists have no paragraph tags; loose lists do; numbered lists keep their start")
    func lists() {
        #expect(markdownHTML("- a\n- b") == "<ul>\n<li>a\n</li>\n<li>b\n</li>\n</ul>\n")
        #expect(markdownHTML("2. a\n\n3. b") == "<ol start=\"2\">\n<li><p>a</p>\n</li>\n<li><p>b</p>\n</li>\n</ol>\n")
    }

    @Test("pipe tables have thead, tbody and alignment classes, in a frame that scrolls sideways")
    func pipeTable() {
        #expect(markdownHTML("| a | b |\n|:--|--:|\n| 1 | 2 |") == """
            <div class="table-scroll">
            <table class="markdown-table">
            <thead>
            <tr><th class="align-left">a</th><th class="align-right">b</th></tr>
            </thead>
            <tbody>
            <tr><td class="align-left">1</td><td class="align-right">2</td></tr>
            </tbody>
            </table>
            </div>

            """)
    }

    @Test("code blocks are escaped and carry the language class")
    func codeBlock() {
        #expect(markdownHTML("```yaml\na: <b>\n```") == "<pre><code class=\"language-yaml\">a: &lt;b&gt;\n</code></pre>\n")
    }

    @Test("block quotes and thematic breaks")
    func quoteAndRule() {
        #expect(markdownHTML("> quoted\n\n---") == "<blockquote>\n<p>quoted</p>\n</blockquote>\n<hr>\n")
    }

    @Test("a figure reference becomes a figure with the caller's drawing and a caption")
    func figure() {
        #expect(markdownHTML("![Figure 1. *Rates*](figure:rates)") == """
            <figure class="report-figure" id="fig-rates">
            <svg viewBox="0 0 10 10"></svg>
            <figcaption>Figure 1. <em>Rates</em></figcaption>
            </figure>

            """)
    }

    @Test("a generated table becomes the table's HTML with the block's anchor, in a frame that scrolls sideways")
    func generatedTable() {
        let html = markdownHTML("[[table:baseline]] {#tab-one}")
        #expect(html.hasPrefix("<div class=\"table-scroll\">\n<table class=\"report-table\" id=\"tab-one\">\n<caption>Table 1. Baseline</caption>"))
        #expect(html.hasSuffix("</table>\n</div>\n"))
    }

    @Test("unknown figures and tables are reported with their line and column, all of them")
    func unknownReferences() {
        #expect(markdownHTML("# A\n\n![x](figure:missing)\n\n  [[table:absent]]")
            == "error: report.md:3:1: no figure named 'missing'\nerror: report.md:5:3: no table named 'absent'")
    }

    @Test("script tags in text, headings, code and link text are escaped")
    func escapesScript() {
        let html = markdownHTML("# <script>alert(1)</script>\n\n<script>alert(1)</script> `<script>` [<b>](#x)")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("quotes in link destinations cannot break out of the attribute")
    func escapesAttributes() {
        #expect(markdownHTML("[x](#a\"onmouseover='alert')")
            == "<p><a href=\"#a&quot;onmouseover=&#39;alert&#39;\">x</a></p>\n")
    }

    @Test("javascript: links are written as plain text")
    func unsafeLinks() {
        #expect(markdownHTML("[click](javascript:alert)") == "<p>click</p>\n")
        #expect(markdownHTML("[click](JavaScript:x)") == "<p>click</p>\n")
        #expect(markdownHTML("[ok](https://example.org/a?b=1)") == "<p><a href=\"https://example.org/a?b=1\">ok</a></p>\n")
        #expect(markdownHTML("[ok](tables/baseline.csv)") == "<p><a href=\"tables/baseline.csv\">ok</a></p>\n")
    }

    @Test("escaped ids of explicit anchors in attributes")
    func anchorsInAttributes() {
        #expect(markdownHTML("# x {#a.b:c}") == "<h1 id=\"a.b:c\">x</h1>\n")
    }
}
