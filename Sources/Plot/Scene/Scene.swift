/// The dash pattern and width of a stroked line.
public struct Stroke: Sendable, Hashable {
    /// The line colour.
    public var color: Color
    /// The line width in points.
    public var width: Double
    /// Dash lengths in points; empty for a solid line.
    public var dash: [Double]

    public init(color: Color, width: Double, dash: [Double] = []) {
        self.color = color; self.width = width; self.dash = dash
    }
}

/// Where a text's anchor point lies on its box.
public struct TextAnchor: Sendable, Hashable {
    public enum Horizontal: Sendable, Hashable { case leading, center, trailing }
    public enum Vertical: Sendable, Hashable { case top, middle, bottom }
    public var horizontal: Horizontal
    public var vertical: Vertical
    public init(_ horizontal: Horizontal, _ vertical: Vertical) { self.horizontal = horizontal; self.vertical = vertical }

    public static let center = TextAnchor(.center, .middle)
}

/// One piece of text placed on the page.
public struct SceneText: Sendable, Hashable {
    public var text: RichText
    public var font: Font
    public var color: Color
    public var anchorPoint: Point
    public var anchor: TextAnchor
    /// Rotation in quarter turns counter-clockwise: 0 upright, 1 reading upwards (y-axis titles).
    public var quarterTurns: Int
    public var wrapWidth: Double?
    public var alignment: TextAlignment
    /// The unrotated logical size, as measured during layout.
    public var size: Size

    public init(text: RichText, font: Font, color: Color, anchorPoint: Point, anchor: TextAnchor,
                quarterTurns: Int = 0, wrapWidth: Double? = nil, alignment: TextAlignment = .leading, size: Size) {
        self.text = text; self.font = font; self.color = color; self.anchorPoint = anchorPoint
        self.anchor = anchor; self.quarterTurns = quarterTurns; self.wrapWidth = wrapWidth
        self.alignment = alignment; self.size = size
    }

    /// The box the text occupies on the page (after rotation).
    public var frame: Rect {
        let rotated = quarterTurns % 2 != 0
        let width = rotated ? size.height : size.width
        let height = rotated ? size.width : size.height
        let x: Double
        switch anchor.horizontal {
        case .leading: x = anchorPoint.x
        case .center: x = anchorPoint.x - width / 2
        case .trailing: x = anchorPoint.x - width
        }
        let y: Double
        switch anchor.vertical {
        case .top: y = anchorPoint.y
        case .middle: y = anchorPoint.y - height / 2
        case .bottom: y = anchorPoint.y - height
        }
        return Rect(x: x, y: y, width: width, height: height)
    }
}

/// A drawing primitive. Layout turns figures into these; a painter draws them.
public enum SceneItem: Sendable, Hashable {
    /// A polyline or polygon, stroked and/or filled.
    case path(points: [Point], closed: Bool, stroke: Stroke?, fill: Color?)
    /// A circle.
    case circle(center: Point, radius: Double, stroke: Stroke?, fill: Color?)
    case text(SceneText)
}

/// A laid-out figure: a page size and the primitives to draw on it, in order.
public struct Scene: Sendable, Hashable {
    public var size: Size
    public var items: [SceneItem]

    public init(size: Size, items: [SceneItem] = []) { self.size = size; self.items = items }

    /// Every text item, for layout checks.
    public var texts: [SceneText] {
        items.compactMap { if case .text(let text) = $0 { return text } else { return nil } }
    }

    public mutating func append(_ item: SceneItem) { items.append(item) }

    /// Adds a straight line between two points.
    public mutating func line(from start: Point, to end: Point, stroke: Stroke) {
        items.append(.path(points: [start, end], closed: false, stroke: stroke, fill: nil))
    }

    /// Adds a rectangle.
    public mutating func rectangle(_ rect: Rect, stroke: Stroke?, fill: Color?) {
        let corners = [Point(x: rect.minX, y: rect.minY), Point(x: rect.maxX, y: rect.minY),
                       Point(x: rect.maxX, y: rect.maxY), Point(x: rect.minX, y: rect.maxY)]
        items.append(.path(points: corners, closed: true, stroke: stroke, fill: fill))
    }
}

/// Anything that can lay itself out on a page of a given size: a `Figure` or a `FlowDiagram`.
public protocol Drawable: Sendable {
    /// The primitives that draw this on a page of `size` points, measuring text with `measurer`.
    func scene(size: Size, measurer: any TextMeasurer) -> Scene
}
