import TrialAnalysis

/// One output of the TLF package as an RTF document: Liberation Sans (Arial as the fallback
/// font), the title block (number, title, population and its N), the column headers, the table
/// with decimal tabs, the footnotes, and a footer naming the source files, the tool and version
/// and the document date, with "Page x of y" (PAGE and NUMPAGES fields). Plain ASCII; the same
/// inputs give the same bytes.
///
/// Where the title block, column headers and footnotes go is `TLFSettings.Placement`: `header`
/// puts the title block and the column headers (a table on the body's column edges) in the page
/// header and the footnotes in the page footer, so every reader shows them on every page;
/// `body` puts the title block and column headers in the table's first rows, marked to repeat
/// on every page (`\trhdr`: Word repeats them, LibreOffice 7.4 shows them on the first page
/// only), and the footnotes after the table.
struct RTFDocument {
    /// The page: paper and placement of titles.
    var paper: PaperSize
    /// Where the title block and the footnotes go.
    var placement: TLFSettings.Placement
    /// The study title, at the top of every page.
    var studyTitle: String
    /// The tool, version, date and lock of the footer: "TrialReport 0.1.0; 2025-06-30; data lock 1a2b3c4d5e6f".
    var provenance: String

    private typealias Style = TLFPageStyle

    /// The RTF file of `output` (ASCII), on the pages of `layout` (its `TLFTableLayout` on this
    /// paper; found here when not given).
    /// - Complexity: O(cells of the table).
    func rtf(_ output: TLFOutput, layout: TLFTableLayout? = nil) -> [UInt8] {
        let table = output.table
        let layout = layout ?? TLFTableLayout(table, paper: paper, margin: Style.margin)
        let (pageWidth, pageHeight) = layout.pageSize(on: paper)
        let textWidth = pageWidth - 2 * Style.margin
        var rtf = "{\\rtf1\\ansi\\ansicpg1252\\uc1\\deff0\\deflang1033\n"
        rtf += "{\\fonttbl{\\f0\\fswiss\\fcharset0 Liberation Sans{\\*\\falt Arial};}}\n"
        rtf += "{\\info{\\title " + RTFText.escaped(output.label + " " + table.caption) + "}{\\author "
            + RTFText.escaped(provenance.split(separator: ";").first.map(String.init) ?? "") + "}}\n"
        rtf += "\\paperw\(pageWidth)\\paperh\(pageHeight)\\margl\(Style.margin)\\margr\(Style.margin)"
            + "\\margt\(Style.margin)\\margb\(Style.margin)" + (layout.landscape ? "\\landscape" : "") + "\n"
        rtf += "\\sectd" + (layout.landscape ? "\\lndscpsxn" : "") + "\\pgwsxn\(pageWidth)\\pghsxn\(pageHeight)"
            + "\\headery\(Style.headerDistance)\\footery\(Style.headerDistance)\n"
        rtf += "{\\header" + paragraph(RTFText.escaped(studyTitle), points: Style.notePoints, alignment: "\\ql", after: Style.noteSpacing)
        if placement == .header {
            rtf += titleBlock(output).joined() + headerRows(table, layout: layout, repeated: false)
                + paragraph("", points: 2, alignment: "\\ql")
        }
        rtf += "}\n{\\footer"
        if placement == .header { rtf += footnotes(table) }
        rtf += footerLine(output, textWidth: textWidth) + "}\n"
        if placement == .body {
            rtf += titleRows(output, width: layout.columnWidths.reduce(0, +)) + headerRows(table, layout: layout, repeated: true)
        }
        var bytes = Array(rtf.utf8)
        bodyRows(table, layout: layout, into: &bytes)
        bytes += (placement == .body ? footnotes(table) : paragraph("", points: TLFTableLayout.points, alignment: "\\ql")).utf8
        return bytes + "}\n".utf8
    }

    /// The number, the caption and the population with its N, centred, bold but the population:
    /// three paragraphs, or three cells' paragraphs `inTable`.
    private func titleBlock(_ output: TLFOutput, inTable: Bool = false) -> [String] {
        output.titleLines.enumerated().map { index, line in
            let last = index == output.titleLines.count - 1
            return paragraph((last ? "" : "\\b ") + RTFText.escaped(line), points: Style.titlePoints, alignment: "\\qc",
                             after: last ? Style.titleSpacing : 0, inTable: inTable)
        }
    }

    /// The title block as header rows of the table, one cell across it, without borders.
    private func titleRows(_ output: TLFOutput, width: Int) -> String {
        titleBlock(output, inTable: true).map { cell in
            "\\trowd\\trgaph\(TLFTableLayout.cellGap)\\trleft0\\trhdr\\trkeep\\cellx\(width)\n" + cell + "\\row\n"
        }.joined()
    }

    /// The footnotes, each after its marker, above the footer line or below the table.
    private func footnotes(_ table: ReportTable) -> String {
        table.footnotes.map { note in
            paragraph("{\\super " + RTFText.escaped(note.marker) + "} " + RTFText.escaped(note.text),
                      points: Style.notePoints, alignment: "\\ql")
        }.joined()
    }

    /// The source files, tool, version and date at the left; "Page x of y" at the right margin.
    private func footerLine(_ output: TLFOutput, textWidth: Int) -> String {
        let field = { (name: String) in "{\\field{\\*\\fldinst " + name + "}{\\fldrslt 1}}" }
        let text = RTFText.escaped(output.footerText(provenance: provenance))
            + "\\tab Page " + field("PAGE") + " of " + field("NUMPAGES")
        return "\\pard\\plain\\f0\\fs\(Style.notePoints * 2)\\sb\(Style.noteSpacing)\\tqr\\tx\(textWidth) " + text + "\\par\n"
    }

    /// One paragraph of `text` (already RTF), or the paragraph of a table cell `inTable`.
    private func paragraph(_ text: String, points: Int, alignment: String, after: Int = 0, inTable: Bool = false) -> String {
        "\\pard\\plain" + (inTable ? "\\intbl" : "") + "\\f0\\fs\(points * 2)" + alignment + (after > 0 ? "\\sa\(after)" : "")
            + " " + text + (inTable ? "\\cell" : "\\par\n")
    }

    /// The column header rows, a rule above and below them and under each header cell spanning
    /// columns; marked to repeat on every page (`\\trhdr`) when `repeated`.
    private func headerRows(_ table: ReportTable, layout: TLFTableLayout, repeated: Bool) -> String {
        var rtf = ""
        let boundaries = layout.columnBoundaries
        for row in TLFTableLayout.headerRows(table) {
            rtf += "\\trowd\\trgaph\(TLFTableLayout.cellGap)\\trleft0" + (repeated ? "\\trhdr" : "") + "\\trkeep\n"
            var cells = ""
            for placed in row {
                let borders = (placed.ruleAbove ? "\\clbrdrt\\brdrs\\brdrw10" : "") + (placed.ruleBelow ? "\\clbrdrb\\brdrs\\brdrw10" : "")
                rtf += "\\clvertalb" + borders + "\\cellx\(boundaries[placed.columns.upperBound])"
                cells += cellParagraph(RTFText.escaped(placed.cell.text) + marks(placed.cell.footnotes), alignment: placed.cell.alignment) + "\\cell"
            }
            rtf += "\n" + cells + "\\row\n"
        }
        return rtf
    }

    /// Appends the body rows, a rule below the last; the rows of a group kept together are kept
    /// with the next row.
    private func bodyRows(_ table: ReportTable, layout: TLFTableLayout, into rtf: inout [UInt8]) {
        let columns = table.columnCount
        let boundaries = layout.columnBoundaries
        let bodyRows = TLFTableLayout.bodyRows(table)
        // What every row repeats: the row's and its cells' definitions, a decimal column's paragraph.
        let cells = { (last: Bool) in
            (0..<columns).map { (last ? "\\clbrdrb\\brdrs\\brdrw10" : "") + "\\cellx\(boundaries[$0 + 1])" }.joined() + "\n"
        }
        let (cellsAbove, cellsLast) = (cells(false), cells(true))
        let decimalParagraphs = (0..<columns).map { column in
            layout.decimalTabs[column].map { Array("\\pard\\plain\\intbl\\f0\\fs\(TLFTableLayout.points * 2)\\tqdec\\tx\($0) ".utf8) }
        }
        let rowStart = "\\trowd\\trgaph\(TLFTableLayout.cellGap)\\trleft0\\trkeep"
        let (rowStarts, rowStartsKept) = (Array((rowStart + "\n").utf8), Array((rowStart + "\\trkeepfollow\n").utf8))
        // Another cell's paragraph, by its alignment and indentation: a listing has few kinds.
        var paragraphs: [CellParagraphKind: [UInt8]] = [:]
        for (index, (row, keepWithNext)) in bodyRows.enumerated() {
            let last = index == bodyRows.count - 1
            rtf += keepWithNext ? rowStartsKept : rowStarts
            rtf += (last ? cellsLast : cellsAbove).utf8
            for (column, cell) in table.paddedCells(row, to: columns).enumerated() {
                if let decimal = decimalParagraphs[column] {
                    // No tab character: Word and LibreOffice align a cell's text on its decimal tab
                    // without one (LibreOffice misplaces it after one).
                    rtf += decimal
                } else {
                    let kind = CellParagraphKind(alignment: cell.alignment, indent: cell.indentation * TLFTableLayout.indentation)
                    if let paragraph = paragraphs[kind] {
                        rtf += paragraph
                    } else {
                        let paragraph = Array(cellParagraph("", alignment: kind.alignment, indent: kind.indent).utf8)
                        paragraphs[kind] = paragraph
                        rtf += paragraph
                    }
                }
                switch cell.emphasis {
                case .bold: rtf += "{\\b ".utf8
                case .italic: rtf += "{\\i ".utf8
                case .none: break
                }
                RTFText.append(cell.text, to: &rtf)
                rtf += marks(cell.footnotes).utf8
                if cell.emphasis != .none { rtf += "}".utf8 }
                rtf += "\\cell".utf8
            }
            rtf += "\\row\n".utf8
        }
    }

    /// What sets a cell's paragraph apart (`cellParagraph`).
    private struct CellParagraphKind: Hashable {
        var alignment: ReportTable.Alignment
        var indent: Int
    }

    /// A cell's paragraph (without `\cell`).
    private func cellParagraph(_ text: String, alignment: ReportTable.Alignment, indent: Int = 0) -> String {
        let align = switch alignment {
        case .left: "\\ql"
        case .center, .decimal: "\\qc"
        case .right: "\\qr"
        }
        return "\\pard\\plain\\intbl\\f0\\fs\(TLFTableLayout.points * 2)" + align + (indent > 0 ? "\\li\(indent)" : "") + " " + text
    }

    /// Footnote markers as superscript after a text: "{\super a,b}".
    private func marks(_ footnotes: [String]) -> String {
        footnotes.isEmpty ? "" : "{\\super " + RTFText.escaped(footnotes.joined(separator: ",")) + "}"
    }
}
