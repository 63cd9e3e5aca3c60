import Foundation
import Plot
import TrialData

/// The self-contained HTML page of the report: the body written by `MarkdownHTMLWriter` from the
/// report's Markdown, figures inline as SVG, put into the page shell `report.html.mustache`
/// (inline CSS, no scripts, nothing loaded from the network).
public struct ReportPage {
    /// The body of the page (an HTML fragment) for `document`.
    /// - Parameter figureSVG: each figure's SVG document by name, as `Canvas` renders it.
    /// - Throws: `TrialReportError` naming every unknown figure or table at its line.
    public static func body(_ document: MarkdownDocument, tables: [ReportTable],
                            figureSVG: [String: String]) throws(TrialReportError) -> String {
        let figures = Dictionary(uniqueKeysWithValues: figureSVG.map { name, svg in
            (name, InlineSVG.inline(svg, prefix: "svg-" + SlugMaker.slug(name)))
        })
        let content = HTMLReportContent(tables: Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
                                        figures: figures)
        return try MarkdownHTMLWriter(content: content).html(document)
    }

    /// The Mustache context of the page shell: the report's context plus `body` (trusted HTML,
    /// insert with `{{{body}}}`) and `description` (the summary sentence as text).
    public static func context(report: [String: Any], body: String, description: String) -> [String: Any] {
        report.merging(["body": body, "description": description]) { $1 }
    }
}
