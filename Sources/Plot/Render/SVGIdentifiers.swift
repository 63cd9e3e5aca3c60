/// Makes Cairo's SVG element ids independent of what was drawn before in the process.
///
/// Cairo 1.16 names an SVG surface's elements after process-wide counters (`id="surface42"`,
/// `image`, `source`, `pattern`, `clip`, `mask`, `filter` ids); the same figure drawn twice in one
/// process would otherwise differ in those numbers. Ids are renumbered per prefix, 1, 2, 3, … in
/// order of first appearance, everywhere they occur (definitions and `#` references alike).
/// Glyph ids (`glyph0-1`) are per document already and stay as they are.
enum SVGIdentifiers {

    /// `svg` with its counter-based ids renumbered.
    /// - Complexity: O(n) in the document's length.
    static func normalized(_ svg: [UInt8]) -> [UInt8] {
        let text = String(decoding: svg, as: UTF8.self)
        let pattern = /(surface|image|source|pattern|clip|mask|filter)([0-9]+)/
        var renumbered: [String: [Substring: Int]] = [:]
        let result = text.replacing(pattern) { match in
            let (prefix, number) = (String(match.output.1), match.output.2)
            var numbers = renumbered[prefix, default: [:]]
            let next = numbers[number] ?? numbers.count + 1
            numbers[number] = next
            renumbered[prefix] = numbers
            return "\(prefix)\(next)"
        }
        return Array(result.utf8)
    }
}
