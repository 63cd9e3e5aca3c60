/// One plotting area: two scales and the marks drawn over them, with an optional title and text
/// columns (forest plots) to its right. Several panels in a `Figure` make facets.
public struct Panel: Sendable {
    /// A bold title above the panel, wrapped to its width.
    public var title: RichText?
    /// The horizontal scale.
    public var x: Scale
    /// The vertical scale.
    public var y: Scale
    /// The marks, drawn in order.
    public var marks: [any Mark]
    /// Columns of text aligned with the rows of a categorical y scale, drawn right of the panel.
    public var textColumns: [TextColumn]

    /// A panel of the marks built by `marks` over the scales `x` and `y`.
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
    /// The column heading (bold).
    public var title: RichText
    /// The text of each row, keyed by the y category.
    public var cells: [String: RichText]
    /// How cells line up: leading for text, trailing for numbers such as p-values.
    public var alignment: TextAnchor.Horizontal

    /// A column headed `title` with one cell per category.
    public init(title: RichText, cells: [String: RichText], alignment: TextAnchor.Horizontal = .leading) {
        self.title = title; self.cells = cells; self.alignment = alignment
    }
}
