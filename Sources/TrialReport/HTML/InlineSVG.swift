/// A figure's SVG made fit to sit inline in the HTML page among other figures: the XML
/// declaration removed and every element id (and reference to one) prefixed with the figure's
/// anchor, since Cairo numbers glyph and surface ids per document and two inline figures would
/// otherwise share `glyph0-1`.
enum InlineSVG {
    /// The inline form of `svg`, ids prefixed with `prefix` and "-".
    /// - Complexity: O(n) in the length of the SVG.
    static func inline(_ svg: String, prefix: String) -> String {
        var text = svg
        if text.hasPrefix("<?xml"), let end = text.firstIndex(of: ">") {
            text = String(text[text.index(after: end)...]).trimmingPrefixNewlines()
        }
        let prefix = prefix + "-"
        return text
            .replacing("id=\"", with: "id=\"" + prefix)
            .replacing("href=\"#", with: "href=\"#" + prefix)
            .replacing("url(#", with: "url(#" + prefix)
    }
}

private extension String {
    func trimmingPrefixNewlines() -> String {
        String(drop { $0.isNewline })
    }
}
