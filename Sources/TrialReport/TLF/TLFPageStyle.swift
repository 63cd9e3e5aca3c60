/// The measures every file of the TLF package shares, RTF or DOCX (twips and points).
enum TLFPageStyle {
    /// The margin on every side of the page (2 cm, as report.pdf), in twips.
    static let margin = 1134
    /// The distance of the page header and footer from the paper's edge (1 cm), in twips.
    static let headerDistance = 567
    /// The size of titles, in points.
    static let titlePoints = 10
    /// The size of footnotes, the footer and the page header, in points.
    static let notePoints = 8
    /// The space after the study title in the page header, and before the footer line, in twips.
    static let noteSpacing = 120
    /// The space after the title block, in twips.
    static let titleSpacing = 160
}
