/// The page and column widths of one TLF table (RTF and DOCX alike: both measure in twips), from
/// the widths of its texts in Liberation Sans:
/// portrait when the table fits the portrait text width with its headers wrapped at most, else
/// landscape; columns widened to fill the text width, or narrowed (headers wrap first, then
/// text; numbers never) to fit it; a decimal tab in each decimal-aligned column that centres the
/// aligned numbers under their header.
struct TLFTableLayout: Equatable {
    /// Whether the page is landscape.
    var landscape: Bool
    /// The width of each column in twips, spaces on both sides included.
    var columnWidths: [Int]
    /// For each decimal-aligned column, the decimal tab's distance from the cell's text edge.
    var decimalTabs: [Int?]

    /// The right edge of each column from the left margin, in twips (RTF's `\\cellx`), after a 0.
    var columnBoundaries: [Int] {
        columnWidths.reduce(into: [0]) { $0.append($0.last! + $1) }
    }

    /// The space between a cell's border and its text, on each side (twips).
    static let cellGap = 80
    /// The indentation of a nested row label per level (twips).
    static let indentation = 200
    /// The size of table text in points.
    static let points = 9

    /// The layout of `table` on `paper`.
    /// - Complexity: O(cells).
    init(_ table: ReportTable, paper: PaperSize, margin: Int) {
        let columns = table.columnCount
        let alignments = table.columnAlignments()
        // Per column: header text on one line and its widest word; body text on one line and its
        // widest word; the widest parts of numbers before and from the decimal point.
        var header = Array(repeating: 0, count: columns), headerWord = header, body = header, bodyWord = header
        var left = header, right = header
        for row in table.headerRows {
            var column = 0
            for cell in row {
                if cell.columnSpan == 1, column < columns {
                    let text = cell.text + Self.markers(cell.footnotes)
                    header[column] = max(header[column], Self.measured(text))
                    headerWord[column] = max(headerWord[column], Self.widestWord(text))
                }
                column += cell.columnSpan
            }
        }
        for row in table.eachRow {
            for (column, cell) in table.paddedCells(row, to: columns).enumerated() {
                let text = cell.footnotes.isEmpty ? cell.text : cell.text + Self.markers(cell.footnotes)
                let bold = cell.emphasis == .bold
                if alignments[column] == .decimal {
                    let (integer, fraction) = Self.measuredParts(text, bold: bold)
                    left[column] = max(left[column], integer)
                    right[column] = max(right[column], fraction)
                } else {
                    let indent = cell.indentation * Self.indentation
                    let (line, word) = Self.measuredLineAndWord(text, bold: bold)
                    body[column] = max(body[column], indent + line)
                    bodyWord[column] = max(bodyWord[column], indent + word)
                }
            }
        }
        let gaps = 2 * Self.cellGap
        let numbers = (0..<columns).map { left[$0] + right[$0] }
        // Nothing wraps; headers wrap; headers and text wrap (numbers never do).
        let full = (0..<columns).map { max(header[$0], body[$0], numbers[$0]) + gaps }
        let compact = (0..<columns).map { max(headerWord[$0], body[$0], numbers[$0]) + gaps }
        let least = (0..<columns).map { max(headerWord[$0], bodyWord[$0], numbers[$0]) + gaps }
        let portrait = Int((paper.portrait.width * 20).rounded()) - 2 * margin
        let wide = Int((paper.portrait.height * 20).rounded()) - 2 * margin
        landscape = compact.reduce(0, +) > portrait
        let widths = landscape ? Self.fit(full: full, least: least, into: wide) : Self.fit(full: full, least: compact, into: portrait)
        columnWidths = widths
        decimalTabs = (0..<columns).map { column in
            guard alignments[column] == .decimal else { return nil }
            let text = widths[column] - 2 * Self.cellGap
            return max(left[column], (text - left[column] - right[column]) / 2 + left[column])
        }
    }

    /// The page's width and height in twips: `paper` turned to landscape when the layout is.
    func pageSize(on paper: PaperSize) -> (width: Int, height: Int) {
        let portrait = paper.portrait
        let (width, height) = landscape ? (portrait.height, portrait.width) : (portrait.width, portrait.height)
        return (Int((width * 20).rounded()), Int((height * 20).rounded()))
    }

    /// A header cell on the columns it covers, with the rules drawn around it: above every cell
    /// of the first header row, below every cell of the last and below a cell spanning columns.
    struct PlacedHeaderCell {
        var cell: ReportTable.HeaderCell
        /// The columns the cell covers, cut at the table's last column.
        var columns: Range<Int>
        var ruleAbove: Bool
        var ruleBelow: Bool
    }

    /// The header rows of `table` as placed cells (cells beyond the table's columns left out).
    static func headerRows(_ table: ReportTable) -> [[PlacedHeaderCell]] {
        let columns = table.columnCount
        return table.headerRows.enumerated().map { index, row in
            var column = 0, placed: [PlacedHeaderCell] = []
            for cell in row where column < columns {
                let end = min(columns, column + cell.columnSpan)
                placed.append(PlacedHeaderCell(
                    cell: cell, columns: column..<end, ruleAbove: index == 0,
                    ruleBelow: index == table.headerRows.count - 1 || (cell.columnSpan > 1 && !cell.text.isEmpty)))
                column = end
            }
            return placed
        }
    }

    /// The body rows of `table` in order, each with whether it is kept on a page with the next
    /// (the rows of a group kept together, but its last).
    static func bodyRows(_ table: ReportTable) -> [(row: ReportTable.Row, keepWithNext: Bool)] {
        table.groups.flatMap { group in
            group.rows.enumerated().map { ($1, group.keepTogether && $0 < group.rows.count - 1) }
        }
    }

    /// Widths that add up to `available`: the full widths with the room left shared equally,
    /// else the least widths with what remains shared in proportion to what each column lacks,
    /// else the least widths scaled down.
    static func fit(full: [Int], least: [Int], into available: Int) -> [Int] {
        guard !full.isEmpty else { return [] }
        let natural = full.reduce(0, +), minimum = least.reduce(0, +)
        var widths: [Int]
        if natural <= available {
            let extra = (available - natural) / full.count
            widths = full.map { $0 + extra }
        } else if minimum <= available {
            let lacking = natural - minimum, room = available - minimum
            widths = zip(full, least).map { full, least in least + (full - least) * room / max(1, lacking) }
        } else {
            widths = least.map { $0 * available / max(1, minimum) }
        }
        widths[0] += available - widths.reduce(0, +)
        return widths
    }

    /// A number's text split at its first decimal point: "75.2 (8.59)" → ("75", ".2 (8.59)");
    /// a text without one is all integer part.
    static func split(_ text: String) -> (String, String) {
        guard let point = text.firstIndex(of: ".") else { return (text, "") }
        return (String(text[..<point]), String(text[point...]))
    }

    /// The footnote markers after a text as measured: " a,b" at full size (they are set smaller).
    static func markers(_ footnotes: [String]) -> String {
        footnotes.isEmpty ? "" : " " + footnotes.joined(separator: ",")
    }

    /// The width of the widest word of `text`, the least a wrapping column needs.
    static func widestWord(_ text: String) -> Int {
        text.split(separator: " ").map { measured(String($0)) }.max() ?? 0
    }

    /// The width of `text` at the table's size with 5% and 20 twips to spare: word processors
    /// round and kern, and a text that just fits by the metrics was seen to wrap.
    static func measured(_ text: String, bold: Bool = false) -> Int {
        text.isEmpty ? 0 : spared(TextWidth.twips(text, points: points, bold: bold))
    }

    /// `measured` of a text `thousandths` of an em wide: `width` with 5% and 20 twips to spare.
    private static func measured(thousandths: Int, bold: Bool) -> Int {
        spared(TextWidth.twips(thousandths: thousandths, points: points, bold: bold))
    }

    private static func spared(_ width: Int) -> Int {
        width + width / 20 + 20
    }

    /// `measured(text)` and `widestWord(text)` in one pass over an ASCII text, without copying
    /// its words (a listing measures every cell); through them otherwise.
    static func measuredLineAndWord(_ text: String, bold: Bool) -> (line: Int, word: Int) {
        // Beyond ASCII, a space or a point may be part of a character (a combining mark after it).
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return (measured(text, bold: bold), widestWord(text)) }
        var line = 0, word = 0, widest = 0
        for scalar in text.unicodeScalars {
            let width = TextWidth.thousandths(scalar)
            line += width
            if scalar == " " {
                if word > 0 { widest = max(widest, measured(thousandths: word, bold: false)) }
                word = 0
            } else {
                word += width
            }
        }
        if word > 0 { widest = max(widest, measured(thousandths: word, bold: false)) }
        return (text.isEmpty ? 0 : measured(thousandths: line, bold: bold), widest)
    }

    /// `measured` of the two parts `split` cuts `text` into, in one pass over an ASCII text
    /// without copying them; through them otherwise.
    static func measuredParts(_ text: String, bold: Bool) -> (integer: Int, fraction: Int) {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            let (integer, fraction) = split(text)
            return (measured(integer, bold: bold), measured(fraction, bold: bold))
        }
        var integer = 0, fraction = 0, point = false, integerEmpty = true
        for scalar in text.unicodeScalars {
            point = point || scalar == "."
            if point { fraction += TextWidth.thousandths(scalar) } else { integer += TextWidth.thousandths(scalar) }
            integerEmpty = integerEmpty && point
        }
        return (integerEmpty ? 0 : measured(thousandths: integer, bold: bold), point ? measured(thousandths: fraction, bold: bold) : 0)
    }
}
