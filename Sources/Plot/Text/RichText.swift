/// Text with simple styling (superscript, subscript, italic, bold), shown through Pango markup.
///
/// User text is always escaped, so `<`, `>` and `&` in data print as themselves.
/// ```swift
/// let unit: RichText = "10" + .superscript("6") + " cells/kg"
/// ```
public struct RichText: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// How one run of text is set.
    public enum Style: Sendable, Hashable { case normal, superscript, `subscript`, italic, bold }

    /// A stretch of text in one style.
    public struct Run: Sendable, Hashable {
        public var text: String
        public var style: Style
        public init(_ text: String, style: Style = .normal) { self.text = text; self.style = style }
    }

    public var runs: [Run]

    public init(_ text: String) { runs = text.isEmpty ? [] : [Run(text)] }
    public init(runs: [Run]) { self.runs = runs }
    public init(stringLiteral value: String) { self.init(value) }

    public static func superscript(_ text: String) -> RichText { RichText(runs: [Run(text, style: .superscript)]) }
    public static func `subscript`(_ text: String) -> RichText { RichText(runs: [Run(text, style: .subscript)]) }
    public static func italic(_ text: String) -> RichText { RichText(runs: [Run(text, style: .italic)]) }
    public static func bold(_ text: String) -> RichText { RichText(runs: [Run(text, style: .bold)]) }

    public static func + (left: RichText, right: RichText) -> RichText { RichText(runs: left.runs + right.runs) }

    /// The text without styling.
    public var plainText: String { runs.map(\.text).joined() }
    public var description: String { plainText }
    public var isEmpty: Bool { runs.allSatisfy { $0.text.isEmpty } }

    /// Pango markup for the text set at `fontSize` points, every run escaped. Super- and subscripts
    /// are set as `Style.scriptSize(fontSize:)` and `Style.rise(fontSize:)` say, given in Pango units
    /// because Pango 1.50's `<sup>` misplaces glyphs when the base font has an absolute size.
    public func markup(fontSize: Double) -> String {
        runs.map { run in
            let escaped = RichText.escapeMarkup(run.text)
            switch run.style {
            case .normal: return escaped
            case .superscript, .subscript:
                return "<span size=\"\(Style.scriptSize(fontSize: fontSize))\" rise=\"\(run.style.rise(fontSize: fontSize))\">\(escaped)</span>"
            case .italic: return "<i>\(escaped)</i>"
            case .bold: return "<b>\(escaped)</b>"
            }
        }.joined()
    }

    /// `text` with the five XML special characters replaced by entities, and NUL (which would cut
    /// the markup short for Pango, a C library) by U+FFFD (`Run.layoutText`).
    /// - Complexity: O(n) in the length of `text`; text without any of those bytes (most table
    ///   cells) is returned as it is after one pass over its UTF-8.
    public static func escapeMarkup(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\u{0}": result += "\u{FFFD}"
            default: result.append(character)
            }
        }
        return result
    }
}

extension RichText.Style {
    /// The size of super- and subscript glyphs at `fontSize` points, in Pango units (1/1024 pt):
    /// 70 % of the font size.
    public static func scriptSize(fontSize: Double) -> Int { Int(fontSize * 0.7 * 1024) }

    /// How far the style raises its baseline at `fontSize` points, in Pango units (1/1024 pt):
    /// superscripts 38 % of the font size up, subscripts 15 % down, other styles not at all.
    public func rise(fontSize: Double) -> Int {
        switch self {
        case .superscript: Int(fontSize * 0.38 * 1024)
        case .subscript: -Int(fontSize * 0.15 * 1024)
        case .normal, .italic, .bold: 0
        }
    }
}

extension RichText.Run {
    /// The run's text as a Pango layout holds it: NUL replaced by U+FFFD, as `escapeMarkup` does.
    public var layoutText: String { text.contains("\u{0}") ? text.replacing("\u{0}", with: "\u{FFFD}") : text }
}
