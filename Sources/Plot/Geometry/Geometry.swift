/// A point in PostScript points (1/72 inch), y growing downwards as in Cairo.
public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A width and height in points.
public struct Size: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }

    public static let zero = Size(width: 0, height: 0)
}

/// An axis-aligned rectangle in points; `origin` is the top-left corner.
public struct Rect: Sendable, Hashable {
    public var origin: Point
    public var size: Size

    public init(x: Double, y: Double, width: Double, height: Double) {
        origin = Point(x: x, y: y)
        size = Size(width: width, height: height)
    }

    public var minX: Double { origin.x }
    public var minY: Double { origin.y }
    public var maxX: Double { origin.x + size.width }
    public var maxY: Double { origin.y + size.height }
    public var midX: Double { origin.x + size.width / 2 }
    public var midY: Double { origin.y + size.height / 2 }
    public var width: Double { size.width }
    public var height: Double { size.height }

    /// Whether the two rectangles share interior area (touching edges do not count).
    public func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// Whether `other` lies entirely inside this rectangle (edges included, within 1e-6 pt).
    public func contains(_ other: Rect) -> Bool {
        let slack = 1e-6
        return other.minX >= minX - slack && other.maxX <= maxX + slack
            && other.minY >= minY - slack && other.maxY <= maxY + slack
    }

    /// The rectangle grown by `amount` on every side (shrunk when negative).
    public func insetBy(_ amount: Double) -> Rect {
        Rect(x: minX + amount, y: minY + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}

/// A length on paper, stored in points.
public struct Length: Sendable, Hashable {
    public var points: Double
    public init(points: Double) { self.points = points }

    /// A length given in millimetres (1 in = 25.4 mm = 72 pt).
    public static func millimetres(_ value: Double) -> Length { Length(points: value / 25.4 * 72) }
    /// A length given in points.
    public static func points(_ value: Double) -> Length { Length(points: value) }

    public var millimetres: Double { points / 72 * 25.4 }

    /// A journal's single-column width, 85 mm.
    public static let singleColumn = Length.millimetres(85)
    /// A journal's 1.5-column width, 120 mm.
    public static let oneAndHalfColumn = Length.millimetres(120)
    /// A journal's double-column (full page) width, 175 mm.
    public static let doubleColumn = Length.millimetres(175)
}
