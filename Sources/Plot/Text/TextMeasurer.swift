/// A font request: family, size in points and weight.
public struct Font: Sendable, Hashable {
    public var family: String
    public var size: Double
    public var bold: Bool

    public init(family: String, size: Double, bold: Bool = false) {
        self.family = family; self.size = size; self.bold = bold
    }

    /// A Pango font description string, such as `"Liberation Sans Bold 8"`.
    public var pangoDescription: String { "\(family)\(bold ? " Bold" : "") \(size)" }
}

/// How lines of a text block line up with each other.
public enum TextAlignment: Sendable, Hashable { case leading, center, trailing }

/// Measures text, so that layout can be computed (and tested) without drawing.
/// Production code uses `PangoTextMeasurer`; tests may inject a simple one.
public protocol TextMeasurer: Sendable {
    /// The logical size of `text` set in `font`, wrapped at `wrapWidth` points when given.
    func measure(_ text: RichText, font: Font, wrapWidth: Double?) -> Size
}

extension TextMeasurer {
    /// The logical size of unwrapped text.
    public func measure(_ text: RichText, font: Font) -> Size { measure(text, font: font, wrapWidth: nil) }
}
