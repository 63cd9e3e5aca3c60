import Foundation
import Testing
import TrialAnalysis
@testable import TrialReport

/// Every RTF and DOCX file of the TLF package opens in LibreOffice (Debian's libreoffice-writer-nogui,
/// installed by `make test`): converted to PDF, each page shows the output's number, title,
/// population with its N, the column headers and "Page x of y" (with titles in the body, only
/// the first page of an RTF file shows them in LibreOffice; every page of a DOCX file does).
/// Skipped where LibreOffice is not installed.
@Suite("TLF package in LibreOffice", .enabled(if: LibreOffice.isInstalled))
struct TLFLibreOfficeTests {
    @Test(arguments: [TLFSettings.Placement.header, .body], [TLFSettings.Format.rtf, .docx])
    func everyPageShowsTheTitleBlockTheColumnHeadersAndPageXOfY(placement: TLFSettings.Placement, format: TLFSettings.Format) throws {
        // Enough adverse-event classes that their table runs over several pages.
        let results = DocumentSamples.results(adverseEventClasses: 40)
        let report = try DocumentSamples.compose(results)
        var plan = AnalysisPlan()
        plan.tlf.titles = placement
        plan.tlf.formats = [format]
        let files = try TLFPackage.files(tables: report.tables, results: results, plan: plan,
                                     provenance: DocumentSamples.provenance, paper: .a4)
        let outputs = TLFOutput.outputs(of: report.tables.filter { $0.number != nil }.sorted { $0.number! < $1.number! },
                                        results: results, plan: plan)
        #expect(files.count == outputs.count)
        let scratch = try ScratchFolder()
        for (path, bytes) in files {
            try Data(bytes).write(to: scratch.url.appendingPathComponent(String(path.dropFirst("tlf/".count))))
        }
        let pdfs = try LibreOffice.convert(files.map { scratch.url.appendingPathComponent(String($0.0.dropFirst("tlf/".count))) },
                                           in: scratch)
        var longest = 0
        for (output, pdf) in zip(outputs, pdfs) {
            let pages = try PDFText.extract(Array(Data(contentsOf: pdf)), raw: true)
                .split(separator: "\u{0C}", omittingEmptySubsequences: true).map { Self.squeezed(String($0)) }
            longest = max(longest, pages.count)
            for (index, page) in pages.enumerated() {
                var expected = ["Page\(index + 1)of\(pages.count)"]
                // LibreOffice 7.4 does not repeat header rows (\trhdr) of an RTF table: with titles in
                // the body, it shows them on the first page only. It repeats those of a DOCX table (w:tblHeader).
                if placement == .header || format == .docx || index == 0 {
                    expected += output.titleLines.map(Self.squeezed)
                    expected += output.table.headerRows.last!.map { Self.squeezed(Display.plainText($0.text)) }
                }
                for text in expected where !page.contains(text) {
                    Issue.record("\(output.fileName).\(format) page \(index + 1) of \(pages.count) lacks \(text)")
                }
            }
        }
        #expect(longest > 1)
    }

    /// The text without white space, minus signs as hyphens (pdftotext breaks lines inside cells).
    static func squeezed(_ text: String) -> String {
        String(Display.plainText(text).unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
            .replacingOccurrences(of: "\u{2212}", with: "-")
    }
}

/// LibreOffice run headless, with a profile of its own so that runs in parallel do not share one.
enum LibreOffice {
    static let executable = URL(fileURLWithPath: "/usr/bin/soffice")

    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

    /// Converts `files` to PDF in `scratch`, returning the PDFs in the same order.
    static func convert(_ files: [URL], in scratch: ScratchFolder) throws -> [URL] {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-env:UserInstallation=file://" + scratch.url.appendingPathComponent("profile").path,
                             "--headless", "--convert-to", "pdf", "--outdir", scratch.url.path] + files.map(\.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return files.map { $0.deletingPathExtension().appendingPathExtension("pdf") }
    }
}
