/// The generated tables and inline SVG figures of the HTML page, looked up by name by
/// `MarkdownHTMLWriter`.
struct HTMLReportContent: GeneratedContent {
    let tables: [String: ReportTable]
    /// Inline `<svg>` by figure name, without their XML declaration (`InlineSVG`).
    let figures: [String: String]
    /// The report's figures by name, whose captions carry their notes.
    let reportFigures: [String: ReportFigure]

    func figureHTML(named name: String) -> String? { figures[name] }

    func figureCaption(named name: String, _ caption: [MarkdownInline]) -> [MarkdownInline] {
        reportFigures[name]?.caption(caption) ?? caption
    }

    func table(named name: String) -> ReportTable? { tables[name] }
}
