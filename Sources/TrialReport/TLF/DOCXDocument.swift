import TrialAnalysis

/// One output of the TLF package as a Word document: the same page, title block, table,
/// footnotes and footer as its RTF file (`RTFDocument`), from the same model (`TLFOutput`,
/// `TLFTableLayout`, `TLFPageStyle`), written as Office Open XML (`WordPackage`).
///
/// With titles in the page `header`, the page header holds the study title, the title block and
/// the column headers (a table on the body's columns) and the page footer the footnotes; with
/// titles in the `body`, the title block and the column headers are the table's first rows,
/// marked to repeat on every page (`w:tblHeader`, which Word and LibreOffice both honour), and
/// the footnotes follow the table. The footer line ends in "Page x of y" (PAGE and NUMPAGES fields).
struct DOCXDocument {
    /// The paper.
    var paper: PaperSize
    /// Where the title block and the footnotes go.
    var placement: TLFSettings.Placement
    /// The study title, at the top of every page.
    var studyTitle: String
    /// The tool, version, date and lock of the footer: "TrialReport 0.1.0; 2025-06-30; data lock 1a2b3c4d5e6f".
    var provenance: String
    /// The document date, `YYYY-MM-DDThh:mm:ss`.
    var date: String

    private typealias Style = TLFPageStyle

    /// The `.docx` bytes of `output`, on the pages of `layout` (its `TLFTableLayout` on this
    /// paper; found here when not given).
    /// - Complexity: O(cells of the table).
    func docx(_ output: TLFOutput, layout: TLFTableLayout? = nil) -> [UInt8] {
        package(output, layout: layout).bytes
    }

    /// The parts of `output`'s Word document (`layout` as for `docx`).
    func package(_ output: TLFOutput, layout: TLFTableLayout? = nil) -> WordPackage {
        let layout = layout ?? TLFTableLayout(output.table, paper: paper, margin: Style.margin)
        let (pageWidth, pageHeight) = layout.pageSize(on: paper)
        let table = WordTable(table: output.table, layout: layout)

        var header = XMLWriter(fragment: true)
        header.paragraph(ParagraphFormat(style: "Header", after: Style.noteSpacing)) {
            $0.run(studyTitle, RunFormat(points: Style.notePoints))
        }
        var footer = XMLWriter(fragment: true)
        var body = XMLWriter(fragment: true)
        switch placement {
        case .header:
            titleBlock(output, into: &header)
            table.write(WordTable.Parts(repeatHeader: false, body: false), into: &header)
            header.paragraph(ParagraphFormat(style: "Header")) { $0.run(" ", RunFormat(points: 2)) }
            footnotes(output.table, into: &footer)
            table.write(WordTable.Parts(header: false), into: &body)
            body.paragraph(ParagraphFormat(after: 0))
        case .body:
            let title = { (xml: inout XMLWriter) in titleBlock(output, into: &xml) }
            table.write(WordTable.Parts(leadingRows: [title]), into: &body)
            footnotes(output.table, into: &body)
        }
        footerLine(output, textWidth: pageWidth - 2 * Style.margin, into: &footer)
        body.raw(XMLWriter.section(width: pageWidth, height: pageHeight, margin: Style.margin, headerDistance: Style.headerDistance))
        return WordPackage(title: output.label + " " + output.table.caption, creator: provenance.split(separator: ";").first.map(String.init) ?? "",
                           date: date, styles: WordStyles(bodyPoints: TLFTableLayout.points, paragraphSpacing: 0),
                           body: body.bytes, header: header.bytes, footer: footer.bytes)
    }

    /// The number and the caption in bold, then the population with its N, centred.
    private func titleBlock(_ output: TLFOutput, into xml: inout XMLWriter) {
        for (index, line) in output.titleLines.enumerated() {
            let last = index == output.titleLines.count - 1
            xml.paragraph(ParagraphFormat(keepNext: true, before: 0, after: last ? Style.titleSpacing : 0, alignment: "center")) {
                $0.run(line, RunFormat(bold: !last, points: Style.titlePoints))
            }
        }
    }

    /// The footnotes, each after its superscript marker.
    private func footnotes(_ table: ReportTable, into xml: inout XMLWriter) {
        for note in table.footnotes {
            xml.paragraph(ParagraphFormat(style: "TableNote", alignment: "left")) { xml in
                xml.run(note.marker, RunFormat(superscript: true, points: Style.notePoints))
                xml.run(" " + note.text, RunFormat(points: Style.notePoints))
            }
        }
    }

    /// The source files, tool, version and date at the left; "Page x of y" on a right tab at the margin.
    private func footerLine(_ output: TLFOutput, textWidth: Int, into xml: inout XMLWriter) {
        let format = RunFormat(points: Style.notePoints)
        xml.paragraph(ParagraphFormat(style: "Footer", tabs: [("right", textWidth)], before: Style.noteSpacing, alignment: "left")) { xml in
            xml.run(output.footerText(provenance: provenance) + "\tPage ", format)
            xml.field("PAGE", format)
            xml.run(" of ", format)
            xml.field("NUMPAGES", format)
        }
    }
}
