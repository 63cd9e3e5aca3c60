import Foundation
import Testing
import TrialReportTestSupport
import TrialAnalysis
@testable import TrialReport

/// `tlf.pdf`, every output of the TLF package in one PDF: valid (`qpdf --check`), one bookmark per
/// output titled "Table 14.1.1 …" on the output's first page, and on every page of an output its
/// label, title, population, column headers and "Page x of y" counted within the output
/// (pdftotext); landscape where the RTF file is.
@Suite("TLF package as one PDF")
struct TLFPDFTests {
    /// A package whose adverse-event table runs over several pages, its outputs and tlf.pdf.
    static func package() throws -> (outputs: [TLFOutput], pdf: [UInt8]) {
        let results = DocumentSamples.results(adverseEventClasses: 40)
        let report = try DocumentSamples.compose(results)
        var plan = AnalysisPlan()
        plan.tlf.formats = [.pdf]
        let files = try TLFPackage.files(tables: report.tables, results: results, plan: plan,
                                         provenance: DocumentSamples.provenance, paper: .a4)
        let outputs = TLFOutput.outputs(of: report.tables.filter { $0.number != nil }.sorted { $0.number! < $1.number! },
                                        results: results, plan: plan)
        try #require(files.map(\.0) == [TLFPackage.pdfPath])
        return (outputs, files[0].1)
    }

    @Test func passesQpdfCheckWithoutAWarning() throws {
        let check = try QPDFCheck.run(try Self.package().pdf)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("No syntax or stream encoding errors found"), "\(check.output)")
        #expect(!check.output.contains("WARNING"), "\(check.output)")
    }

    @Test func everyPageOfAnOutputShowsItsTitleBlockColumnHeadersAndPageXOfYAndEachOutputHasABookmark() throws {
        let (outputs, pdf) = try Self.package()
        let outline = try QPDFOutline.entries(pdf)
        #expect(outline.map(\.title) == outputs.map { $0.label + " " + $0.table.caption })
        let pages = try PDFText.extract(pdf, raw: true).split(separator: "\u{0C}", omittingEmptySubsequences: true)
            .map { TLFLibreOfficeTests.squeezed(String($0)) }
        let firstPages = outline.map(\.page)
        #expect(firstPages.first == 1 && firstPages == firstPages.sorted())
        let ends = Array(firstPages.dropFirst()) + [pages.count + 1]
        var longest = 0
        for ((output, first), end) in zip(zip(outputs, firstPages), ends) {
            let count = end - first
            longest = max(longest, count)
            for index in 0..<count {
                let page = pages[first - 1 + index]
                let expected = ["Page\(index + 1)of\(count)", TLFLibreOfficeTests.squeezed(output.label),
                                TLFLibreOfficeTests.squeezed(output.table.caption), TLFLibreOfficeTests.squeezed(output.titleLines.last!)]
                    + output.table.headerRows.last!.map { TLFLibreOfficeTests.squeezed($0.text) }
                for text in expected where !page.contains(text) {
                    Issue.record("\(output.label) page \(index + 1) of \(count) lacks \(text)")
                }
            }
        }
        #expect(longest > 1)
    }

    @Test func anOutputIsLandscapeWhereItsRTFFileIs() throws {
        let (outputs, pdf) = try Self.package()
        let sizes = try QPDFOutline.pageSizes(pdf)
        let outline = try QPDFOutline.entries(pdf)
        #expect(outputs.contains { TLFTableLayout($0.table, paper: .a4, margin: TLFPageStyle.margin).landscape })
        for (output, entry) in zip(outputs, outline) {
            let size = sizes[entry.page - 1]
            #expect((size.width > size.height) == TLFTableLayout(output.table, paper: .a4, margin: TLFPageStyle.margin).landscape,
                    "\(output.label)")
        }
    }
}

/// The outline and page sizes of a PDF as `qpdf --json` reads them.
enum QPDFOutline {
    /// The top-level outline entries: title and the page (from 1) each points at.
    static func entries(_ pdf: [UInt8]) throws -> [(title: String, page: Int)] {
        let outlines = try json(pdf, key: "outlines")["outlines"] as? [[String: Any]] ?? []
        return outlines.map { ($0["title"] as? String ?? "", ($0["destpageposfrom1"] as? NSNumber)?.intValue ?? 0) }
    }

    /// Each page's width and height in points (its media box).
    static func pageSizes(_ pdf: [UInt8]) throws -> [(width: Double, height: Double)] {
        let pages = try json(pdf, key: "pages")["pages"] as? [[String: Any]] ?? []
        let objects = try json(pdf, key: "qpdf")["qpdf"] as? [Any] ?? []
        let table = (objects.count > 1 ? objects[1] : nil) as? [String: Any] ?? [:]
        return pages.map { page in
            let reference = "obj:" + (page["object"] as? String ?? "")
            let dictionary = ((table[reference] as? [String: Any])?["value"] as? [String: Any]) ?? [:]
            let box = ((dictionary["/MediaBox"] as? [Any]) ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } + [0, 0, 0, 0]
            return (box[2] - box[0], box[3] - box[1])
        }
    }

    private static func json(_ pdf: [UInt8], key: String) throws -> [String: Any] {
        let folder = try ScratchFolder()
        let file = folder.url.appendingPathComponent("tlf.pdf")
        try Data(pdf).write(to: file)
        let process = Process()
        process.executableURL = QPDFCheck.executable
        process.arguments = ["--json=2", "--json-key=" + key, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
