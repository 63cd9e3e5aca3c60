/// A figure's SVG made fit to sit inline in the HTML page among other figures: the XML
/// declaration removed and every element id (and reference to one) prefixed with the figure's
/// anchor, since Cairo numbers glyph and surface ids per document and two inline figures would
/// otherwise share `glyph0-1`.
enum InlineSVG {
    /// The markers after which the prefix goes: definitions and both forms of reference.
    private static let markers: [[UInt8]] = ["id=\"", "href=\"#", "url(#"].map { Array($0.utf8) }

    /// The inline form of `svg`, ids prefixed with `prefix` and "-".
    /// - Complexity: O(n) in the length of the SVG: one pass over its bytes (no two markers can
    ///   overlap, so this equals replacing each marker in turn).
    static func inline(_ svg: String, prefix: String) -> String {
        var bytes = Array(svg.utf8)[...]
        if bytes.starts(with: "<?xml".utf8), let end = bytes.firstIndex(of: UInt8(ascii: ">")) {
            bytes = bytes[(end + 1)...].drop { $0 == 0x0A || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }
        }
        let prefix = Array((prefix + "-").utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "i") || byte == UInt8(ascii: "h") || byte == UInt8(ascii: "u"),
               let marker = markers.first(where: { bytes[index...].starts(with: $0) }) {
                result += marker
                result += prefix
                index += marker.count
            } else {
                result.append(byte)
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
