import Foundation
import Testing
import TrialAnalysis
@testable import TrialReport

/// The TLF package's DOCX files: the parts of a document (title block, column headers marked to
/// repeat, decimal tabs, footnotes, footer with page fields, landscape sections), the ordered XML
/// writer, and the ZIP archive (entries in order, fixed dates, byte-identical, readable by unzip).
@Suite("TLF package as DOCX")
struct TLFDOCXTests {
    static func document(_ placement: TLFSettings.Placement = .header) -> DOCXDocument {
        DOCXDocument(paper: .a4, placement: placement, studyTitle: "Study — α & <β>",
                     provenance: "TrialReport 0.1.0; 2000-01-01; draft — data not locked", date: "2000-01-01T00:00:00")
    }

    @Test func theXMLWriterKeepsTheOrderGivenAndEscapes() {
        var xml = XMLWriter(fragment: true)
        xml.element("w:p", ["b": "1", "a": "\"x\" & <y>"]) { xml in
            xml.element("w:t", text: "a < b & c > d \u{1}")
            xml.element("w:br")
        }
        #expect(String(decoding: xml.bytes, as: UTF8.self) == "<w:p b=\"1\" a=\"&quot;x&quot; &amp; &lt;y&gt;\"><w:t>a &lt; b &amp; c &gt; d </w:t><w:br/></w:p>")
        #expect(String(decoding: XMLWriter().bytes, as: UTF8.self).hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"))
    }

    /// A run's text is marked to keep its spaces only where Word would otherwise drop or merge them.
    @Test(arguments: [("P0000035", false), ("12.0 (44.4%)", false), (" 3.0", true), ("3.0 ", true), ("a  b", true),
                      ("a\rb", true), ("tab\tthen text", false)])
    func aRunKeepsItsSpacesWhereWordWouldLoseThem(text: String, keeps: Bool) {
        var xml = XMLWriter(fragment: true)
        xml.run(text)
        let written = String(decoding: xml.bytes, as: UTF8.self)
        #expect(written.contains("xml:space=\"preserve\"") == keeps, "\(written)")
        #expect(written.contains(text.split(separator: "\t")[0]))
    }

    @Test func headerPlacementPutsTheTitleBlockAndColumnHeadersInThePageHeaderAndTheFootnotesInTheFooter() {
        let package = Self.document(.header).package(TLFRTFTests.output()).text
        #expect(package.header.contains("Study — α &amp; &lt;β&gt;"))
        #expect(package.header.contains(">Table 14.3.1</w:t>") && package.header.contains(">Safety set (N = 53)</w:t>"))
        #expect(package.header.contains("<w:tbl>") && !package.header.contains("<w:tblHeader/>"))
        #expect(package.footer.contains("> Participants with at least one event.</w:t>"))
        #expect(package.footer.contains("<w:fldSimple w:instr=\" PAGE \">") && package.footer.contains("<w:fldSimple w:instr=\" NUMPAGES \">"))
        #expect(package.footer.contains("Source: adsl.csv, adae.csv; TrialReport 0.1.0; 2000-01-01; draft — data not locked"))
        #expect(!package.body.contains(">Table 14.3.1</w:t>"))
        #expect(package.body.contains("<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"))
    }

    @Test func bodyPlacementPutsTheTitleBlockAndColumnHeadersInRowsThatRepeatAndTheFootnotesAfterTheTable() throws {
        let table = sampleAdverseEventTable()
        let package = Self.document(.body).package(TLFRTFTests.output(table)).text
        let body = package.body
        // Three title lines in one row spanning every column, then the header rows: all repeat.
        let repeated = body.components(separatedBy: "<w:tblHeader/>").count - 1
        #expect(repeated == 1 + table.headerRows.count)
        #expect(body.contains("<w:gridSpan w:val=\"\(table.columnCount)\"/>"))
        let tableEnd = try #require(body.range(of: "</w:tbl>"))
        let note = try #require(table.footnotes.first)
        #expect(body.range(of: note.text)!.lowerBound > tableEnd.lowerBound)
        #expect(!package.header.contains("Table 14.3.1"))
        #expect(package.footer.contains("Page "))
    }

    @Test func numbersSitOnTheDecimalTabsOfTheRTFLayoutAndTheColumnsHaveItsWidths() throws {
        let table = sampleAdverseEventTable()
        let layout = TLFTableLayout(table, paper: .a4, margin: TLFPageStyle.margin)
        let body = Self.document().package(TLFRTFTests.output(table)).text.body
        for tab in layout.decimalTabs.compactMap({ $0 }) {
            #expect(body.contains("<w:tab w:val=\"decimal\" w:pos=\"\(tab)\"/>"))
        }
        for width in layout.columnWidths {
            #expect(body.contains("<w:gridCol w:w=\"\(width)\"/>"))
        }
        #expect(body.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
    }

    @Test func aWideTableIsOnLandscapePagesAsInTheRTFFile() {
        var wide = ReportTable(name: "wide", caption: "Wide", headerRows: [(1...14).map { .init("Visit month \($0)") }])
        wide.groups = [.init([.init((1...14).map { .number("123.4 (56.78)", footnotes: ["\($0)"]) })])]
        let body = Self.document().package(TLFRTFTests.output(wide)).text.body
        #expect(body.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        #expect(TLFRTFTests.document().text(TLFRTFTests.output(wide)).contains("\\landscape"))
    }

    @Test func theArchiveIsByteIdenticalWithItsEntriesInOrderDated1980() throws {
        let output = TLFRTFTests.output()
        let bytes = Self.document().docx(output)
        #expect(bytes == Self.document().docx(output))
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        // The local header's time and date (offsets 10–13): 00:00, 1980-01-01.
        #expect(Array(bytes[10..<14]) == [0, 0, 0x21, 0])
        let scratch = try ScratchFolder()
        let file = scratch.url.appendingPathComponent("table.docx")
        try Data(bytes).write(to: file)
        let listing = try Self.run("/usr/bin/unzip", ["-Z1", file.path])
        #expect(listing.split(separator: "\n") == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
                                                    "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
                                                    "word/header1.xml", "word/footer1.xml"])
        let document = try Self.run("/usr/bin/unzip", ["-p", file.path, "word/document.xml"])
        #expect(document == String(decoding: XMLWriter().bytes, as: UTF8.self) + "<w:document" + Self.namespaces + "><w:body>"
                + Self.document().package(output).text.body + "</w:body></w:document>")
    }

    @Test func bodyCellsHaveTheTableTextStyleAndWriteOnlyWhatDiffersFromIt() throws {
        let package = Self.document().package(TLFRTFTests.output())
        let body = package.text.body
        let start = try #require(body.range(of: "<w:tbl>")), end = try #require(body.range(of: "</w:tbl>"))
        let table = body[start.lowerBound..<end.upperBound]
        let cells = table.components(separatedBy: "<w:tc>").count - 1
        #expect(cells > 0 && table.components(separatedBy: "<w:pStyle w:val=\"TableText\"/>").count - 1 == cells)
        // Size, spacing and left alignment come from the style.
        #expect(!table.contains("<w:sz ") && !table.contains("<w:spacing ") && !table.contains("<w:jc w:val=\"left\"/>"))
        let styles = String(decoding: package.styles.xml, as: UTF8.self)
        let style = try #require(styles.range(of: "w:styleId=\"TableText\">").map { styles[$0.upperBound...] })
        let definition = style[..<style.range(of: "</w:style>")!.lowerBound]
        #expect(definition.contains("<w:spacing w:before=\"0\" w:after=\"0\"/>"))
        #expect(definition.contains("<w:sz w:val=\"\(TLFTableLayout.points * 2)\"/>"))
    }

    @Test func aLargeEntryIsDeflatedAndReadsBackTheSame() throws {
        let row = "<w:tr><w:tc><w:p><w:r><w:t>P0000035</w:t></w:r></w:p></w:tc></w:tr>"
        let large = Array(String(repeating: row, count: (4 << 20) / row.utf8.count + 1).utf8)
        var archive = ZIPArchive()
        archive.add("word/document.xml", large)
        let bytes = archive.bytes
        #expect(bytes.count < large.count / 20)
        let scratch = try ScratchFolder()
        let file = scratch.url.appendingPathComponent("large.docx")
        try Data(bytes).write(to: file)
        #expect(try Self.run("/usr/bin/unzip", ["-p", file.path, "word/document.xml"]) == String(decoding: large, as: UTF8.self))
    }

    static var namespaces: String { WordPackage.namespaces.map { " \($0.key)=\"\($0.value)\"" }.joined() }

    /// The standard output of `executable` run with `arguments`.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

extension WordPackage {
    /// The page header, body and footer as text.
    var text: (header: String, body: String, footer: String) {
        (String(decoding: header, as: UTF8.self), String(decoding: body, as: UTF8.self), String(decoding: footer, as: UTF8.self))
    }
}
