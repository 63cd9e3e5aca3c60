/// A position on an axis: a number on a continuous scale or a category on a band scale.
public enum Coordinate: Sendable, Hashable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral
{
    case value(Double)
    case category(String)

    public init(floatLiteral value: Double) { self = .value(value) }
    public init(integerLiteral value: Int) { self = .value(Double(value)) }
    public init(stringLiteral value: String) { self = .category(value) }

    var number: Double? { if case .value(let value) = self { return value } else { return nil } }
    var categoryName: String? { if case .category(let name) = self { return name } else { return nil } }
}

/// Which of a panel's two axes.
public enum Axis: Sendable, Hashable { case x, y }

/// The declaration of an axis: its kind, title and optional limits or ticks.
public struct Scale: Sendable {
    /// The kinds of scale.
    public enum Kind: Sendable, Hashable {
        case linear
        /// Logarithmic, base 10; all values must be positive.
        case log
        /// Evenly spaced bands, in the order given (or of first use in the marks when empty).
        case categorical([String])
    }

    /// Linear, log or categorical.
    public var kind: Kind
    /// The axis title, with its unit, e.g. `"C-peptide (pmol/L)"`.
    public var title: RichText
    /// Fixed limits; by default the data's range, widened by `expansion` on each side.
    public var limits: ClosedRange<Double>?
    /// Whether the automatic limits must include zero (bars start at zero).
    public var includesZero: Bool
    /// Fraction of the data range added on both sides of automatic limits.
    public var expansion: Double
    /// Explicit tick positions; by default nice ticks are chosen.
    public var ticks: [Double]?
    /// Explicit tick labels, one per explicit tick.
    public var tickLabels: [RichText]?

    /// A scale from all its settings; the static constructors are shorter.
    public init(kind: Kind, title: RichText = "", limits: ClosedRange<Double>? = nil, includesZero: Bool = false,
                expansion: Double = 0.05, ticks: [Double]? = nil, tickLabels: [RichText]? = nil) {
        self.kind = kind; self.title = title; self.limits = limits; self.includesZero = includesZero
        self.expansion = expansion; self.ticks = ticks; self.tickLabels = tickLabels
    }

    /// A linear scale.
    public static func linear(_ title: RichText = "", limits: ClosedRange<Double>? = nil, includesZero: Bool = false,
                              ticks: [Double]? = nil, tickLabels: [RichText]? = nil) -> Scale {
        Scale(kind: .linear, title: title, limits: limits, includesZero: includesZero, ticks: ticks, tickLabels: tickLabels)
    }

    /// A base-10 log scale, ticks at 1-2-5 of each decade (odds ratios: 0.1, 0.2, 0.5, 1, 2, 5, 10).
    public static func log(_ title: RichText = "", limits: ClosedRange<Double>? = nil, ticks: [Double]? = nil) -> Scale {
        Scale(kind: .log, title: title, limits: limits, ticks: ticks)
    }

    /// A band scale of categories; for a y axis the first category is at the top.
    public static func categorical(_ categories: [String] = [], title: RichText = "") -> Scale {
        Scale(kind: .categorical(categories), title: title)
    }
}
