/// One plotting area: two scales and the marks drawn over them, with an optional title and text
/// columns (forest plots) to its right. Several panels in a `Figure` make facets.
public struct Panel: Sendable {
    public var title: RichText?
    public var x: Scale
    public var y: Scale
    public var marks: [any Mark]
    /// Columns of text aligned with the rows of a categorical y scale, drawn right of the panel.
    public var textColumns: [TextColumn]

    public init(title: RichText? = nil, x: Scale, y: Scale, textColumns: [TextColumn] = [],
                @MarkBuilder marks: () -> [any Mark]) {
        self.title = title; self.x = x; self.y = y; self.textColumns = textColumns; self.marks = marks()
    }

    /// The coordinates the marks use on `axis`.
    func coordinates(on axis: Axis) -> [Coordinate] { marks.flatMap { $0.coordinates(on: axis) } }
}

/// A column of text beside a panel, one cell per category of the panel's y scale
/// (the "OR (95% CI)" and "p" columns of a forest plot).
public struct TextColumn: Sendable {
    public var title: RichText
    public var cells: [String: RichText]
    public var alignment: TextAnchor.Horizontal

    public init(title: RichText, cells: [String: RichText], alignment: TextAnchor.Horizontal = .leading) {
        self.title = title; self.cells = cells; self.alignment = alignment
    }
}
