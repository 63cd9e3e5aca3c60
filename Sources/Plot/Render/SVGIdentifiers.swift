/// Makes Cairo's SVG element ids independent of what was drawn before in the process.
///
/// Cairo 1.16 names an SVG surface's elements after process-wide counters (`id="surface42"`,
/// `image`, `source`, `pattern`, `clip`, `mask`, `filter` ids); the same figure drawn twice in one
/// process would otherwise differ in those numbers. Ids are renumbered per prefix, 1, 2, 3, … in
/// order of first appearance, everywhere they occur (definitions and `#` references alike).
/// Glyph ids (`glyph0-1`) are per document already and stay as they are.
enum SVGIdentifiers {
    private static let prefixes: [[UInt8]] = ["surface", "image", "source", "pattern", "clip", "mask", "filter"]
        .map { Array($0.utf8) }

    /// `svg` with its counter-based ids renumbered.
    /// - Complexity: O(n) in the document's length (one pass, one copy).
    static func normalized(_ svg: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(svg.count)
        var numbering = [[ArraySlice<UInt8>: Int]](repeating: [:], count: prefixes.count)
        var index = 0
        while index < svg.count {
            if index == 0 || !isWordByte(svg[index - 1]),
               let (which, digitsStart) = matchingPrefix(in: svg, at: index) {
                var digitsEnd = digitsStart
                while digitsEnd < svg.count, svg[digitsEnd] >= 0x30, svg[digitsEnd] <= 0x39 { digitsEnd += 1 }
                if digitsEnd > digitsStart {
                    let number = svg[digitsStart..<digitsEnd]
                    let renumbered = numbering[which][number] ?? numbering[which].count + 1
                    numbering[which][number] = renumbered
                    result += prefixes[which]
                    result += Array(String(renumbered).utf8)
                    index = digitsEnd
                    continue
                }
            }
            result.append(svg[index])
            index += 1
        }
        return result
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// The prefix starting at `index` and where its digits would begin.
    private static func matchingPrefix(in svg: [UInt8], at index: Int) -> (Int, Int)? {
        for (which, prefix) in prefixes.enumerated() where svg[index] == prefix[0] {
            let end = index + prefix.count
            if end <= svg.count, svg[index..<end].elementsEqual(prefix) { return (which, end) }
        }
        return nil
    }
}
