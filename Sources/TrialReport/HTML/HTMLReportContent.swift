/// The generated tables and inline SVG figures of the HTML page, looked up by name by
/// `MarkdownHTMLWriter`.
struct HTMLReportContent: GeneratedContent {
    let tables: [String: ReportTable]
    /// Inline `<svg>` by figure name, ids already prefixed (`InlineSVG`).
    let figures: [String: String]

    func figureHTML(named name: String) -> String? { figures[name] }

    func table(named name: String) -> ReportTable? { tables[name] }
}
