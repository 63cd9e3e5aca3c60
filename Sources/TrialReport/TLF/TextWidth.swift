/// The width of text set in Liberation Sans (the metrics of Arial and Helvetica), to size the
/// columns of an RTF table before a word processor lays it out. Widths are the fonts' advance
/// widths in 1/1000 em for printable ASCII; any other character counts as a digit's width
/// (0.556 em), bold as 10% wider.
enum TextWidth {
    /// Advance widths of U+0020 … U+007E in 1/1000 em (Helvetica AFM, which Liberation Sans matches).
    private static let ascii: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,   // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,   // 0 … ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ … O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,   // P … _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,   // ` … o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,        // p … ~
    ]

    /// The width of `text` in twips (1/20 point) at `points` size.
    /// - Complexity: O(length of `text`).
    static func twips(_ text: String, points: Int, bold: Bool = false) -> Int {
        twips(thousandths: text.unicodeScalars.reduce(0) { $0 + thousandths($1) }, points: points, bold: bold)
    }

    /// The advance width of `scalar` in 1/1000 em.
    static func thousandths(_ scalar: Unicode.Scalar) -> Int {
        let value = Int(scalar.value)
        return (32...126).contains(value) ? ascii[value - 32] : 556
    }

    /// The width of text `thousandths` of an em wide, in twips at `points` size.
    static func twips(thousandths: Int, points: Int, bold: Bool) -> Int {
        let width = thousandths * points * 20 / 1000
        return bold ? width * 11 / 10 : width
    }
}
