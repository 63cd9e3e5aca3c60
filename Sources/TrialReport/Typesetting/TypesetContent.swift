import Plot

/// A figure of the report: its name, what to draw, and its size on the page.
public struct ReportFigure: Sendable {
    /// The figure's name, e.g. "remission-rates" (its files are `figures/<name>.{pdf,svg,png}`).
    public var name: String
    /// What to draw: a `Figure` or a `FlowDiagram`.
    public var drawable: any Drawable
    /// The size it is drawn at, in points; the PDF scales it down to the text width when wider.
    public var size: Size

    /// A figure.
    public init(name: String, drawable: any Drawable, size: Size) {
        self.name = name
        self.drawable = drawable
        self.size = size
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
