import Foundation
import Testing
import TrialReportTestSupport
@testable import TrialReport

/// report.pdf must be a valid PDF file, not one that viewers silently repair: `qpdf --check`
/// (Debian's qpdf, installed by `make test`) reads it without a warning.
@Suite("Valid report PDF")
struct PDFValidityTests {
    @Test func reportWithLinksOnManyPagesPassesQpdfCheck() throws {
        let pdf = try DocumentSamples.compose().pdf
        #expect(String(decoding: pdf, as: UTF8.self).contains("/Subtype /Link"))
        let check = try QPDFCheck.run(pdf)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("No syntax or stream encoding errors found"), "\(check.output)")
        #expect(!check.output.contains("WARNING"), "\(check.output)")
    }

    @Test func webAndMailLinksAndADocumentWithoutLinksPassQpdfCheck() throws {
        let metadata = PDFTypesetter.Metadata(title: "Links", subject: "", creator: "PDFValidityTests",
                                              date: "2000-01-01T00:00:00", footer: "Data lock: not locked")
        for text in ["# Links\n[web](https://example.org) [mail](mailto:a@b) [missing](#nowhere)\n", "# No links\nText.\n"] {
            let pdf = try PDFTypesetter(metadata: metadata)
                .pdf(MarkdownDocument(parsing: text), content: TypesetContent(tables: [], figures: []))
            let check = try QPDFCheck.run(pdf)
            #expect(check.status == 0 && !check.output.contains("WARNING"), "\(text): \(check.output)")
        }
    }

    @Test func everyLinkHasAStructureElementInTheDocumentsTree() throws {
        let pdf = String(decoding: try DocumentSamples.compose().pdf, as: UTF8.self)
        let annotations = pdf.components(separatedBy: "/Subtype /Link").count - 1
        #expect(annotations > 0)
        #expect(pdf.contains("/Type /StructTreeRoot"))
        #expect(pdf.contains("/S /Document"))
        #expect(pdf.components(separatedBy: "/S /Link").count - 1 == annotations)
    }
}

extension QPDFCheck {
    /// `check(path:)` of `pdf` written to a scratch file.
    static func run(_ pdf: [UInt8]) throws -> (status: Int32, output: String) {
        let folder = try ScratchFolder()
        let file = folder.url.appendingPathComponent("report.pdf")
        try Data(pdf).write(to: file)
        return try check(path: file.path)
    }

    /// `pdf` with its streams uncompressed and its objects one by one (`qpdf --qdf`), as text:
    /// its pages' content streams can be read operator by operator.
    static func uncompressed(_ pdf: [UInt8]) throws -> String {
        let folder = try ScratchFolder()
        let input = folder.url.appendingPathComponent("in.pdf"), output = folder.url.appendingPathComponent("out.pdf")
        try Data(pdf).write(to: input)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--qdf", "--object-streams=disable", input.path, output.path]
        try process.run()
        process.waitUntilExit()
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}
