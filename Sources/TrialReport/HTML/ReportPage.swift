import Foundation
import Plot
import TrialData

/// The self-contained HTML page of the report: the body written by `MarkdownHTMLWriter` from the
/// report's Markdown, figures inline as SVG, put into the page shell `report.html.mustache`
/// (inline CSS, no scripts, nothing loaded from the network).
public struct ReportPage {
    /// The body of the page (an HTML fragment) for `document`.
    /// - Parameters:
    ///   - figureSVG: each figure's SVG document by name, as `Canvas` renders it.
    ///   - figureWidths: each figure's narrowest legible width in CSS pixels, by name
    ///     (`LegibleFigureWidth`): the figure scrolls sideways on a narrower screen.
    ///   - figures: the report's figures, whose notes their captions carry.
    /// - Throws: `TrialReportError` naming every unknown figure or table at its line.
    public static func body(_ document: MarkdownDocument, tables: [ReportTable],
                            figureSVG: [String: String], figureWidths: [String: Int] = [:],
                            figures reportFigures: [ReportFigure] = []) throws(TrialReportError) -> String {
        let figures = Dictionary(uniqueKeysWithValues: figureSVG.map { name, svg in
            (name, figureHTML(InlineSVG.inline(svg), minimumWidth: figureWidths[name]))
        })
        let content = HTMLReportContent(tables: Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
                                        figures: figures,
                                        reportFigures: Dictionary(reportFigures.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
        return try MarkdownHTMLWriter(content: content).html(document)
    }

    /// An inline figure in its sideways-scrolling frame (`figure-scroll`), at least `minimumWidth`
    /// pixels wide when given.
    static func figureHTML(_ svg: String, minimumWidth: Int?) -> String {
        let style = minimumWidth.map { " style=\"min-width: \($0)px\"" } ?? ""
        return "<div class=\"figure-scroll\"><div class=\"figure-canvas\"" + style + ">\n" + svg + "\n</div></div>"
    }

    /// The Mustache context of the page shell: the report's context plus `body` (trusted HTML,
    /// insert with `{{{body}}}`) and `description` (the summary sentence as text).
    public static func context(report: [String: Any], body: String, description: String) -> [String: Any] {
        report.merging(["body": body, "description": description]) { $1 }
    }
}
