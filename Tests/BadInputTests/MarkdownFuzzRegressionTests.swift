import Foundation
import Testing
import TrialReport

/// Inputs the FuzzMarkdown target found crashing, typeset again: each must give a PDF or an error.
@Suite("Markdown fuzz regressions")
struct MarkdownFuzzRegressionTests {
    static let metadata = PDFTypesetter.Metadata(title: "Regression", subject: "", creator: "BadInputTests",
                                                 date: "2000-01-01T00:00:00", footer: "Data lock: not locked")

    /// A NUL inside a link target (and a heading with unbalanced emphasis) crashed Cairo.
    @Test func nulInsideALinkTargetIsTypeset() throws {
        let text = "## H2\n### H3 *e, _nested **dept> &amp; [x](javascript:alert(1)) "
            + "[y](http://example.coDFHSMincho-_7m\u{0}) [z](mailto:a@b)\n"
        let document = MarkdownDocument(parsing: text)
        let pdf = try PDFTypesetter(metadata: Self.metadata).pdf(document, content: TypesetContent(tables: [], figures: []))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        #expect(!MarkdownHTMLWriterProbe.html(document).contains("\u{0}"))
    }
}

/// The HTML of a document without generated content.
enum MarkdownHTMLWriterProbe {
    struct NoContent: GeneratedContent {
        func figureHTML(named name: String) -> String? { nil }
        func table(named name: String) -> ReportTable? { nil }
    }

    static func html(_ document: MarkdownDocument) -> String {
        (try? MarkdownHTMLWriter(content: NoContent()).html(document)) ?? ""
    }
}
