import CCairo
import Plot
import TrialData

/// Typesets a `MarkdownDocument` as a paginated PDF with Cairo and Pango, in two passes: layout
/// (every text shaped once, slices put on pages) then drawing (so "Page X of Y" and links to
/// later pages are known). See Guides/Report.md.
public struct PDFTypesetter: Sendable {
    /// The document's metadata and running footer.
    public struct Metadata: Sendable {
        /// The title (PDF /Title).
        public var title: String
        /// The subject (PDF /Subject).
        public var subject: String
        /// The creating tool (PDF /Creator), e.g. "TrialReport 0.1.0".
        public var creator: String
        /// The creation and modification date, `YYYY-MM-DDThh:mm:ss` (never the clock).
        public var date: String
        /// The text at the left of every page's footer, e.g. "Data lock: draft — data not locked".
        public var footer: String
        /// Words drawn large and faint across every page (e.g. "DATA CHANGED SINCE LOCK"), or `nil`.
        public var watermark: String?

        /// Metadata.
        public init(title: String, subject: String, creator: String, date: String, footer: String,
                    watermark: String? = nil) {
            self.title = title
            self.subject = subject
            self.creator = creator
            self.date = date
            self.footer = footer
            self.watermark = watermark
        }
    }

    /// The paper.
    public var paper: PaperSize
    /// Title, subject, creator, date and footer.
    public var metadata: Metadata

    /// A typesetter for `paper`.
    public init(paper: PaperSize = .a4, metadata: Metadata) {
        self.paper = paper
        self.metadata = metadata
    }

    /// How the footer numbers pages.
    enum PageNumbering {
        /// "Page x of y" over the whole document.
        case continuous
        /// "Page x of y" within each section: a section starts on a page whose first slice is a
        /// top-level outline entry (each output of `tlf.pdf`).
        case perSection
    }

    /// The PDF's bytes.
    /// - Parameter document: the document; anchors are assigned (`assigningAnchors()`) here.
    /// - Throws: `TrialReportError` (`.invalidInput`) naming every unknown figure or table, or
    ///   (`.other`) a Cairo failure.
    /// - Parameter cells: the table cells another PDF typeset before on this thread laid out (this
    ///   one adds its own); by default none.
    /// - Complexity: linear in the document's size (each text is shaped once).
    public func pdf(_ document: MarkdownDocument, content: TypesetContent,
                    cells: TableCellLayouts = TableCellLayouts()) throws(TrialReportError) -> [UInt8] {
        let document = document.assigningAnchors()
        return try typeset(content: content, cells: cells) { $0.add(document.blocks) }
    }

    /// The PDF of the slices `build` adds to a flow, paginated and drawn with the footer's page
    /// numbers counted as `numbering` says, its table cells laid out into `cells`.
    /// - Throws: `TrialReportError` (`.invalidInput`) for the problems the flow recorded, or
    ///   (`.other`) a Cairo failure.
    func typeset(content: TypesetContent, numbering: PageNumbering = .continuous, cells: TableCellLayouts,
                 build: (inout FlowBuilder) -> Void) throws(TrialReportError) -> [UInt8] {
        let geometry = PageGeometry(paper: paper)
        let style = TypesetStyle()
        let sink = ByteSink()
        let first = paper.size(landscape: false)
        let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, first.width, first.height)!
        for (key, value) in [(CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_SUBJECT, metadata.subject),
                             (CAIRO_PDF_METADATA_CREATOR, metadata.creator), (CAIRO_PDF_METADATA_CREATE_DATE, metadata.date),
                             (CAIRO_PDF_METADATA_MOD_DATE, metadata.date)] {
            cairo_pdf_surface_set_metadata(surface, key, value)
        }
        let cairo = cairo_create(surface)!
        var problems: [Diagnostic] = []
        withExtendedLifetime(sink) {
            var builder = FlowBuilder(cairo: cairo, style: style, geometry: geometry, content: content, cells: cells)
            build(&builder)
            problems = builder.problems
            guard problems.isEmpty else { return }
            let pages = Paginator(geometry: geometry).pages(builder.slices)
            let anchors = Set(builder.slices.compactMap(\.anchor))
            let footer = TextBlock(cairo: cairo, markup: InlineMarkup(text: metadata.footer), font: style.footerFont, width: nil)
            let watermark = metadata.watermark.map {
                TextBlock(cairo: cairo, markup: InlineMarkup(text: $0), font: style.watermarkFont, width: nil)
            }
            PageDrawer(surface: surface, cairo: cairo, geometry: geometry, style: style,
                       links: LinkRegistry(anchors: anchors), footer: footer, watermark: watermark, numbering: numbering).draw(pages)
            // The laid-out content (a million participants' listing: 46,000 rows of cells) is
            // freed while the document is finished and written, or, in a process that ends with
            // its work, left to the exit (`BackgroundRelease`).
            BackgroundRelease.drop((builder, pages))
        }
        let status = cairo_status(cairo)
        cairo_destroy(cairo)
        cairo_surface_finish(surface)
        let surfaceStatus = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard problems.isEmpty else { throw TrialReportError(.invalidInput, problems) }
        for status in [status, surfaceStatus] where status != CAIRO_STATUS_SUCCESS {
            throw TrialReportError(.other, at: SourceLocation(file: "report.pdf"),
                                   "cairo: " + String(cString: cairo_status_to_string(status)))
        }
        return sink.bytes
    }
}
