/// The figures and tables a document refers to by name (`![…](figure:name)`, `[[table:name]]`),
/// supplied by the caller so that the Markdown writers need not know about trials.
public protocol GeneratedContent {
    /// The figure's drawing as trusted HTML (an inline `<svg>`), or `nil` when there is no
    /// figure of that name.
    func figureHTML(named name: String) -> String?
    /// The table of that name, or `nil` when there is none.
    func table(named name: String) -> ReportTable?
    /// The caption the figure of that name is shown with, from the document's `caption`; by
    /// default `caption` itself.
    func figureCaption(named name: String, _ caption: [MarkdownInline]) -> [MarkdownInline]
}

extension GeneratedContent {
    public func figureCaption(named name: String, _ caption: [MarkdownInline]) -> [MarkdownInline] { caption }
}
