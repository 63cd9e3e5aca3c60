import Plot
import TrialData

/// The report as an editable Word document (`report.docx`), written from the same parsed
/// Markdown, tables and figures as report.pdf and report.html: the report title and Heading 1–3
/// as Word styles (Markdown levels 1, 2, 3 and 4–6), paragraphs with their emphasis, code,
/// superscript footnote markers and links (cross-references to bookmarks), lists, real tables
/// with their captions, header rows repeating on every page and numbers on decimal tabs (the TLF
/// package's `TLFTableLayout`; a table too wide for a portrait page gets a landscape section),
/// footnotes as paragraphs below the table, figures embedded as their 300-dpi PNG files with
/// their captions, the report title in the page header and the footer's text with "Page x of y".
public struct ReportDOCX: Sendable {
    /// The paper.
    public var paper: PaperSize
    /// The title, creator, date and footer text, as report.pdf has them.
    public var metadata: PDFTypesetter.Metadata

    /// A writer of report.docx on `paper` with `metadata`.
    public init(paper: PaperSize, metadata: PDFTypesetter.Metadata) {
        self.paper = paper
        self.metadata = metadata
    }

    /// The margin on every side (2 cm, as report.pdf), in twips.
    static let margin = TLFPageStyle.margin
    /// The size of body text, in points.
    static let bodyPoints = 10

    /// The `.docx` bytes of `document`.
    /// - Parameters:
    ///   - content: the tables by name, as the documents show them, and the figures by name
    ///     (their size on the page).
    ///   - png: the figures' PNG files, by name.
    /// - Throws: `TrialReportError` (`.invalidInput`) naming every figure or table the document
    ///   refers to that is missing.
    /// - Complexity: O(size of the document, its tables and images).
    public func docx(_ document: MarkdownDocument, content: TypesetContent, png: [String: [UInt8]]) throws(TrialReportError) -> [UInt8] {
        var writer = Writer(paper: paper, content: content, png: png)
        writer.add(document.assigningAnchors().blocks, indent: 0)
        guard writer.problems.isEmpty else { throw TrialReportError(.invalidInput, writer.problems) }
        if writer.separatorNeeded { writer.body.paragraph() }
        writer.body.raw(writer.section(landscape: false))
        let textWidth = writer.textWidth(landscape: false)

        var header = XMLWriter(fragment: true)
        header.paragraph(ParagraphFormat(style: "Header")) { $0.run(metadata.title) }
        var footer = XMLWriter(fragment: true)
        footer.paragraph(ParagraphFormat(style: "Footer", tabs: [("right", textWidth)])) { xml in
            xml.run(metadata.footer + "\tPage ")
            xml.field("PAGE")
            xml.run(" of ")
            xml.field("NUMPAGES")
        }
        return WordPackage(title: metadata.title, creator: metadata.creator, date: metadata.date,
                           styles: WordStyles(bodyPoints: Self.bodyPoints, paragraphSpacing: 120),
                           body: writer.body.bytes, header: header.bytes, footer: footer.bytes,
                           images: writer.images, links: writer.links).bytes
    }

    /// The body as it is written, with the images and links it refers to.
    private struct Writer {
        let paper: PaperSize
        let content: TypesetContent
        let png: [String: [UInt8]]
        var body = XMLWriter(fragment: true)
        var images: [[UInt8]] = []
        var links: [String] = []
        var problems: [Diagnostic] = []
        /// Whether the last block was a table without footnotes (another table or the end needs a paragraph first).
        var separatorNeeded = false
        /// Where the headings just written start (a byte offset of `body`): a landscape table's
        /// section starts there, so they go with it.
        private var headingsStart: Int?
        /// Where the last landscape section ended (a byte offset of `body`).
        private var landscapeEnd: Int?
        private var bookmarks = 0

        init(paper: PaperSize, content: TypesetContent, png: [String: [UInt8]]) {
            self.paper = paper
            self.content = content
            self.png = png
        }

        /// The width between the margins, in twips.
        func textWidth(landscape: Bool) -> Int {
            let size = paper.size(landscape: landscape)
            return Int((size.width * 20).rounded()) - 2 * ReportDOCX.margin
        }

        /// The properties of a section of portrait or landscape pages.
        func section(landscape: Bool) -> [UInt8] {
            let size = paper.size(landscape: landscape)
            return XMLWriter.section(width: Int((size.width * 20).rounded()), height: Int((size.height * 20).rounded()),
                                     margin: ReportDOCX.margin, headerDistance: TLFPageStyle.headerDistance)
        }

        mutating func add(_ blocks: [MarkdownBlock], indent: Int) {
            for block in blocks { add(block, indent: indent) }
        }

        private mutating func add(_ block: MarkdownBlock, indent: Int) {
            let headings = headingsStart
            switch block.content {
            case .heading: headingsStart = headingsStart ?? body.bytes.count
            default: headingsStart = nil
            }
            switch block.content {
            case .table, .generatedTable: break
            default: separatorNeeded = false
            }
            switch block.content {
            case .heading(let level, let inlines, let anchor):
                let style = level == 1 ? "Title" : "Heading\(min(3, level - 1))"
                paragraph(ParagraphFormat(style: style), anchor: anchor, inlines)
            case .paragraph(let inlines):
                paragraph(ParagraphFormat(indent: indent), inlines)
            case .list(let list):
                for (index, item) in list.items.enumerated() {
                    let marker = list.start.map { "\($0 + index).\t" } ?? "\u{2022}\t"
                    let itemIndent = indent + 360
                    for (position, child) in item.enumerated() {
                        if position == 0, case .paragraph(let inlines) = child.content {
                            let format = ParagraphFormat(tabs: [("left", itemIndent)], after: list.isTight ? 40 : nil,
                                                         indent: itemIndent, hanging: 360, alignment: "left")
                            paragraph(format, marker: marker, inlines)
                        } else {
                            add(child, indent: itemIndent)
                        }
                    }
                }
            case .table(let table):
                addTable(Self.reportTable(table), anchor: nil, caption: false, headings: headings)
            case .blockQuote(let children):
                add(children, indent: indent + 360)
            case .codeBlock(_, let code):
                body.paragraph(ParagraphFormat(style: "Code", indent: indent)) {
                    $0.run(code.hasSuffix("\n") ? String(code.dropLast()) : code)
                }
            case .thematicBreak:
                body.paragraph { $0.raw("<w:r><w:br w:type=\"page\"/></w:r>") }
            case .figure(let name, let caption, let anchor):
                guard let figure = content.figures[name], let image = png[name] else {
                    problems.append(Diagnostic(.error, at: block.location, "no figure named '\(name)'"))
                    return
                }
                addFigure(figure, image: image, caption: caption, anchor: anchor)
            case .generatedTable(let name, let anchor):
                guard let table = content.tables[name] else {
                    problems.append(Diagnostic(.error, at: block.location, "no table named '\(name)'"))
                    return
                }
                addTable(table, anchor: anchor, caption: true, headings: headings)
            }
        }

        /// A paragraph of `inlines` after `marker` (a list item's), with a bookmark at `anchor`.
        private mutating func paragraph(_ format: ParagraphFormat, anchor: String? = nil, marker: String? = nil,
                                        _ inlines: [MarkdownInline]) {
            var body = self.body
            body.paragraph(format) { xml in
                if let anchor { bookmark(anchor, into: &xml) }
                if let marker { xml.run(marker) }
                runs(inlines, RunFormat(), into: &xml)
            }
            self.body = body
        }

        /// A bookmark named after `anchor` (Word allows letters, digits and `_`, at most 40 characters).
        private mutating func bookmark(_ anchor: String, into xml: inout XMLWriter) {
            bookmarks += 1
            xml.element("w:bookmarkStart", ["w:id": String(bookmarks), "w:name": Self.bookmarkName(anchor)])
            xml.element("w:bookmarkEnd", ["w:id": String(bookmarks)])
        }

        /// The bookmark name of an anchor: "sec-primary" → "sec_primary".
        static func bookmarkName(_ anchor: String) -> String {
            let kept = { (scalar: Unicode.Scalar) in
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            }
            var name = String(anchor.unicodeScalars.map { kept($0) ? Character($0) : "_" })
            if !(name.first.map { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } ?? false) { name = "b" + name }
            return String(name.prefix(40))
        }

        /// The runs of `inlines` set as `format` plus their own emphasis.
        private mutating func runs(_ inlines: [MarkdownInline], _ format: RunFormat, into xml: inout XMLWriter) {
            for inline in inlines {
                var inner = format
                switch inline {
                case .text(let text): xml.run(text, format)
                case .softBreak: xml.run(" ", format)
                case .lineBreak: xml.run("\n", format)
                case .code(let text):
                    inner.monospaced = true
                    xml.run(text, inner)
                case .superscript(let text):
                    inner.superscript = true
                    xml.run(text, inner)
                case .emphasis(let content):
                    inner.italic = true
                    runs(content, inner, into: &xml)
                case .strong(let content):
                    inner.bold = true
                    runs(content, inner, into: &xml)
                case .link(let destination, let content):
                    inner.style = "Hyperlink"
                    if destination.hasPrefix("#") {
                        xml.element("w:hyperlink", ["w:anchor": Self.bookmarkName(String(destination.dropFirst()))]) { xml in
                            runs(content, inner, into: &xml)
                        }
                    } else {
                        links.append(destination)
                        xml.element("w:hyperlink", ["r:id": WordPackage.linkRelationship(links.count)]) { xml in
                            runs(content, inner, into: &xml)
                        }
                    }
                }
            }
        }

        /// A figure's PNG (its note cropped off when the file draws one), scaled to the text width when
        /// wider, centred, then its caption with the figure's note.
        private mutating func addFigure(_ figure: ReportFigure, image: [UInt8], caption: [MarkdownInline], anchor: String?) {
            images.append(image)
            let number = images.count
            let width = Double(textWidth(landscape: false)) / 20
            let scale = min(1, width / figure.size.width)
            let emu = { (points: Double) in String(Int((points * scale * 12_700).rounded())) }
            let (cx, cy) = (emu(figure.size.width), emu(figure.size.height))
            var body = self.body
            body.paragraph(ParagraphFormat(keepNext: true, before: 240, after: 80, alignment: "center")) { xml in
                if let anchor { bookmark(anchor, into: &xml) }
                xml.element("w:r") { xml in
                    xml.element("w:drawing") { xml in
                        xml.element("wp:inline", ["distT": "0", "distB": "0", "distL": "0", "distR": "0"]) { xml in
                            xml.element("wp:extent", ["cx": cx, "cy": cy])
                            xml.element("wp:docPr", ["id": String(number), "name": "Figure \(number)", "descr": caption.plainText])
                            xml.element("a:graphic") { xml in
                                xml.element("a:graphicData", ["uri": "http://schemas.openxmlformats.org/drawingml/2006/picture"]) { xml in
                                    xml.element("pic:pic") { xml in
                                        xml.element("pic:nvPicPr") { xml in
                                            xml.element("pic:cNvPr", ["id": String(number), "name": figure.name + ".png"])
                                            xml.element("pic:cNvPicPr")
                                        }
                                        xml.element("pic:blipFill") { xml in
                                            xml.element("a:blip", ["r:embed": WordPackage.imageRelationship(number)])
                                            // The PNG file draws the note under the figure; the caption carries it.
                                            if let file = figure.file, file.size.height > figure.size.height {
                                                let cropped = (1 - figure.size.height / file.size.height) * 100_000
                                                xml.element("a:srcRect", ["b": String(Int(cropped.rounded()))])
                                            }
                                            xml.element("a:stretch") { $0.element("a:fillRect") }
                                        }
                                        xml.element("pic:spPr") { xml in
                                            xml.element("a:xfrm") { xml in
                                                xml.element("a:off", ["x": "0", "y": "0"])
                                                xml.element("a:ext", ["cx": cx, "cy": cy])
                                            }
                                            xml.element("a:prstGeom", ["prst": "rect"]) { $0.element("a:avLst") }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            self.body = body
            paragraph(ParagraphFormat(style: "Caption", after: 240, alignment: "left"), figure.caption(caption))
        }

        /// A table's caption (kept with it), the table on the columns its TLF layout gives, its
        /// footnotes; on landscape pages of their own, with the headings right before it, when it
        /// is too wide for portrait.
        /// - Parameter headings: where the headings right before the table start, if any.
        private mutating func addTable(_ table: ReportTable, anchor: String?, caption: Bool, headings: Int?) {
            let layout = TLFTableLayout(table, paper: paper, margin: ReportDOCX.margin)
            if layout.landscape {
                // The portrait section ends before the table's headings, which go with it.
                // Right after another landscape table there is no portrait section to end.
                let start = headings ?? body.bytes.count
                if start != landscapeEnd {
                    var end = XMLWriter(fragment: true)
                    end.paragraph(ParagraphFormat(section: section(landscape: false)))
                    body.insert(end.bytes, at: start)
                }
            } else if separatorNeeded {
                body.paragraph()
            }
            if caption {
                var body = self.body
                body.paragraph(ParagraphFormat(style: "Caption", keepNext: true, before: 240, after: 80, alignment: "left")) { xml in
                    if let anchor { bookmark(anchor, into: &xml) }
                    xml.run(table.title, RunFormat(bold: true))
                }
                self.body = body
            }
            WordTable(table: table, layout: layout).write(WordTable.Parts(), into: &body)
            for note in table.footnotes {
                body.paragraph(ParagraphFormat(style: "TableNote", alignment: "left")) { xml in
                    xml.run(note.marker, RunFormat(superscript: true))
                    xml.run(" " + note.text)
                }
            }
            if layout.landscape {
                body.paragraph(ParagraphFormat(section: section(landscape: true)))
                landscapeEnd = body.bytes.count
            }
            separatorNeeded = !layout.landscape && table.footnotes.isEmpty
        }

        /// A pipe table of the Markdown as a report table: its header row and cells as plain text.
        static func reportTable(_ table: MarkdownTable) -> ReportTable {
            let alignment = { (column: Int) -> ReportTable.Alignment in
                switch column < table.alignments.count ? table.alignments[column] : nil {
                case .center: .center
                case .right: .right
                case .left, nil: .left
                }
            }
            let header = table.header.enumerated().map { ReportTable.HeaderCell($1.plainText, alignment: alignment($0)) }
            let rows = table.rows.map { row in
                ReportTable.Row(row.enumerated().map { ReportTable.Cell($1.plainText, alignment: alignment($0)) })
            }
            return ReportTable(name: "table", caption: "", headerRows: [header], groups: [ReportTable.RowGroup(rows, keepTogether: false)])
        }
    }
}
