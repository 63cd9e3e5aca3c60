import Plot

/// A figure of the report: its name, what to draw, its size on the page, and its note, which the
/// caption carries so that a document never shows the figure's legend twice.
public struct ReportFigure: Sendable {
    /// The figure's name, e.g. "remission-rates" (its files are `figures/<name>.{pdf,svg,png}`).
    public var name: String
    /// What the report's documents (PDF, HTML, Word) draw: a `Figure` or a `FlowDiagram`, without
    /// its note.
    public var drawable: any Drawable
    /// The size it is drawn at, in points; the PDF scales it down to the text width when wider.
    public var size: Size
    /// The figure's note (method, abbreviations) that the caption carries; `nil` without one.
    public var note: String?
    /// The figure as its files draw it, with the note under it; `nil` when the files draw `drawable`.
    public var file: (drawable: any Drawable, size: Size)?

    /// A figure whose files are drawn as the documents show it, or as `file` when given.
    public init(name: String, drawable: any Drawable, size: Size, note: String? = nil,
                file: (drawable: any Drawable, size: Size)? = nil) {
        self.name = name
        self.drawable = drawable
        self.size = size
        self.note = note
        self.file = file
    }

    /// The size report.pdf draws it at: `size`, scaled down to `textWidth` when wider.
    func size(inTextWidth textWidth: Double) -> Size {
        let scale = min(1, textWidth / size.width)
        return Size(width: size.width * scale, height: size.height * scale)
    }

    /// This figure with its drawing laid out now at its size (for the HTML page's legible width,
    /// `LegibleFigureWidth`) and at the size report.pdf on `paper` draws it: text measured ahead
    /// of composing and typesetting (see `ReportRenderer`).
    func laidOutForDocuments(on paper: PaperSize) -> ReportFigure {
        var figure = self
        let pdfSize = size(inTextWidth: PageGeometry(paper: paper).textRect(landscape: false).width)
        figure.drawable = LaidOutDrawing(drawable, sizes: [size, pdfSize])
        return figure
    }

    /// `caption` followed by the note: "Figure 2. Remission rate by arm. Remission: ≥ 10% increase …".
    func caption(_ caption: [MarkdownInline]) -> [MarkdownInline] {
        guard let note else { return caption }
        return caption + [.text(caption.plainText.hasSuffix(".") ? " " + note : ". " + note)]
    }
}

/// The generated tables and figures a document refers to by name, for the typesetter.
public struct TypesetContent: Sendable {
    /// Tables by name.
    public var tables: [String: ReportTable]
    /// Figures by name.
    public var figures: [String: ReportFigure]

    /// Content from lists of tables and figures.
    public init(tables: [ReportTable], figures: [ReportFigure]) {
        self.tables = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.figures = Dictionary(figures.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
