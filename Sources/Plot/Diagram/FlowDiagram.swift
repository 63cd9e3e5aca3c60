/// A boxes-and-arrows diagram laid out on a grid of rows and columns, such as a CONSORT
/// participant-flow chart. Box text wraps to the box width; box heights follow the text.
///
/// ```swift
/// let consort = FlowDiagram(columns: 2, arrows: [.init(from: "enrolled", to: "a"), .init(from: "enrolled", to: "b")]) {
///     FlowDiagram.Box("enrolled", "Randomised (n = 53)", row: 0, column: 0, span: 2)
///     FlowDiagram.Box("a", "Allocated to UC-MSC (n = 27)", row: 1, column: 0)
///     FlowDiagram.Box("b", "Allocated to control (n = 26)", row: 1, column: 1)
/// }
/// ```
public struct FlowDiagram: Drawable {
    /// One box; `span` columns wide starting at `column`.
    public struct Box: Sendable {
        public var id: String
        public var text: RichText
        public var row: Int
        public var column: Int
        public var span: Int
        /// Grey-tinted stage header ("Allocation", "Follow-up") instead of a white box.
        public var isHeader: Bool

        public init(_ id: String, _ text: RichText, row: Int, column: Int, span: Int = 1, isHeader: Bool = false) {
            self.id = id; self.text = text; self.row = row; self.column = column; self.span = max(1, span)
            self.isHeader = isHeader
        }
    }

    /// An arrow from one box to another: straight, or with a right-angled bend when the boxes are not aligned.
    public struct Arrow: Sendable, Hashable {
        public var from: String
        public var to: String
        public init(from: String, to: String) { self.from = from; self.to = to }
    }

    public var columns: Int
    public var boxes: [Box]
    public var arrows: [Arrow]
    public var theme: Theme

    public init(columns: Int, theme: Theme = .journal, boxes: [Box], arrows: [Arrow]) {
        self.columns = max(1, columns); self.theme = theme; self.boxes = boxes; self.arrows = arrows
    }

    public init(columns: Int, theme: Theme = .journal, arrows: [Arrow], @ArrayBuilder<Box> boxes: () -> [Box]) {
        self.init(columns: columns, theme: theme, boxes: boxes(), arrows: arrows)
    }

    public func scene(size: Size, measurer: any TextMeasurer) -> Scene { layout(size: size, measurer: measurer).scene }

    /// Box frames and the scene.
    public func layout(size: Size, measurer: any TextMeasurer) -> FlowDiagramLayout {
        FlowDiagramLayout(diagram: self, size: size, measurer: measurer)
    }
}
