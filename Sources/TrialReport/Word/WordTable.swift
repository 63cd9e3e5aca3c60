/// A `ReportTable` as a Word table on the columns of its `TLFTableLayout` (the widths and decimal
/// tabs the RTF files use): header rows with rules above and below, cells spanning columns,
/// body rows with nested labels indented and numbers on a decimal tab, a rule below the last
/// row. Rows are never split across pages; the rows of a group are kept together. Every cell's
/// paragraph has the style "TableText" (`WordStyles`: its size, no spacing, left-aligned), so a
/// cell writes only what differs from it: a listing of many rows stays small.
struct WordTable {
    /// The table.
    var table: ReportTable
    /// Its columns.
    var layout: TLFTableLayout

    /// What goes into the table.
    struct Parts {
        /// Rows of one cell across the table, each written by its closure (paragraphs), before the
        /// column headers and repeated with them.
        var leadingRows: [(inout XMLWriter) -> Void] = []
        /// Whether the column header rows are written.
        var header = true
        /// Whether the header rows (and leading rows) repeat on every page (`w:tblHeader`).
        var repeatHeader = true
        /// Whether the body rows are written.
        var body = true
    }

    /// Writes the table's `parts`.
    /// - Complexity: O(cells).
    func write(_ parts: Parts, into xml: inout XMLWriter) {
        let widths = layout.columnWidths
        let bodyRows = TLFTableLayout.bodyRows(table)
        xml.element("w:tbl") { xml in
            xml.element("w:tblPr") { xml in
                xml.element("w:tblW", ["w:w": String(widths.reduce(0, +)), "w:type": "dxa"])
                xml.element("w:tblInd", ["w:w": "0", "w:type": "dxa"])
                xml.element("w:tblLayout", ["w:type": "fixed"])
                xml.element("w:tblCellMar") { xml in
                    xml.element("w:left", ["w:w": String(TLFTableLayout.cellGap), "w:type": "dxa"])
                    xml.element("w:right", ["w:w": String(TLFTableLayout.cellGap), "w:type": "dxa"])
                }
            }
            xml.element("w:tblGrid") { xml in
                for width in widths { xml.element("w:gridCol", ["w:w": String(width)]) }
            }
            for leading in parts.leadingRows {
                row(header: parts.repeatHeader, keepNext: true, into: &xml) { xml in
                    cell(width: widths.reduce(0, +), span: widths.count, into: &xml, leading)
                }
            }
            if parts.header {
                for placed in TLFTableLayout.headerRows(table) {
                    row(header: parts.repeatHeader, keepNext: true, into: &xml) { xml in
                        for header in placed {
                            cell(width: widths[header.columns].reduce(0, +), span: header.columns.count, top: header.ruleAbove,
                                 bottom: header.ruleBelow, bottomAligned: true, into: &xml) { xml in
                                xml.paragraph(cellFormat(header.cell.alignment, keepNext: true)) { xml in
                                    xml.run(header.cell.text)
                                    marks(header.cell.footnotes, into: &xml)
                                }
                            }
                        }
                    }
                }
            }
            if parts.body {
                let columns = table.columnCount
                // A body cell and its paragraph opened with their properties, as XML: the same for
                // most cells of a column (a listing has tens of thousands), so each kind is written once.
                var openings: [BodyCell: [UInt8]] = [:]
                for (index, (row, keepNext)) in bodyRows.enumerated() {
                    let last = index == bodyRows.count - 1
                    self.row(header: false, keepNext: keepNext, into: &xml) { xml in
                        for (column, content) in table.paddedCells(row, to: columns).enumerated() {
                            let kind = BodyCell(column: column, bottom: last, keepNext: keepNext, alignment: content.alignment,
                                                indentation: content.indentation)
                            let opening: [UInt8]
                            if let written = openings[kind] {
                                opening = written
                            } else {
                                opening = bodyCellOpening(kind, width: widths[column])
                                openings[kind] = opening
                            }
                            xml.raw(opening)
                            xml.run(content.text, RunFormat(bold: content.emphasis == .bold, italic: content.emphasis == .italic))
                            marks(content.footnotes, into: &xml)
                            xml.raw(Self.bodyCellClosing)
                        }
                    }
                }
            }
        }
    }

    /// A row, never split across pages; a header row repeats on every page.
    private func row(header: Bool, keepNext: Bool, into xml: inout XMLWriter, _ cells: (inout XMLWriter) -> Void) {
        xml.element("w:tr") { xml in
            xml.element("w:trPr") { xml in
                xml.element("w:cantSplit")
                if header { xml.element("w:tblHeader") }
            }
            cells(&xml)
        }
    }

    /// A cell `width` twips wide spanning `span` columns, with rules above and below as asked.
    private func cell(width: Int, span: Int = 1, top: Bool = false, bottom: Bool = false, bottomAligned: Bool = false,
                      into xml: inout XMLWriter, _ content: (inout XMLWriter) -> Void) {
        xml.element("w:tc") { xml in
            cellProperties(width: width, span: span, top: top, bottom: bottom, bottomAligned: bottomAligned, into: &xml)
            content(&xml)
        }
    }

    /// A cell's properties (`w:tcPr`): its width, the columns it spans, its rules and vertical alignment.
    private func cellProperties(width: Int, span: Int = 1, top: Bool = false, bottom: Bool = false, bottomAligned: Bool = false,
                                into xml: inout XMLWriter) {
        xml.element("w:tcPr") { xml in
            xml.element("w:tcW", ["w:w": String(width), "w:type": "dxa"])
            if span > 1 { xml.element("w:gridSpan", ["w:val": String(span)]) }
            if top || bottom {
                xml.element("w:tcBorders") { xml in
                    if top { xml.element("w:top", ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"]) }
                    if bottom { xml.element("w:bottom", ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"]) }
                }
            }
            if bottomAligned { xml.element("w:vAlign", ["w:val": "bottom"]) }
        }
    }

    /// What sets a body cell's properties and its paragraph's apart.
    private struct BodyCell: Hashable {
        var column: Int
        /// Whether the cell is in the last row (a rule below it).
        var bottom: Bool
        var keepNext: Bool
        var alignment: ReportTable.Alignment
        var indentation: Int
    }

    /// A body cell of `kind` `width` twips wide and its paragraph opened with their properties
    /// (XML, `w:tc` and `w:p`): the column's decimal tab, else the cell's alignment and
    /// indentation. `bodyCellClosing` closes them.
    private func bodyCellOpening(_ kind: BodyCell, width: Int) -> [UInt8] {
        var cell = XMLWriter(fragment: true)
        cell.raw("<w:tc>")
        cellProperties(width: width, bottom: kind.bottom, into: &cell)
        cell.raw("<w:p>")
        var format = cellFormat(kind.alignment, keepNext: kind.keepNext, indent: kind.indentation * TLFTableLayout.indentation)
        if let tab = layout.decimalTabs[kind.column] {
            // No tab character: Word and LibreOffice align a cell's text on its decimal tab without one.
            format.alignment = nil
            format.indent = 0
            format.tabs = [("decimal", tab)]
        }
        format.write(into: &cell)
        return cell.bytes
    }

    /// The end of a body cell's paragraph and of the cell.
    private static let bodyCellClosing = Array("</w:p></w:tc>".utf8)

    /// A cell paragraph: the column's alignment (a decimal header centred), nested labels indented.
    private func cellFormat(_ alignment: ReportTable.Alignment, keepNext: Bool, indent: Int = 0) -> ParagraphFormat {
        let jc: String? = switch alignment {
        case .left: nil
        case .center, .decimal: "center"
        case .right: "right"
        }
        return ParagraphFormat(style: "TableText", keepNext: keepNext, indent: indent, alignment: jc)
    }

    /// Footnote markers as superscript after a text: "a,b".
    private func marks(_ footnotes: [String], into xml: inout XMLWriter) {
        if !footnotes.isEmpty { xml.run(footnotes.joined(separator: ","), RunFormat(superscript: true)) }
    }
}
