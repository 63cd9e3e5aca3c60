import Foundation
import Plot
import TrialAnalysis
import TrialData

/// The three documents of a report, composed from results, plan, provenance, templates and figures.
public struct ComposedReport: Sendable {
    /// `report.md`: the rendered template, tables expanded (see `ReportMarkdownFile`).
    public var markdown: String
    /// `report.html`: one self-contained page.
    public var html: String
    /// `report.pdf`.
    public var pdf: [UInt8]
    /// Every table of the report with all its rows (the documents may show fewer: see
    /// `ReportTable.shownInDocuments`), numbered as shown (a table the templates leave out has no number).
    public var tables: [ReportTable]
    /// The parsed Markdown of the report, which report.pdf, report.html and report.docx are written from.
    public var document: MarkdownDocument
    /// The title, creator, date and footer of report.pdf (and report.docx).
    public var metadata: PDFTypesetter.Metadata
}

/// Turns results into the report: the templates render Markdown twice — once to find the order
/// of tables and figures, once with their numbers — then the Markdown is typeset as PDF and
/// written as HTML.
public struct ReportComposer {
    /// The templates.
    public var templates: ReportTemplates
    /// The PDF's paper.
    public var paper: PaperSize

    /// A composer with `templates`, typesetting on `paper`.
    public init(templates: ReportTemplates, paper: PaperSize = .a4) {
        self.templates = templates
        self.paper = paper
    }

    /// The report of `results`.
    /// - Parameters:
    ///   - figures: the figures to show, in plan order.
    ///   - figureSVG: each figure's SVG, by name, for the HTML page; asked for once the PDF is
    ///     typeset, so the caller may still be drawing the figures meanwhile.
    /// - Throws: `TrialReportError` for a template that refers to an unknown table or figure
    ///   (`.invalidInput`, at its line in the rendered `report.md`) or a Cairo failure.
    /// - Complexity: linear in the size of the results and the report.
    public func compose(results: Results, plan: AnalysisPlan, provenance: ReportProvenance, figures: [ReportFigure],
                        figureSVG: () throws(TrialReportError) -> [String: String]) throws(TrialReportError) -> ComposedReport {
        let unnumbered = ReportContext(results: results, plan: plan, provenance: provenance,
                                       tables: ReportTables(results: results, plan: plan).all(), figureNames: figures.map(\.name))
        let draft = MarkdownDocument(parsing: templates.markdown(unnumbered.values()))
        let context = unnumbered.numbered(by: ReportNumbering(draft))
        let values = context.values()
        let markdown = templates.markdown(values)
        let document = MarkdownDocument(parsing: markdown)
        let shownTables = context.tables.map(\.shownInDocuments)
        let tablesByName = Dictionary(shownTables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

        let metadata = PDFTypesetter.Metadata(
            title: plan.title, subject: "Statistical report: " + Self.headline(values),
            creator: "TrialReport " + provenance.toolVersion, date: provenance.date.timestamp,
            footer: "Data lock: " + provenance.lockStatus, watermark: provenance.watermark)
        let pdf = try PDFTypesetter(paper: paper, metadata: metadata)
            .pdf(document, content: TypesetContent(tables: shownTables, figures: figures))
        let svg = try figureSVG()
        let widths = Dictionary(uniqueKeysWithValues: figures.compactMap { figure in LegibleFigureWidth.pixels(figure).map { (figure.name, $0) } })
        let body = try ReportPage.body(document, tables: shownTables, figureSVG: svg, figureWidths: widths)
        let html = templates.html(ReportPage.context(report: values, body: body, description: Self.headline(values)))
        let file = ReportMarkdownFile.expand(markdown, document: document, tables: tablesByName)
        return ComposedReport(markdown: file.hasSuffix("\n") ? file : file + "\n", html: html, pdf: pdf, tables: context.tables,
                              document: document, metadata: metadata)
    }

    /// The remission headline in plain words, from the context: "Remission at month 12: 11/27
    /// (40.7%) UC-MSC vs 3/26 (11.5%) Control, difference 29.2 pp (95% CI 5.0 to 50.0), p = 0.012".
    static func headline(_ values: [String: Any]) -> String {
        guard let remission = values["remission"] as? [String: Any],
              let treatment = remission["treatment"] as? [String: Any],
              let control = remission["control"] as? [String: Any] else { return "" }
        func text(_ dictionary: [String: Any], _ key: String) -> String { dictionary[key] as? String ?? "" }
        return "Remission at " + (values["primaryVisit"] as? String ?? "") + ": "
            + text(treatment, "fraction") + " " + text(treatment, "arm") + " vs "
            + text(control, "fraction") + " " + text(control, "arm") + ", difference "
            + text(remission, "difference") + " pp (95% CI " + text(remission, "differenceCI") + "), " + text(remission, "p")
    }
}
