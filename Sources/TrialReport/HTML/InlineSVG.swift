/// A figure's SVG made fit to sit inline in the HTML page: the XML declaration removed. The
/// figures' SVG has no element ids (`Canvas` writes text as `<text>`, not as glyphs referenced by
/// id), so several inline figures cannot clash.
enum InlineSVG {
    /// The inline form of `svg`: the document without its `<?xml …?>` line.
    /// - Complexity: O(n) in the length of the SVG.
    static func inline(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: ">") else { return svg }
        return String(svg[svg.index(after: end)...].drop { $0.isNewline })
    }
}
