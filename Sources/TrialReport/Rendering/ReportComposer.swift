import Foundation
import Plot
import TrialAnalysis
import TrialData

/// A report composed but not yet typeset: report.md, the tables and the parsed Markdown that
/// report.pdf (`ReportComposer.typeset`), report.html (`ReportComposer.html`, once the figures'
/// SVG is drawn) and report.docx are written from.
public struct ReportDraft: Sendable {
    /// `report.md`: the rendered template, tables expanded (see `ReportMarkdownFile`).
    public var markdown: String
    /// Every table of the report with all its rows (the documents may show fewer: see
    /// `ReportTable.shownInDocuments`), numbered as shown (a table the templates leave out has no number).
    public var tables: [ReportTable]
    /// The parsed Markdown of the report, which report.pdf, report.html and report.docx are written from.
    public var document: MarkdownDocument
    /// The title, creator, date and footer of report.pdf (and report.docx).
    public var metadata: PDFTypesetter.Metadata
    /// The tables as the documents show them and the figures, by name.
    public var content: TypesetContent
    /// What the HTML page is filled with besides the figures' SVG.
    var page: PageInputs

    /// This draft with `figures` (the same, laid out: see `ReportFigure.laidOutForDocuments`) in
    /// its content and page.
    func withFigures(_ figures: [ReportFigure]) -> ReportDraft {
        var draft = self
        draft.content.figures = TypesetContent(tables: [], figures: figures).figures
        draft.page.figures = figures
        return draft
    }

    /// The template values and the figures in plan order, for `ReportComposer.html`.
    struct PageInputs: @unchecked Sendable {  // the values are never changed after composing
        var values: [String: Any]
        var figures: [ReportFigure]
    }
}

/// The three documents of a report: the draft (report.md, tables), report.html and report.pdf.
@dynamicMemberLookup
public struct ComposedReport: Sendable {
    /// report.md, the tables and the parsed Markdown.
    public var draft: ReportDraft
    /// `report.html`: one self-contained page.
    public var html: String
    /// `report.pdf`.
    public var pdf: [UInt8]

    /// The draft's `markdown`, `tables`, `document`, `metadata` and `content`.
    public subscript<Value>(dynamicMember keyPath: KeyPath<ReportDraft, Value>) -> Value { draft[keyPath: keyPath] }
}

/// Turns results into the report: the templates render Markdown twice — once to find the order
/// of tables and figures, once with their numbers — then the Markdown is typeset as PDF and
/// written as HTML.
public struct ReportComposer: Sendable {
    /// The templates.
    public var templates: ReportTemplates
    /// The PDF's paper.
    public var paper: PaperSize

    /// A composer with `templates`, typesetting on `paper`.
    public init(templates: ReportTemplates, paper: PaperSize = .a4) {
        self.templates = templates
        self.paper = paper
    }

    /// The report of `results`: `draft`, then `html` and `typeset`.
    /// - Parameter figureSVG: each figure's SVG, by name, for the HTML page.
    /// - Throws: `TrialReportError` for a template that refers to an unknown table or figure
    ///   (`.invalidInput`, at its line in the rendered `report.md`) or a Cairo failure.
    /// - Complexity: linear in the size of the results and the report.
    public func compose(results: Results, plan: AnalysisPlan, provenance: ReportProvenance, figures: [ReportFigure],
                        figureSVG: [String: String]) throws(TrialReportError) -> ComposedReport {
        let draft = try draft(results: results, plan: plan, provenance: provenance, figures: figures)
        return ComposedReport(draft: draft, html: try html(draft, figureSVG: figureSVG), pdf: try typeset(draft))
    }

    /// report.md of `results` and what report.pdf, report.html and report.docx are written from.
    /// No text is laid out and no figure drawn: any thread may compose while figures are painted.
    /// - Parameter figures: the figures to show, in plan order.
    /// - Complexity: linear in the size of the results and the report.
    public func draft(results: Results, plan: AnalysisPlan, provenance: ReportProvenance,
                      figures: [ReportFigure]) throws(TrialReportError) -> ReportDraft {
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
        let file = ReportMarkdownFile.expand(markdown, document: document, tables: tablesByName, figures: figures)
        return ReportDraft(markdown: file.hasSuffix("\n") ? file : file + "\n", tables: context.tables,
                           document: document, metadata: metadata, content: TypesetContent(tables: shownTables, figures: figures),
                           page: ReportDraft.PageInputs(values: values, figures: figures))
    }

    /// report.html of `draft`: one self-contained page, each figure inline as `figureSVG` holds it by name.
    /// - Throws: `TrialReportError` for a template that refers to an unknown table or figure
    ///   (`.invalidInput`, at its line in the rendered `report.md`).
    public func html(_ draft: ReportDraft, figureSVG: [String: String]) throws(TrialReportError) -> String {
        let figures = draft.page.figures
        let widths = Dictionary(uniqueKeysWithValues: figures.compactMap { figure in LegibleFigureWidth.pixels(figure).map { (figure.name, $0) } })
        let body = try ReportPage.body(draft.document, tables: Array(draft.content.tables.values), figureSVG: figureSVG,
                                       figureWidths: widths, figures: figures)
        return templates.html(ReportPage.context(report: draft.page.values, body: body, description: Self.headline(draft.page.values)))
    }

    /// report.pdf of `draft`, its text laid out by Pango (on any thread: see `FontMetricsLock`).
    /// - Throws: `TrialReportError` for a Cairo failure.
    /// - Parameter cells: table cells laid out before on this thread (see `TableCellLayouts`).
    public func typeset(_ draft: ReportDraft, cells: TableCellLayouts = TableCellLayouts()) throws(TrialReportError) -> [UInt8] {
        try PDFTypesetter(paper: paper, metadata: draft.metadata).pdf(draft.document, content: draft.content, cells: cells)
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
