import Foundation
import Plot
import Testing
import TrialAnalysis
@testable import TrialReport

/// report.docx: written from the same parsed Markdown, tables and figures as report.pdf; its
/// tables read back with python-docx (Debian's python3-docx, installed by `make test`) hold the
/// cells of tables/*.csv; it opens in LibreOffice; two writes give the same bytes.
@Suite("report.docx")
struct ReportDOCXTests {
    /// The sample report as a Word document, with its composed report.
    static func docx(adverseEventClasses: Int = 4) throws -> ([UInt8], ComposedReport) {
        let report = try DocumentSamples.compose(DocumentSamples.results(adverseEventClasses: adverseEventClasses))
        let figure = DocumentSamples.figure()
        let png = try Canvas(width: .points(figure.size.width), height: .points(figure.size.height)).render(figure.drawable, as: .png)
        let bytes = try ReportDOCX(paper: .a4, metadata: report.metadata)
            .docx(report.document, content: TypesetContent(tables: report.tables.map(\.shownInDocuments), figures: [figure]),
                  png: [figure.name: png])
        return (bytes, report)
    }

    @Test func twoWritesAreByteIdenticalAndTheDocumentHasStylesFieldsAndTheFigure() throws {
        let (bytes, report) = try Self.docx()
        #expect(try Self.docx().0 == bytes)
        let scratch = try ScratchFolder()
        let file = scratch.url.appendingPathComponent("report.docx")
        try Data(bytes).write(to: file)
        let document = try TLFDOCXTests.run("/usr/bin/unzip", ["-p", file.path, "word/document.xml"])
        #expect(document.contains("<w:pStyle w:val=\"Title\"/>") && document.contains("<w:pStyle w:val=\"Heading1\"/>"))
        #expect(document.contains("<w:tblHeader/>") && document.contains("w:val=\"decimal\""))
        #expect(document.contains("<a:blip r:embed=\"rIdImage1\"/>"))
        let numbered = report.tables.filter { $0.number != nil }
        #expect(numbered.allSatisfy { document.contains(">" + XMLText.escaped($0.title, quotes: false, forbidden: .dropped) + "</w:t>") })
        let footer = try TLFDOCXTests.run("/usr/bin/unzip", ["-p", file.path, "word/footer1.xml"])
        #expect(footer.contains("<w:fldSimple w:instr=\" NUMPAGES \">") && footer.contains(report.metadata.footer))
        let listing = try TLFDOCXTests.run("/usr/bin/unzip", ["-Z1", file.path])
        #expect(listing.contains("word/media/image1.png"))
    }

    @Test(.enabled(if: PythonDocx.isInstalled))
    func itsTablesHoldTheCellsOfTheCSVFiles() throws {
        let (bytes, report) = try Self.docx()
        let scratch = try ScratchFolder()
        let file = scratch.url.appendingPathComponent("report.docx")
        try Data(bytes).write(to: file)
        let tables = try PythonDocx.tables(file)
        let numbered = report.tables.filter { $0.number != nil }
        #expect(!numbered.isEmpty)
        for table in numbered {
            guard let read = tables.first(where: { $0.caption == table.title }) else {
                Issue.record("report.docx has no table captioned \(table.title)")
                continue
            }
            let csv = try PythonDocx.csv(table.csv())
            // The header flattened as tables/*.csv flattens it; the body rows the documents show.
            let headerCount = table.headerRows.count
            let columns = (0..<table.columnCount).map { column in
                read.rows.prefix(headerCount).reduce(into: [String]()) { texts, row in
                    let text = column < row.count ? row[column] : ""
                    if !text.isEmpty && texts.last != text { texts.append(text) }
                }.joined(separator: ", ")
            }
            let markers = table.flattenedHeader { $0.text + ($0.footnotes.isEmpty ? "" : $0.footnotes.joined(separator: ",")) }
            #expect(columns == markers, "\(table.name) header")
            let shown = table.shownInDocuments.rows
            #expect(read.rows.count - headerCount == shown.count, "\(table.name) rows")
            for (index, (row, cells)) in zip(read.rows.dropFirst(headerCount), zip(shown, csv.dropFirst())).enumerated() {
                let expected = zip(table.paddedCells(cells.0, to: table.columnCount), cells.1).map { cell, field in
                    field.drop { $0 == " " } + cell.footnotes.joined(separator: ",")
                }
                let written = row.map { Display.plainText($0) }
                #expect(written == expected.map { Display.plainText(String($0)) }, "\(table.name) row \(index + 1)")
            }
        }
    }

    @Test(.enabled(if: LibreOffice.isInstalled))
    func itOpensInLibreOfficeWithPageXOfYOnEveryPage() throws {
        let (bytes, report) = try Self.docx(adverseEventClasses: 40)
        let scratch = try ScratchFolder()
        let file = scratch.url.appendingPathComponent("report.docx")
        try Data(bytes).write(to: file)
        let pdf = try #require(try LibreOffice.convert([file], in: scratch).first)
        let pages = try PDFText.extract(Array(Data(contentsOf: pdf)), raw: true)
            .split(separator: "\u{0C}", omittingEmptySubsequences: true).map { TLFLibreOfficeTests.squeezed(String($0)) }
        #expect(pages.count > 1)
        for (index, page) in pages.enumerated() {
            #expect(page.contains("Page\(index + 1)of\(pages.count)"), "page \(index + 1)")
            #expect(page.contains(TLFLibreOfficeTests.squeezed(report.metadata.title)), "page \(index + 1)")
        }
    }
}

/// python-docx (Debian's python3-docx) reading a Word document's tables, and Python's csv module
/// reading a CSV text.
enum PythonDocx {
    static var isInstalled: Bool {
        (try? run("import docx.table", arguments: [])) != nil
    }

    /// Each table of the document with the text of the paragraph before it (its caption) and
    /// its rows' cells as python-docx reads them (a cell spanning columns repeated in each).
    static func tables(_ file: URL) throws -> [(caption: String, rows: [[String]])] {
        let script = """
            import docx, docx.table, json, sys
            document = docx.Document(sys.argv[1])
            tables, caption = [], ""
            for child in document.element.body.iterchildren():
                tag = child.tag.split("}")[1]
                if tag == "p":
                    caption = "".join(t.text or "" for t in child.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
                elif tag == "tbl":
                    table = docx.table.Table(child, document)
                    tables.append({"caption": caption, "rows": [[cell.text for cell in row.cells] for row in table.rows]})
            print(json.dumps(tables))
            """
        let output = try run(script, arguments: [file.path])
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]] ?? []
        return json.map { ($0["caption"] as? String ?? "", $0["rows"] as? [[String]] ?? []) }
    }

    /// The rows of a CSV text.
    static func csv(_ text: String) throws -> [[String]] {
        let script = "import csv, json, sys\nprint(json.dumps(list(csv.reader(sys.stdin.read().splitlines()))))"
        let output = try run(script, arguments: [], input: text)
        return try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]] ?? []
    }

    private static func run(_ script: String, arguments: [String], input: String = "") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script] + arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return String(decoding: data, as: UTF8.self)
    }
}
