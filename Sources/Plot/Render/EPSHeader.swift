/// Cairo writes the clock's time into a PostScript file's `%%CreationDate:` comment (cairo 1.16
/// has no setting for it, and `cairo_ps_surface_dsc_comment` adds comments but cannot replace
/// that one): here that single header line is rewritten with the document's date, so the same
/// drawing gives the same bytes. PostScript holds no byte offsets, so nothing else moves.
enum EPSHeader {
    private static let comment = Array("%%CreationDate:".utf8)

    /// `eps` with its creation date line set to `date` (`YYYY-MM-DDThh:mm:ss`); unchanged when
    /// the header has no such line.
    /// - Complexity: O(*n*) to copy the file; the line is looked for in the header only.
    static func dated(_ eps: [UInt8], _ date: String) -> [UInt8] {
        let header = eps.prefix(4096)
        guard let start = header.firstRange(of: comment)?.lowerBound,
              let end = header[start...].firstIndex(of: UInt8(ascii: "\n")) else { return eps }
        var dated = eps
        dated.replaceSubrange(start..<end, with: Array("%%CreationDate: (\(date))".utf8))
        return dated
    }
}
