import Plot

/// Fonts, sizes and spacing of the PDF report, in points: a serif body set justified, sans-serif
/// headings and tables (as journals set them), monospace code.
struct TypesetStyle {
    var bodyFont = Font(family: "Liberation Serif", size: 10.5)
    var tableFont = Font(family: "Liberation Sans", size: 8)
    var captionFont = Font(family: "Liberation Sans", size: 8.5)
    var footnoteFont = Font(family: "Liberation Sans", size: 7.5)
    var codeFont = Font(family: "Liberation Mono", size: 7.5)
    var footerFont = Font(family: "Liberation Sans", size: 7.5)
    var monospaceFamily = "Liberation Mono"
    var linkColor = "#1F4E9A"
    var footerColor = Color(hex: 0x555555)
    var watermarkFont = Font(family: "Liberation Sans", size: 44, bold: true)
    /// Light enough to read the page through, strong enough to see in greyscale.
    var watermarkColor = Color(hex: 0xF0C8C8)

    /// The font of a heading of `level` (1 = document title).
    func headingFont(level: Int) -> Font {
        let sizes = [1: 20.0, 2: 14.0, 3: 11.5]
        return Font(family: "Liberation Sans", size: sizes[level] ?? 10.5, bold: true)
    }

    /// Space above a heading of `level`.
    func spaceBeforeHeading(level: Int) -> Double { level <= 2 ? 18 : 12 }

    /// Space below a heading, before the next block.
    let spaceAfterHeading = 5.0
    /// Space between paragraphs and other blocks.
    let paragraphSpacing = 7.0
    /// Indentation per list level and per nested table row.
    let listIndent = 16.0
    let tableIndent = 9.0
    /// Padding inside table cells.
    let cellPaddingX = 4.0
    let cellPaddingY = 2.2
    /// Rule widths: top and bottom of a table, below its header, under a spanning header.
    let heavyRule = 0.9
    let lightRule = 0.5
}
