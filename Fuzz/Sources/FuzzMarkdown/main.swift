import TrialData
import TrialReport

/// One fuzz input is a Markdown document (as a template would render it). It is parsed, written
/// as HTML and, when small, typeset as a PDF. Unknown figures and tables are errors the writers
/// report; anything but a crash or a sanitizer report is fine. Typesetting shapes text with Pango
/// and is slow, so only inputs up to `Typesetting.limit` bytes are typeset.

private struct NoContent: GeneratedContent {
    func figureHTML(named name: String) -> String? { name == "known" ? "<svg></svg>" : nil }
    func table(named name: String) -> ReportTable? { nil }
}

/// Constants as static members (initialized on first use: libFuzzer owns `main`).
private enum Typesetting {
    static let limit = 2_048
    static let typesetter = PDFTypesetter(metadata: .init(title: "Fuzz", subject: "fuzz", creator: "FuzzMarkdown",
                                                          date: "2000-01-01T00:00:00", footer: "Data lock: not locked"))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let document = MarkdownDocument(parsing: text, file: "report.md")
    _ = try? MarkdownHTMLWriter(content: NoContent()).html(document)
    if count <= Typesetting.limit {
        _ = try? Typesetting.typesetter.pdf(document, content: TypesetContent(tables: [], figures: []))
    }
    return 0
}
